import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseView, FacilitatorNote } from '../../../../shared/exercise/exercises';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatClock, formatWhen } from '../../ui/format';
import { useExercises } from './store';
import './notes.css';
import { closeOnEscape } from '../../ui/escape';

/**
 * The facilitator's notes, stamped with the exercise clock: written, edited and deleted here,
 * with their history kept. A deleted note stays in the record (and the report), marked.
 */
export function Notes({ view, elapsed }: { view: ExerciseView; elapsed: number }) {
  const { t } = useTranslation();
  const addNote = useExercises((s) => s.addNote);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<readonly string[]>([]);
  const textId = useId();
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (text.trim() === '') {
      setErrors([t('exercises.notes.empty')]);
      return;
    }
    const refused = await addNote(text);
    setErrors(refused ?? []);
    if (!refused) setText('');
  };
  const notes = [...view.notes].reverse();
  return (
    <section className="ex-section" aria-labelledby="ex-notes">
      <h2 id="ex-notes" className="ex-section__title" tabIndex={-1}>
        {t('exercises.notes.title')}
      </h2>
      <form className="ex-note-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={textId}>{t('exercises.notes.label', { time: formatClock(elapsed) })}</label>
        <textarea id={textId} className="ex-input ex-textarea" rows={3} value={text} maxLength={20_000} onChange={(e) => setText(e.target.value)} />
        {errors.length > 0 && (
          <ul className="notice notice--error outcome__lines" role="alert">
            {errors.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
        <button type="submit" className="button">
          {t('exercises.notes.add')}
        </button>
      </form>
      {notes.length === 0 ? (
        <p className="muted">{t('exercises.notes.none')}</p>
      ) : (
        <ol className="ex-notes">
          {notes.map((n) => (
            <NoteItem key={n.id} note={n} />
          ))}
        </ol>
      )}
    </section>
  );
}

function NoteItem({ note }: { note: FacilitatorNote }) {
  const { t } = useTranslation();
  const editNote = useExercises((s) => s.editNote);
  const deleteNote = useExercises((s) => s.deleteNote);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleted = note.deletedAt !== null;
  const label = t('exercises.notes.named', { time: formatClock(note.elapsedMs) });
  const stopEditing = (): void => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  return (
    <li className={deleted ? 'ex-note ex-note--deleted' : 'ex-note'} data-note={note.id}>
      <span className="ex-note__time ex-mono">{formatClock(note.elapsedMs)}</span>
      <div className="ex-note__main">
        {editing ? (
          <NoteEditor note={note} save={(text) => editNote(note.id, text)} close={stopEditing} />
        ) : deleted ? (
          <details className="ex-details">
            <summary>{t('exercises.notes.deletedOn', { when: formatWhen(note.deletedAt!) })}</summary>
            <p className="ex-pre ex-note__text">{note.text}</p>
          </details>
        ) : (
          <p className="ex-pre ex-note__text">{note.text}</p>
        )}
        {note.revisions.length > 0 && !editing && (
          <details className="ex-details ex-note__history">
            <summary>{t('exercises.notes.edited', { count: note.revisions.length })}</summary>
            <ol className="ex-note__revisions">
              {note.revisions.map((r, i) => (
                <li key={i}>
                  <span className="ex-note__replaced">{t('exercises.notes.replacedOn', { when: formatWhen(r.replacedAt) })}</span>
                  <span className="ex-pre">{r.text}</span>
                </li>
              ))}
            </ol>
          </details>
        )}
      </div>
      {!deleted && !editing && (
        <div className="ex-note__actions">
          <button ref={editButton} type="button" className="button button--quiet" aria-label={t('exercises.notes.editNamed', { name: label })} onClick={() => setEditing(true)}>
            {t('exercises.notes.edit')}
          </button>
          <button type="button" className="button button--quiet button--danger-text" aria-label={t('exercises.notes.deleteNamed', { name: label })} onClick={() => setDeleting(true)}>
            {t('exercises.notes.delete')}
          </button>
        </div>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('exercises.notes.deleteTitle', { time: formatClock(note.elapsedMs) })}
          confirmLabel={t('exercises.notes.deleteConfirm')}
          cancelLabel={t('exercises.cancel')}
          danger
          onCancel={() => setDeleting(false)}
          onFocusLost={() => document.getElementById('ex-notes')?.focus()}
          onConfirm={() => {
            setDeleting(false);
            void deleteNote(note.id);
          }}
        >
          <p className="ex-pre">{note.text}</p>
          <p>{t('exercises.notes.deleteBody')}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}

/** The note's text in place, to change: Escape or Cancel leaves it as it was. */
function NoteEditor({ note, save, close }: { note: FacilitatorNote; save: (text: string) => Promise<readonly string[] | null>; close: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(note.text);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  useEffect(() => field.current?.focus(), []);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (text.trim() === '') {
      setErrors([t('exercises.notes.empty')]);
      return;
    }
    if (text === note.text) return close();
    const refused = await save(text);
    if (refused) setErrors(refused);
    else close();
  };
  return (
    <form
      className="ex-note-edit"
      onSubmit={(e) => void submit(e)}
      onKeyDown={closeOnEscape(close)}
      noValidate
    >
      <label htmlFor={id} className="visually-hidden">
        {t('exercises.notes.editLabel', { time: formatClock(note.elapsedMs) })}
      </label>
      <textarea ref={field} id={id} className="ex-input ex-textarea" rows={3} value={text} maxLength={20_000} onChange={(e) => setText(e.target.value)} />
      {errors.length > 0 && (
        <ul className="notice notice--error outcome__lines" role="alert">
          {errors.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <div className="ex-form-actions">
        <button type="submit" className="button button--primary">
          {t('exercises.notes.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={close}>
          {t('exercises.cancel')}
        </button>
      </div>
      <p className="ex-hint">{t('exercises.notes.keptHint')}</p>
    </form>
  );
}
