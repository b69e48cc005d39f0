import type { Db } from '../open';
import { statement } from '../statements';

/**
 * inject_releases: which inject reached which delegation, when, and what the exercise clock
 * showed; and, when the facilitator took it back, when that was.
 */
export interface ReleaseRow {
  inject_id: string;
  delegation_id: string;
  released_at: string;
  elapsed_ms: number;
  withdrawn_at: string | null;
  withdrawn_elapsed_ms: number | null;
}

/** In the order an export lists them: by time, inject and the delegations' order. */
export function selectReleases(db: Db, exerciseId: string): ReleaseRow[] {
  return statement(
    db,
    `SELECT r.inject_id, r.delegation_id, r.released_at, r.elapsed_ms, r.withdrawn_at, r.withdrawn_elapsed_ms FROM inject_releases r
     JOIN exercise_delegations d ON d.id = r.delegation_id
     WHERE r.exercise_id = ? ORDER BY r.released_at, r.inject_id, d.position`,
  ).all(exerciseId) as ReleaseRow[];
}

/** When the inject reached the delegation; undefined if it has not. */
export function selectReleasedAt(db: Db, exerciseId: string, injectId: string, delegationId: string): string | undefined {
  return selectRelease(db, exerciseId, injectId, delegationId)?.released_at;
}

export function selectRelease(db: Db, exerciseId: string, injectId: string, delegationId: string): ReleaseRow | undefined {
  return statement(
    db,
    'SELECT inject_id, delegation_id, released_at, elapsed_ms, withdrawn_at, withdrawn_elapsed_ms FROM inject_releases WHERE exercise_id = ? AND inject_id = ? AND delegation_id = ?',
  ).get(exerciseId, injectId, delegationId) as ReleaseRow | undefined;
}

export function countReleasesTo(db: Db, delegationId: string): number {
  return (statement(db, 'SELECT count(*) AS n FROM inject_releases WHERE delegation_id = ?').get(delegationId) as { n: number }).n;
}

export function insertRelease(
  db: Db,
  r: {
    readonly exerciseId: string; readonly injectId: string; readonly delegationId: string; readonly releasedAt: string; readonly elapsedMs: number;
    readonly withdrawnAt?: string | null; readonly withdrawnElapsedMs?: number | null;
  },
): void {
  statement(
    db,
    'INSERT INTO inject_releases (exercise_id, inject_id, delegation_id, released_at, elapsed_ms, withdrawn_at, withdrawn_elapsed_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(r.exerciseId, r.injectId, r.delegationId, r.releasedAt, r.elapsedMs, r.withdrawnAt ?? null, r.withdrawnElapsedMs ?? null);
}

export function updateReleaseWithdrawn(db: Db, exerciseId: string, injectId: string, delegationId: string, at: string, elapsedMs: number): void {
  statement(db, 'UPDATE inject_releases SET withdrawn_at = ?, withdrawn_elapsed_ms = ? WHERE exercise_id = ? AND inject_id = ? AND delegation_id = ?').run(
    at, elapsedMs, exerciseId, injectId, delegationId,
  );
}
