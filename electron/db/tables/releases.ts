import type { Db } from '../open';
import { statement } from '../statements';

/** inject_releases: which inject reached which delegation, when, and what the exercise clock showed. */
export interface ReleaseRow {
  inject_id: string;
  delegation_id: string;
  released_at: string;
  elapsed_ms: number;
}

/** In the order an export lists them: by time, inject and the delegations' order. */
export function selectReleases(db: Db, exerciseId: string): ReleaseRow[] {
  return statement(
    db,
    `SELECT r.inject_id, r.delegation_id, r.released_at, r.elapsed_ms FROM inject_releases r
     JOIN exercise_delegations d ON d.id = r.delegation_id
     WHERE r.exercise_id = ? ORDER BY r.released_at, r.inject_id, d.position`,
  ).all(exerciseId) as ReleaseRow[];
}

/** When the inject reached the delegation; undefined if it has not. */
export function selectReleasedAt(db: Db, exerciseId: string, injectId: string, delegationId: string): string | undefined {
  const row = statement(db, 'SELECT released_at FROM inject_releases WHERE exercise_id = ? AND inject_id = ? AND delegation_id = ?').get(
    exerciseId, injectId, delegationId,
  ) as { released_at: string } | undefined;
  return row?.released_at;
}

export function insertRelease(
  db: Db,
  r: { readonly exerciseId: string; readonly injectId: string; readonly delegationId: string; readonly releasedAt: string; readonly elapsedMs: number },
): void {
  statement(db, 'INSERT INTO inject_releases (exercise_id, inject_id, delegation_id, released_at, elapsed_ms) VALUES (?, ?, ?, ?, ?)').run(
    r.exerciseId, r.injectId, r.delegationId, r.releasedAt, r.elapsedMs,
  );
}
