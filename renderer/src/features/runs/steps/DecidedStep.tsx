import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunVerification, RunView } from '../../../../../shared/workflow/runs';
import { api } from '../../../api';
import { ActionButton } from '../ActionButton';
import { StepHeading } from '../fields';
import { formatWhen } from '../../../ui/format';
import { RunRecap } from '../RunRecap';
import './decided-step.css';

/** The decision as recorded, what it rests on, and whether the record is intact. */
export function DecidedStep({ run }: { run: RunView }) {
  const { t } = useTranslation();
  const decision = run.snapshot.context.decision;
  return (
    <div className="step">
      <StepHeading step="decided" />
      {decision && (
        <section className="card card--decision" aria-labelledby="decision-recorded">
          <h3 id="decision-recorded" className="card__title">
            {t('runs.decided.recorded')}
            <span className="status status--ok">{formatWhen(decision.at)}</span>
          </h3>
          <p className="decision__summary">{decision.summary}</p>
        </section>
      )}
      <section className="card" aria-labelledby="decided-basis">
        <h3 id="decided-basis" className="card__title">
          {t('runs.decided.basis')}
        </h3>
        <RunRecap run={run} />
      </section>
      <Integrity runId={run.id} eventCount={run.eventCount} />
      <div className="step-foot">
        <ActionButton event={{ type: 'DECISION.REOPEN' }}>{t('runs.decided.reopen')}</ActionButton>
        <span className="hint">{t('runs.decided.reopenHint')}</span>
      </div>
    </div>
  );
}

function Integrity({ runId, eventCount }: { runId: string; eventCount: number }) {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<RunVerification | string | null>(null);
  useEffect(() => {
    let live = true;
    api()
      .verifyRun({ id: runId })
      .then((v) => live && setVerdict(v))
      .catch((e: unknown) => live && setVerdict(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [runId, eventCount]);
  if (verdict === null) return null;
  if (typeof verdict === 'string') return <p className="notice notice--error">{verdict}</p>;
  const ok = verdict.intact && verdict.replayMatches;
  return (
    <p className={ok ? 'integrity integrity--ok' : 'integrity integrity--broken'}>
      {ok
        ? t('runs.decided.intact', { count: verdict.events })
        : t('runs.decided.broken', { reason: verdict.intact ? t('runs.decided.replayDiffers') : verdict.reason })}
    </p>
  );
}
