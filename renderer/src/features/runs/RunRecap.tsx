import { useTranslation } from 'react-i18next';
import { MEASURES, PRINCIPLES, PRINCIPLE_IDS } from '../../../../shared/framework/catalogue';
import { assessRun } from '../../../../shared/workflow/rules';
import type { RunView } from '../../../../shared/workflow/runs';
import { LevelFacts } from '../../ui/LevelFacts';
import { describeAttribution } from './steps/AttributionStep';
import { WhatWouldChange } from './WhatWouldChange';
import './run-recap.css';

/** What the decision rests on, in one place: read before submitting, and kept with the decision. The level comes with its facts. */
export function RunRecap({ run }: { run: RunView }) {
  const { t } = useTranslation();
  const context = run.snapshot.context;
  const assessment = assessRun(context);
  return (
    <dl className="recap">
      <div className="recap__row">
        <dt>{t('runs.recap.awareness')}</dt>
        <dd>
          {context.sharedAssessment.agreed ? context.sharedAssessment.text : <span className="muted">{t('runs.recap.notAgreed')}</span>}
          <span className="recap__meta">{t('runs.recap.findings', { count: context.findings.length })}</span>
        </dd>
      </div>
      <div className="recap__row">
        <dt>{t('runs.recap.attribution')}</dt>
        <dd>{context.attribution ? describeAttribution(t, context.attribution) : <span className="muted">{t('runs.recap.none')}</span>}</dd>
      </div>
      <div className="recap__row">
        <dt>{t('runs.recap.level')}</dt>
        <dd>
          {assessment ? (
            <>
              {t('runs.recap.levelValue', { level: assessment.level })}
              <details className="recap__formula">
                <summary>{t('runs.profile.formula')}</summary>
                <p>{assessment.formula}</p>
              </details>
              <LevelFacts facts={assessment.facts} title={t('runs.recap.levelFacts')} />
              <WhatWouldChange change={assessment.whatWouldChange} />
            </>
          ) : (
            <span className="muted">{t('runs.recap.notRated')}</span>
          )}
        </dd>
      </div>
      <div className="recap__row">
        <dt>{t('runs.recap.measures')}</dt>
        <dd>
          {context.measures.length === 0 ? (
            <span className="muted">{t('runs.recap.none')}</span>
          ) : (
            <ul className="recap__list">
              {context.measures.map((m) => (
                <li key={m.measureId}>
                  <strong>{MEASURES[m.measureId].label}</strong>
                  {m.outsideSuggestion && <span className="tag tag--warning">{t('runs.measures.outsideChosen')}</span>}
                  <span className="recap__rationale">{m.rationale}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div className="recap__row">
        <dt>{t('runs.recap.principles')}</dt>
        <dd>
          <ul className="recap__list recap__list--compact">
            {PRINCIPLE_IDS.map((id) => {
              const p = context.principles[id];
              return (
                <li key={id}>
                  {PRINCIPLES[id].label}:{' '}
                  <span className={p ? `principle-status principle-status--${p.status}` : 'muted'}>
                    {p ? t(`runs.principles.status.${p.status}`) : t('runs.recap.notAssessed')}
                  </span>
                  {p?.note ? <span className="recap__note"> — {p.note}</span> : null}
                </li>
              );
            })}
          </ul>
        </dd>
      </div>
    </dl>
  );
}
