import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Db } from '../../electron/db/open';
import { contentHash } from '../../electron/exercise/hash';
import { canonicalJson, eventHash, genesisHash } from '../../electron/workflow/chain';
import type { ExercisePackage } from '../../shared/exercise/package';
import { addFacilitatorNote, createExercise, exerciseClock, releaseInject } from '../../electron/exercise/exercises';
import { sendEvent } from '../../electron/workflow/runs';
import type { ExerciseView } from '../../shared/exercise/exercises';
import type { IncomingEvent } from '../../shared/workflow/event-schema';
import { TO_DECISION } from './workflow';

/** Minutes after a fixed start, as ISO times: every test's clock is this one. */
export const T0 = Date.parse('2025-03-10T09:00:00.000Z');
export const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

export function accept(db: Db, runId: string, event: IncomingEvent, now: string): void {
  const sent = sendEvent(db, runId, event, now);
  if (!sent.accepted) throw new Error(`refused ${event.type}: ${sent.reasons.join(' ')}`);
}

/**
 * An exercise under way: two delegations (one taken to a decision, one part-way), the first
 * inject released to both, a second to one, and two facilitator notes. Needs the bundled
 * scenario "hospital-ransomware" in the database.
 */
export function populatedExercise(db: Db, options: { id?: string; name?: string; scenarioId?: string } = {}): ExerciseView {
  const exercise = createExercise(db, {
    name: options.name ?? 'Cold Ward, table 1',
    scenarioId: options.scenarioId ?? 'hospital-ransomware',
    delegationNames: ['Delegation North', 'Delegation South'],
    now: at(0),
    ...(options.id ? { id: options.id } : {}),
  });
  const [north, south] = exercise.delegations;
  exerciseClock(db, exercise.id, 'start', at(1));
  TO_DECISION.forEach((event, i) => accept(db, north!.runId, event, at(2 + i * 0.1)));
  accept(db, south!.runId, TO_DECISION[0]!, at(5));
  accept(db, south!.runId, { type: 'NOTE.ADD', id: 'n1', text: 'We wait for the CSIRTs Network summary.' }, at(6));
  releaseInject(db, exercise.id, 'csirt-technical-summary', 'all', at(21));
  releaseInject(db, exercise.id, 'press-patient-impact', [south!.id], at(46));
  addFacilitatorNote(db, exercise.id, 'South is slower on awareness; give them the press inject first.', at(47), `${exercise.id}-note-1`);
  exerciseClock(db, exercise.id, 'pause', at(50));
  return addFacilitatorNote(db, exercise.id, 'Break for coffee.', at(51), `${exercise.id}-note-2`);
}

/**
 * Recomputes every run's chain (seq, prevHash, hash) and every manifest section hash, as a
 * forger who knows the format would: what is left to catch a change is the importer's own
 * checks of what the app makes true.
 */
export function reseal(pkg: ExercisePackage): ExercisePackage {
  const runs = pkg.runs.map((run) => {
    let prev = genesisHash(run.id);
    const events = run.events.map((e, i) => {
      const hash = eventHash(prev, i + 1, e.at, canonicalJson(e.event));
      const sealed = { ...e, seq: i + 1, prevHash: prev, hash };
      prev = hash;
      return sealed;
    });
    return { ...run, events };
  });
  return {
    ...pkg,
    runs,
    manifest: { ...pkg.manifest, sections: { scenario: contentHash(pkg.scenario), exercise: contentHash(pkg.exercise), runs: contentHash(runs) } },
  };
}

/**
 * The database file's bytes with the write-ahead log folded in: equal bytes before and after
 * a refused import prove that nothing at all was written, not even bookkeeping.
 */
export function databaseBytes(db: Db, file: string): Buffer {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) throw new Error('the write-ahead log could not be checkpointed');
  return readFileSync(file);
}
