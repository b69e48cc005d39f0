import type { Db } from '../open';
import { statement } from '../statements';

/**
 * workspaces and workspace_injects, on a delegation's laptop: what a kit opened, and its
 * sealed injects. Written and read by the exchange (electron/exchange) only; the exercise
 * service reads a workspace's markings for the run it holds (exerciseOfRun).
 */
export interface WorkspaceRow {
  run_id: string;
  kit_id: string;
  exercise_id: string;
  exercise_name: string;
  delegation_id: string;
  delegation_name: string;
  facilitator_key: string;
  scenario_json: string;
  issued_at: string;
  salt: string;
  passphrase: string | null;
  accepted_by: string;
  accepted_at: string;
  /** The releases the facilitator withdrew, as the latest kit (update) said: JSON [{injectId, at}]. */
  withdrawn: string;
}

export interface WorkspaceInjectRow {
  n: number;
  sealed: string;
  inject_id: string | null;
  opened_at: string | null;
  /** The inject as it opened (canonical JSON), its suggested findings with it. */
  opened: string | null;
}

export function selectWorkspace(db: Db, runId: string): WorkspaceRow | undefined {
  return statement(db, 'SELECT * FROM workspaces WHERE run_id = ?').get(runId) as WorkspaceRow | undefined;
}

export function selectWorkspaceByKit(db: Db, kitId: string): WorkspaceRow | undefined {
  return statement(db, 'SELECT * FROM workspaces WHERE kit_id = ?').get(kitId) as WorkspaceRow | undefined;
}

/** Most recently opened first. */
export function selectWorkspaces(db: Db): WorkspaceRow[] {
  return statement(db, 'SELECT * FROM workspaces ORDER BY accepted_at DESC, run_id').all() as WorkspaceRow[];
}

export function insertWorkspace(db: Db, w: WorkspaceRow): void {
  statement(
    db,
    `INSERT INTO workspaces (run_id, kit_id, exercise_id, exercise_name, delegation_id, delegation_name, facilitator_key, scenario_json,
       issued_at, salt, passphrase, accepted_by, accepted_at, withdrawn)
     VALUES (@run_id, @kit_id, @exercise_id, @exercise_name, @delegation_id, @delegation_name, @facilitator_key, @scenario_json,
       @issued_at, @salt, @passphrase, @accepted_by, @accepted_at, @withdrawn)`,
  ).run(w);
}

/** The time of the newest kit (update) this workspace opened. */
export function updateWorkspaceIssuedAt(db: Db, runId: string, issuedAt: string): void {
  statement(db, 'UPDATE workspaces SET issued_at = ? WHERE run_id = ?').run(issuedAt, runId);
}

export function updateWorkspaceWithdrawn(db: Db, runId: string, withdrawn: string): void {
  statement(db, 'UPDATE workspaces SET withdrawn = ? WHERE run_id = ?').run(withdrawn, runId);
}

export function selectWorkspaceInjects(db: Db, runId: string): WorkspaceInjectRow[] {
  return statement(db, 'SELECT n, sealed, inject_id, opened_at, opened FROM workspace_injects WHERE run_id = ? ORDER BY n').all(runId) as WorkspaceInjectRow[];
}

export function insertWorkspaceInject(db: Db, runId: string, n: number, sealed: string): void {
  statement(db, 'INSERT INTO workspace_injects (run_id, n, sealed) VALUES (?, ?, ?)').run(runId, n, sealed);
}

export function markInjectOpened(db: Db, runId: string, n: number, injectId: string, openedAt: string, opened: string): void {
  statement(db, 'UPDATE workspace_injects SET inject_id = ?, opened_at = ?, opened = ? WHERE run_id = ? AND n = ?').run(injectId, openedAt, opened, runId, n);
}
