import type { Db } from '../open';
import { statement } from '../statements';

/**
 * facilitator_notes and note_revisions: what the facilitator observed, with the exercise clock
 * at that moment; every text a note had before an edit; a deleted note kept, marked.
 */
export interface NoteRow {
  id: string;
  at: string;
  elapsed_ms: number;
  text: string;
  deleted_at: string | null;
}

export interface NoteRevisionRow {
  note_id: string;
  replaced_at: string;
  text: string;
}

/** By time, then id: the order an export lists them in. */
export function selectNotes(db: Db, exerciseId: string): NoteRow[] {
  return statement(db, 'SELECT id, at, elapsed_ms, text, deleted_at FROM facilitator_notes WHERE exercise_id = ? ORDER BY at, id').all(exerciseId) as NoteRow[];
}

/** The exercise's note revisions, oldest first within each note. */
export function selectNoteRevisions(db: Db, exerciseId: string): NoteRevisionRow[] {
  return statement(
    db,
    `SELECT r.note_id, r.replaced_at, r.text FROM note_revisions r JOIN facilitator_notes n ON n.id = r.note_id
     WHERE n.exercise_id = ? ORDER BY r.note_id, r.replaced_at`,
  ).all(exerciseId) as NoteRevisionRow[];
}

export function selectNote(db: Db, exerciseId: string, id: string): NoteRow | undefined {
  return statement(db, 'SELECT id, at, elapsed_ms, text, deleted_at FROM facilitator_notes WHERE exercise_id = ? AND id = ?').get(exerciseId, id) as NoteRow | undefined;
}

export function noteExists(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM facilitator_notes WHERE id = ?').get(id) !== undefined;
}

export function insertNote(
  db: Db,
  n: { readonly id: string; readonly exerciseId: string; readonly at: string; readonly elapsedMs: number; readonly text: string; readonly deletedAt?: string | null },
): void {
  statement(db, 'INSERT INTO facilitator_notes (id, exercise_id, at, elapsed_ms, text, deleted_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    n.id, n.exerciseId, n.at, n.elapsedMs, n.text, n.deletedAt ?? null,
  );
}

/** An edit: the old text becomes a revision, replaced at `at`. */
export function insertNoteRevision(db: Db, noteId: string, replacedAt: string, text: string): void {
  statement(db, 'INSERT INTO note_revisions (note_id, replaced_at, text) VALUES (?, ?, ?)').run(noteId, replacedAt, text);
}

export function updateNoteText(db: Db, id: string, text: string): void {
  statement(db, 'UPDATE facilitator_notes SET text = ? WHERE id = ?').run(text, id);
}

export function updateNoteDeleted(db: Db, id: string, deletedAt: string): void {
  statement(db, 'UPDATE facilitator_notes SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
}
