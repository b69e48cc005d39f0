import { useTranslation } from 'react-i18next';
import type { ScenarioContext } from '../../../../shared/exercise/exercises';
import type { StepId } from '../../../../shared/framework/catalogue';
import { useRuns } from './store';
import './scenario-context.css';

/**
 * What the delegation knows of its scenario, on its own run: the incident as first known and
 * the background. The incident is open in the awareness step; at the later steps it is one
 * click away, and the step's form is not pushed down the page.
 */
export function ScenarioContextCard({ context, open }: { context: ScenarioContext; open: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card scenario-context" aria-labelledby="scenario-context-title">
      <h2 id="scenario-context-title" className="card__title scenario-context__title">
        <span className="scenario-context__kicker">{t('runs.context.kicker')}</span> {context.title}
      </h2>
      <details className="scenario-context__part" open={open}>
        <summary>{t('runs.context.incident')}</summary>
        <p className="scenario-context__text">{context.incident}</p>
      </details>
      {context.background.trim() !== '' && (
        <details className="scenario-context__part">
          <summary>{t('runs.context.background')}</summary>
          <p className="scenario-context__text">{context.background}</p>
        </details>
      )}
    </section>
  );
}

/** The scenario's discussion questions for a step, where the delegation works on it. */
export function StepQuestions({ step }: { step: StepId }) {
  const { t } = useTranslation();
  const questions = useRuns((s) => s.exercise?.context?.questions[step]) ?? [];
  if (questions.length === 0) return null;
  return (
    <aside className="step-questions" aria-labelledby={`step-questions-${step}`}>
      <h3 id={`step-questions-${step}`} className="step-questions__title">
        {t('runs.context.questions')}
      </h3>
      <ul className="step-questions__list">
        {questions.map((q, i) => (
          <li key={i}>{q}</li>
        ))}
      </ul>
    </aside>
  );
}
