import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';
import { writeTransaction } from '../db/transaction';
import { deleteDelegation, insertDelegation } from '../db/tables/delegations';
import { selectNote, insertNoteRevision, updateNoteDeleted, updateNoteText } from '../db/tables/notes';
import { createRun, deleteRun } from '../workflow/runs';
import { ExerciseError } from './errors';
import { firstEntryResting } from '../consensus/joint';
import { cleanName, DELEGATION_NAME_MAX, delegationsOf, getExercise, MAX_DELEGATIONS, NOTE_MAX, readExercise, runNameOf } from './exercises';
import { longTextProblem, nameKey } from '../../shared/text';
import type { ExerciseView } from '../../shared/exercise/exercises';

/**
 * Changing an exercise while it runs: a delegation joins late (with its own run) or one that
 * never played is taken off; a note is corrected or deleted, every earlier text kept.
 */
const nowIso = (): string => new Date().toISOString();

export function addDelegation(db: Db, exerciseId: string, rawName: string, now = nowIso()): ExerciseView {
  const name = cleanName(rawName, 'A delegation', DELEGATION_NAME_MAX);
  writeTransaction(db, () => {
    const exercise = readExercise(db, exerciseId);
    if (exercise.clock_ended_at !== null) throw new ExerciseError(`The exercise "${exercise.name}" has ended; no delegation can join it.`);
    const all = delegationsOf(db, exerciseId);
    if (all.length >= MAX_DELEGATIONS) throw new ExerciseError(`An exercise can have at most ${MAX_DELEGATIONS} delegations.`);
    const clash = all.find((d) => nameKey(d.name) === nameKey(name));
    if (clash) throw new ExerciseError(`The exercise "${exercise.name}" already has a delegation named "${clash.name}".`);
    const run = createRun(db, runNameOf(exercise.name, name), { now });
    insertDelegation(db, { id: randomUUID(), exerciseId, position: Math.max(-1, ...all.map((d) => d.position)) + 1, name, runId: run.id, joinedAt: now });
  });
  return getExercise(db, exerciseId, now);
}

/** Only a delegation that never played: its run is empty, nothing was released to it, no kit went out. */
export function removeDelegation(db: Db, exerciseId: string, delegationId: string, now = nowIso()): ExerciseView {
  writeTransaction(db, () => {
    const view = getExercise(db, exerciseId, now);
    const delegation = view.delegations.find((d) => d.id === delegationId);
    if (!delegation) throw new ExerciseError(`The exercise "${view.name}" has no delegation with id ${delegationId}.`);
    if (!delegation.removable) {
      throw new ExerciseError(`${delegation.name} has played (its run, a release or its kit is part of the record) and cannot be removed.`);
    }
    if (view.delegations.length === 1) throw new ExerciseError('An exercise needs at least one delegation.');
    // The joint decision's record names every delegation it rests on, and keeps it.
    const entry = firstEntryResting(db, exerciseId, delegationId);
    if (entry !== null) throw new ExerciseError(`${delegation.name} cannot be removed: entry ${entry} of the joint decision rests on its position.`);
    deleteDelegation(db, delegationId);
    deleteRun(db, delegation.runId);
  });
  return getExercise(db, exerciseId, now);
}

function noteText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new ExerciseError('A note needs some text.');
  if (trimmed.length > NOTE_MAX) throw new ExerciseError(`A note can have at most ${NOTE_MAX} characters.`);
  const problem = longTextProblem(trimmed);
  if (problem) throw new ExerciseError(`The note was not changed: it ${problem}.`);
  return trimmed;
}

function liveNote(db: Db, exerciseId: string, noteId: string) {
  const exercise = readExercise(db, exerciseId);
  const note = selectNote(db, exerciseId, noteId);
  if (!note) throw new ExerciseError(`The exercise "${exercise.name}" has no note with id ${noteId}.`);
  if (note.deleted_at !== null) throw new ExerciseError(`This note was deleted at ${note.deleted_at}; it stays in the record as it was.`);
  return note;
}

/** The note's new text; the old one is kept as a revision, replaced now. */
export function editFacilitatorNote(db: Db, exerciseId: string, noteId: string, text: string, now = nowIso()): ExerciseView {
  const clean = noteText(text);
  writeTransaction(db, () => {
    const note = liveNote(db, exerciseId, noteId);
    if (note.text === clean) return;
    insertNoteRevision(db, noteId, now, note.text);
    updateNoteText(db, noteId, clean);
  });
  return getExercise(db, exerciseId, now);
}

/** Deleted, and kept: the record shows it struck through, with when. */
export function deleteFacilitatorNote(db: Db, exerciseId: string, noteId: string, now = nowIso()): ExerciseView {
  writeTransaction(db, () => {
    liveNote(db, exerciseId, noteId);
    updateNoteDeleted(db, noteId, now);
  });
  return getExercise(db, exerciseId, now);
}
