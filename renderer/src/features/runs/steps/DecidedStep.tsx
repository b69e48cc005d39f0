import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINCIPLES } from '../../../../../shared/framework/catalogue';
import type { RunVerification, RunView } from '../../../../../shared/workflow/runs';
import { api } from '../../../api';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { StepHeading } from '../fields';
import { formatWhen } from '../../../ui/format';
import { Positions } from '../Positions';
import { RunRecap } from '../RunRecap';
import { keepDecisionSummary, useRuns, useWritable } from '../store';
import { principlesNotMet } from './MeasuresStep';
import './decided-step.css';

/** The decision as recorded, what it rests on, and whether the record is intact. */
export function DecidedStep({ run }: { run: RunView }) {
  const { t } = useTranslation();
  const decision = run.snapshot.context.decision;
  const notMet = principlesNotMet(run.snapshot.context);
  return (
    <div className="step">
      <StepHeading step="decided" />
      {decision && (
        <section className="card card--decision" aria-labelledby="decision-recorded">
          <h3 id="decision-recorded" className="card__title">
            {t('runs.decided.recorded')}
            <span className="status status--ok">{formatWhen(decision.at)}</span>
          </h3>
          {notMet.length > 0 && (
            <p className="decision__not-met" data-not-met={notMet.join(' ')}>
              {t('runs.decided.notMet', { count: notMet.length, principles: notMet.map((p) => PRINCIPLES[p].label).join(', ') })}
            </p>
          )}
          <p className="decision__summary">{decision.summary}</p>
        </section>
      )}
      <Positions run={run} />
      <section className="card" aria-labelledby="decided-basis">
        <h3 id="decided-basis" className="card__title">
          {t('runs.decided.basis')}
        </h3>
        <RunRecap run={run} />
      </section>
      <Integrity runId={run.id} eventCount={run.eventCount} />
      <Reopen run={run} />
    </div>
  );
}

/** Reopening asks first, as going back through the stepper does, and keeps the summary for the form. */
function Reopen({ run }: { run: RunView }) {
  const { t } = useTranslation();
  const send = useRuns((s) => s.send);
  const [asking, setAsking] = useState(false);
  if (!useWritable()) return null;
  return (
    <div className="step-foot">
      <button type="button" className="button" onClick={() => setAsking(true)}>
        {t('runs.decided.reopen')}
      </button>
      <span className="hint">{t('runs.decided.reopenHint')}</span>
      {asking && (
        <ConfirmDialog
          title={t('runs.decided.reopenTitle')}
          confirmLabel={t('runs.decided.reopenConfirm')}
          cancelLabel={t('runs.stepper.withdrawCancel')}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            keepDecisionSummary(run);
            void send({ type: 'DECISION.REOPEN' });
          }}
        >
          <p>{t('runs.decided.reopenBody')}</p>
        </ConfirmDialog>
      )}
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
