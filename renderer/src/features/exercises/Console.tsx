import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseView } from '../../../../shared/exercise/exercises';
import { shortcutKeys } from '../../i18n/format';
import { ExerciseBanner } from '../../ui/ExerciseBanner';
import { OutcomeNotice } from '../../ui/OutcomeNotice';
import { useStartAtTop } from '../../ui/startAtTop';
import { ClockOptions, ClockPanel } from './ClockPanel';
import { Consensus } from './Consensus';
import { AddDelegation, DelegationCard, GlanceTable } from './Delegations';
import { InjectTimeline } from './InjectTimeline';
import { KitsPanel } from './Kits';
import { Notes } from './Notes';
import { Objectives } from './Objectives';
import { ReleaseCodesDialog } from './ReleaseCodes';
import { WhiteCardForm } from './WhiteCard';
import { displayedElapsed, dueInjects, injectsToAutoRelease } from './clock';
import { ReportSection } from './ImprovementPlanForm';
import { useExercises } from './store';
import { playTone } from './tone';
import './console.css';

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

/** How long a due inject's row flashes. */
const FLASH_MS = 2_000;
/** How long the notice of a done action stays (a refusal stays until dismissed). */
const OUTCOME_MS = 12_000;

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
  const { show, exportExercise, setOutcome, release } = useExercises.getState();
  const now = useNow(view.clock.status === 'running');
  const elapsed = displayedElapsed(view, fetchedAt, now);
  const releasing = useRef(false);
  const flashing = useDueSignal(view, elapsed);
  const { classification } = view.scenario;
  useStartAtTop(view.id);

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

  // A done action's notice goes by itself after a while; a refusal stays until dismissed.
  useEffect(() => {
    if (outcome?.tone !== 'ok') return undefined;
    const timer = window.setTimeout(() => {
      if (useExercises.getState().outcome === outcome) setOutcome(null);
    }, OUTCOME_MS);
    return () => window.clearTimeout(timer);
  }, [outcome, setOutcome]);

  return (
    <>
      <ExerciseBanner marking={classification.marking} tlp={classification.tlp} />
      <button type="button" className="button button--quiet ex-back" onClick={() => show({ kind: 'list' })}>
        ← {t('exercises.console.back')}
      </button>
      <div className="ex-head ex-console__head">
        <div>
          <h1 className="screen-title">{view.name}</h1>
          <p className="ex-subtitle">{t('exercises.console.scenario', { title: view.scenario.title })}</p>
        </div>
        <div className="ex-head__actions">
          <RoomControls view={view} />
          <button type="button" className="button" onClick={() => void exportExercise(view.id)}>
            {t('exercises.console.export')}
          </button>
          <button type="button" className="button" onClick={goToReport}>
            {t('exercises.console.report')}
            <span aria-hidden="true">↓</span>
          </button>
        </div>
      </div>
      {/* What an action came to shows where the facilitator looks, whichever part of the console they are in. */}
      <div className="ex-console__outcome">
        <OutcomeNotice outcome={outcome} onDismiss={() => setOutcome(null)} />
      </div>
      <p id="ex-console-announce" className="visually-hidden" role="status" aria-live="polite" />
      <ClockPanel view={view} elapsed={elapsed} />
      <ClockOptions view={view} auto={auto} />
      <KitsPanel view={view} />
      <div className="ex-console__grid">
        <InjectTimeline view={view} elapsed={elapsed} flashing={flashing}>
          <WhiteCardForm view={view} />
        </InjectTimeline>
        <section className="ex-section ex-console__delegations" aria-labelledby="ex-delegations">
          <div className="ex-delegations-head">
            <h2 id="ex-delegations" className="ex-section__title" tabIndex={-1}>
              {t('exercises.console.delegations', { count: view.delegations.length })}
            </h2>
            <AddDelegation view={view} />
          </div>
          <GlanceTable view={view} />
          <div className="ex-cards">
            {view.delegations.map((d) => (
              <DelegationCard key={d.id} view={view} delegation={d} onOpenRun={onOpenRun} />
            ))}
          </div>
        </section>
      </div>
      <ReleaseCodesDialog view={view} />
      <Consensus view={view} />
      <div className="ex-bottom">
        <Notes view={view} elapsed={elapsed} />
        <ScenarioBrief view={view} />
      </div>
      <Objectives view={view} />
      <ReportSection view={view} />
    </>
  );
}

/**
 * An inject coming due is signalled once: its row flashes, a screen reader hears it, and a
 * tone sounds if the facilitator turned the sound on. Injects already signalled (before the
 * console was left and opened again) stay quiet.
 */
function useDueSignal(view: ExerciseView, elapsed: number): ReadonlySet<string> {
  const signalled = useExercises((s) => s.signalled[view.id]);
  const [flashing, setFlashing] = useState<ReadonlySet<string>>(new Set());
  const [said, setSaid] = useState('');
  const flashTimer = useRef<number | undefined>(undefined);
  const { t } = useTranslation();
  const due = view.clock.status === 'running' ? dueInjects(view, elapsed) : [];
  const fresh = due.filter((s) => !(signalled ?? []).includes(s.inject.id));
  // The ids and titles as one text: the effect runs when a new inject comes due, not every second.
  const key = JSON.stringify(fresh.map((s) => [s.inject.id, s.inject.title]));
  useEffect(() => {
    const came = JSON.parse(key) as [string, string][];
    if (came.length === 0) return undefined;
    const ids = came.map(([id]) => id);
    const { markSignalled, sound } = useExercises.getState();
    markSignalled(view.id, ids);
    setFlashing(new Set(ids));
    setSaid(t('exercises.clock.cameDue', { titles: came.map(([, title]) => title).join(', '), count: ids.length }));
    if (sound) playTone();
    // Marking them signalled changes `key` at once: the flash's end is not tied to this effect.
    window.clearTimeout(flashTimer.current);
    flashTimer.current = window.setTimeout(() => setFlashing(new Set()), FLASH_MS);
    return undefined;
  }, [key, view.id, t]);
  useEffect(() => () => window.clearTimeout(flashTimer.current), []);
  useAnnounce(said);
  return flashing;
}

/** A polite announcement, once, in a live region of the page's own. */
function useAnnounce(text: string): void {
  useEffect(() => {
    if (text === '') return;
    const region = document.getElementById('ex-console-announce');
    if (region) region.textContent = text;
  }, [text]);
}

/**
 * The room's screen: a second window for the projector that shows what the whole room may
 * see. Open and closed here, or with the shortcut from anywhere; the countdown to the next
 * inject is the facilitator's choice.
 */
function RoomControls({ view }: { view: ExerciseView }) {
  const { t } = useTranslation();
  const open = useExercises((s) => s.room?.exerciseId === view.id);
  const elsewhere = useExercises((s) => s.room !== null && s.room.exerciseId !== view.id);
  const countdown = useExercises((s) => s.roomCountdown[view.id] ?? false);
  const { openRoom, closeRoom, setRoomCountdown } = useExercises.getState();
  const id = useId();
  const keys = shortcutKeys('Shift+P');
  return (
    <div className="ex-room" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="visually-hidden">
        {t('exercises.room.group')}
      </span>
      <button
        type="button"
        className={open ? 'button button--primary' : 'button'}
        aria-pressed={open}
        aria-keyshortcuts="Control+Shift+P"
        aria-describedby={`${id}-keys`}
        onClick={() => void (open ? closeRoom() : openRoom(view.id))}
      >
        {open ? t('exercises.room.close') : elsewhere ? t('exercises.room.openHere') : t('exercises.room.open')}
      </button>
      <kbd id={`${id}-keys`} className="ex-room__keys">
        {keys}
      </kbd>
      <label className="ex-check ex-room__countdown">
        <input type="checkbox" checked={countdown} onChange={(e) => void setRoomCountdown(view.id, e.target.checked)} />
        {t('exercises.room.countdown')}
      </label>
    </div>
  );
}

/** The report is written at the end of the exercise, at the end of a long console: one click away. */
function goToReport(): void {
  const heading = document.getElementById('ex-report-title');
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

/** The scenario's texts, for the facilitator to read out or look up, and the handouts printed from them. */
function ScenarioBrief({ view }: { view: ExerciseView }) {
  const { t } = useTranslation();
  const saveHandouts = useExercises((s) => s.saveHandouts);
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
      <div className="ex-handouts" role="group" aria-labelledby="ex-handouts-title">
        <h3 id="ex-handouts-title" className="ex-handouts__title">
          {t('exercises.handouts.title')}
        </h3>
        <p className="ex-hint">{t('exercises.handouts.intro')}</p>
        <div className="ex-form-actions">
          <button type="button" className="button" onClick={() => void saveHandouts(false)}>
            {t('exercises.handouts.manual')}
          </button>
          <button type="button" className="button" onClick={() => void saveHandouts(true)}>
            {t('exercises.handouts.cards')}
          </button>
        </div>
      </div>
    </section>
  );
}
