import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STEP_IDS } from '../../../../shared/framework/catalogue';
import type { RunSummary } from '../../../../shared/workflow/runs';
import { shortcutKeys } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatWhen } from '../../ui/format';
import { useRuns } from './store';
import { RenameForm } from '../../ui/RenameForm';
import { FindField } from '../../ui/FindField';
import { matchesQuery } from '../../ui/find';
import { useStartAtTop } from '../../ui/startAtTop';
import type { RunExercise } from '../../../../shared/exercise/exercises';
import './run-list.css';

/**
 * The runs: start one, find one, and open, rename or delete the others. A delegation's run is
 * deleted only with its exercise, so it offers no Delete, and says whose it is (onOpenExercise: its console).
 */
export function RunList({ onOpenExercise }: { onOpenExercise: (exerciseId: string) => void }) {
  const { t } = useTranslation();
  const runs = useRuns((s) => s.runs);
  const exercisesOf = useRuns((s) => s.exercisesOf);
  const [query, setQuery] = useState('');
  const findFocus = useRuns((s) => s.findFocus);
  useStartAtTop();
  const notice = useRuns((s) => s.notice);
  const loadRuns = useRuns((s) => s.loadRuns);
  const [deleting, setDeleting] = useState<RunSummary | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const deleteRun = useRuns((s) => s.deleteRun);

  useEffect(() => {
    void loadRuns();
  }, [loadRuns]);

  return (
    <div className="runs">
      <h1 className="screen-title">{t('runs.heading')}</h1>
      <p className="lead">{t('runs.intro')}</p>
      {notice && (
        <div className="notice notice--warning" role="status">
          <p className="notice__title">{t('runs.list.restoreFailed')}</p>
          <p>{notice}</p>
        </div>
      )}
      <NewRunForm />
      {deleteError && (
        <p role="alert" className="notice notice--error">
          {deleteError}
        </p>
      )}
      {runs.status === 'loading' && <p className="muted">{t('runs.list.loading')}</p>}
      {runs.status === 'error' && (
        <p role="alert" className="notice notice--error">
          {t('runs.list.error', { message: runs.message })}
        </p>
      )}
      {runs.status === 'ready' &&
        (runs.value.length === 0 ? (
          <p className="runs__empty">{t('runs.list.empty')}</p>
        ) : (
          <>
            <FindField label={t('runs.list.find')} placeholder={t('runs.list.findPlaceholder')} query={query} onQuery={setQuery} focusKey={findFocus} />
            <table className="run-table">
              <caption className="run-table__caption">
                {query.trim() === ''
                  ? t('runs.list.caption', { count: runs.value.length })
                  : t('runs.list.found', { count: matching(runs.value, exercisesOf, query).length, total: runs.value.length, query: query.trim() })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('runs.list.name')}</th>
                  <th scope="col">{t('runs.list.step')}</th>
                  <th scope="col">{t('runs.list.updated')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('runs.list.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {matching(runs.value, exercisesOf, query).map((run) => (
                  <RunRow key={run.id} run={run} exercise={exercisesOf[run.id] ?? null} onDelete={() => setDeleting(run)} onOpenExercise={onOpenExercise} />
                ))}
              </tbody>
            </table>
          </>
        ))}
      {deleting && (
        <ConfirmDialog
          title={t('runs.delete.title', { name: deleting.name })}
          confirmLabel={t('runs.delete.confirm')}
          cancelLabel={t('runs.delete.cancel')}
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const run = deleting;
            setDeleting(null);
            void deleteRun(run.id).then(setDeleteError);
          }}
        >
          <p>{t('runs.delete.body', { name: deleting.name, count: deleting.eventCount })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function NewRunForm() {
  const { t } = useTranslation();
  const createRun = useRuns((s) => s.createRun);
  const focus = useRuns((s) => s.newRunFocus);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focus > 0) input.current?.focus();
  }, [focus]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const problem = await createRun(name);
    setBusy(false);
    setError(problem);
    if (problem === null) setName('');
  };

  return (
    <form className="new-run" onSubmit={(e) => void submit(e)} aria-labelledby="new-run-heading">
      <h2 id="new-run-heading" className="new-run__heading">
        {t('runs.create.heading')}
      </h2>
      <div className="new-run__row">
        <label htmlFor="new-run-name" className="new-run__label">
          {t('runs.create.label')}
        </label>
        <input
          ref={input}
          id="new-run-name"
          className="input new-run__input"
          type="text"
          value={name}
          maxLength={200}
          placeholder={t('runs.create.placeholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-run-error' : 'new-run-hint'}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {t('runs.create.submit')}
        </button>
      </div>
      {error ? (
        <p id="new-run-error" role="alert" className="field-error">
          {error}
        </p>
      ) : (
        <p id="new-run-hint" className="hint">
          {t('runs.create.hint', { keys: shortcutKeys('N') })}
        </p>
      )}
    </form>
  );
}

/** The runs whose name, exercise or delegation holds every word typed. */
function matching(runs: readonly RunSummary[], exercisesOf: Readonly<Record<string, RunExercise | null>>, query: string): readonly RunSummary[] {
  return runs.filter((r) => matchesQuery(query, [r.name, exercisesOf[r.id]?.exerciseName ?? '', exercisesOf[r.id]?.delegation ?? '']));
}

function RunRow({
  run, exercise, onDelete, onOpenExercise,
}: { run: RunSummary; exercise: RunExercise | null; onDelete: () => void; onOpenExercise: (exerciseId: string) => void }) {
  const { t } = useTranslation();
  const openRun = useRuns((s) => s.openRun);
  const renameRun = useRuns((s) => s.renameRun);
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const done = run.stepsDone.length;
  const stopRenaming = (): void => {
    setRenaming(false);
    requestAnimationFrame(() => renameButton.current?.focus());
  };

  return (
    <tr className="run-row">
      <td className="run-row__name">
        {renaming ? (
          <RenameForm current={run.name} maxLength={200} save={(name) => renameRun(run.id, name)} close={stopRenaming} />
        ) : (
          <button type="button" className="run-row__open" onClick={() => void openRun(run.id)}>
            {run.name}
          </button>
        )}
        {exercise && (
          <span className="run-row__exercise">
            {exercise.workspace
              ? t('runs.list.ofWorkspace', { delegation: exercise.delegation, exercise: exercise.exerciseName })
              : t('runs.list.ofExercise', { delegation: exercise.delegation })}{' '}
            {!exercise.workspace && (
              <button type="button" className="run-row__exercise-link" onClick={() => onOpenExercise(exercise.exerciseId)}>
                {exercise.exerciseName}
              </button>
            )}
          </span>
        )}
      </td>
      <td>
        <span className={`step-badge step-badge--${run.step}`}>{t(`runs.steps.${run.step}`)}</span>
        <span className="run-row__progress">
          <span className="visually-hidden">{t('runs.list.progress', { done, total: STEP_IDS.length })}</span>
          {STEP_IDS.map((s) => (
            <span key={s} className={run.stepsDone.includes(s) ? 'dot dot--done' : 'dot'} aria-hidden="true" />
          ))}
        </span>
      </td>
      <td className="run-row__when">
        <time dateTime={run.updatedAt}>{formatWhen(run.updatedAt)}</time>
      </td>
      <td className="run-row__actions">
        <button type="button" className="button" onClick={() => void openRun(run.id)} aria-label={t('runs.list.openNamed', { name: run.name })}>
          {t('runs.list.open')}
        </button>
        <button
          ref={renameButton}
          type="button"
          className="button button--quiet"
          onClick={() => setRenaming(true)}
          aria-label={t('runs.rename.named', { name: run.name })}
          disabled={renaming}
        >
          {t('runs.rename.button')}
        </button>
        {/* A delegation's run goes with its exercise, never alone. */}
        {!exercise && (
          <button type="button" className="button button--quiet button--danger-text" onClick={onDelete} aria-label={t('runs.delete.named', { name: run.name })}>
            {t('runs.delete.button')}
          </button>
        )}
      </td>
    </tr>
  );
}
