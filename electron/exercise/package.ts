import type { Problem } from '../../shared/errors';
import type { Db } from '../db/open';
import { readTransaction } from '../db/transaction';
import { exerciseExists, insertClockAdjustment, insertExercise, selectClockAdjustments, updateClockEnded } from '../db/tables/exercises';
import { delegationExists, insertDelegation } from '../db/tables/delegations';
import { insertRelease } from '../db/tables/releases';
import { insertNote, insertNoteRevision, noteExists } from '../db/tables/notes';
import { runExists, selectRunOrigin, updatePlayedElsewhere } from '../db/tables/runs';
import { insertKit, insertKitCode, selectKit, selectKitCodes } from '../db/tables/kits';
import { canonicalJson, eventHash, genesisHash, storedEvent, verifyChain, type ChainedEvent } from '../workflow/chain';
import { insertVerifiedRun, replayChecked, runChain } from '../workflow/runs';
import { PackageError } from './errors';
import { checkJointDecision, insertImportedJointEntries, jointEntriesForPackage } from '../consensus/package';
import { contentHash } from './hash';
import { parseCappedJson } from '../files/read';
import { delegationsOf, getExerciseSummary, notesOf, readExercise, releasesOf } from './exercises';
import { adoptScenario, getScenario, importValidScenario, validateScenario } from './scenarios';
import { reportDetailsOf, saveReportDetails } from './plan';
import { insertImportedRatings, ratingsForPackage } from './objectives';
import { itemOfPackaged, packagedItem } from '../../shared/report/plan';
import { parseTimelineRef, TIMELINE_REF_FORMS } from '../../shared/evaluation/timeline-ref';
import { formatIssues } from '../../shared/validation';
import { nameKey } from '../../shared/text';
import { STAMPED_EVENT_TYPES } from '../../shared/workflow/event-schema';
import { versionRefusal, WORKFLOW_MACHINE_VERSION } from '../../shared/workflow/machine';
import {
  EXERCISE_PACKAGE_FORMAT, MAX_PACKAGE_BYTES, PACKAGE_VERSION, SCENARIO_PACKAGE_FORMAT, exercisePackageSchema,
  scenarioPackageSchema, type ExercisePackage, type ExerciseSection, type PackagedKit, type PackagedRun, type ScenarioPackage,
} from '../../shared/exercise/package';
import { SCENARIO_FORMAT, type Scenario } from '../../shared/exercise/scenario';
import type { ExerciseImportResult, ScenarioImportResult } from '../../shared/exercise/exercises';
import type { StoredSnapshot } from '../../shared/workflow/runs';

/**
 * Packages: one JSON file per exercise (or scenario) that travels between laptops on a USB
 * stick. Import trusts nothing in the file: size, JSON syntax, every field's shape and
 * bounds, the manifest's section hashes, every run's hash chain, and a replay in which the
 * workflow machine must accept every event. Hashes prove nothing against someone who
 * recomputes them, so every relation the services make true is checked too (times, the
 * clock, releases and their receipts, unique ids and names, the order an export writes).
 * Each check is linear in the file's size. All of that is checked before the first write,
 * and the writes happen in one transaction, so a refused file leaves the database as it was.
 * A package is data: nothing in it is executed, evaluated or rendered as HTML.
 */

const nowIso = (): string => new Date().toISOString();

interface Sections {
  readonly scenario: Scenario;
  readonly exercise: ExerciseSection;
  readonly runs: PackagedRun[];
}

/** A run as files carry it (packages, kits, returns): its log, each event as data. */
export const packagedRunOf = (
  run: { readonly id: string; readonly name: string; readonly createdAt: string },
  chain: readonly ChainedEvent[],
  machineVersion = WORKFLOW_MACHINE_VERSION,
): PackagedRun => ({
  id: run.id,
  name: run.name,
  createdAt: run.createdAt,
  machineVersion,
  events: chain.map((e) => ({ seq: e.seq, at: e.at, event: storedEvent(e.event), prevHash: e.prevHash, hash: e.hash })),
});

/** The chain of a packaged run exactly as hashed: each event as its canonical JSON, as the run service stores it. */
export const chainOfPackaged = (run: PackagedRun): ChainedEvent[] =>
  run.events.map((e) => ({ seq: e.seq, at: e.at, event: canonicalJson(e.event), prevHash: e.prevHash, hash: e.hash }));

function sectionsOf(db: Db, id: string): Sections {
  const row = readExercise(db, id);
  const adjustments = selectClockAdjustments(db, id);
  const delegations = delegationsOf(db, id);
  const runs = delegations.map((d): PackagedRun => {
    // The schema keeps a delegation's run for as long as the delegation.
    const run = selectRunOrigin(db, d.run_id)!;
    return packagedRunOf({ id: run.id, name: run.name, createdAt: run.created_at }, runChain(db, run.id), run.machine_version);
  });
  return {
    scenario: JSON.parse(row.scenario_json) as Scenario,
    exercise: {
      id: row.id,
      name: row.name,
      scenarioId: row.scenario_id,
      createdAt: row.created_at,
      clock: {
        status: row.clock_status, accumulatedMs: row.clock_accumulated_ms, runningSince: row.clock_running_since,
        ...(row.clock_ended_at !== null ? { endedAt: row.clock_ended_at } : {}),
        ...(adjustments.length > 0 ? { adjustments } : {}),
      },
      delegations: delegations.map((d) => ({ id: d.id, name: d.name, runId: d.run_id, ...(d.joined_at !== null ? { joinedAt: d.joined_at } : {}) })),
      releases: releasesOf(db, id).map(({ withdrawnAt, withdrawnElapsedMs, ...r }) => ({
        ...r, ...(withdrawnAt !== null ? { withdrawnAt, withdrawnElapsedMs: withdrawnElapsedMs ?? 0 } : {}),
      })),
      notes: notesOf(db, id).map(({ revisions, deletedAt, ...n }) => ({
        ...n, ...(revisions.length > 0 ? { revisions: [...revisions] } : {}), ...(deletedAt !== null ? { deletedAt } : {}),
      })),
      ...reportSection(db, id),
      ...kitsSection(db, delegations.map((d) => d.id)),
      ...jointSection(db, id),
      ...ratingsSection(db, id),
    },
    runs,
  };
}

/** The kits issued to delegations, in the delegations' order; left out while there are none. */
function kitsSection(db: Db, delegationIds: readonly string[]): Pick<ExerciseSection, 'kits'> {
  const kits = delegationIds.flatMap((delegationId): PackagedKit[] => {
    const kit = selectKit(db, delegationId);
    if (!kit) return [];
    return [{
      delegationId, kitId: kit.kit_id, issuedAt: kit.issued_at, salt: kit.salt, sealed: kit.sealed === 1,
      laptopKey: kit.laptop_key, acceptedAt: kit.accepted_at, lastReturnAt: kit.last_return_at,
      codes: [...selectKitCodes(db, delegationId)].map(([injectId, code]) => ({ injectId, code })),
    }];
  });
  return kits.length > 0 ? { kits } : {};
}

/** The joint decision's record, left out while it has no entry, so an exercise without one hashes as it did before it existed. */
function jointSection(db: Db, id: string): Pick<ExerciseSection, 'jointDecision'> {
  const jointDecision = jointEntriesForPackage(db, id);
  return jointDecision.length > 0 ? { jointDecision } : {};
}

/** Left out while empty, so an exercise without them hashes as it did before the report existed. */
function reportSection(db: Db, id: string): Pick<ExerciseSection, 'facilitator' | 'improvementPlan'> {
  const { facilitator, improvementPlan } = reportDetailsOf(db, id);
  return { ...(facilitator ? { facilitator } : {}), ...(improvementPlan.length > 0 ? { improvementPlan: improvementPlan.map(packagedItem) } : {}) };
}

/** The objectives' ratings, left out while there are none, so an exercise without them hashes as it did before they existed. */
function ratingsSection(db: Db, id: string): Pick<ExerciseSection, 'objectiveRatings'> {
  const objectiveRatings = ratingsForPackage(db, id);
  return objectiveRatings.length > 0 ? { objectiveRatings } : {};
}

const hashesOf = (s: Sections) => ({ scenario: contentHash(s.scenario), exercise: contentHash(s.exercise), runs: contentHash(s.runs) });

export function exportExercise(db: Db, id: string, at?: string): ExercisePackage {
  // One snapshot: another process may be appending to these runs while they are read. The
  // package's time is read after the snapshot's first read, so no event in it is later.
  const { sections, now } = readTransaction(db, () => {
    const read = sectionsOf(db, id);
    return { sections: read, now: at ?? nowIso() };
  });
  return {
    format: EXERCISE_PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    manifest: { createdAt: now, exerciseId: id, sections: hashesOf(sections) },
    ...sections,
  };
}

/** The file's text: indented, because facilitators do open these files to see what is in them. */
export const packageText = (pkg: ExercisePackage | ScenarioPackage): string => JSON.stringify(pkg, null, 1) + '\n';

export function exportScenario(db: Db, id: string, now = nowIso()): ScenarioPackage {
  const { scenario } = getScenario(db, id);
  return { format: SCENARIO_PACKAGE_FORMAT, version: PACKAGE_VERSION, manifest: { createdAt: now, sha256: contentHash(scenario) }, scenario };
}

/** Size first, then syntax: both before anything else looks at the content. */
const parseJsonText = (text: string, fileName: string): unknown => parseCappedJson(text, fileName, MAX_PACKAGE_BYTES, PackageError);

function refuse(fileName: string, problems: readonly (Problem | string)[]): never {
  throw new PackageError(fileName, problems);
}

/** A clearer word than a schema error for a file from a newer app or of the wrong kind. */
function formatProblems(value: unknown, format: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`(input): expected a JSON object with "format": "${format}".`];
  const v = value as { format?: unknown; version?: unknown };
  if (v.format !== format) {
    return [`format: expected "${format}", got ${JSON.stringify(v.format) ?? 'nothing'}; this is not ${format === EXERCISE_PACKAGE_FORMAT ? 'an exercise package' : 'a scenario'}.`];
  }
  if (typeof v.version === 'number' && v.version > PACKAGE_VERSION) {
    return [`version: this file has format version ${v.version}, written by a newer CDT Workbench; this version reads version ${PACKAGE_VERSION}.`];
  }
  return [];
}

const problemAt = (path: string, message: string): Problem => ({ path, message });

function duplicates<T>(items: readonly T[], key: (t: T) => string, path: (i: number) => string, what: string, shown = key): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else problems.push(problemAt(path(i), `duplicate ${what} ${JSON.stringify(shown(item))} (also ${path(first)}).`));
  });
  return problems;
}

/**
 * The position of the first event that breaks the chain, by the same rules as verifyChain.
 * The verdict numbers events by the seq they carry, which for a reordered event is not where
 * it stands in the file.
 */
function firstBrokenIndex(runId: string, chain: readonly ChainedEvent[]): number {
  let prev = genesisHash(runId);
  for (const [index, e] of chain.entries()) {
    if (e.seq !== index + 1 || e.prevHash !== prev || eventHash(prev, index + 1, e.at, e.event) !== e.hash) return index;
    prev = e.hash;
  }
  return chain.length;
}

interface VerifiedRun {
  readonly run: PackagedRun;
  readonly chain: ChainedEvent[];
  readonly snapshot: StoredSnapshot;
}

/** Ids are unique, names unique as names, and every delegation has its run, in its order. */
function checkStructure(pkg: ExercisePackage, add: (path: string, message: string) => void): Problem[] {
  const { exercise, runs } = pkg;
  const problems = [
    ...duplicates(exercise.delegations, (d) => d.id, (i) => `exercise.delegations[${i}].id`, 'delegation id'),
    ...duplicates(exercise.delegations, (d) => nameKey(d.name), (i) => `exercise.delegations[${i}].name`, 'delegation name', (d) => d.name),
    ...duplicates(exercise.delegations, (d) => d.runId, (i) => `exercise.delegations[${i}].runId`, 'run id'),
    ...duplicates(runs, (r) => r.id, (i) => `runs[${i}].id`, 'run id'),
    ...duplicates(exercise.releases, (r) => JSON.stringify([r.injectId, r.delegationId]), (i) => `exercise.releases[${i}]`, 'release', (r) => `${r.injectId} -> ${r.delegationId}`),
    ...duplicates(exercise.notes, (n) => n.id, (i) => `exercise.notes[${i}].id`, 'note id'),
    ...duplicates(exercise.improvementPlan ?? [], (item) => item.id, (i) => `exercise.improvementPlan[${i}].id`, 'improvement item id'),
  ];
  const runIds = new Set(runs.map((r) => r.id));
  exercise.delegations.forEach((d, i) => {
    if (!runIds.has(d.runId)) problems.push(problemAt(`exercise.delegations[${i}].runId`, `there is no run ${JSON.stringify(d.runId)} in runs.`));
  });
  const delegated = new Set(exercise.delegations.map((d) => d.runId));
  runs.forEach((r, i) => {
    if (!delegated.has(r.id)) problems.push(problemAt(`runs[${i}].id`, `the run ${JSON.stringify(r.id)} belongs to no delegation.`));
  });
  if (problems.length === 0) {
    // An export lists the runs in the delegations' order; any other order would not export to the same hash.
    const misplaced = runs.findIndex((r, i) => r.id !== exercise.delegations[i]!.runId);
    if (misplaced >= 0) add(`runs[${misplaced}]`, `the runs must be in the order of their delegations; exercise.delegations[${misplaced}] has the run ${JSON.stringify(exercise.delegations[misplaced]!.runId)}.`);
  }
  return problems;
}

/**
 * Every time in the file against the others, as the services make them: a delegation's run is
 * created with its exercise (createExercise), its log only moves forward from there
 * (sendEvent appends with the time it stamps into the event), and nothing happens after the
 * package was made. Times are in one spelling (isAppTime), so they compare as strings.
 */
function checkTimes(pkg: ExercisePackage, add: (path: string, message: string) => void): void {
  const { manifest, exercise, runs } = pkg;
  const created = exercise.createdAt;
  const made = manifest.createdAt;
  if (made < created) add('manifest.createdAt', `the package was made at ${made}, before its exercise was created at ${created}.`);
  const joinedAtOf = new Map(exercise.delegations.flatMap((d) => (d.joinedAt === undefined ? [] : [[d.runId, d.joinedAt] as const])));
  exercise.delegations.forEach((d, i) => {
    if (d.joinedAt !== undefined && (d.joinedAt <= created || d.joinedAt > made)) add(`exercise.delegations[${i}].joinedAt`, `a delegation joins after the exercise was created (${created}) and before the package was made.`);
  });
  const joinedOf = new Map(exercise.delegations.map((d) => [d.id, d.joinedAt ?? created]));
  exercise.releases.forEach((r, i) => {
    const joined = joinedOf.get(r.delegationId);
    if (joined !== undefined && r.releasedAt < joined) add(`exercise.releases[${i}].releasedAt`, `released at ${r.releasedAt}, before the delegation joined at ${joined}.`);
  });
  const within = (path: string, time: string, what: string) => {
    if (time < created) add(path, `${what} at ${time}, before the exercise was created at ${created}.`);
    else if (time > made) add(path, `${what} at ${time}, after the package was made at ${made}.`);
  };
  runs.forEach((run, i) => {
    // With its exercise, or when its delegation joined it under way.
    const joined = joinedAtOf.get(run.id);
    if (joined === undefined && run.createdAt !== created) {
      add(`runs[${i}].createdAt`, `a delegation's run is created with its exercise, at ${created}; this one says ${run.createdAt}.`);
    } else if (joined !== undefined && run.createdAt !== joined) {
      add(`runs[${i}].createdAt`, `a delegation that joined later gets its run as it joins, at ${joined}; this one says ${run.createdAt}.`);
    }
    let previous = run.createdAt;
    run.events.forEach((e, j) => {
      const path = `runs[${i}].events[${j}]`;
      if (e.at < previous) {
        add(`${path}.at`, j === 0
          ? `the event was recorded at ${e.at}, before its run was created at ${previous}.`
          : `the event was recorded at ${e.at}, before the event before it (${previous}); a run's log only moves forward.`);
      } else if (e.at > made) add(`${path}.at`, `the event was recorded at ${e.at}, after the package was made at ${made}.`);
      previous = e.at > previous ? e.at : previous;
      if (STAMPED_EVENT_TYPES.has(e.event.type)) {
        const stamped = (e.event as { readonly at: string }).at;
        if (stamped !== e.at) add(`${path}.event.at`, `the ${e.event.type} event says ${stamped}, but it was recorded at ${e.at}; the app gives both the same time.`);
      }
    });
  });
  exercise.releases.forEach((r, i) => {
    within(`exercise.releases[${i}].releasedAt`, r.releasedAt, 'released');
    if ((r.withdrawnAt === undefined) !== (r.withdrawnElapsedMs === undefined)) add(`exercise.releases[${i}].withdrawnAt`, 'a withdrawal has its time and its exercise time, both or neither.');
    if (r.withdrawnAt !== undefined) {
      within(`exercise.releases[${i}].withdrawnAt`, r.withdrawnAt, 'withdrawn');
      if (r.withdrawnAt < r.releasedAt) add(`exercise.releases[${i}].withdrawnAt`, `withdrawn at ${r.withdrawnAt}, before it was released at ${r.releasedAt}.`);
      if ((r.withdrawnElapsedMs ?? 0) < r.elapsedMs) add(`exercise.releases[${i}].withdrawnElapsedMs`, 'the exercise clock at the withdrawal is before its reading at the release.');
    }
  });
  exercise.notes.forEach((n, i) => {
    within(`exercise.notes[${i}].at`, n.at, 'written');
    // Each revision is a text the note had, replaced in turn after it was written; a deleted note is not edited after.
    let previous = n.at;
    (n.revisions ?? []).forEach((r, j) => {
      const path = `exercise.notes[${i}].revisions[${j}].replacedAt`;
      if (r.replacedAt <= previous) add(path, `replaced at ${r.replacedAt}, not after ${previous}.`);
      within(path, r.replacedAt, 'replaced');
      previous = r.replacedAt;
    });
    if (n.deletedAt !== undefined) {
      within(`exercise.notes[${i}].deletedAt`, n.deletedAt, 'deleted');
      if (n.deletedAt < previous) add(`exercise.notes[${i}].deletedAt`, `deleted at ${n.deletedAt}, before its last text was written (${previous}).`);
    }
  });
  if (exercise.clock.runningSince !== null) within('exercise.clock.runningSince', exercise.clock.runningSince, 'started');
}

/**
 * An inject reaches a run only through releaseInject, which records the release and sends the
 * scenario's own inject into the run at the same moment: every receipt has its release with
 * that time and the scenario's texts, and every release its receipt.
 */
function checkReleases(pkg: ExercisePackage, add: (path: string, message: string) => void): void {
  const { scenario, exercise, runs } = pkg;
  const injects = new Map(scenario.injects.map((inject) => [inject.id, inject]));
  const delegations = new Map(exercise.delegations.map((d, position) => [d.id, { ...d, position }]));
  const delegationOfRun = new Map(exercise.delegations.map((d) => [d.runId, d]));
  const packagedRuns = new Set(runs.map((r) => r.id));
  const key = (injectId: string, delegationId: string) => JSON.stringify([injectId, delegationId]);
  const releases = new Map<string, number>();
  exercise.releases.forEach((r, i) => {
    if (!injects.has(r.injectId)) add(`exercise.releases[${i}].injectId`, `the scenario has no inject ${JSON.stringify(r.injectId)}.`);
    if (!delegations.has(r.delegationId)) add(`exercise.releases[${i}].delegationId`, `there is no delegation ${JSON.stringify(r.delegationId)}.`);
    const k = key(r.injectId, r.delegationId);
    if (!releases.has(k)) releases.set(k, i);
  });

  const received = new Set<number>();
  // A delegation whose kit is out receives what is released after it on its own laptop, later
  // and with that laptop's time, or not yet: its run comes back with its returns.
  const kitOf = new Map((exercise.kits ?? []).map((k) => [k.delegationId, k]));
  const onItsLaptop = (delegationId: string, releasedAt: string): boolean => {
    const kit = kitOf.get(delegationId);
    return kit !== undefined && releasedAt >= kit.issuedAt;
  };
  runs.forEach((run, i) => {
    const delegation = delegationOfRun.get(run.id);
    run.events.forEach((e, j) => {
      if (e.event.type !== 'INJECT.RECEIVE') return;
      const path = `runs[${i}].events[${j}]`;
      const { id, title, body } = e.event;
      const inject = injects.get(id);
      if (!inject) add(`${path}.event.id`, `the run received an inject ${JSON.stringify(id)} that the scenario does not have.`);
      else {
        if (title !== inject.title) add(`${path}.event.title`, `differs from the title of the scenario's inject ${JSON.stringify(id)}.`);
        if (body !== inject.body) add(`${path}.event.body`, `differs from the body of the scenario's inject ${JSON.stringify(id)}.`);
      }
      if (!delegation) return;
      const release = releases.get(key(id, delegation.id));
      if (release === undefined) {
        add(path, `the run of ${delegation.name} received the inject ${JSON.stringify(id)}, but the exercise never released it to ${delegation.name}.`);
        return;
      }
      received.add(release);
      const releasedAt = exercise.releases[release]!.releasedAt;
      if (onItsLaptop(delegation.id, releasedAt)) {
        // Two laptops' clocks: the receipt is not compared with the release, only with the kit, as a collected return is.
        const kit = kitOf.get(delegation.id)!;
        if (e.at < kit.issuedAt) add(path, `the run of ${delegation.name} received the inject ${JSON.stringify(id)} at ${e.at}, before its kit was issued at ${kit.issuedAt}.`);
        return;
      }
      if (releasedAt !== e.at) {
        add(`exercise.releases[${release}].releasedAt`, `the inject ${JSON.stringify(id)} was released to ${delegation.name} at ${releasedAt}, but its run received it at ${e.at}; both happen at once.`);
      }
    });
  });
  exercise.releases.forEach((r, i) => {
    const delegation = delegations.get(r.delegationId);
    if (!delegation || !packagedRuns.has(delegation.runId) || received.has(i) || releases.get(key(r.injectId, r.delegationId)) !== i) return;
    if (onItsLaptop(r.delegationId, r.releasedAt)) return;
    add(`exercise.releases[${i}]`, `the run of ${delegation.name} never received the inject ${JSON.stringify(r.injectId)}.`);
  });

  // The order an export lists them in (releasesOf, notesOf), so the file exports to the same hash.
  const byCodePoint = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  const releaseOrder = (a: (typeof exercise.releases)[number], b: (typeof exercise.releases)[number]) =>
    byCodePoint(a.releasedAt, b.releasedAt) || byCodePoint(a.injectId, b.injectId) ||
    (delegations.get(a.delegationId)?.position ?? 0) - (delegations.get(b.delegationId)?.position ?? 0);
  const releaseOut = exercise.releases.findIndex((r, i) => i > 0 && releaseOrder(exercise.releases[i - 1]!, r) > 0);
  if (releaseOut > 0) add(`exercise.releases[${releaseOut}]`, 'the releases are out of order: an export lists them by time, inject and delegation.');
  const noteOut = exercise.notes.findIndex((n, i) => i > 0 && (byCodePoint(exercise.notes[i - 1]!.at, n.at) || byCodePoint(exercise.notes[i - 1]!.id, n.id)) > 0);
  if (noteOut > 0) add(`exercise.notes[${noteOut}]`, 'the notes are out of order: an export lists them by time and id.');
}

/**
 * The exercise clock (exerciseClock, clockOf) counts wall time while it runs and nothing
 * while it does not, and every release and note records what it showed at that moment.
 * So, walking them in time order from 0 at the exercise's creation, the elapsed time never
 * goes back, never grows faster than the wall clock, and agrees with the clock's final state.
 */
function checkClock(pkg: ExercisePackage, add: (path: string, message: string) => void): void {
  const { manifest, exercise } = pkg;
  const { clock } = exercise;
  const created = Date.parse(exercise.createdAt);
  const since = clock.runningSince === null ? null : Date.parse(clock.runningSince);
  const ended = clock.endedAt === undefined ? null : Date.parse(clock.endedAt);
  const accumulated = clock.accumulatedMs;
  const adjustments = clock.adjustments ?? [];
  if (clock.status === 'not-started' && (accumulated !== 0 || adjustments.length > 0)) {
    add('exercise.clock.accumulatedMs', `a clock that has not started shows no time and was never adjusted, not ${accumulated} ms.`);
  }
  if (clock.endedAt !== undefined && clock.endedAt > manifest.createdAt) add('exercise.clock.endedAt', `${clock.endedAt} is after the package was made at ${manifest.createdAt}.`);
  // Adjustments move the clock by their delta at once; what the wall clock alone gave is the rest.
  const adjusted = adjustments.reduce((sum, a) => sum + a.deltaMs, 0);
  const before = (since ?? ended ?? Date.parse(manifest.createdAt)) - created;
  if (accumulated - adjusted > before) {
    add('exercise.clock.accumulatedMs', `${accumulated} ms were counted${adjusted !== 0 ? ` (${adjusted} ms of them by adjustments)` : ''}, but only ${Math.max(0, before)} ms passed between the exercise's creation and ${since === null ? (ended === null ? 'the making of the package' : 'its end') : 'the clock\'s last start'}.`);
  }

  type Reading = { t: number; at: string; elapsed: number; path: string; delta: number };
  const readings: Reading[] = [
    ...exercise.releases.map((r, i) => ({ t: Date.parse(r.releasedAt), at: r.releasedAt, elapsed: r.elapsedMs, path: `exercise.releases[${i}].elapsedMs`, delta: 0 })),
    ...exercise.notes.map((n, i) => ({ t: Date.parse(n.at), at: n.at, elapsed: n.elapsedMs, path: `exercise.notes[${i}].elapsedMs`, delta: 0 })),
    ...adjustments.map((a, i) => ({ t: Date.parse(a.at), at: a.at, elapsed: a.elapsedBeforeMs, path: `exercise.clock.adjustments[${i}].elapsedBeforeMs`, delta: a.deltaMs })),
    ...exercise.releases.flatMap((r, i) =>
      r.withdrawnAt === undefined || r.withdrawnElapsedMs === undefined
        ? []
        : [{ t: Date.parse(r.withdrawnAt), at: r.withdrawnAt, elapsed: r.withdrawnElapsedMs, path: `exercise.releases[${i}].withdrawnElapsedMs`, delta: 0 }],
    ),
    ...(exercise.jointDecision ?? []).map((e, i) => ({ t: Date.parse(e.at), at: e.at, elapsed: e.entry.elapsedMs, path: `exercise.jointDecision[${i}].entry.elapsedMs`, delta: 0 })),
  ];
  // Stable: readings of one instant keep their lists' order, and an adjustment comes after what it saw.
  readings.sort((a, b) => a.t - b.t);
  adjustments.forEach((a, i) => {
    if (i > 0 && a.at <= adjustments[i - 1]!.at) add(`exercise.clock.adjustments[${i}].at`, 'the adjustments must be in time order, one at a time.');
    if (a.deltaMs === 0 || a.elapsedBeforeMs + a.deltaMs < 0) add(`exercise.clock.adjustments[${i}].deltaMs`, 'an adjustment moves the clock, and never before its start.');
    if ((since !== null && Date.parse(a.at) > since) || (ended !== null && Date.parse(a.at) > ended)) add(`exercise.clock.adjustments[${i}].at`, "an adjustment is made while the clock's last stretch had not begun, and before the end.");
  });
  // What the clock could have shown before a moment: its final count, less the adjustments made after it.
  let later = adjusted;
  let previous = { t: created, at: exercise.createdAt, elapsed: 0 };
  for (const reading of readings) {
    const { t, at, elapsed, path } = reading;
    if (elapsed < previous.elapsed) {
      add(path, `the exercise clock went back: ${elapsed} ms at ${at}, after ${previous.elapsed} ms at ${previous.at}.`);
    } else if (elapsed - previous.elapsed > t - previous.t) {
      add(path, `the exercise clock ran faster than time: ${elapsed - previous.elapsed} ms counted between ${previous.at} and ${at}, ${t - previous.t} ms apart.`);
    } else if (since !== null && t >= since && elapsed !== accumulated + (t - since)) {
      add(path, `the clock has run since ${clock.runningSince} from ${accumulated} ms, so it showed ${accumulated + (t - since)} ms at ${at}, not ${elapsed} ms.`);
    } else if ((since === null || t < since) && elapsed > accumulated - later) {
      add(path, `${elapsed} ms is more than the exercise clock ever counted before ${since === null ? 'the package was made' : 'its last start'} (${accumulated - later} ms).`);
    }
    later -= reading.delta;
    previous = { t, at, elapsed: elapsed + reading.delta };
  }
}

/**
 * The kits as the exchange makes them (electron/exchange): one per delegation at most, issued
 * within the exercise, a laptop known only from a return after the kit was opened, a code for
 * every inject of the scenario; and a run whose kit is out holds no event after the kit's
 * issue that did not come back in a return.
 */
function checkKits(pkg: ExercisePackage, add: (path: string, message: string) => void): void {
  const { exercise, scenario, manifest, runs } = pkg;
  const kits = exercise.kits ?? [];
  const delegations = new Map(exercise.delegations.map((d, position) => [d.id, { ...d, position }]));
  const runsById = new Map(runs.map((r) => [r.id, r]));
  const injectIds = scenario.injects.map((i) => i.id).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  let lastPosition = -1;
  const seenKits = new Set<string>();
  kits.forEach((kit, i) => {
    const path = `exercise.kits[${i}]`;
    const delegation = delegations.get(kit.delegationId);
    if (!delegation) {
      add(`${path}.delegationId`, `there is no delegation ${JSON.stringify(kit.delegationId)}.`);
      return;
    }
    if (delegation.position <= lastPosition) add(path, 'the kits must be in the order of their delegations, one per delegation.');
    lastPosition = delegation.position;
    if (seenKits.has(kit.kitId)) add(`${path}.kitId`, `duplicate kit id ${JSON.stringify(kit.kitId)}.`);
    seenKits.add(kit.kitId);
    if (kit.issuedAt < exercise.createdAt || kit.issuedAt > manifest.createdAt) add(`${path}.issuedAt`, `${kit.issuedAt} is not between the exercise's creation and the making of the package.`);
    if ((kit.laptopKey === null) !== (kit.acceptedAt === null)) add(`${path}.laptopKey`, 'a laptop is known with the time it opened the kit, both from a return, or neither.');
    if (kit.lastReturnAt !== null && kit.laptopKey === null) add(`${path}.lastReturnAt`, 'a return names its laptop; this kit has a return but no laptop.');
    if (kit.laptopKey !== null && kit.lastReturnAt === null) add(`${path}.lastReturnAt`, 'a laptop is learnt from a return; this kit has a laptop but no return.');
    if (kit.acceptedAt !== null && kit.acceptedAt < kit.issuedAt) add(`${path}.acceptedAt`, `the kit was opened at ${kit.acceptedAt}, before it was issued at ${kit.issuedAt}.`);
    if (kit.lastReturnAt !== null && kit.acceptedAt !== null && kit.lastReturnAt < kit.acceptedAt) add(`${path}.lastReturnAt`, `the last return was written at ${kit.lastReturnAt}, before the kit was opened at ${kit.acceptedAt}.`);
    if (kit.lastReturnAt !== null && kit.lastReturnAt > manifest.createdAt) add(`${path}.lastReturnAt`, `${kit.lastReturnAt} is after the package was made at ${manifest.createdAt}.`);
    const codes = kit.codes.map((c) => c.injectId);
    if (codes.length !== injectIds.length || codes.some((c, j) => c !== injectIds[j])) {
      add(`${path}.codes`, "a kit has one release code for every inject of the scenario, in the order of the injects' ids.");
    }
    const run = runsById.get(delegation.runId);
    const returned = kit.lastReturnAt;
    run?.events.forEach((e, j) => {
      if (e.at <= kit.issuedAt) return;
      if (returned === null || e.at > returned) {
        add(`runs[${runs.indexOf(run)}].events[${j}].at`, `the run of ${delegation.name} is played on its own laptop since ${kit.issuedAt}, and this event of ${e.at} came back in no return.`);
      }
    });
  });
}

/**
 * The evaluation as the services make it (electron/exercise/objectives.ts, plan.ts): an
 * improvement item serves one of the scenario's objectives or none; a rating is of one of
 * them, once, in the scenario's order, made within the exercise; and every timeline entry it
 * points at is in this package: an event of one of its runs, one of its notes, one of its releases.
 */
function checkEvaluation(pkg: ExercisePackage, add: (path: string, message: string) => void): void {
  const { scenario, exercise, runs, manifest } = pkg;
  const objectives = new Map((scenario.objectives ?? []).map((o, i) => [o.id, i]));
  const unknown = (id: string) => `the scenario has no objective ${JSON.stringify(id)}.`;
  (exercise.improvementPlan ?? []).forEach((item, i) => {
    if (item.objectiveId !== undefined && !objectives.has(item.objectiveId)) add(`exercise.improvementPlan[${i}].objectiveId`, unknown(item.objectiveId));
  });
  const eventsOf = new Map(runs.map((r) => [r.id, r.events.length]));
  const notes = new Set(exercise.notes.map((n) => n.id));
  const releases = new Set(exercise.releases.map((r) => JSON.stringify([r.delegationId, r.injectId])));
  let previous = -1;
  (exercise.objectiveRatings ?? []).forEach((rating, i) => {
    const path = `exercise.objectiveRatings[${i}]`;
    const place = objectives.get(rating.objectiveId);
    if (place === undefined) add(`${path}.objectiveId`, unknown(rating.objectiveId));
    else if (place <= previous) add(`${path}.objectiveId`, "the ratings must be in the order of the scenario's objectives, one per objective.");
    previous = place ?? previous;
    if (rating.ratedAt < exercise.createdAt || rating.ratedAt > manifest.createdAt) add(`${path}.ratedAt`, `${rating.ratedAt} is not between the exercise's creation and the making of the package.`);
    const seen = new Set<string>();
    rating.entries.forEach((text, j) => {
      const at = `${path}.entries[${j}]`;
      if (seen.has(text)) add(at, `${JSON.stringify(text)} is linked twice.`);
      seen.add(text);
      const ref = parseTimelineRef(text);
      if (ref === null) {
        add(at, `${JSON.stringify(text.slice(0, 120))} is not a timeline entry: expected ${TIMELINE_REF_FORMS}.`);
        return;
      }
      switch (ref.kind) {
        case 'run': {
          const count = eventsOf.get(ref.runId);
          if (count === undefined) add(at, `there is no run ${JSON.stringify(ref.runId)} in runs.`);
          else if (ref.seq > count) add(at, `the run ${JSON.stringify(ref.runId)} has ${count} event${count === 1 ? '' : 's'}; there is no event ${ref.seq}.`);
          return;
        }
        case 'note':
          if (!notes.has(ref.noteId)) add(at, `there is no note ${JSON.stringify(ref.noteId)} in exercise.notes.`);
          return;
        case 'release':
          if (!releases.has(JSON.stringify([ref.delegationId, ref.injectId]))) add(at, `the inject ${JSON.stringify(ref.injectId)} was never released to the delegation ${JSON.stringify(ref.delegationId)}.`);
          return;
      }
    });
  });
}

/** Everything that can be checked without the database. Returns the problems, or the runs ready to store. */
function checkPackage(pkg: ExercisePackage): { problems: Problem[]; runs: VerifiedRun[] } {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => {
    problems.push(problemAt(path, message));
  };
  const { manifest, scenario, exercise, runs } = pkg;
  if (manifest.exerciseId !== exercise.id) add('manifest.exerciseId', `${JSON.stringify(manifest.exerciseId)} does not match exercise.id ${JSON.stringify(exercise.id)}.`);
  const actual = hashesOf(pkg);
  for (const section of ['scenario', 'exercise', 'runs'] as const) {
    if (actual[section] !== manifest.sections[section]) {
      add(`manifest.sections.${section}`, `the SHA-256 of the ${section} section does not match; the file was changed or damaged after it was exported.`);
    }
  }
  if (exercise.scenarioId !== scenario.id) add('exercise.scenarioId', `${JSON.stringify(exercise.scenarioId)} does not match scenario.id ${JSON.stringify(scenario.id)}.`);
  problems.push(...checkStructure(pkg, add));

  const verified: VerifiedRun[] = [];
  runs.forEach((run, i) => {
    const refusal = versionRefusal(run.machineVersion, 'Import');
    if (refusal !== null) {
      add(`runs[${i}].machineVersion`, `the run was ${refusal}`);
      return;
    }
    const chain = chainOfPackaged(run);
    const verdict = verifyChain(run.id, chain);
    if (!verdict.intact) {
      add(`runs[${i}].events[${firstBrokenIndex(run.id, chain)}]`, `the hash chain is broken: ${verdict.reason}.`);
      return;
    }
    const replay = replayChecked(run.events.map((e) => e.event), run.machineVersion);
    if (!replay.ok) {
      const type = run.events[replay.index]?.event.type;
      add(`runs[${i}].events[${replay.index}]`, `the workflow does not accept this ${type} event here: ${replay.reasons.join(' ')}`);
      return;
    }
    verified.push({ run, chain, snapshot: replay.snapshot });
  });

  // Hashes prove nothing against someone who recomputes them: what the app makes true must be true.
  checkTimes(pkg, add);
  checkReleases(pkg, add);
  checkClock(pkg, add);
  checkKits(pkg, add);
  checkJointDecision(pkg, add);
  checkEvaluation(pkg, add);
  return { problems, runs: verified };
}

function conflicts(db: Db, pkg: ExercisePackage): Problem[] {
  const problems: Problem[] = [];
  pkg.runs.forEach((r, i) => {
    if (runExists(db, r.id)) problems.push(problemAt(`runs[${i}].id`, `a run with id ${r.id} already exists in this database.`));
  });
  pkg.exercise.delegations.forEach((d, i) => {
    if (delegationExists(db, d.id)) problems.push(problemAt(`exercise.delegations[${i}].id`, `a delegation with id ${d.id} already exists in this database.`));
  });
  pkg.exercise.notes.forEach((n, i) => {
    if (noteExists(db, n.id)) problems.push(problemAt(`exercise.notes[${i}].id`, `a note with id ${n.id} already exists in this database.`));
  });
  return problems;
}

/**
 * Imports an exercise package (the file's text). Returns "already-imported" without writing
 * when this database holds the same exercise with the same content; refuses, naming the file,
 * the field and the problem, in every other case that is not a clean import.
 */
export function importExercisePackage(db: Db, text: string, fileName: string, now = nowIso()): ExerciseImportResult {
  const value = parseJsonText(text, fileName);
  const early = formatProblems(value, EXERCISE_PACKAGE_FORMAT);
  if (early.length > 0) refuse(fileName, early);
  const parsed = exercisePackageSchema.safeParse(value);
  if (!parsed.success) refuse(fileName, formatIssues(parsed.error));
  const pkg = parsed.data;
  const checked = checkPackage(pkg);
  if (checked.problems.length > 0) refuse(fileName, checked.problems);

  return db.transaction((): ExerciseImportResult => {
    const { exercise } = pkg;
    if (exerciseExists(db, exercise.id)) {
      const existing = hashesOf(sectionsOf(db, exercise.id));
      const same = (['scenario', 'exercise', 'runs'] as const).every((s) => existing[s] === pkg.manifest.sections[s]);
      if (same) return { status: 'already-imported', exercise: getExerciseSummary(db, exercise.id, now) };
      refuse(fileName, [
        `exercise.id: this database already has the exercise ${exercise.id} ("${readExercise(db, exercise.id).name}") with different content ` +
          '(it has changed since the package was made, or the package is another version of it). Nothing was imported; ' +
          'delete the local exercise first if the package should replace it.',
      ]);
    }
    const clashes = conflicts(db, pkg);
    if (clashes.length > 0) refuse(fileName, clashes);

    // Through the same functions the services write with: one INSERT per table, whoever stores.
    insertExercise(db, {
      id: exercise.id, name: exercise.name, scenarioId: exercise.scenarioId, scenarioJson: canonicalJson(pkg.scenario),
      scenarioHash: contentHash(pkg.scenario), createdAt: exercise.createdAt, clock: exercise.clock,
    });
    if (exercise.clock.endedAt !== undefined) updateClockEnded(db, exercise.id, exercise.clock.endedAt);
    for (const a of exercise.clock.adjustments ?? []) insertClockAdjustment(db, exercise.id, a);
    for (const { run, chain, snapshot } of checked.runs) insertVerifiedRun(db, run, chain, snapshot);
    exercise.delegations.forEach((d, position) => {
      insertDelegation(db, { id: d.id, exerciseId: exercise.id, position, name: d.name, runId: d.runId, joinedAt: d.joinedAt ?? null });
    });
    for (const r of exercise.releases) insertRelease(db, { exerciseId: exercise.id, ...r });
    for (const { revisions, ...n } of exercise.notes) {
      insertNote(db, { exerciseId: exercise.id, ...n });
      for (const r of revisions ?? []) insertNoteRevision(db, n.id, r.replacedAt, r.text);
    }
    saveReportDetails(db, exercise.id, { facilitator: exercise.facilitator ?? '', improvementPlan: (exercise.improvementPlan ?? []).map(itemOfPackaged) });
    insertImportedRatings(db, exercise.id, exercise.objectiveRatings ?? []);
    for (const kit of exercise.kits ?? []) {
      // The passphrase stays on the laptop that set it: returns of these kits open with the one typed here.
      insertKit(db, { ...kit, passphrase: null });
      for (const { injectId, code } of kit.codes) insertKitCode(db, kit.delegationId, injectId, code);
      updatePlayedElsewhere(db, exercise.delegations.find((d) => d.id === kit.delegationId)!.runId, kit.issuedAt);
    }
    insertImportedJointEntries(db, exercise.id, exercise.jointDecision ?? []);
    // The exercise keeps its own copy either way; the library gains the scenario only if its id is free here.
    adoptScenario(db, pkg.scenario, now);
    // What is stored must be what was hashed, or the next import of this very file would be
    // refused as different content. The checks above should make this impossible; if one was
    // missed, the file is refused here and the transaction takes everything back.
    const stored = hashesOf(sectionsOf(db, exercise.id));
    const changed = (['scenario', 'exercise', 'runs'] as const).filter((s) => stored[s] !== pkg.manifest.sections[s]);
    if (changed.length > 0) {
      refuse(fileName, changed.map((s) => problemAt(`manifest.sections.${s}`, `the ${s} section would be stored other than it was hashed; nothing was imported.`)));
    }
    return { status: 'imported', exercise: getExerciseSummary(db, exercise.id, now) };
  }).immediate();
}

/**
 * Reads a scenario file: either a bare scenario (format "cdt-scenario", as facilitators
 * write them) or a scenario package (format "cdt-scenario-package", with its hash checked).
 */
export function parseScenarioText(text: string, fileName: string): Scenario {
  const value = parseJsonText(text, fileName);
  const format = typeof value === 'object' && value !== null ? (value as { format?: unknown }).format : undefined;
  if (format === SCENARIO_FORMAT) return validateScenario(value, fileName);
  const early = formatProblems(value, SCENARIO_PACKAGE_FORMAT);
  if (early.length > 0) {
    refuse(fileName, [`format: expected "${SCENARIO_FORMAT}" (a scenario) or "${SCENARIO_PACKAGE_FORMAT}" (an exported scenario), got ${JSON.stringify(format) ?? 'nothing'}.`]);
  }
  const parsed = scenarioPackageSchema.safeParse(value);
  if (!parsed.success) refuse(fileName, formatIssues(parsed.error));
  if (contentHash(parsed.data.scenario) !== parsed.data.manifest.sha256) {
    refuse(fileName, ['manifest.sha256: the SHA-256 of the scenario does not match; the file was changed or damaged after it was exported.']);
  }
  return parsed.data.scenario;
}

export function importScenarioText(db: Db, text: string, fileName: string, now = nowIso()): ScenarioImportResult {
  const scenario = parseScenarioText(text, fileName);
  return db.transaction(() => importValidScenario(db, scenario, fileName, now)).immediate();
}

