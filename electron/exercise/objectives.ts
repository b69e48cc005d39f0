import type { Db } from '../db/open';
import { readTransaction, writeTransaction } from '../db/transaction';
import { deleteObjectiveRating, selectObjectiveRatings, upsertObjectiveRating } from '../db/tables/objectives';
import { selectNote, selectNotes } from '../db/tables/notes';
import { selectRelease, selectReleases } from '../db/tables/releases';
import { selectEventsOfTypes, selectRun } from '../db/tables/runs';
import { selectClockAdjustments, type ExerciseRow } from '../db/tables/exercises';
import { ExerciseError } from './errors';
import { delegationsOf, readExercise } from './exercises';
import type { Problem } from '../../shared/errors';
import { HSEEP_RATINGS, HSEEP_RATING_LABELS, tieLabel, type HseepRating } from '../../shared/evaluation/objectives';
import { RATING_LIMITS, type ObjectiveRating, type ObjectivesView, type RatedObjective, type TimelineEntry } from '../../shared/evaluation/ratings';
import { formatTimelineRef, parseTimelineRef, TIMELINE_REF_FORMS } from '../../shared/evaluation/timeline-ref';
import type { Scenario, ScenarioObjective } from '../../shared/exercise/scenario';
import { longTextProblem } from '../../shared/text';
import { exerciseClock, type ExerciseClock } from '../../shared/report/clock';

/**
 * The facilitator's evaluation of an exercise against its scenario's objectives (HSEEP,
 * FRAMEWORK.md §7): one rating per objective, P, S, M or U, with the observations that support
 * it and the entries of the exercise's timeline it rests on. A re-rating replaces the rating.
 * Everything that comes in is checked before anything is written, so a refusal changes nothing.
 */

const nowIso = (): string => new Date().toISOString();

/** The run events a facilitator links a rating to: what a delegation decided, agreed or objected. */
export const LINKABLE_EVENT_TYPES: ReadonlySet<string> = new Set([
  'AWARENESS.AGREE', 'ATTRIBUTION.ATTRIBUTE', 'ATTRIBUTION.SKIP', 'DECISION.SUBMIT', 'DECISION.REOPEN', 'DISSENT.ADD', 'POSITION.SET', 'HOTWASH.SUBMIT',
]);

const objectivesOfScenario = (row: ExerciseRow): readonly ScenarioObjective[] => (JSON.parse(row.scenario_json) as Scenario).objectives ?? [];

function ratingsOf(db: Db, exerciseId: string): Map<string, ObjectiveRating> {
  return new Map(
    selectObjectiveRatings(db, exerciseId).map((r) => [
      r.objective_id,
      { rating: r.rating as HseepRating, observations: r.observations, entries: JSON.parse(r.entries) as string[], ratedAt: r.rated_at },
    ]),
  );
}

/** The scenario's objectives, in its order, each with its rating (null while not rated). */
export function ratedObjectives(db: Db, exerciseId: string): RatedObjective[] {
  return readTransaction(db, () => {
    const row = readExercise(db, exerciseId);
    const ratings = ratingsOf(db, exerciseId);
    return objectivesOfScenario(row).map((objective) => ({
      objective, tiedTo: objective.tiedTo, tieLabel: tieLabel(objective.tiedTo), rating: ratings.get(objective.id) ?? null,
    }));
  });
}

/** One line of at most `max` characters: a label, not the text. */
function short(text: string, max = 140): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What a run event says, in a line of the report's English; type strings only, so events of any workflow version read. */
function eventLabel(event: Readonly<Record<string, unknown>>): string {
  switch (event.type) {
    case 'AWARENESS.AGREE':
      return short(`Agreed the shared picture: ${str(event.text)}`);
    case 'ATTRIBUTION.ATTRIBUTE': {
      const who = str(event.actorName) || str(event.actorType) || 'an actor';
      return short(`Attributed the activity to ${who} (${str(event.confidence)} confidence)`);
    }
    case 'ATTRIBUTION.SKIP':
      return short(`Left attribution aside: ${str(event.reason)}`);
    case 'DECISION.SUBMIT':
      return short(`Submitted the decision: ${str(event.summary)}`);
    case 'DECISION.REOPEN':
      return 'Reopened the decision';
    case 'DISSENT.ADD':
      return short(`Recorded dissent: ${str(event.text)}`);
    case 'POSITION.SET':
      return short(`Position on ${str(event.measureId)}: ${str(event.stance)}${str(event.text) ? ` (${str(event.text)})` : ''}`);
    case 'HOTWASH.SUBMIT':
      return 'Submitted the hot wash';
    default:
      return short(str(event.type));
  }
}

/**
 * The exercise clock as a function of wall time, from what it stamped (notes, releases,
 * withdrawals) and its state now: the report's own reading (shared/report/clock.ts), so the
 * console and the report give an entry the same exercise time.
 */
function clockOfRow(db: Db, row: ExerciseRow): ExerciseClock {
  const readings = [
    ...selectNotes(db, row.id).map((n) => ({ at: n.at, elapsedMs: n.elapsed_ms })),
    ...selectReleases(db, row.id).flatMap((r) => [
      { at: r.released_at, elapsedMs: r.elapsed_ms },
      ...(r.withdrawn_at !== null ? [{ at: r.withdrawn_at, elapsedMs: r.withdrawn_elapsed_ms ?? 0 }] : []),
    ]),
  ];
  return exerciseClock({
    createdAt: row.created_at, readings, adjustments: selectClockAdjustments(db, row.id), status: row.clock_status,
    accumulatedMs: row.clock_accumulated_ms, runningSince: row.clock_running_since, endedAt: row.clock_ended_at, now: nowIso(),
  });
}

/** Exact where the clock's record gives it; null where it leaves a range (a pause fell somewhere around it). */
function elapsedAt(clock: ExerciseClock, at: string): number | null {
  const time = clock.at(at);
  return time.basis === 'range' ? null : time.ms;
}

/** The entries of the exercise's timeline a rating can point at, in time order. */
export function timelineEntries(db: Db, exerciseId: string): TimelineEntry[] {
  return readTransaction(db, () => entriesOf(db, readExercise(db, exerciseId)));
}

function entriesOf(db: Db, row: ExerciseRow): TimelineEntry[] {
  const scenario = JSON.parse(row.scenario_json) as Scenario;
  const delegations = delegationsOf(db, row.id);
  const names = new Map(delegations.map((d) => [d.id, d.name]));
  const clock = clockOfRow(db, row);
  const entries: TimelineEntry[] = [];
  for (const n of selectNotes(db, row.id)) {
    entries.push({
      ref: formatTimelineRef({ kind: 'note', noteId: n.id }), kind: 'note', at: n.at, elapsedMs: n.elapsed_ms, delegation: null, eventType: null,
      label: short(`${n.deleted_at !== null ? '(deleted) ' : ''}Observation: ${n.text}`),
    });
  }
  for (const r of selectReleases(db, row.id)) {
    const title = scenario.injects.find((i) => i.id === r.inject_id)?.title ?? r.inject_id;
    entries.push({
      ref: formatTimelineRef({ kind: 'release', delegationId: r.delegation_id, injectId: r.inject_id }), kind: 'release', at: r.released_at,
      elapsedMs: r.elapsed_ms, delegation: names.get(r.delegation_id) ?? null, eventType: null,
      label: short(`Released "${title}"${r.withdrawn_at !== null ? ' (withdrawn)' : ''}`),
    });
  }
  for (const d of delegations) {
    for (const e of selectEventsOfTypes(db, d.run_id, [...LINKABLE_EVENT_TYPES])) {
      const event = JSON.parse(e.event) as Record<string, unknown>;
      entries.push({
        ref: formatTimelineRef({ kind: 'run', runId: d.run_id, seq: e.seq }), kind: 'run', at: e.at, elapsedMs: elapsedAt(clock, e.at),
        delegation: d.name, eventType: str(event.type), label: eventLabel(event),
      });
    }
  }
  // Stable: entries of one instant keep the order above (observations, releases, runs in the delegations' order).
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** The objectives with their ratings and the entries they can link to: what the console's panel shows. */
export function objectivesOf(db: Db, exerciseId: string): ObjectivesView {
  return readTransaction(db, () => ({
    exerciseId,
    objectives: ratedObjectives(db, exerciseId),
    entries: entriesOf(db, readExercise(db, exerciseId)),
  }));
}

export interface RatingInput {
  readonly objectiveId: unknown;
  readonly rating: unknown;
  readonly observations: unknown;
  readonly entries: unknown;
}

/** What is wrong with a reference in this exercise, or null: it must name an entry of its own timeline. */
function refProblem(db: Db, row: ExerciseRow, text: string): string | null {
  const ref = parseTimelineRef(text);
  if (ref === null) return `${JSON.stringify(text.slice(0, 120))} is not a timeline entry: expected ${TIMELINE_REF_FORMS}.`;
  switch (ref.kind) {
    case 'run': {
      const delegation = delegationsOf(db, row.id).find((d) => d.run_id === ref.runId);
      if (!delegation) return `the exercise "${row.name}" has no delegation whose run is ${JSON.stringify(ref.runId)}.`;
      const count = selectRun(db, ref.runId)?.event_count ?? 0;
      return ref.seq <= count ? null : `the run of ${delegation.name} has ${count} event${count === 1 ? '' : 's'}; there is no event ${ref.seq}.`;
    }
    case 'note':
      return selectNote(db, row.id, ref.noteId) ? null : `the exercise "${row.name}" has no observation ${JSON.stringify(ref.noteId)}.`;
    case 'release': {
      const name = delegationsOf(db, row.id).find((d) => d.id === ref.delegationId)?.name;
      if (name === undefined) return `the exercise "${row.name}" has no delegation ${JSON.stringify(ref.delegationId)}.`;
      return selectRelease(db, row.id, ref.injectId, ref.delegationId) ? null : `the inject "${ref.injectId}" was not released to ${name}.`;
    }
  }
}

/** The rating as it will be stored, or the problems, each at its field. */
function checkRating(db: Db, row: ExerciseRow, input: RatingInput): { rating: Omit<ObjectiveRating, 'ratedAt'> & { objectiveId: string } } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const objectives = objectivesOfScenario(row);
  const { objectiveId, rating, observations, entries } = input;
  if (typeof objectiveId !== 'string' || !objectives.some((o) => o.id === objectiveId)) {
    const known = objectives.length === 0 ? 'it has none' : `it has ${objectives.map((o) => JSON.stringify(o.id)).join(', ')}`;
    problems.push({ path: 'objectiveId', message: `the scenario of "${row.name}" has no objective ${JSON.stringify(objectiveId)} (${known}).` });
  }
  if (typeof rating !== 'string' || !(HSEEP_RATINGS as readonly string[]).includes(rating)) {
    problems.push({ path: 'rating', message: `expected one of ${HSEEP_RATINGS.map((r) => `${r} (${HSEEP_RATING_LABELS[r].toLowerCase()})`).join(', ')}, got ${JSON.stringify(rating) ?? 'nothing'}.` });
  }
  let text = '';
  if (typeof observations !== 'string') problems.push({ path: 'observations', message: 'expected text.' });
  else {
    text = observations.trim();
    if (text.length > RATING_LIMITS.observations) problems.push({ path: 'observations', message: `at most ${RATING_LIMITS.observations.toLocaleString('en')} characters.` });
    else {
      const problem = longTextProblem(text);
      if (problem !== null) problems.push({ path: 'observations', message: problem });
    }
  }
  const refs: string[] = [];
  if (!Array.isArray(entries)) problems.push({ path: 'entries', message: 'expected a list of timeline entries.' });
  else if (entries.length > RATING_LIMITS.entries) problems.push({ path: 'entries', message: `at most ${RATING_LIMITS.entries} entries.` });
  else {
    const seen = new Set<string>();
    entries.forEach((entry: unknown, i) => {
      if (typeof entry !== 'string') {
        problems.push({ path: `entries[${i}]`, message: 'expected a timeline entry as text.' });
        return;
      }
      if (seen.has(entry)) {
        problems.push({ path: `entries[${i}]`, message: `${JSON.stringify(entry)} is linked twice.` });
        return;
      }
      seen.add(entry);
      const problem = refProblem(db, row, entry);
      if (problem !== null) problems.push({ path: `entries[${i}]`, message: problem });
      else refs.push(entry);
    });
  }
  if (problems.length > 0) return { problems };
  return { rating: { objectiveId: objectiveId as string, rating: rating as HseepRating, observations: text, entries: refs } };
}

/**
 * Rates an objective (or rates it again: the rating is replaced, with the new time). Refuses an
 * objective the scenario does not have, a rating off the scale, observations too long or with
 * control characters, and an entry that is not one of this exercise's timeline; writes nothing then.
 */
export function rateObjective(db: Db, exerciseId: string, input: RatingInput, now = nowIso()): ObjectivesView {
  writeTransaction(db, () => {
    const row = readExercise(db, exerciseId);
    const checked = checkRating(db, row, input);
    if ('problems' in checked) throw new ExerciseError('The rating was not saved.', checked.problems);
    const { objectiveId, rating, observations, entries } = checked.rating;
    upsertObjectiveRating(db, exerciseId, { objectiveId, rating, observations, entries: JSON.stringify(entries), ratedAt: now });
  });
  return objectivesOf(db, exerciseId);
}

/** Takes an objective's rating away: it is not rated again until the facilitator rates it. */
export function clearObjectiveRating(db: Db, exerciseId: string, objectiveId: string): ObjectivesView {
  writeTransaction(db, () => {
    const row = readExercise(db, exerciseId);
    if (!objectivesOfScenario(row).some((o) => o.id === objectiveId)) {
      throw new ExerciseError(`The scenario of "${row.name}" has no objective ${JSON.stringify(objectiveId)}.`);
    }
    deleteObjectiveRating(db, exerciseId, objectiveId);
  });
  return objectivesOf(db, exerciseId);
}

/**
 * An imported package's ratings, already checked against the package by the importer: stored
 * as they came, with their own times, so that the exercise exports to the same hash. Inside
 * the import's transaction.
 */
export function insertImportedRatings(
  db: Db,
  exerciseId: string,
  ratings: readonly { readonly objectiveId: string; readonly rating: HseepRating; readonly observations: string; readonly entries: readonly string[]; readonly ratedAt: string }[],
): void {
  for (const r of ratings) upsertObjectiveRating(db, exerciseId, { ...r, entries: JSON.stringify(r.entries) });
}

/** The ratings as a package carries them: in the scenario's order of objectives, rated ones only. */
export function ratingsForPackage(db: Db, exerciseId: string): { objectiveId: string; rating: HseepRating; observations: string; entries: string[]; ratedAt: string }[] {
  return ratedObjectives(db, exerciseId).flatMap(({ objective, rating }) =>
    rating === null ? [] : [{ objectiveId: objective.id, rating: rating.rating, observations: rating.observations, entries: [...rating.entries], ratedAt: rating.ratedAt }],
  );
}
