import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseView, InjectStatus } from '../../../../shared/exercise/exercises';
import { formatClock } from '../../ui/format';
import { injectState } from './clock';
import { useExercises } from './store';
import './inject-timeline.css';

/** The scenario's injects in planned order: when, what, to whom so far, and release now. */
export function InjectTimeline({ view, elapsed }: { view: ExerciseView; elapsed: number }) {
  const { t } = useTranslation();
  return (
    <section className="ex-section" aria-labelledby="ex-timeline">
      <h2 id="ex-timeline" className="ex-section__title">
        {t('exercises.timeline.title')}
      </h2>
      <ol className="ex-timeline">
        {view.injects.map((s) => (
          <InjectRow key={s.inject.id} view={view} status={s} elapsed={elapsed} />
        ))}
      </ol>
    </section>
  );
}

function InjectRow({ view, status, elapsed }: { view: ExerciseView; status: InjectStatus; elapsed: number }) {
  const { t } = useTranslation();
  const release = useExercises((s) => s.release);
  const showCodes = useExercises((s) => s.showCodes);
  const hasCodes = useExercises((s) => (s.codes[view.id]?.[status.inject.id]?.length ?? 0) > 0);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [open, setOpen] = useState(false);
  const { inject } = status;
  const state = injectState(status, view.delegations.length, elapsed);
  const names = status.releasedTo.map((id) => view.delegations.find((d) => d.id === id)?.name ?? id);
  const pending = view.delegations.filter((d) => !status.releasedTo.includes(d.id));
  const titleId = `inject-${inject.id}-title`;

  return (
    <li className={`ex-inject ex-inject--${state}`} aria-labelledby={titleId} data-inject={inject.id}>
      <span className="ex-inject__time ex-mono" aria-label={t('exercises.timeline.plannedAt', { time: formatClock(status.plannedAtMs) })}>
        {formatClock(status.plannedAtMs)}
      </span>
      <div className="ex-inject__main">
        <div className="ex-inject__line">
          <span className={`ex-kind ex-kind--${inject.kind}`}>{t(`exercises.kind.${inject.kind}`)}</span>
          <h3 id={titleId} className="ex-inject__title" tabIndex={-1}>
            {inject.title}
          </h3>
        </div>
        <p className="ex-inject__status">
          <span className={`ex-state ex-state--${state}`}>{t(`exercises.timeline.state.${state}`)}</span>
          {status.releasedTo.length > 0 && (
            <span>
              {state === 'released' ? t('exercises.timeline.releasedAll') : t('exercises.timeline.releasedTo', { names: names.join(', ') })}
            </span>
          )}
        </p>
        <details className="ex-details ex-inject__body">
          <summary>{t('exercises.timeline.read')}</summary>
          <p className="ex-pre">{inject.body}</p>
        </details>
        {open && pending.length > 0 && (
          <fieldset className="ex-release">
            <legend>{t('exercises.timeline.chooseLegend', { title: inject.title })}</legend>
            <div className="ex-release__boxes">
              {view.delegations.map((d) => {
                const has = status.releasedTo.includes(d.id);
                return (
                  <label key={d.id} className="ex-check">
                    <input
                      type="checkbox"
                      checked={has || chosen.includes(d.id)}
                      disabled={has}
                      onChange={(e) => setChosen(e.target.checked ? [...chosen, d.id] : chosen.filter((c) => c !== d.id))}
                    />
                    {d.name}
                    {has && <span className="ex-hint"> ({t('exercises.timeline.hasIt')})</span>}
                  </label>
                );
              })}
            </div>
            <div className="ex-release__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={chosen.length === 0}
                onClick={() => {
                  void release(inject.id, chosen).then((ok) => {
                    if (ok) {
                      setChosen([]);
                      setOpen(false);
                    }
                  });
                }}
              >
                {t('exercises.timeline.releaseChosen', { count: chosen.length })}
              </button>
              <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
                {t('exercises.cancel')}
              </button>
            </div>
          </fieldset>
        )}
      </div>
      <div className="ex-inject__actions">
        {hasCodes && (
          <button
            type="button"
            className="button button--quiet"
            aria-label={t('exercises.codes.showNamed', { title: inject.title })}
            onClick={() => showCodes(inject.id)}
          >
            {t('exercises.codes.show')}
          </button>
        )}
        {pending.length > 0 ? (
          <>
            <button
              type="button"
              className={state === 'due' ? 'button button--primary' : 'button'}
              aria-label={t('exercises.timeline.releaseAllNamed', { title: inject.title })}
              onClick={() => void release(inject.id, 'all')}
            >
              {t('exercises.timeline.releaseAll')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-expanded={open}
              aria-label={t('exercises.timeline.chooseNamed', { title: inject.title })}
              onClick={() => setOpen(!open)}
            >
              {t('exercises.timeline.choose')}
            </button>
          </>
        ) : (
          <span className="ex-done">✓ {t('exercises.timeline.allHaveIt')}</span>
        )}
      </div>
    </li>
  );
}
