import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/open';
import { readTransaction, writeTransaction } from '../db/transaction';
import {
  deleteScenario as deleteScenarioRow, selectBundledScenarioIds, selectScenario, selectScenarios, upsertScenario, type ScenarioRow,
} from '../db/tables/scenarios';
import { canonicalJson } from '../workflow/chain';
import { ExerciseError, PackageError } from './errors';
import { contentHash } from './hash';
import { parseScenario, type Scenario } from '../../shared/exercise/scenario';
import type { ScenarioImportResult, ScenarioOrigin, ScenarioRecord, ScenarioSummary } from '../../shared/exercise/exercises';

/**
 * Stored scenarios: the bundled examples (read-only, refreshed from resources/scenarios at
 * every start), the facilitator's own, and imported ones. A scenario is data: its texts are
 * shown as plain text and never interpreted.
 */
function summaryOf(row: ScenarioRow, scenario: Scenario): ScenarioSummary {
  return {
    id: row.id,
    title: row.title,
    tlp: scenario.classification.tlp,
    marking: scenario.classification.marking,
    origin: row.origin,
    injectCount: scenario.injects.length,
    hash: row.hash,
    updatedAt: row.updated_at,
  };
}

const recordOf = (row: ScenarioRow): ScenarioRecord => {
  const scenario = JSON.parse(row.json) as Scenario;
  return { ...summaryOf(row, scenario), scenario };
};

function readRow(db: Db, id: string): ScenarioRow | undefined {
  return selectScenario(db, id);
}

export function listScenarios(db: Db): ScenarioSummary[] {
  return selectScenarios(db).map((row) => summaryOf(row, JSON.parse(row.json) as Scenario));
}

export function getScenario(db: Db, id: string): ScenarioRecord {
  const row = readRow(db, id);
  if (!row) throw new ExerciseError(`There is no scenario with id "${id}".`);
  return recordOf(row);
}

/** Validates or throws a PackageError whose lines say `<source>: <path>: <problem>`. */
export function validateScenario(value: unknown, source = 'scenario'): Scenario {
  const parsed = parseScenario(value);
  if (!parsed.ok) throw new PackageError(source, parsed.errors);
  return parsed.value;
}

function upsert(db: Db, scenario: Scenario, origin: ScenarioOrigin, now: string): void {
  upsertScenario(db, { id: scenario.id, origin, title: scenario.title, json: canonicalJson(scenario), hash: contentHash(scenario), updatedAt: now });
}

/** Saves a facilitator's scenario (new or edited). Bundled ones are read-only: save a copy under another id. */
export function saveScenario(db: Db, value: unknown, now = new Date().toISOString()): ScenarioRecord {
  const scenario = validateScenario(value);
  // Checked and written under one lock: the command line may be syncing the bundled ones.
  return writeTransaction(db, () => {
    const existing = readRow(db, scenario.id);
    if (existing?.origin === 'bundled') {
      throw new ExerciseError(`"${scenario.id}" is a scenario that comes with the app and cannot be changed; save your version under another id.`);
    }
    // An edited import becomes the facilitator's own: it no longer matches what was received.
    upsert(db, scenario, 'user', now);
    return getScenario(db, scenario.id);
  });
}

export function deleteScenario(db: Db, id: string): void {
  writeTransaction(db, () => {
    const row = readRow(db, id);
    if (!row) throw new ExerciseError(`There is no scenario with id "${id}".`);
    if (row.origin === 'bundled') throw new ExerciseError(`"${id}" comes with the app and cannot be deleted.`);
    // Exercises keep their own copy of the scenario, so deleting it here changes none of them.
    deleteScenarioRow(db, id);
  });
}

/**
 * Imports a validated scenario. The same id with the same content is "already imported"
 * (nothing written); the same id with other content is refused, never overwritten.
 */
export function importValidScenario(db: Db, scenario: Scenario, fileName: string, now: string): ScenarioImportResult {
  const existing = readRow(db, scenario.id);
  const hash = contentHash(scenario);
  if (existing) {
    if (existing.hash === hash) return { status: 'already-imported', scenario: summaryOf(existing, scenario) };
    throw new PackageError(fileName, [
      `id: a different scenario with id "${scenario.id}" already exists here (${existing.origin}); change the id in the file or delete the existing one first.`,
    ]);
  }
  upsert(db, scenario, 'imported', now);
  return { status: 'imported', scenario: summaryOf(readRow(db, scenario.id)!, scenario) };
}

/** A colleague's exercise brings its scenario: kept for reuse unless this id is already taken here. Inside the import's transaction. */
export function adoptScenario(db: Db, scenario: Scenario, now: string): void {
  if (!readRow(db, scenario.id)) upsert(db, scenario, 'imported', now);
}

/**
 * Brings the bundled examples in line with resources/scenarios: new and changed files are
 * upserted (by id, when the hash differs), removed files dropped. A facilitator's scenario
 * that happens to use a bundled id is left alone. An invalid bundled file is our bug: fail
 * loudly. When they already agree nothing is written and no write lock is taken.
 */
export function syncBundledScenarios(db: Db, dir: string, now = new Date().toISOString()): { readonly updated: number } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const bundled = files.map((file) => validateScenario(JSON.parse(readFileSync(join(dir, file), 'utf8')), join(dir, file)));
  if (bundledChanges(db, bundled).length === 0) return { updated: 0 };
  const updated = writeTransaction(db, () => {
    // Again under the write lock: another process sharing the file may have synced meanwhile.
    const changes = bundledChanges(db, bundled);
    for (const change of changes) {
      if (change.kind === 'upsert') upsert(db, change.scenario, 'bundled', now);
      else deleteScenarioRow(db, change.id);
    }
    return changes.length;
  });
  return { updated };
}

type BundledChange = { readonly kind: 'upsert'; readonly scenario: Scenario } | { readonly kind: 'delete'; readonly id: string };

function bundledChanges(db: Db, bundled: readonly Scenario[]): BundledChange[] {
  return readTransaction(db, () => {
    const changes: BundledChange[] = [];
    for (const scenario of bundled) {
      const row = readRow(db, scenario.id);
      if (row && (row.origin !== 'bundled' || row.hash === contentHash(scenario))) continue;
      changes.push({ kind: 'upsert', scenario });
    }
    const ids = new Set(bundled.map((s) => s.id));
    for (const id of selectBundledScenarioIds(db)) {
      if (!ids.has(id)) changes.push({ kind: 'delete', id });
    }
    return changes;
  });
}
