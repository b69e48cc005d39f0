import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';
import { readTransaction } from '../db/transaction';
import {
  deleteExercise as deleteExerciseRow, insertClockAdjustment, insertExercise, selectClockAdjustments, selectExercise, selectExercises, updateClock,
  updateClockEnded, type ExerciseRow,
} from '../db/tables/exercises';
import {
  countDelegations, insertDelegation, ownerOfRun, selectDelegations, updateDelegationName, type DelegationRow,
} from '../db/tables/delegations';
import { countReleasesTo, insertRelease, selectRelease, selectReleasedAt, selectReleases, updateReleaseWithdrawn } from '../db/tables/releases';
import { insertNote, selectNoteRevisions, selectNotes } from '../db/tables/notes';
import { selectKit, selectKitCodes, selectKitsOfExercise, type KitRow } from '../db/tables/kits';
import { selectWorkspace, selectWorkspaceInjects } from '../db/tables/workspaces';
import { fingerprintOf } from '../exchange/keys';
import { selectRun, updateRunName } from '../db/tables/runs';
import { createRun, deleteRun, getRun, sendEvent } from '../workflow/runs';
import { canonicalJson } from '../workflow/chain';
import { ExerciseError } from './errors';
import { contentHash } from './hash';
import { getScenario } from './scenarios';
import { reportDetailsOf } from './plan';
import { levelFacts } from '../../shared/framework/proportionality';
import { PRINCIPLE_IDS } from '../../shared/framework/catalogue';
import { assessRun, caseFactsOf } from '../../shared/workflow/rules';
import type { Scenario, ScenarioInject } from '../../shared/exercise/scenario';
import { EXERCISE_LIMITS } from '../../shared/exercise/limits';
import { longTextProblem, nameKey, nameProblem } from '../../shared/text';
import type {
  ClockAction, ClockState, ClockStatus, ClockView, DelegationView, ExerciseSummary, ExerciseView, FacilitatorNote, InjectRelease,
  InjectStatus, ReleaseResult, RunExercise, ScenarioContext,
} from '../../shared/exercise/exercises';
import type { ReleaseCode } from '../../shared/exchange/views';
import type { KitScenario } from '../../shared/exchange/views';

/**
 * The exercise service. Every function takes `now` (an ISO time) instead of reading the
 * clock, so tests are deterministic and the exercise clock is computed, never ticked.
 * Delegations work in ordinary runs; injects reach them only through sendEvent, so the
 * run's hash-chained log records exactly what each delegation received and when.
 */
export const EXERCISE_NAME_MAX = EXERCISE_LIMITS.exerciseName;
export const DELEGATION_NAME_MAX = EXERCISE_LIMITS.delegationName;
export const MAX_DELEGATIONS = EXERCISE_LIMITS.delegations;
export const NOTE_MAX = EXERCISE_LIMITS.note;

const nowIso = (): string => new Date().toISOString();

export function readExercise(db: Db, id: string): ExerciseRow {
  const row = selectExercise(db, id);
  if (!row) throw new ExerciseError(`There is no exercise with id ${id}.`);
  return row;
}

export function delegationsOf(db: Db, exerciseId: string): DelegationRow[] {
  return selectDelegations(db, exerciseId);
}

export function releasesOf(db: Db, exerciseId: string): InjectRelease[] {
  return selectReleases(db, exerciseId).map((r) => ({
    injectId: r.inject_id, delegationId: r.delegation_id, releasedAt: r.released_at, elapsedMs: r.elapsed_ms,
    withdrawnAt: r.withdrawn_at, withdrawnElapsedMs: r.withdrawn_elapsed_ms,
  }));
}

export function notesOf(db: Db, exerciseId: string): FacilitatorNote[] {
  const revisions = new Map<string, { replacedAt: string; text: string }[]>();
  for (const r of selectNoteRevisions(db, exerciseId)) {
    const list = revisions.get(r.note_id) ?? [];
    list.push({ replacedAt: r.replaced_at, text: r.text });
    revisions.set(r.note_id, list);
  }
  return selectNotes(db, exerciseId).map((n) => ({
    id: n.id, at: n.at, elapsedMs: n.elapsed_ms, text: n.text, revisions: revisions.get(n.id) ?? [], deletedAt: n.deleted_at,
  }));
}

function parseTime(iso: string, what: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new ExerciseError(`${what} is not a valid time: ${JSON.stringify(iso)}.`);
  return t;
}

/** The clock's status as shown: an ended exercise's clock is stored paused, with its end. */
const statusOf = (row: ExerciseRow): ClockStatus => (row.clock_ended_at !== null ? 'ended' : row.clock_status);

/** Elapsed exercise time; a wall clock that went backwards counts as no time, never as negative. */
export function clockOf(row: ExerciseRow, now: string): ClockView {
  const running = row.clock_status === 'running' && row.clock_running_since !== null;
  const stretch = running ? Math.max(0, parseTime(now, 'now') - parseTime(row.clock_running_since!, 'running-since')) : 0;
  return {
    status: statusOf(row),
    accumulatedMs: row.clock_accumulated_ms,
    runningSince: row.clock_running_since,
    elapsedMs: row.clock_accumulated_ms + stretch,
    endedAt: row.clock_ended_at,
  };
}

function summaryOf(db: Db, row: ExerciseRow, now: string): ExerciseSummary {
  const scenario = JSON.parse(row.scenario_json) as Scenario;
  return {
    id: row.id,
    name: row.name,
    scenarioId: row.scenario_id,
    scenarioTitle: scenario.title,
    createdAt: row.created_at,
    clock: clockOf(row, now),
    delegationCount: countDelegations(db, row.id),
  };
}

export function listExercises(db: Db, now = nowIso()): ExerciseSummary[] {
  return readTransaction(db, () => {
    return selectExercises(db).map((row) => summaryOf(db, row, now));
  });
}

export function getExerciseSummary(db: Db, id: string, now = nowIso()): ExerciseSummary {
  return readTransaction(db, () => summaryOf(db, readExercise(db, id), now));
}

function delegationView(db: Db, d: DelegationRow, kits: ReadonlyMap<string, KitRow>): DelegationView {
  const kit = kits.get(d.id);
  const released = countReleasesTo(db, d.id);
  const run = getRun(db, d.run_id);
  const { context } = run.snapshot;
  const ratings = Object.fromEntries(Object.entries(context.ratings).map(([dim, r]) => [dim, r?.value])) as DelegationView['ratings'];
  return {
    id: d.id,
    name: d.name,
    runId: d.run_id,
    run: {
      id: run.id, name: run.name, createdAt: run.createdAt, updatedAt: run.updatedAt,
      step: run.step, stepsDone: run.stepsDone, eventCount: run.eventCount,
    },
    ratings,
    level: assessRun(context)?.level ?? null,
    levelFacts: levelFacts(caseFactsOf(context)),
    measures: context.measures.map((m) => ({ measureId: m.measureId, outsideSuggestion: m.outsideSuggestion })),
    injectsReceived: context.injects.map((i) => i.id),
    kit: kit
      ? {
          kitId: kit.kit_id, issuedAt: kit.issued_at, sealed: kit.sealed === 1,
          laptopFingerprint: kit.laptop_key === null ? null : fingerprintOf(kit.laptop_key), lastReturnAt: kit.last_return_at,
        }
      : null,
    removable: run.eventCount === 0 && released === 0 && kit === undefined,
    principlesNotMet: PRINCIPLE_IDS.filter((p) => context.principles[p]?.status === 'not-met'),
    hotWash: context.hotWash === null ? null : { at: context.hotWash.at, source: context.hotWash.source },
  };
}

/** The whole view in one read transaction: another process may be writing to the same file. */
export function getExercise(db: Db, id: string, now = nowIso()): ExerciseView {
  return readTransaction(db, () => exerciseView(db, id, now));
}

function exerciseView(db: Db, id: string, now: string): ExerciseView {
  const row = readExercise(db, id);
  const summary = summaryOf(db, row, now);
  const scenario = JSON.parse(row.scenario_json) as Scenario;
  const kits = selectKitsOfExercise(db, id);
  const delegations = delegationsOf(db, id).map((d) => delegationView(db, d, kits));
  const releases = releasesOf(db, id);
  const names = new Map(delegations.map((d) => [d.id, d.name]));
  const codesOf = new Map([...kits.keys()].map((delegationId) => [delegationId, selectKitCodes(db, delegationId)]));
  const injects: InjectStatus[] = scenario.injects.map((inject) => {
    const releasedTo = releases.filter((r) => r.injectId === inject.id).map((r) => r.delegationId);
    const codes = releasedTo.flatMap((delegationId): ReleaseCode[] => {
      const code = codesOf.get(delegationId)?.get(inject.id);
      return code === undefined ? [] : [{ delegationId, delegation: names.get(delegationId) ?? delegationId, code }];
    });
    const plannedAtMs = inject.offsetMinutes * 60_000;
    return { inject, plannedAtMs, releasedTo, codes, due: summary.clock.status !== 'ended' && plannedAtMs <= summary.clock.elapsedMs && releasedTo.length < delegations.length };
  });
  return {
    ...summary,
    scenario,
    scenarioHash: row.scenario_hash,
    delegations,
    releases,
    notes: notesOf(db, id),
    ...reportDetailsOf(db, id),
    injects,
    dueInjectIds: injects.filter((i) => i.due).map((i) => i.inject.id),
    clockAdjustments: selectClockAdjustments(db, id),
  };
}

/**
 * Trims what was typed (spaces at the ends are never meant), then applies the same rules as
 * an imported package, so whatever the app stores it can also export and import again.
 */
export function cleanName(raw: string, what: string, max: number): string {
  const name = raw.trim();
  if (name.length === 0) throw new ExerciseError(`${what} needs a name.`);
  if (name.length > max) throw new ExerciseError(`${what}'s name can have at most ${max} characters.`);
  const problem = nameProblem(name);
  if (problem !== null) throw new ExerciseError(`${what}'s name ${problem}.`);
  return name;
}

export interface CreateExerciseInput {
  readonly name: string;
  readonly scenarioId: string;
  readonly delegationNames: readonly string[];
  readonly now?: string;
  readonly id?: string;
}

/** The exercise a run belongs to, with its classification marking; null for a run of its own. */
export function exerciseOfRun(db: Db, runId: string): RunExercise | null {
  return readTransaction(db, () => {
    const row = ownerOfRun(db, runId);
    if (row) {
      const scenario = JSON.parse(row.scenarioJson) as Scenario;
      const { classification } = scenario;
      const own = selectReleases(db, row.id).filter((r) => r.delegation_id === row.delegationId);
      const withdrawn = own.filter((r) => r.withdrawn_at !== null).map((r) => ({ injectId: r.inject_id, at: r.withdrawn_at! }));
      return {
        exerciseId: row.id, exerciseName: row.name, delegation: row.delegation, marking: classification.marking, tlp: classification.tlp, workspace: false,
        playedElsewhereSince: selectRun(db, runId)?.played_elsewhere_since ?? null,
        withdrawn,
        injectTimes: Object.fromEntries(own.map((r) => [r.inject_id, r.elapsed_ms])),
        context: contextOf(scenario, scenario.injects, getRun(db, runId).snapshot.context.injects.map((i) => i.id)),
      };
    }
    // On a delegation's laptop, the run a kit opened belongs to the exercise as its workspace holds it.
    const workspace = selectWorkspace(db, runId);
    if (!workspace) return null;
    const scenario = JSON.parse(workspace.scenario_json) as KitScenario;
    const opened = selectWorkspaceInjects(db, runId).flatMap((i) => (i.opened === null ? [] : [JSON.parse(i.opened) as ScenarioInject]));
    return {
      exerciseId: workspace.exercise_id, exerciseName: workspace.exercise_name, delegation: workspace.delegation_name,
      marking: scenario.classification.marking, tlp: scenario.classification.tlp, workspace: true, playedElsewhereSince: null,
      withdrawn: JSON.parse(workspace.withdrawn) as { injectId: string; at: string }[],
      injectTimes: {},
      context: contextOf(scenario, opened, opened.map((i) => i.id)),
    };
  });
}

/** What a delegation may see of its scenario: never the facilitator's notes, nor an inject it has not received. */
function contextOf(scenario: KitScenario, injects: readonly ScenarioInject[], received: readonly string[]): ScenarioContext {
  const has = new Set(received);
  const suggestedFindings = Object.fromEntries(
    injects.filter((i) => has.has(i.id) && (i.suggestedFindings?.length ?? 0) > 0).map((i) => [i.id, i.suggestedFindings!]),
  );
  return { title: scenario.title, incident: scenario.incident, background: scenario.background, questions: scenario.questions, suggestedFindings };
}

export const runNameOf = (exercise: string, delegation: string): string => `${exercise} — ${delegation}`;

/** Creates the exercise and one run per delegation, named "<exercise> — <delegation>", in one transaction. */
export function createExercise(db: Db, input: CreateExerciseInput): ExerciseView {
  const now = input.now ?? nowIso();
  const name = cleanName(input.name, 'An exercise', EXERCISE_NAME_MAX);
  const delegations = input.delegationNames.map((n) => cleanName(n, 'A delegation', DELEGATION_NAME_MAX));
  if (delegations.length === 0) throw new ExerciseError('An exercise needs at least one delegation.');
  if (delegations.length > MAX_DELEGATIONS) throw new ExerciseError(`An exercise can have at most ${MAX_DELEGATIONS} delegations.`);
  const seen = new Set<string>();
  for (const d of delegations) {
    // "Estonia" and "estonia" (or two spellings of one accent) in one exercise is a typo, not two delegations.
    const key = nameKey(d);
    if (seen.has(key)) throw new ExerciseError(`The delegation "${d}" is listed twice.`);
    seen.add(key);
  }
  const { scenario } = getScenario(db, input.scenarioId);
  const id = input.id ?? randomUUID();
  db.transaction(() => {
    insertExercise(db, {
      id, name, scenarioId: scenario.id, scenarioJson: canonicalJson(scenario), scenarioHash: contentHash(scenario), createdAt: now,
      clock: { status: 'not-started', accumulatedMs: 0, runningSince: null },
    });
    delegations.forEach((delegation, position) => {
      const run = createRun(db, runNameOf(name, delegation), { now });
      insertDelegation(db, { id: randomUUID(), exerciseId: id, position, name: delegation, runId: run.id });
    });
  }).immediate();
  return getExercise(db, id, now);
}

/**
 * Renames a delegation (a typo, or a seat that changed hands) and its run with it. The
 * run's log is untouched: names are not part of the record the hash chain covers.
 */
export function renameDelegation(db: Db, exerciseId: string, delegationId: string, rawName: string, now = nowIso()): ExerciseView {
  const name = cleanName(rawName, 'A delegation', DELEGATION_NAME_MAX);
  db.transaction(() => {
    const exercise = readExercise(db, exerciseId);
    const all = delegationsOf(db, exerciseId);
    const delegation = all.find((d) => d.id === delegationId);
    if (!delegation) throw new ExerciseError(`The exercise "${exercise.name}" has no delegation with id ${delegationId}.`);
    const key = nameKey(name);
    const clash = all.find((d) => d.id !== delegationId && nameKey(d.name) === key);
    if (clash) throw new ExerciseError(`The exercise "${exercise.name}" already has a delegation named "${clash.name}".`);
    updateDelegationName(db, delegationId, name);
    updateRunName(db, delegation.run_id, runNameOf(exercise.name, name), now);
  }).immediate();
  return getExercise(db, exerciseId, now);
}

/** Deletes the exercise with its delegations' runs, releases and notes. */
export function deleteExercise(db: Db, id: string): void {
  db.transaction(() => {
    readExercise(db, id);
    const runs = delegationsOf(db, id).map((d) => d.run_id);
    deleteExerciseRow(db, id);
    for (const runId of runs) deleteRun(db, runId);
  }).immediate();
}

const CLOCK_RULES: { readonly [A in ClockAction]: { readonly from: readonly ClockStatus[]; readonly to: ClockState; readonly why: string } } = {
  start: { from: ['not-started'], to: 'running', why: 'only an exercise that has not started can be started' },
  pause: { from: ['running'], to: 'paused', why: 'only a running clock can be paused' },
  resume: { from: ['paused'], to: 'running', why: 'only a paused clock can be resumed' },
  // Ended for good: the clock stays paused at its last reading, so every reading before keeps its meaning.
  end: { from: ['running', 'paused'], to: 'paused', why: 'only an exercise under way can be ended' },
};

const STATUS_WORDS: { readonly [S in ClockStatus]: string } = { 'not-started': 'has not started', running: 'is running', paused: 'is paused', ended: 'has ended' };

export function exerciseClock(db: Db, id: string, action: ClockAction, now = nowIso()): ExerciseView {
  db.transaction(() => {
    const row = readExercise(db, id);
    const rule = CLOCK_RULES[action];
    const status = statusOf(row);
    if (!rule.from.includes(status)) {
      throw new ExerciseError(`Cannot ${action} the clock: it ${STATUS_WORDS[status]}, and ${rule.why}.`);
    }
    parseTime(now, 'now');
    // Pausing (or ending) folds the running stretch into the accumulated time; starting or resuming opens a new one.
    const accumulated = rule.to === 'paused' ? clockOf(row, now).elapsedMs : row.clock_accumulated_ms;
    updateClock(db, id, { status: rule.to, accumulatedMs: accumulated, runningSince: rule.to === 'running' ? now : null });
    if (action === 'end') updateClockEnded(db, id, now);
  }).immediate();
  return getExercise(db, id, now);
}

/**
 * Corrects the exercise clock by `deltaMs` (forward or back), for the reason given, which the
 * record keeps. A running clock folds its stretch in and runs on from now, so the readings
 * after the correction follow the wall clock from its new value.
 */
export function adjustClock(db: Db, id: string, deltaMs: number, reason: string, now = nowIso()): ExerciseView {
  const why = reason.trim();
  if (why.length === 0) throw new ExerciseError('Say why the clock is adjusted: the record keeps the reason.');
  const problem = longTextProblem(why);
  if (problem !== null) throw new ExerciseError(`The reason ${problem}.`);
  if (why.length > NOTE_MAX) throw new ExerciseError(`A reason can have at most ${NOTE_MAX} characters.`);
  if (!Number.isSafeInteger(deltaMs) || deltaMs === 0) throw new ExerciseError('An adjustment moves the clock by a whole number of milliseconds, not by nothing.');
  db.transaction(() => {
    const row = readExercise(db, id);
    const status = statusOf(row);
    if (status !== 'running' && status !== 'paused') throw new ExerciseError(`Cannot adjust the clock: it ${STATUS_WORDS[status]}.`);
    const before = clockOf(row, now).elapsedMs;
    if (before + deltaMs < 0) throw new ExerciseError(`The clock shows ${Math.round(before / 1000)} s; it cannot go back further than its start.`);
    insertClockAdjustment(db, id, { at: now, elapsedBeforeMs: before, deltaMs, reason: why });
    updateClock(db, id, { status: row.clock_status, accumulatedMs: before + deltaMs, runningSince: row.clock_status === 'running' ? now : null });
  }).immediate();
  return getExercise(db, id, now);
}

/**
 * Releases an inject to the chosen delegations: INJECT.RECEIVE goes through sendEvent to
 * each one's run (so the machine and the chain record it), all in one transaction. A
 * delegation that already has the inject is skipped and reported, never sent it twice; if
 * any run refuses the event, nothing at all is released.
 */
export function releaseInject(
  db: Db,
  exerciseId: string,
  injectId: string,
  to: readonly string[] | 'all',
  now = nowIso(),
): ReleaseResult {
  const outcome = db.transaction(() => {
    const row = readExercise(db, exerciseId);
    if (row.clock_ended_at !== null) throw new ExerciseError(`The exercise "${row.name}" has ended (${row.clock_ended_at}); nothing more can be released.`);
    const scenario = JSON.parse(row.scenario_json) as Scenario;
    const inject = scenario.injects.find((i) => i.id === injectId);
    if (!inject) throw new ExerciseError(`The scenario "${scenario.title}" has no inject with id "${injectId}".`);
    const all = delegationsOf(db, exerciseId);
    let chosen: DelegationRow[];
    if (to === 'all') chosen = all;
    else {
      if (to.length === 0) throw new ExerciseError('Choose at least one delegation to release the inject to.');
      chosen = [...new Set(to)].map((delegationId) => {
        const found = all.find((d) => d.id === delegationId);
        if (!found) throw new ExerciseError(`The exercise "${row.name}" has no delegation with id ${delegationId}.`);
        return found;
      });
    }
    const elapsedMs = clockOf(row, now).elapsedMs;
    const released: string[] = [];
    const skipped: { delegationId: string; reason: string }[] = [];
    const codes: ReleaseCode[] = [];
    for (const d of chosen) {
      const previous = selectReleasedAt(db, exerciseId, injectId, d.id);
      if (previous !== undefined) {
        skipped.push({ delegationId: d.id, reason: `${d.name} already received "${inject.title}" at ${previous}.` });
        continue;
      }
      // A delegation whose kit is out plays on its own laptop: the release is its code, and the receipt comes back with its return.
      if (selectKit(db, d.id)) {
        const code = selectKitCodes(db, d.id).get(inject.id);
        if (code === undefined) throw new ExerciseError(`Not released: the kit of ${d.name} holds no code for "${inject.title}".`);
        insertRelease(db, { exerciseId, injectId, delegationId: d.id, releasedAt: now, elapsedMs });
        released.push(d.id);
        codes.push({ delegationId: d.id, delegation: d.name, code });
        continue;
      }
      // The inject's texts go into the run as data; the UI shows them as plain text.
      const sent = sendEvent(db, d.run_id, { type: 'INJECT.RECEIVE', id: inject.id, title: inject.title, body: inject.body }, now);
      if (!sent.accepted) {
        throw new ExerciseError(`Not released: the run of ${d.name} refused the inject "${inject.title}": ${sent.reasons.join(' ')}`);
      }
      insertRelease(db, { exerciseId, injectId, delegationId: d.id, releasedAt: now, elapsedMs });
      released.push(d.id);
    }
    return { released, skipped, codes };
  }).immediate();
  return { exercise: getExercise(db, exerciseId, now), ...outcome };
}

/**
 * Takes a release back (the wrong inject went out): the release and the delegation's receipt
 * stay in the record, marked withdrawn with the time and the exercise clock, and the
 * delegation sees it withdrawn.
 */
export function withdrawRelease(db: Db, exerciseId: string, injectId: string, delegationId: string, now = nowIso()): ExerciseView {
  db.transaction(() => {
    const row = readExercise(db, exerciseId);
    const delegation = delegationsOf(db, exerciseId).find((d) => d.id === delegationId);
    if (!delegation) throw new ExerciseError(`The exercise "${row.name}" has no delegation with id ${delegationId}.`);
    const release = selectRelease(db, exerciseId, injectId, delegationId);
    if (!release) throw new ExerciseError(`The inject "${injectId}" was not released to ${delegation.name}, so there is nothing to withdraw.`);
    if (release.withdrawn_at !== null) throw new ExerciseError(`The inject "${injectId}" was already withdrawn from ${delegation.name} at ${release.withdrawn_at}.`);
    updateReleaseWithdrawn(db, exerciseId, injectId, delegationId, now, clockOf(row, now).elapsedMs);
  }).immediate();
  return getExercise(db, exerciseId, now);
}

export function addFacilitatorNote(db: Db, exerciseId: string, text: string, now = nowIso(), id: string = randomUUID()): ExerciseView {
  if (text.trim().length === 0) throw new ExerciseError('A note needs some text.');
  if (text.length > NOTE_MAX) throw new ExerciseError(`A note can have at most ${NOTE_MAX} characters.`);
  // The same rule as a package's notes: what the app stores, an export must be able to carry.
  const problem = longTextProblem(text);
  if (problem) throw new ExerciseError(`The note was not added: it ${problem}.`);
  db.transaction(() => {
    const row = readExercise(db, exerciseId);
    insertNote(db, { id, exerciseId, at: now, elapsedMs: clockOf(row, now).elapsedMs, text });
  }).immediate();
  return getExercise(db, exerciseId, now);
}
