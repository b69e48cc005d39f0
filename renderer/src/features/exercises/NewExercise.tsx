import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ExerciseBanner, TlpLabel } from '../../ui/ExerciseBanner';
import { useExercises } from './store';
import { useStartAtTop } from '../../ui/startAtTop';

interface Row {
  readonly key: number;
  readonly name: string;
}

let rowKey = 0;
const newRow = (name = ''): Row => ({ key: ++rowKey, name });

/** A new exercise: a scenario, a name, and the delegations (member states or teams) that play it. */
export function NewExercise() {
  const { t } = useTranslation();
  const scenarios = useExercises((s) => s.scenarios);
  const { show, createExercise } = useExercises.getState();
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [rows, setRows] = useState<readonly Row[]>(() => [newRow(), newRow()]);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const focusRow = useRef<number | null>(null);
  const rowInputs = useRef(new Map<number, HTMLInputElement>());
  const errorBox = useRef<HTMLDivElement>(null);
  const nameId = useId();
  useStartAtTop();

  const list = scenarios.status === 'ready' ? scenarios.value : [];
  const chosen = list.find((s) => s.id === scenarioId) ?? null;
  useEffect(() => {
    if (scenarioId === null && list.length > 0) setScenarioId(list[0]!.id);
  }, [scenarioId, list]);
  useEffect(() => {
    if (focusRow.current !== null) rowInputs.current.get(focusRow.current)?.focus();
    focusRow.current = null;
  }, [rows]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const problems: string[] = [];
    if (!chosen) problems.push(t('exercises.new.needScenario'));
    const names = rows.map((r) => r.name.trim()).filter((n) => n.length > 0);
    if (names.length === 0) problems.push(t('exercises.new.needDelegation'));
    if (problems.length === 0 && chosen) {
      setBusy(true);
      const refused = await createExercise(name.trim(), chosen.id, names);
      setBusy(false);
      if (!refused) return;
      problems.push(...refused);
    }
    setErrors(problems);
    requestAnimationFrame(() => errorBox.current?.focus());
  };

  return (
    <>
      <ExerciseBanner marking={chosen?.marking} tlp={chosen?.tlp} />
      <button type="button" className="button button--quiet ex-back" onClick={() => show({ kind: 'list' })}>
        ← {t('exercises.new.back')}
      </button>
      <h1 className="screen-title">{t('exercises.new.heading')}</h1>
      <p className="lead">{t('exercises.new.intro')}</p>
      <form className="ex-new" onSubmit={(e) => void submit(e)} noValidate>
        {errors.length > 0 && (
          <div ref={errorBox} tabIndex={-1} className="notice notice--error" role="alert">
            <p className="notice__title">{t('exercises.new.refused')}</p>
            <ul className="outcome__lines">
              {errors.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </div>
        )}
        <fieldset className="ex-fieldset">
          <legend>{t('exercises.new.scenario')}</legend>
          {scenarios.status === 'loading' && <p className="muted">{t('exercises.loading')}</p>}
          {scenarios.status === 'error' && <p className="notice notice--error">{scenarios.message}</p>}
          <div className="ex-choices">
            {list.map((s) => (
              <label key={s.id} className={`ex-choice ${s.id === scenarioId ? 'ex-choice--on' : ''}`}>
                <input type="radio" name="scenario" value={s.id} checked={s.id === scenarioId} onChange={() => setScenarioId(s.id)} />
                <span className="ex-choice__body">
                  <span className="ex-choice__title">{s.title}</span>
                  <span className="ex-choice__meta">
                    <TlpLabel tlp={s.tlp} />
                    <span>{t('exercises.injectCount', { count: s.injectCount })}</span>
                    <span>{t(`exercises.origin.${s.origin}`)}</span>
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="ex-field">
          <label htmlFor={nameId}>{t('exercises.new.name')}</label>
          <input id={nameId} className="ex-input" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} placeholder={t('exercises.new.namePlaceholder')} />
        </div>
        <fieldset className="ex-fieldset">
          <legend>{t('exercises.new.delegations')}</legend>
          <p className="ex-hint">{t('exercises.new.delegationsHint')}</p>
          <ol className="ex-rows">
            {rows.map((row, index) => (
              <li key={row.key} className="ex-row">
                <label className="ex-row__label" htmlFor={`delegation-${row.key}`}>
                  {t('exercises.new.delegation', { n: index + 1 })}
                </label>
                <input
                  id={`delegation-${row.key}`}
                  ref={(el) => {
                    if (el) rowInputs.current.set(row.key, el);
                    else rowInputs.current.delete(row.key);
                  }}
                  className="ex-input"
                  value={row.name}
                  maxLength={80}
                  placeholder={t('exercises.new.delegationPlaceholder')}
                  onChange={(e) => setRows(rows.map((r) => (r.key === row.key ? { ...r, name: e.target.value } : r)))}
                />
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={t('exercises.new.removeDelegation', { n: index + 1 })}
                  disabled={rows.length === 1}
                  onClick={() => {
                    const next = rows.filter((r) => r.key !== row.key);
                    focusRow.current = next[Math.min(index, next.length - 1)]?.key ?? null;
                    setRows(next);
                  }}
                >
                  {t('exercises.new.remove')}
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button"
            disabled={rows.length >= 50}
            onClick={() => {
              const row = newRow();
              focusRow.current = row.key;
              setRows([...rows, row]);
            }}
          >
            + {t('exercises.new.addDelegation')}
          </button>
        </fieldset>
        <div className="ex-form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('exercises.new.create')}
          </button>
          <button type="button" className="button" onClick={() => show({ kind: 'list' })}>
            {t('exercises.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
