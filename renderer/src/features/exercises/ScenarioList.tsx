import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FindField } from '../../ui/FindField';
import { matchesQuery } from '../../ui/find';
import { useStartAtTop } from '../../ui/startAtTop';
import { api } from '../../api';
import { messageLines } from '../../ui/messages';
import { ExerciseBanner, TlpLabel } from '../../ui/ExerciseBanner';
import { OutcomeNotice } from '../../ui/OutcomeNotice';
import { useExercises } from './store';

/** The scenarios exercises are built from: the examples shipped with the app, and the facilitators' own. */
export function ScenarioList() {
  const { t } = useTranslation();
  const scenarios = useExercises((s) => s.scenarios);
  const outcome = useExercises((s) => s.outcome);
  const { show, setOutcome, loadScenarios } = useExercises.getState();
  const [query, setQuery] = useState('');
  const findFocus = useExercises((s) => s.findFocus);
  useStartAtTop();
  const shown = scenarios.status === 'ready' ? scenarios.value.filter((s) => matchesQuery(query, [s.title, s.id, s.marking])) : [];

  const importScenario = async (): Promise<void> => {
    try {
      const result = await api().importScenario({});
      if (result.opened) {
        setOutcome({
          tone: 'ok',
          key: result.status === 'imported' ? 'exercises.files.scenarioImported' : 'exercises.files.scenarioAlreadyImported',
          values: { title: result.scenario.title, path: result.path },
          lines: [],
        });
      }
    } catch (error) {
      setOutcome({ tone: 'error', key: 'exercises.files.importFailed', lines: messageLines(error instanceof Error ? error.message : String(error)) });
    }
    await loadScenarios();
  };

  return (
    <>
      <ExerciseBanner />
      <div className="ex-head">
        <div>
          <h1 className="screen-title">{t('exercises.scenarios.heading')}</h1>
          <p className="lead">{t('exercises.scenarios.intro')}</p>
        </div>
        <div className="ex-head__actions">
          <button type="button" className="button" onClick={() => void importScenario()}>
            {t('exercises.scenarios.import')}
          </button>
          <button type="button" className="button button--primary" onClick={() => show({ kind: 'scenario', id: null })}>
            {t('exercises.scenarios.new')}
          </button>
        </div>
      </div>
      <OutcomeNotice outcome={outcome} onDismiss={() => setOutcome(null)} />
      {scenarios.status === 'loading' && <p className="muted">{t('exercises.loading')}</p>}
      {scenarios.status === 'error' && (
        <p role="alert" className="notice notice--error">
          {scenarios.message}
        </p>
      )}
      {scenarios.status === 'ready' && (
        <FindField label={t('exercises.scenarios.find')} placeholder={t('exercises.scenarios.findPlaceholder')} query={query} onQuery={setQuery} focusKey={findFocus} />
      )}
      {scenarios.status === 'ready' && shown.length === 0 && <p className="muted">{t('exercises.scenarios.noneFound', { query: query.trim() })}</p>}
      {scenarios.status === 'ready' && shown.length > 0 && (
        <table className="ex-table">
          <caption className="visually-hidden">{t('exercises.scenarios.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exercises.scenarios.title')}</th>
              <th scope="col">{t('exercises.scenarios.marking')}</th>
              <th scope="col">{t('exercises.scenarios.injects')}</th>
              <th scope="col">{t('exercises.scenarios.origin')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <button type="button" className="ex-link" onClick={() => show({ kind: 'scenario', id: s.id })}>
                    {s.title}
                  </button>
                  <span className="ex-id">{s.id}</span>
                </th>
                <td>
                  <TlpLabel tlp={s.tlp} /> <span className="ex-marking">{s.marking}</span>
                </td>
                <td className="ex-num">{s.injectCount}</td>
                <td>
                  <span className={`badge ex-origin ex-origin--${s.origin}`}>{t(`exercises.origin.${s.origin}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
