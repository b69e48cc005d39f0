import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockStatus, ExerciseSummary } from '../../../../shared/exercise/exercises';
import { assertNever } from '../../../../shared/framework/catalogue';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatClock, formatWhen } from '../../ui/format';
import { ExerciseBanner } from '../../ui/ExerciseBanner';
import { OutcomeNotice } from '../../ui/OutcomeNotice';
import { FindField } from '../../ui/FindField';
import { matchesQuery } from '../../ui/find';
import { useStartAtTop } from '../../ui/startAtTop';
import { useExercises } from './store';

export function clockStatusKey(status: ClockStatus): string {
  switch (status) {
    case 'not-started':
      return 'exercises.clock.notStarted';
    case 'running':
      return 'exercises.clock.running';
    case 'paused':
      return 'exercises.clock.paused';
    case 'ended':
      return 'exercises.clock.ended';
    default:
      return assertNever(status, 'clock status');
  }
}

/**
 * The exercises on this computer: open, export or delete one, start one, import a package;
 * below them, the delegation kits opened on this laptop (`workspaces`).
 */
export function ExerciseList({ workspaces = null }: { workspaces?: ReactNode }) {
  const { t } = useTranslation();
  const exercises = useExercises((s) => s.exercises);
  const outcome = useExercises((s) => s.outcome);
  const { show, openExercise, openSample, exportExercise, importExercise, deleteExercise, setOutcome } = useExercises.getState();
  const [deleting, setDeleting] = useState<ExerciseSummary | null>(null);
  const [query, setQuery] = useState('');
  const findFocus = useExercises((s) => s.findFocus);
  useStartAtTop();
  const shown = exercises.status === 'ready' ? exercises.value.filter((e) => matchesQuery(query, [e.name, e.scenarioTitle])) : [];

  return (
    <>
      <ExerciseBanner />
      <div className="ex-head">
        <div>
          <h1 className="screen-title">{t('exercises.list.heading')}</h1>
          <p className="lead">{t('exercises.list.intro')}</p>
        </div>
        <div className="ex-head__actions">
          <button type="button" className="button" onClick={() => void openSample()} title={t('exercises.list.sampleHint')}>
            {t('exercises.list.sample')}
          </button>
          <button type="button" className="button" onClick={() => void importExercise()}>
            {t('exercises.list.import')}
          </button>
          <button type="button" className="button button--primary" onClick={() => show({ kind: 'new' })}>
            {t('exercises.list.new')}
          </button>
        </div>
      </div>
      <OutcomeNotice outcome={outcome} onDismiss={() => setOutcome(null)} />
      {exercises.status === 'loading' && <p className="muted">{t('exercises.loading')}</p>}
      {exercises.status === 'error' && (
        <p role="alert" className="notice notice--error">
          {exercises.message}
        </p>
      )}
      {exercises.status === 'ready' &&
        (exercises.value.length === 0 ? (
          <p className="ex-empty">{t('exercises.list.empty')}</p>
        ) : (
          <>
            <FindField label={t('exercises.list.find')} placeholder={t('exercises.list.findPlaceholder')} query={query} onQuery={setQuery} focusKey={findFocus} />
            {shown.length === 0 && <p className="muted">{t('exercises.list.noneFound', { query: query.trim() })}</p>}
            <table className="ex-table" hidden={shown.length === 0}>
              <caption className="visually-hidden">
                {query.trim() === ''
                  ? t('exercises.list.caption', { count: exercises.value.length })
                  : t('exercises.list.found', { count: shown.length, total: exercises.value.length, query: query.trim() })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('exercises.list.name')}</th>
                  <th scope="col">{t('exercises.list.scenario')}</th>
                  <th scope="col">{t('exercises.list.delegations')}</th>
                  <th scope="col">{t('exercises.list.clock')}</th>
                  <th scope="col">{t('exercises.list.created')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('exercises.list.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <button type="button" className="ex-link" onClick={() => void openExercise(e.id)}>
                        {e.name}
                      </button>
                    </th>
                    <td>{e.scenarioTitle}</td>
                    <td className="ex-num">{e.delegationCount}</td>
                    <td>
                      <span className="ex-mono">{formatClock(e.clock.elapsedMs)}</span>{' '}
                      <span className={`badge ex-clock-badge ex-clock-badge--${e.clock.status}`}>{t(clockStatusKey(e.clock.status))}</span>
                    </td>
                    <td>{formatWhen(e.createdAt)}</td>
                    <td className="ex-row-actions">
                      <button type="button" className="button" aria-label={t('exercises.list.exportNamed', { name: e.name })} onClick={() => void exportExercise(e.id)}>
                        {t('exercises.list.export')}
                      </button>
                      <button type="button" className="button button--quiet" aria-label={t('exercises.list.deleteNamed', { name: e.name })} onClick={() => setDeleting(e)}>
                        {t('exercises.list.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ))}
      {deleting && (
        <ConfirmDialog
          title={t('exercises.list.deleteTitle', { name: deleting.name })}
          confirmLabel={t('exercises.list.deleteConfirm')}
          cancelLabel={t('exercises.cancel')}
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            void deleteExercise(id);
          }}
        >
          <p>{t('exercises.list.deleteBody', { count: deleting.delegationCount })}</p>
        </ConfirmDialog>
      )}
      {workspaces}
    </>
  );
}
