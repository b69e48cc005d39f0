import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepId } from '../../../../shared/framework/catalogue';
import type { RunView } from '../../../../shared/workflow/runs';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { stepperItems } from './model';
import { check, useSnapshot } from './snapshot';
import { keepDecisionSummary, useRuns, useWritable } from './store';
import './stepper.css';

/**
 * Where the run stands: the five steps in order, the current one marked, the finished ones
 * ticked. An earlier step can be revisited (REVISE), which the machine must allow; leaving
 * a decision withdraws it, so that asks first.
 */
export function Stepper({ run }: { run: RunView }) {
  const { t } = useTranslation();
  const snapshot = useSnapshot();
  const send = useRuns((s) => s.send);
  const writable = useWritable();
  const [confirming, setConfirming] = useState<StepId | null>(null);
  const items = stepperItems(run.step, run.stepsDone);

  const revise = (step: StepId): void => {
    if (run.step === 'decided') setConfirming(step);
    else void send({ type: 'REVISE', step });
  };

  return (
    <nav className="stepper" aria-label={t('runs.stepper.label')}>
      <ol className="stepper__list">
        {items.map((item) => {
          const canGoBack = writable && item.earlier && check(snapshot, { type: 'REVISE', step: item.id }).ok;
          const state =
            item.status === 'current' ? t('runs.stepper.current') : item.done ? t('runs.stepper.done') : t('runs.stepper.todo');
          const body = (
            <>
              <span className="stepper__marker" aria-hidden="true">
                {item.done && item.status !== 'current' ? '✓' : item.index + 1}
              </span>
              <span className="stepper__text">
                <span className="stepper__name">{t(`runs.steps.${item.id}`)}</span>
                <span className="stepper__state">
                  {canGoBack ? t('runs.stepper.goBack') : state}
                  {canGoBack && <span className="visually-hidden"> {t('runs.stepper.goBackHidden')}</span>}
                  {item.id === 'attribution' && item.status !== 'current' && !item.done ? ` · ${t('runs.stepper.optional')}` : ''}
                </span>
              </span>
            </>
          );
          return (
            <li
              key={item.id}
              className={`stepper__item stepper__item--${item.status}${item.done ? ' stepper__item--complete' : ''}`}
              aria-current={item.status === 'current' ? 'step' : undefined}
            >
              {canGoBack ? (
                <button
                  type="button"
                  className="stepper__button"
                  onClick={() => revise(item.id)}
                >
                  {body}
                </button>
              ) : (
                <span className="stepper__static">
                  {body}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {confirming && (
        <ConfirmDialog
          title={t('runs.stepper.withdrawTitle')}
          confirmLabel={t('runs.stepper.withdrawConfirm', { step: t(`runs.steps.${confirming}`) })}
          cancelLabel={t('runs.stepper.withdrawCancel')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const step = confirming;
            setConfirming(null);
            keepDecisionSummary(run);
            void send({ type: 'REVISE', step });
          }}
        >
          <p>{t('runs.stepper.withdrawBody')}</p>
        </ConfirmDialog>
      )}
    </nav>
  );
}
