import type { Db } from '../open';
import { statement } from '../statements';
import type { ScenarioOrigin } from '../../../shared/exercise/exercises';

/** scenarios: the library of scenarios (bundled, the facilitator's own, imported). */
export interface ScenarioRow {
  id: string;
  origin: ScenarioOrigin;
  title: string;
  json: string;
  hash: string;
  updated_at: string;
}

export function selectScenario(db: Db, id: string): ScenarioRow | undefined {
  return statement(db, 'SELECT * FROM scenarios WHERE id = ?').get(id) as ScenarioRow | undefined;
}

/** By title, then id. */
export function selectScenarios(db: Db): ScenarioRow[] {
  return statement(db, 'SELECT * FROM scenarios ORDER BY title, id').all() as ScenarioRow[];
}

export function selectBundledScenarioIds(db: Db): string[] {
  return (statement(db, "SELECT id FROM scenarios WHERE origin = 'bundled'").all() as { id: string }[]).map((r) => r.id);
}

export function upsertScenario(
  db: Db,
  s: { readonly id: string; readonly origin: ScenarioOrigin; readonly title: string; readonly json: string; readonly hash: string; readonly updatedAt: string },
): void {
  statement(
    db,
    `INSERT INTO scenarios (id, origin, title, json, hash, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET origin = excluded.origin, title = excluded.title, json = excluded.json,
       hash = excluded.hash, updated_at = excluded.updated_at`,
  ).run(s.id, s.origin, s.title, s.json, s.hash, s.updatedAt);
}

export function deleteScenario(db: Db, id: string): void {
  statement(db, 'DELETE FROM scenarios WHERE id = ?').run(id);
}
