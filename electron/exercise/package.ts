import type { Problem } from '../../shared/errors';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { readTransaction } from '../db/transaction';
import { canonicalJson, verifyChain, type ChainedEvent } from '../workflow/chain';
import { insertVerifiedRun, replayChecked, runChain } from '../workflow/runs';
import { PackageError } from './errors';
import { contentHash } from './hash';
import { FileError, parseJsonFrom, tooLarge } from '../files/read';
import { delegationsOf, exerciseExists, getExerciseSummary, notesOf, readExercise, releasesOf } from './exercises';
import { adoptScenario, getScenario, importValidScenario, validateScenario } from './scenarios';
import { reportDetailsOf, saveReportDetails } from './plan';
import { formatIssues } from '../../shared/validation';
import { WORKFLOW_MACHINE_VERSION, type WorkflowEvent } from '../../shared/workflow/machine';
import {
  EXERCISE_PACKAGE_FORMAT, MAX_PACKAGE_BYTES, PACKAGE_VERSION, SCENARIO_PACKAGE_FORMAT, exercisePackageSchema,
  scenarioPackageSchema, type ExercisePackage, type ExerciseSection, type PackagedRun, type ScenarioPackage,
} from '../../shared/exercise/package';
import { SCENARIO_FORMAT, type Scenario } from '../../shared/exercise/scenario';
import type { ExerciseImportResult, ScenarioImportResult } from '../../shared/exercise/exercises';
import type { StoredSnapshot } from '../../shared/workflow/runs';

/**
 * Packages: one JSON file per exercise (or scenario) that travels between laptops on a USB
 * stick. Import trusts nothing in the file: size, JSON syntax, every field's shape and
 * bounds, the manifest's section hashes, every run's hash chain, and a replay in which the
 * workflow machine must accept every event. All of that is checked before the first write,
 * and the writes happen in one transaction, so a refused file leaves the database as it was.
 * A package is data: nothing in it is executed, evaluated or rendered as HTML.
 */

const nowIso = (): string => new Date().toISOString();

/** At most this many problem lines: a thoroughly broken file should not print a novel. */
const MAX_PROBLEMS = 50;

interface Sections {
  readonly scenario: Scenario;
  readonly exercise: ExerciseSection;
  readonly runs: PackagedRun[];
}

function sectionsOf(db: Db, id: string): Sections {
  const row = readExercise(db, id);
  const delegations = delegationsOf(db, id);
  const runs = delegations.map((d): PackagedRun => {
    const run = statement(db, 'SELECT id, name, created_at, machine_version FROM runs WHERE id = ?').get(d.run_id) as {
      id: string; name: string; created_at: string; machine_version: number;
    };
    return {
      id: run.id,
      name: run.name,
      createdAt: run.created_at,
      machineVersion: run.machine_version,
      events: runChain(db, run.id).map((e) => ({
        seq: e.seq, at: e.at, event: JSON.parse(e.event) as PackagedRun['events'][number]['event'], prevHash: e.prevHash, hash: e.hash,
      })),
    };
  });
  return {
    scenario: JSON.parse(row.scenario_json) as Scenario,
    exercise: {
      id: row.id,
      name: row.name,
      scenarioId: row.scenario_id,
      createdAt: row.created_at,
      clock: { status: row.clock_status, accumulatedMs: row.clock_accumulated_ms, runningSince: row.clock_running_since },
      delegations: delegations.map((d) => ({ id: d.id, name: d.name, runId: d.run_id })),
      releases: releasesOf(db, id),
      notes: notesOf(db, id),
      ...reportSection(db, id),
    },
    runs,
  };
}

/** Left out while empty, so an exercise without them hashes as it did before the report existed. */
function reportSection(db: Db, id: string): Pick<ExerciseSection, 'facilitator' | 'improvementPlan'> {
  const { facilitator, improvementPlan } = reportDetailsOf(db, id);
  return { ...(facilitator ? { facilitator } : {}), ...(improvementPlan.length > 0 ? { improvementPlan } : {}) };
}

const hashesOf = (s: Sections) => ({ scenario: contentHash(s.scenario), exercise: contentHash(s.exercise), runs: contentHash(s.runs) });

export function exportExercise(db: Db, id: string, now = nowIso()): ExercisePackage {
  // One snapshot: another process may be appending to these runs while they are read.
  const sections = readTransaction(db, () => sectionsOf(db, id));
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
function parseJsonText(text: string, fileName: string): unknown {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PACKAGE_BYTES) throw new PackageError(fileName, [tooLarge(MAX_PACKAGE_BYTES, bytes)]);
  try {
    return parseJsonFrom(text, fileName);
  } catch (error) {
    if (error instanceof FileError) throw new PackageError(fileName, error.problems);
    throw error;
  }
}

function refuse(fileName: string, problems: readonly (Problem | string)[]): never {
  const shown: (Problem | string)[] = problems.slice(0, MAX_PROBLEMS);
  if (problems.length > MAX_PROBLEMS) shown.push(`... and ${problems.length - MAX_PROBLEMS} more problems.`);
  throw new PackageError(fileName, shown);
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

function duplicates<T>(items: readonly T[], key: (t: T) => string, path: (i: number) => string, what: string): string[] {
  const seen = new Map<string, number>();
  const problems: string[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else problems.push(`${path(i)}: duplicate ${what} ${JSON.stringify(k)} (also ${path(first)}).`);
  });
  return problems;
}

/**
 * The position of the first event that breaks the chain. The verdict numbers events by the
 * seq they carry, which for a reordered event is not where it stands in the file. Every
 * prefix of an intact prefix is intact, so a binary search over prefixes finds the position
 * (the caller knows the whole chain is broken).
 */
function firstBrokenIndex(runId: string, chain: readonly ChainedEvent[]): number {
  let intact = 0;
  let broken = chain.length;
  while (broken - intact > 1) {
    const mid = (intact + broken) >> 1;
    if (verifyChain(runId, chain.slice(0, mid)).intact) intact = mid;
    else broken = mid;
  }
  // Invariant: the first `intact` events verify, the first `broken` do not; now broken = intact + 1.
  return intact;
}

interface VerifiedRun {
  readonly run: PackagedRun;
  readonly chain: ChainedEvent[];
  readonly snapshot: StoredSnapshot;
}

/** Everything that can be checked without the database. Returns the problems, or the runs ready to store. */
function checkPackage(pkg: ExercisePackage): { problems: string[]; runs: VerifiedRun[] } {
  const problems: string[] = [];
  const { manifest, scenario, exercise, runs } = pkg;
  if (manifest.exerciseId !== exercise.id) problems.push(`manifest.exerciseId: ${JSON.stringify(manifest.exerciseId)} does not match exercise.id ${JSON.stringify(exercise.id)}.`);
  const actual = hashesOf(pkg);
  for (const section of ['scenario', 'exercise', 'runs'] as const) {
    if (actual[section] !== manifest.sections[section]) {
      problems.push(`manifest.sections.${section}: the SHA-256 of the ${section} section does not match; the file was changed or damaged after it was exported.`);
    }
  }
  if (exercise.scenarioId !== scenario.id) problems.push(`exercise.scenarioId: ${JSON.stringify(exercise.scenarioId)} does not match scenario.id ${JSON.stringify(scenario.id)}.`);
  problems.push(
    ...duplicates(exercise.delegations, (d) => d.id, (i) => `exercise.delegations[${i}].id`, 'delegation id'),
    ...duplicates(exercise.delegations, (d) => d.name.trim().toLowerCase(), (i) => `exercise.delegations[${i}].name`, 'delegation name'),
    ...duplicates(exercise.delegations, (d) => d.runId, (i) => `exercise.delegations[${i}].runId`, 'run id'),
    ...duplicates(runs, (r) => r.id, (i) => `runs[${i}].id`, 'run id'),
    ...duplicates(exercise.releases, (r) => `${r.injectId} -> ${r.delegationId}`, (i) => `exercise.releases[${i}]`, 'release'),
    ...duplicates(exercise.notes, (n) => n.id, (i) => `exercise.notes[${i}].id`, 'note id'),
    ...duplicates(exercise.improvementPlan ?? [], (item) => item.id, (i) => `exercise.improvementPlan[${i}].id`, 'improvement item id'),
  );
  const runIds = new Set(runs.map((r) => r.id));
  exercise.delegations.forEach((d, i) => {
    if (!runIds.has(d.runId)) problems.push(`exercise.delegations[${i}].runId: there is no run ${JSON.stringify(d.runId)} in runs.`);
  });
  const delegated = new Set(exercise.delegations.map((d) => d.runId));
  runs.forEach((r, i) => {
    if (!delegated.has(r.id)) problems.push(`runs[${i}].id: the run ${JSON.stringify(r.id)} belongs to no delegation.`);
  });

  const verified: VerifiedRun[] = [];
  runs.forEach((run, i) => {
    if (run.machineVersion !== WORKFLOW_MACHINE_VERSION) {
      problems.push(`runs[${i}].machineVersion: the run was recorded with workflow version ${run.machineVersion}; this version replays version ${WORKFLOW_MACHINE_VERSION}.`);
      return;
    }
    // The hash covers the event's canonical JSON, exactly as the run service stores it.
    const chain = run.events.map((e): ChainedEvent => ({ seq: e.seq, at: e.at, event: canonicalJson(e.event), prevHash: e.prevHash, hash: e.hash }));
    const verdict = verifyChain(run.id, chain);
    if (!verdict.intact) {
      problems.push(`runs[${i}].events[${firstBrokenIndex(run.id, chain)}]: the hash chain is broken: ${verdict.reason}.`);
      return;
    }
    const replay = replayChecked(run.events.map((e) => e.event as WorkflowEvent));
    if (!replay.ok) {
      const type = run.events[replay.index]?.event.type;
      problems.push(`runs[${i}].events[${replay.index}]: the workflow does not accept this ${type} event here: ${replay.reasons.join(' ')}`);
      return;
    }
    verified.push({ run, chain, snapshot: replay.snapshot });
  });

  // A release is the facilitator's record that a run received the inject: the run must show it.
  const injectIds = new Set(scenario.injects.map((inj) => inj.id));
  exercise.releases.forEach((r, i) => {
    if (!injectIds.has(r.injectId)) problems.push(`exercise.releases[${i}].injectId: the scenario has no inject ${JSON.stringify(r.injectId)}.`);
    const delegation = exercise.delegations.find((d) => d.id === r.delegationId);
    if (!delegation) {
      problems.push(`exercise.releases[${i}].delegationId: there is no delegation ${JSON.stringify(r.delegationId)}.`);
      return;
    }
    const run = runs.find((x) => x.id === delegation.runId);
    if (run && !run.events.some((e) => e.event.type === 'INJECT.RECEIVE' && e.event.id === r.injectId)) {
      problems.push(`exercise.releases[${i}]: the run of ${delegation.name} never received the inject ${JSON.stringify(r.injectId)}.`);
    }
  });
  return { problems, runs: verified };
}

function conflicts(db: Db, pkg: ExercisePackage): string[] {
  const problems: string[] = [];
  const exists = (sql: string, id: string) => statement(db, sql).get(id) !== undefined;
  pkg.runs.forEach((r, i) => {
    if (exists('SELECT 1 FROM runs WHERE id = ?', r.id)) problems.push(`runs[${i}].id: a run with id ${r.id} already exists in this database.`);
  });
  pkg.exercise.delegations.forEach((d, i) => {
    if (exists('SELECT 1 FROM exercise_delegations WHERE id = ?', d.id)) problems.push(`exercise.delegations[${i}].id: a delegation with id ${d.id} already exists in this database.`);
  });
  pkg.exercise.notes.forEach((n, i) => {
    if (exists('SELECT 1 FROM facilitator_notes WHERE id = ?', n.id)) problems.push(`exercise.notes[${i}].id: a note with id ${n.id} already exists in this database.`);
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

    statement(
      db,
      `INSERT INTO exercises (id, name, scenario_id, scenario_json, scenario_hash, created_at, clock_status, clock_accumulated_ms, clock_running_since)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      exercise.id, exercise.name, exercise.scenarioId, canonicalJson(pkg.scenario), contentHash(pkg.scenario), exercise.createdAt,
      exercise.clock.status, exercise.clock.accumulatedMs, exercise.clock.runningSince,
    );
    for (const { run, chain, snapshot } of checked.runs) insertVerifiedRun(db, run, chain, snapshot);
    exercise.delegations.forEach((d, position) => {
      statement(db, 'INSERT INTO exercise_delegations (id, exercise_id, position, name, run_id) VALUES (?, ?, ?, ?, ?)').run(
        d.id, exercise.id, position, d.name, d.runId,
      );
    });
    for (const r of exercise.releases) {
      statement(db, 'INSERT INTO inject_releases (exercise_id, inject_id, delegation_id, released_at, elapsed_ms) VALUES (?, ?, ?, ?, ?)').run(
        exercise.id, r.injectId, r.delegationId, r.releasedAt, r.elapsedMs,
      );
    }
    for (const n of exercise.notes) {
      statement(db, 'INSERT INTO facilitator_notes (id, exercise_id, at, elapsed_ms, text) VALUES (?, ?, ?, ?, ?)').run(
        n.id, exercise.id, n.at, n.elapsedMs, n.text,
      );
    }
    saveReportDetails(db, exercise.id, { facilitator: exercise.facilitator ?? '', improvementPlan: exercise.improvementPlan ?? [] });
    // The exercise keeps its own copy either way; the library gains the scenario only if its id is free here.
    adoptScenario(db, pkg.scenario, now);
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

