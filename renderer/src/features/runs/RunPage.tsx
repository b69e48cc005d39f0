import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever, type StepId } from '../../../../shared/framework/catalogue';
import type { RunView } from '../../../../shared/workflow/runs';
import type { RunExercise } from '../../../../shared/exercise/exercises';
import { ExerciseBanner } from '../../ui/ExerciseBanner';
import { EvidencePanel } from './EvidencePanel';
import { formatWhen } from '../../ui/format';
import { ProfileCard } from './ProfileCard';
import { ScenarioContextCard } from './ScenarioContext';
import { useStartAtTop } from '../../ui/startAtTop';
import { Remarks } from './Remarks';
import { RunReportPanel, RunReportToggle, useRunReport } from './RunReport';
import { HotWashButton, RunHotWash, useHotWashPanel } from './RunHotWash';
import { Stepper } from './Stepper';
import { AttributionStep } from './steps/AttributionStep';
import { AwarenessStep } from './steps/AwarenessStep';
import { DecidedStep } from './steps/DecidedStep';
import { MeasuresStep } from './steps/MeasuresStep';
import { ProportionalityStep } from './steps/ProportionalityStep';
import { useRuns } from './store';
import './run-page.css';

/**
 * One run: where it stands, the form of its step with the supporting paragraphs beside it, and
 * its notes. A delegation's run is a screen of its exercise: it carries the exercise's
 * markings and scenario, and its way back leads to the exercise's console (onOpenExercise);
 * the run of a delegation's workspace (a kit opened on this laptop) leads back to the
 * workspace, since its exercise has no console here.
 */
export function RunPage({
  onOpenWorkspace,
  onOpenExercise,
}: {
  onOpenWorkspace: (runId: string) => void;
  onOpenExercise: (exerciseId: string) => void;
}) {
  const { t } = useTranslation();
  const run = useRuns((s) => s.run);
  const exercise = useRuns((s) => s.exercise);
  const showList = useRuns((s) => s.showList);
  const runId = run?.status === 'ready' ? run.value.id : null;
  const report = useRunReport();
  const hotWash = useHotWashPanel();
  useStartAtTop(runId);

  return (
    <div className="run">
      {exercise && <ExerciseBanner marking={exercise.marking} tlp={exercise.tlp} />}
      <div className="run__bar">
        {exercise?.workspace && runId !== null ? (
          <button type="button" className="button button--quiet run__back" onClick={() => onOpenWorkspace(runId)}>
            <span aria-hidden="true">← </span>
            {t('runs.run.backToWorkspace', { delegation: exercise.delegation })}
          </button>
        ) : exercise ? (
          <button type="button" className="button button--quiet run__back" onClick={() => onOpenExercise(exercise.exerciseId)}>
            <span aria-hidden="true">← </span>
            {t('runs.run.backToExercise', { exercise: exercise.exerciseName })}
          </button>
        ) : (
          <button type="button" className="button button--quiet run__back" onClick={showList}>
            <span aria-hidden="true">← </span>
            {t('runs.run.back')}
          </button>
        )}
        {run?.status === 'ready' && (
          <div className="run__bar-end">
            <SaveState run={run.value} />
            <HotWashButton run={run.value} onOpen={hotWash.show} />
            <RunReportToggle open={report.open} panelId={report.panelId} onToggle={report.toggle} />
          </div>
        )}
      </div>
      {runId !== null && report.open && <RunReportPanel runId={runId} panelId={report.panelId} />}
      {run?.status === 'loading' && <p className="muted">{t('runs.run.loading')}</p>}
      {run?.status === 'error' && (
        <p role="alert" className="notice notice--error">
          {t('runs.run.error', { message: run.message })}
        </p>
      )}
      {run?.status === 'ready' && <OpenRun run={run.value} exercise={exercise} hotWash={hotWash} />}
      <RefusalToast />
    </div>
  );
}

function OpenRun({ run, exercise, hotWash }: { run: RunView; exercise: RunExercise | null; hotWash: ReturnType<typeof useHotWashPanel> }) {
  const { t } = useTranslation();
  const body = useRef<HTMLDivElement>(null);
  const previous = useRef<StepId>(run.step);

  // When the step changes (a step finished, or the user went back), start at its top.
  useEffect(() => {
    if (previous.current === run.step) return;
    previous.current = run.step;
    useRuns.getState().setEvidenceFocus(null);
    window.scrollTo({ top: 0 });
    body.current?.querySelector<HTMLElement>('[data-step-heading]')?.focus({ preventScroll: true });
  }, [run.step]);

  return (
    <>
      <h1 className="screen-title run__title">
        <span className="visually-hidden">{t('runs.run.titlePrefix')} </span>
        {run.name}
      </h1>
      {exercise?.playedElsewhereSince && (
        <div className="notice notice--warning run__elsewhere" role="note">
          <p className="notice__title">{t('runs.run.elsewhereTitle', { delegation: exercise.delegation })}</p>
          <p>{t('runs.run.elsewhereBody', { when: formatWhen(exercise.playedElsewhereSince) })}</p>
        </div>
      )}
      <Stepper run={run} />
      <div ref={body} className={`run__body run__body--${run.step}`}>
        <div className="run__main">
          {exercise?.context && <ScenarioContextCard key={run.step === 'awareness' ? 'open' : 'folded'} context={exercise.context} open={run.step === 'awareness'} />}
          <StepForm run={run} />
          {(run.step === 'decided' || hotWash.open) && (
            <RunHotWash run={run} asked={hotWash.asked} onClose={run.step === 'decided' ? undefined : hotWash.close} />
          )}
          <Remarks run={run} />
        </div>
        <aside className="run__aside" aria-label={t('runs.run.aside')}>
          {run.step === 'proportionality' && <ProfileCard context={run.snapshot.context} />}
          <EvidencePanel step={run.step} />
        </aside>
      </div>
    </>
  );
}

function StepForm({ run }: { run: RunView }) {
  switch (run.step) {
    case 'awareness':
      return <AwarenessStep run={run} />;
    case 'attribution':
      return <AttributionStep run={run} />;
    case 'proportionality':
      return <ProportionalityStep run={run} />;
    case 'measures':
      return <MeasuresStep run={run} />;
    case 'decided':
      return <DecidedStep run={run} />;
    default:
      return assertNever(run.step, 'step');
  }
}

/** There is no save button: say that every change is recorded, and when the last one was. */
function SaveState({ run }: { run: RunView }) {
  const { t } = useTranslation();
  const pending = useRuns((s) => s.pending);
  return (
    <p className="save-state">
      {pending > 0 ? (
        <span className="save-state__busy">{t('runs.run.saving')}</span>
      ) : (
        <span>
          <span className="save-state__ok" aria-hidden="true">
            ✓{' '}
          </span>
          {t('runs.run.saved', { when: formatWhen(run.updatedAt) })}
        </span>
      )}
    </p>
  );
}

/** The main process refused what the user did: its reasons, where the user looks, until dismissed. */
function RefusalToast() {
  const { t } = useTranslation();
  const refusal = useRuns((s) => s.refusal);
  const dismiss = useRuns((s) => s.dismissRefusal);
  return (
    <div className="toast-region" role="alert">
      {refusal && (
        <div className="toast" key={refusal.key}>
          <div className="toast__body">
            <p className="toast__title">{t('runs.refusal.title')}</p>
            <ul className="toast__reasons">
              {refusal.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </div>
          <button type="button" className="button button--quiet" onClick={dismiss}>
            {t('runs.refusal.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
