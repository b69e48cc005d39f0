import type { Db } from '../open';
import { statement } from '../statements';

/**
 * exercise_delegations: the seats of an exercise, each working in one run. Written by the
 * exercise service and, through the same functions, by a package import.
 */
export interface DelegationRow {
  id: string;
  exercise_id: string;
  position: number;
  name: string;
  run_id: string;
  /** When it joined an exercise under way; null for a delegation the exercise was created with. */
  joined_at: string | null;
}

/** The exercise and delegation that own a run. */
export interface RunOwnerRow {
  id: string;
  name: string;
  scenarioJson: string;
  delegation: string;
  delegationId: string;
}

/** In the exercise's order. */
export function selectDelegations(db: Db, exerciseId: string): DelegationRow[] {
  return statement(db, 'SELECT * FROM exercise_delegations WHERE exercise_id = ? ORDER BY position').all(exerciseId) as DelegationRow[];
}

export function countDelegations(db: Db, exerciseId: string): number {
  return (statement(db, 'SELECT count(*) AS n FROM exercise_delegations WHERE exercise_id = ?').get(exerciseId) as { n: number }).n;
}

export function delegationExists(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM exercise_delegations WHERE id = ?').get(id) !== undefined;
}

/** Undefined for a run of its own. */
export function ownerOfRun(db: Db, runId: string): RunOwnerRow | undefined {
  return statement(
    db,
    `SELECT e.id, e.name, e.scenario_json AS scenarioJson, d.name AS delegation, d.id AS delegationId
       FROM exercise_delegations d JOIN exercises e ON e.id = d.exercise_id WHERE d.run_id = ?`,
  ).get(runId) as RunOwnerRow | undefined;
}

export function insertDelegation(
  db: Db,
  d: { readonly id: string; readonly exerciseId: string; readonly position: number; readonly name: string; readonly runId: string; readonly joinedAt?: string | null },
): void {
  statement(db, 'INSERT INTO exercise_delegations (id, exercise_id, position, name, run_id, joined_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    d.id, d.exerciseId, d.position, d.name, d.runId, d.joinedAt ?? null,
  );
}

export function deleteDelegation(db: Db, id: string): void {
  statement(db, 'DELETE FROM exercise_delegations WHERE id = ?').run(id);
}

export function updateDelegationName(db: Db, id: string, name: string): void {
  statement(db, 'UPDATE exercise_delegations SET name = ? WHERE id = ?').run(name, id);
}
