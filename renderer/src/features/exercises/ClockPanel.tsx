import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseView } from '../../../../shared/exercise/exercises';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatClock, formatWhen, spokenClock } from '../../ui/format';
import { Modal } from '../../ui/Modal';
import { clockStatusKey } from './ExerciseList';
import { dueInjects, nextInject } from './clock';
import { useExercises } from './store';
import { prepareTone } from './tone';
import './clock-panel.css';

/** Up to a week either way, as the main process allows. */
const MAX_ADJUST_MINUTES = 7 * 24 * 60;

/**
 * The exercise clock, in a strip that stays in view while the facilitator scrolls to the
 * delegations: the time (h:mm:ss once past the hour), start, pause, resume, adjust with a
 * reason, end; and what comes next: the injects due now, or the next one's countdown.
 */
export function ClockPanel({ view, elapsed }: { view: ExerciseView; elapsed: number }) {
  const { t } = useTranslation();
  const { clock } = useExercises.getState();
  const status = view.clock.status;
  const [ending, setEnding] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const live = status === 'running' || status === 'paused';
  return (
    <section className={`ex-clock ex-clock--${status}`} aria-labelledby="ex-clock-title">
      <h2 id="ex-clock-title" className="visually-hidden">
        {t('exercises.clock.title')}
      </h2>
      <div className="ex-clock__row">
        <span className="ex-clock__time" role="timer" aria-label={t('exercises.clock.elapsed', { time: spokenClock(elapsed) })}>
          {formatClock(elapsed)}
        </span>
        <span className={`badge ex-clock-badge ex-clock-badge--${status}`}>{t(clockStatusKey(status))}</span>
      </div>
      <div className="ex-clock__actions">
        {status === 'not-started' && (
          <button type="button" className="button button--primary" onClick={() => void clock('start')}>
            <span aria-hidden="true">▶ </span>
            {t('exercises.clock.start')}
          </button>
        )}
        {status === 'running' && (
          <button type="button" className="button" onClick={() => void clock('pause')}>
            <span aria-hidden="true">❚❚ </span>
            {t('exercises.clock.pause')}
          </button>
        )}
        {status === 'paused' && (
          <button type="button" className="button button--primary" onClick={() => void clock('resume')}>
            <span aria-hidden="true">▶ </span>
            {t('exercises.clock.resume')}
          </button>
        )}
        {live && (
          <>
            <button type="button" className="button" onClick={() => setAdjusting(true)}>
              {t('exercises.clock.adjust')}
            </button>
            <button type="button" className="button" onClick={() => setEnding(true)}>
              <span aria-hidden="true">■ </span>
              {t('exercises.clock.end')}
            </button>
          </>
        )}
        {status === 'ended' && view.clock.endedAt !== null && <span className="ex-clock__ended">{t('exercises.clock.endedAt', { when: formatWhen(view.clock.endedAt) })}</span>}
      </div>
      <Upcoming view={view} elapsed={elapsed} />
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
      {adjusting && <AdjustDialog elapsed={elapsed} onClose={() => setAdjusting(false)} />}
    </section>
  );
}

/** The injects due now, and the next one with the time until it. */
function Upcoming({ view, elapsed }: { view: ExerciseView; elapsed: number }) {
  const { t } = useTranslation();
  if (view.clock.status === 'ended') return null;
  const due = dueInjects(view, elapsed);
  const next = nextInject(view, elapsed);
  const first = due[0];
  return (
    <div className={due.length > 0 ? 'ex-clock__next ex-clock__next--due' : 'ex-clock__next'}>
      {first && (
        <span className="ex-clock__due">
          <span className="ex-clock__due-label">{t('exercises.clock.dueNow', { count: due.length })}</span>{' '}
          <a className="ex-clock__next-title" href={`#inject-${first.inject.id}`} onClick={(e) => goToInject(e, first.inject.id)}>
            {first.inject.title}
          </a>
          {due.length > 1 && <span className="ex-clock__more"> {t('exercises.clock.andMore', { count: due.length - 1 })}</span>}
        </span>
      )}
      {next ? (
        <span className="ex-clock__upcoming">
          {/* The countdown before the title, which a narrow strip cuts. */}
          <span className="ex-clock__next-label">{t('exercises.clock.next')}</span>{' '}
          <span className="ex-clock__countdown" aria-label={t('exercises.clock.inSpoken', { time: spokenClock(next.inMs) })}>
            {t('exercises.clock.in', { time: formatClock(next.inMs) })}
          </span>
          <span aria-hidden="true"> · </span>
          <a className="ex-clock__next-title" href={`#inject-${next.status.inject.id}`} onClick={(e) => goToInject(e, next.status.inject.id)}>
            {next.status.inject.title}
          </a>
        </span>
      ) : (
        !first && <span className="muted">{t('exercises.clock.noneLeft')}</span>
      )}
    </div>
  );
}

/** To the inject's row in the timeline, its heading focused (no fragment navigation in the app). */
function goToInject(e: { preventDefault(): void }, injectId: string): void {
  e.preventDefault();
  const heading = document.getElementById(`inject-${injectId}-title`);
  heading?.scrollIntoView({ block: 'center' });
  heading?.focus({ preventScroll: true });
}

/** The options beside the clock: auto-release, the sound of a due inject, and the clock's corrections. */
export function ClockOptions({ view, auto }: { view: ExerciseView; auto: boolean }) {
  const { t } = useTranslation();
  const setAutoRelease = useExercises((s) => s.setAutoRelease);
  const sound = useExercises((s) => s.sound);
  const setSound = useExercises((s) => s.setSound);
  const autoId = useId();
  const soundId = useId();
  const adjustments = view.clockAdjustments;
  return (
    <div className="ex-clock-options">
      <div className="ex-toggle">
        <input id={autoId} type="checkbox" checked={auto} onChange={(e) => setAutoRelease(view.id, e.target.checked)} />
        <label htmlFor={autoId}>
          {t('exercises.clock.auto')}
          <span className="ex-hint">{t('exercises.clock.autoHint')}</span>
        </label>
      </div>
      <div className="ex-toggle">
        <input
          id={soundId}
          type="checkbox"
          checked={sound}
          onChange={(e) => {
            setSound(e.target.checked);
            if (e.target.checked) prepareTone();
          }}
        />
        <label htmlFor={soundId}>
          {t('exercises.clock.sound')}
          <span className="ex-hint">{t('exercises.clock.soundHint')}</span>
        </label>
      </div>
      {adjustments.length > 0 && (
        <details className="ex-details ex-adjustments">
          <summary>{t('exercises.clock.adjustments', { count: adjustments.length })}</summary>
          <ol className="ex-adjustments__list">
            {adjustments.map((a, i) => (
              <li key={i}>
                <span className="ex-mono ex-adjustments__delta">{`${a.deltaMs >= 0 ? '+' : '−'}${formatClock(Math.abs(a.deltaMs))}`}</span>{' '}
                {t('exercises.clock.adjustedAt', { time: formatClock(a.elapsedBeforeMs), when: formatWhen(a.at) })}
                <span className="ex-pre ex-adjustments__reason">{a.reason}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

/** Moves the clock forward or back, with the reason, which the record and the report keep. */
function AdjustDialog({ elapsed, onClose }: { elapsed: number; onClose: () => void }) {
  const { t } = useTranslation();
  const adjustClock = useExercises((s) => s.adjustClock);
  const [direction, setDirection] = useState<'forward' | 'back'>('forward');
  const [minutes, setMinutes] = useState('');
  const [seconds, setSeconds] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const id = useId();
  const m = minutes.trim() === '' ? 0 : Number(minutes);
  const s = seconds.trim() === '' ? 0 : Number(seconds);
  const valid = Number.isInteger(m) && Number.isInteger(s) && m >= 0 && s >= 0 && s < 60 && m <= MAX_ADJUST_MINUTES;
  const deltaMs = valid ? (direction === 'forward' ? 1 : -1) * (m * 60_000 + s * 1000) : 0;

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    const wrong = [
      !valid ? t('exercises.adjust.badTime') : null,
      valid && deltaMs === 0 ? t('exercises.adjust.noChange') : null,
      reason.trim() === '' ? t('exercises.adjust.needReason') : null,
    ].filter((p): p is string => p !== null);
    if (wrong.length > 0) {
      setProblems(wrong);
      return;
    }
    setBusy(true);
    const refused = await adjustClock(deltaMs, reason);
    setBusy(false);
    if (refused) setProblems(refused);
    else onClose();
  };

  return (
    <Modal
      title={t('exercises.adjust.title')}
      intro={<p>{t('exercises.adjust.intro', { time: formatClock(elapsed) })}</p>}
      onClose={onClose}
      initialFocus={first}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('exercises.cancel')}
          </button>
          <button type="submit" form={`${id}-form`} className="button button--primary" aria-disabled={busy || undefined}>
            {t('exercises.adjust.submit')}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="ex-adjust" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="ex-adjust__direction">
          <legend className="field__label">{t('exercises.adjust.direction')}</legend>
          <label className="ex-check">
            <input ref={first} type="radio" name={`${id}-direction`} checked={direction === 'forward'} onChange={() => setDirection('forward')} />
            {t('exercises.adjust.forward')}
          </label>
          <label className="ex-check">
            <input type="radio" name={`${id}-direction`} checked={direction === 'back'} onChange={() => setDirection('back')} />
            {t('exercises.adjust.back')}
          </label>
        </fieldset>
        <div className="ex-adjust__time">
          <div className="ex-field">
            <label htmlFor={`${id}-minutes`}>{t('exercises.adjust.minutes')}</label>
            <input id={`${id}-minutes`} className="ex-input" type="number" min={0} max={MAX_ADJUST_MINUTES} step={1} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </div>
          <div className="ex-field">
            <label htmlFor={`${id}-seconds`}>{t('exercises.adjust.seconds')}</label>
            <input id={`${id}-seconds`} className="ex-input" type="number" min={0} max={59} step={1} inputMode="numeric" value={seconds} onChange={(e) => setSeconds(e.target.value)} />
          </div>
        </div>
        <div className="ex-field">
          <label htmlFor={`${id}-reason`}>{t('exercises.adjust.reason')}</label>
          <p id={`${id}-reason-hint`} className="ex-hint">
            {t('exercises.adjust.reasonHint')}
          </p>
          <textarea
            id={`${id}-reason`}
            className="ex-input ex-textarea"
            rows={2}
            value={reason}
            maxLength={20_000}
            aria-describedby={`${id}-reason-hint`}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        {valid && deltaMs !== 0 && (
          <p className="ex-adjust__preview" role="status">
            {t('exercises.adjust.preview', { time: formatClock(Math.max(0, elapsed + deltaMs)) })}
          </p>
        )}
        {problems.length > 0 && (
          <ul className="notice notice--error outcome__lines" role="alert">
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
      </form>
    </Modal>
  );
}
