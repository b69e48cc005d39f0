import type { Db } from '../db/open';
import { readTransaction } from '../db/transaction';
import { clockOf, delegationsOf, releasesOf } from './exercises';
import { selectExercise } from '../db/tables/exercises';
import type { RoomView } from '../../shared/exercise/exercises';
import type { Scenario } from '../../shared/exercise/scenario';
import { positionsOf } from '../consensus/joint';
import { roomPositionsOf } from '../../shared/consensus/table';

/**
 * What the room's screen shows, built here so that the projector's window never receives the
 * facilitator's notes, an unreleased inject's title or text, or anything of the runs: the
 * markings, the clock, the injects released so far, and (if the facilitator chooses) when
 * the next planned one is due and the table of positions (the delegations' stances and their
 * texts, levels and principles' statuses; never a run's notes or anything else of it).
 */
export function roomView(db: Db, exerciseId: string, showCountdown: boolean, now = new Date().toISOString()): RoomView | null {
  return readTransaction(db, () => {
    const row = selectExercise(db, exerciseId);
    if (!row) return null;
    const scenario = JSON.parse(row.scenario_json) as Scenario;
    const names = new Map(delegationsOf(db, exerciseId).map((d) => [d.id, d.name]));
    const releases = releasesOf(db, exerciseId);
    const released = scenario.injects.flatMap((inject): RoomView['released'][number][] => {
      const of = releases.filter((r) => r.injectId === inject.id);
      if (of.length === 0) return [];
      const standing = of.filter((r) => r.withdrawnAt === null);
      const first = of[0]!;
      return [{
        injectId: inject.id,
        title: inject.title,
        releasedAt: first.releasedAt,
        elapsedMs: first.elapsedMs,
        delegations: standing.map((r) => names.get(r.delegationId) ?? ''),
        withdrawn: standing.length === 0,
      }];
    }).sort((a, b) => (a.releasedAt < b.releasedAt ? -1 : a.releasedAt > b.releasedAt ? 1 : 0));
    const clock = clockOf(row, now);
    const next = clock.status === 'ended' ? undefined : scenario.injects
      .filter((i) => !releases.some((r) => r.injectId === i.id))
      .map((i) => i.offsetMinutes * 60_000)
      .sort((a, b) => a - b)[0];
    return {
      exerciseId,
      name: row.name,
      marking: scenario.classification.marking,
      tlp: scenario.classification.tlp,
      clock,
      released,
      nextInjectAtMs: showCountdown ? next ?? null : null,
      showCountdown,
      positions: row.room_shows_positions === 1 ? roomPositionsOf(positionsOf(db, exerciseId)) : null,
    };
  });
}
