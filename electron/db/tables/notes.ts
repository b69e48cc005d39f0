import type { Db } from '../open';
import { statement } from '../statements';

/** facilitator_notes: what the facilitator observed, with the exercise clock at that moment. */
export interface NoteRow {
  id: string;
  at: string;
  elapsed_ms: number;
  text: string;
}

/** By time, then id: the order an export lists them in. */
export function selectNotes(db: Db, exerciseId: string): NoteRow[] {
  return statement(db, 'SELECT id, at, elapsed_ms, text FROM facilitator_notes WHERE exercise_id = ? ORDER BY at, id').all(exerciseId) as NoteRow[];
}

export function noteExists(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM facilitator_notes WHERE id = ?').get(id) !== undefined;
}

export function insertNote(
  db: Db,
  n: { readonly id: string; readonly exerciseId: string; readonly at: string; readonly elapsedMs: number; readonly text: string },
): void {
  statement(db, 'INSERT INTO facilitator_notes (id, exercise_id, at, elapsed_ms, text) VALUES (?, ?, ?, ?, ?)').run(
    n.id, n.exerciseId, n.at, n.elapsedMs, n.text,
  );
}
