import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseView } from '../../../../shared/exercise/exercises';
import { clockStatusKey } from './ExerciseList';
import { ExerciseBanner } from '../../ui/ExerciseBanner';
import { DelegationCard, GlanceTable } from './Delegations';
import { InjectTimeline } from './InjectTimeline';
import { KitsPanel } from './Kits';
import { ReleaseCodesDialog } from './ReleaseCodes';
import { formatClock, formatWhen } from '../../ui/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { displayedElapsed, injectsToAutoRelease } from './clock';
import { OutcomeNotice } from '../../ui/OutcomeNotice';
import { ReportSection } from './ImprovementPlanForm';
import { useExercises } from './store';

/** Re-renders every second while the clock runs; the main process keeps the truth. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  return now;
}

/** The facilitator's console for one exercise. */
/** onOpenRun: where a delegation's run is seen or changed (on the runs screen, which the shell knows). */
export function Console({ id, onOpenRun }: { id: string; onOpenRun: (runId: string) => void }) {
  const { t } = useTranslation();
  const loaded = useExercises((s) => s.exercise);
  const { openExercise, show } = useExercises.getState();
  useEffect(() => {
    const current = useExercises.getState().exercise;
    if (!(current?.status === 'ready' && current.value.id === id)) void openExercise(id);
  }, [id, openExercise]);

  if (!loaded || loaded.status === 'loading') {
    return (
      <>
        <ExerciseBanner />
        <p className="muted">{t('exercises.loading')}</p>
      </>
    );
  }
  if (loaded.status === 'error') {
    return (
      <>
        <ExerciseBanner />
        <p role="alert" className="notice notice--error">
          {loaded.message}
        </p>
        <button type="button" className="button" onClick={() => show({ kind: 'list' })}>
          {t('exercises.console.back')}
        </button>
      </>
    );
  }
  return <ConsoleBody view={loaded.value} onOpenRun={onOpenRun} />;
}

function ConsoleBody({ view, onOpenRun }: { view: ExerciseView; onOpenRun: (runId: string) => void }) {
  const { t } = useTranslation();
  const fetchedAt = useExercises((s) => s.fetchedAt);
  const outcome = useExercises((s) => s.outcome);
  const auto = useExercises((s) => s.autoRelease[view.id] ?? false);
  const autoRefused = useExercises((s) => s.autoRefused);
  const { show, exportExercise, setOutcome, release, reloadExercise } = useExercises.getState();
  const now = useNow(view.clock.status === 'running');
  const elapsed = displayedElapsed(view, fetchedAt, now);
  const releasing = useRef(false);
  const { classification } = view.scenario;

  // Auto-release: when the shown clock passes an inject's offset, release it to all, one at a time.
  useEffect(() => {
    if (!auto || releasing.current) return;
    const next = injectsToAutoRelease(view, elapsed, autoRefused)[0];
    if (!next) return;
    releasing.current = true;
    void release(next, 'all', true).finally(() => {
      releasing.current = false;
    });
  }, [auto, view, elapsed, autoRefused, release]);

  return (
    <>
      <ExerciseBanner marking={classification.marking} tlp={classification.tlp} />
      <button type="button" className="button button--quiet ex-back" onClick={() => show({ kind: 'list' })}>
        ← {t('exercises.console.back')}
      </button>
      <div className="ex-head">
        <div>
          <h1 className="screen-title">{view.name}</h1>
          <p className="ex-subtitle">{t('exercises.console.scenario', { title: view.scenario.title })}</p>
        </div>
        <div className="ex-head__actions">
          <button type="button" className="button" onClick={() => void reloadExercise()}>
            {t('exercises.console.refresh')}
          </button>
          <button type="button" className="button" onClick={() => void exportExercise(view.id)}>
            {t('exercises.console.export')}
          </button>
          <button type="button" className="button" onClick={goToReport}>
            {t('exercises.console.report')}
            <span aria-hidden="true">↓</span>
          </button>
        </div>
      </div>
      <OutcomeNotice outcome={outcome} onDismiss={() => setOutcome(null)} />
      <ClockPanel view={view} elapsed={elapsed} auto={auto} />
      <KitsPanel view={view} />
      <InjectTimeline view={view} elapsed={elapsed} />
      <ReleaseCodesDialog view={view} />
      <section className="ex-section" aria-labelledby="ex-delegations">
        <h2 id="ex-delegations" className="ex-section__title">
          {t('exercises.console.delegations', { count: view.delegations.length })}
        </h2>
        <GlanceTable view={view} />
        <div className="ex-cards">
          {view.delegations.map((d) => (
            <DelegationCard key={d.id} view={view} delegation={d} onOpenRun={onOpenRun} />
          ))}
        </div>
      </section>
      <div className="ex-bottom">
        <Notes view={view} elapsed={elapsed} />
        <ScenarioBrief view={view} />
      </div>
      <ReportSection view={view} />
    </>
  );
}

/** The report is written at the end of the exercise, at the end of a long console: one click away. */
function goToReport(): void {
  const heading = document.getElementById('ex-report-title');
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

function ClockPanel({ view, elapsed, auto }: { view: ExerciseView; elapsed: number; auto: boolean }) {
  const { t } = useTranslation();
  const { clock, setAutoRelease } = useExercises.getState();
  const status = view.clock.status;
  const autoId = useId();
  const [ending, setEnding] = useState(false);
  return (
    <section className={`ex-clock ex-clock--${status}`} aria-labelledby="ex-clock-title">
      <h2 id="ex-clock-title" className="ex-section__title">
        {t('exercises.clock.title')}
      </h2>
      <div className="ex-clock__row">
        <span className="ex-clock__time" role="timer" aria-label={t('exercises.clock.elapsed', { time: formatClock(elapsed) })}>
          {formatClock(elapsed)}
        </span>
        <span className={`badge ex-clock-badge ex-clock-badge--${status}`}>{t(clockStatusKey(status))}</span>
      </div>
      <div className="ex-clock__actions">
        {status === 'not-started' && (
          <button type="button" className="button button--primary" onClick={() => void clock('start')}>
            ▶ {t('exercises.clock.start')}
          </button>
        )}
        {status === 'running' && (
          <button type="button" className="button" onClick={() => void clock('pause')}>
            ❚❚ {t('exercises.clock.pause')}
          </button>
        )}
        {status === 'paused' && (
          <button type="button" className="button button--primary" onClick={() => void clock('resume')}>
            ▶ {t('exercises.clock.resume')}
          </button>
        )}
        {(status === 'running' || status === 'paused') && (
          <button type="button" className="button" onClick={() => setEnding(true)}>
            ■ {t('exercises.clock.end')}
          </button>
        )}
        {status === 'ended' && view.clock.endedAt !== null && <span className="ex-hint">{t('exercises.clock.endedAt', { when: formatWhen(view.clock.endedAt) })}</span>}
      </div>
      {ending && (
        <ConfirmDialog
          title={t('exercises.clock.endTitle', { name: view.name })}
          confirmLabel={t('exercises.clock.endConfirm')}
          cancelLabel={t('exercises.cancel')}
          danger
          onCancel={() => setEnding(false)}
          onConfirm={() => {
            setEnding(false);
            void clock('end');
          }}
        >
          <p>{t('exercises.clock.endBody', { time: formatClock(elapsed) })}</p>
        </ConfirmDialog>
      )}
      <div className="ex-toggle">
        <input id={autoId} type="checkbox" checked={auto} onChange={(e) => setAutoRelease(view.id, e.target.checked)} />
        <label htmlFor={autoId}>
          {t('exercises.clock.auto')}
          <span className="ex-hint">{t('exercises.clock.autoHint')}</span>
        </label>
      </div>
    </section>
  );
}

/** The scenario's texts, for the facilitator to read out or look up; plain text only. */
function ScenarioBrief({ view }: { view: ExerciseView }) {
  const { t } = useTranslation();
  const s = view.scenario;
  return (
    <section className="ex-brief" aria-labelledby="ex-brief-title">
      <h2 id="ex-brief-title" className="ex-section__title">
        {t('exercises.console.brief')}
      </h2>
      <details className="ex-details">
        <summary>{t('exercises.editor.incident')}</summary>
        <p className="ex-pre">{s.incident}</p>
      </details>
      {s.background.trim() !== '' && (
        <details className="ex-details">
          <summary>{t('exercises.editor.background')}</summary>
          <p className="ex-pre">{s.background}</p>
        </details>
      )}
      {s.facilitatorNotes.trim() !== '' && (
        <details className="ex-details">
          <summary>{t('exercises.editor.facilitatorNotes')}</summary>
          <p className="ex-pre">{s.facilitatorNotes}</p>
        </details>
      )}
    </section>
  );
}

function Notes({ view, elapsed }: { view: ExerciseView; elapsed: number }) {
  const { t } = useTranslation();
  const addNote = useExercises((s) => s.addNote);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<readonly string[]>([]);
  const textId = useId();
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (text.trim() === '') {
      setErrors([t('exercises.notes.empty')]);
      return;
    }
    const refused = await addNote(text);
    setErrors(refused ?? []);
    if (!refused) setText('');
  };
  return (
    <section className="ex-section" aria-labelledby="ex-notes">
      <h2 id="ex-notes" className="ex-section__title">
        {t('exercises.notes.title')}
      </h2>
      <form className="ex-note-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={textId}>{t('exercises.notes.label', { time: formatClock(elapsed) })}</label>
        <textarea id={textId} className="ex-input ex-textarea" rows={3} value={text} maxLength={20_000} onChange={(e) => setText(e.target.value)} />
        {errors.length > 0 && (
          <ul className="notice notice--error outcome__lines" role="alert">
            {errors.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
        <button type="submit" className="button">
          {t('exercises.notes.add')}
        </button>
      </form>
      {view.notes.length === 0 ? (
        <p className="muted">{t('exercises.notes.none')}</p>
      ) : (
        <ol className="ex-notes">
          {[...view.notes].reverse().map((n) => (
            <li key={n.id} className="ex-note">
              <span className="ex-note__time ex-mono">{formatClock(n.elapsedMs)}</span>
              <p className="ex-pre ex-note__text">{n.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
