import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseView, InjectRelease, InjectStatus } from '../../../../shared/exercise/exercises';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatClock, formatWhen, spokenClock } from '../../ui/format';
import { Modal } from '../../ui/Modal';
import { injectState } from './clock';
import { useExercises } from './store';
import './inject-timeline.css';
import { closeOnEscape } from '../../ui/escape';

/**
 * The scenario's injects (and the white cards written since) in planned order: when, what, to
 * whom so far, and release now. Releasing to all asks first, naming the inject and the
 * delegations; a release can be withdrawn. `flashing`: injects that just came due.
 */
export function InjectTimeline({ view, elapsed, flashing, children }: { view: ExerciseView; elapsed: number; flashing: ReadonlySet<string>; children?: ReactNode }) {
  const { t } = useTranslation();
  const ordered = [...view.injects].sort((a, b) => a.plannedAtMs - b.plannedAtMs);
  return (
    <section className="ex-section ex-timeline-section" aria-labelledby="ex-timeline">
      <h2 id="ex-timeline" className="ex-section__title">
        {t('exercises.timeline.title')}
      </h2>
      <ol className="ex-timeline">
        {ordered.map((s) => (
          <InjectRow key={s.inject.id} view={view} status={s} elapsed={elapsed} flash={flashing.has(s.inject.id)} />
        ))}
      </ol>
      {children}
    </section>
  );
}

const focusTitle = (injectId: string) => (): void => document.getElementById(`inject-${injectId}-title`)?.focus();

function InjectRow({ view, status, elapsed, flash }: { view: ExerciseView; status: InjectStatus; elapsed: number; flash: boolean }) {
  const { t } = useTranslation();
  const release = useExercises((s) => s.release);
  const showCodes = useExercises((s) => s.showCodes);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const chooser = useRef<HTMLFieldSetElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const { inject } = status;
  const ended = view.clock.status === 'ended';
  const state = injectState(status, view.delegations.length, elapsed, ended);
  const releases = view.releases.filter((r) => r.injectId === inject.id);
  const standing = releases.filter((r) => r.withdrawnAt === null);
  const withdrawn = releases.filter((r) => r.withdrawnAt !== null);
  const nameOf = (id: string): string => view.delegations.find((d) => d.id === id)?.name ?? id;
  const pending = view.delegations.filter((d) => !status.releasedTo.includes(d.id));
  const titleId = `inject-${inject.id}-title`;

  // What opens takes the focus: the chooser's first delegation.
  useEffect(() => {
    if (open) chooser.current?.querySelector<HTMLInputElement>('input:not([disabled])')?.focus();
  }, [open]);
  const closeChooser = (): void => {
    setOpen(false);
    setChosen([]);
    requestAnimationFrame(() => (chooseButton.current ?? document.getElementById(titleId))?.focus());
  };

  const classes = ['ex-inject', `ex-inject--${state}`, flash ? 'ex-inject--flash' : '', inject.whiteCard ? 'ex-inject--white' : ''].filter(Boolean).join(' ');
  return (
    <li className={classes} aria-labelledby={titleId} data-inject={inject.id} data-state={state}>
      <span className="ex-inject__time ex-mono" aria-label={t('exercises.timeline.plannedAt', { time: spokenClock(status.plannedAtMs) })}>
        {formatClock(status.plannedAtMs)}
      </span>
      <div className="ex-inject__main">
        <div className="ex-inject__line">
          <span className={`ex-kind ex-kind--${inject.kind}`}>{t(`exercises.kind.${inject.kind}`)}</span>
          {inject.whiteCard && <span className="ex-white-tag">{t('exercises.whiteCard.tag')}</span>}
          <h3 id={titleId} className="ex-inject__title" tabIndex={-1}>
            {inject.title}
          </h3>
        </div>
        <p className="ex-inject__status">
          <span className={`ex-state ex-state--${state}`}>
            {state === 'overdue'
              ? t('exercises.timeline.state.overdue', { time: formatClock(elapsed - status.plannedAtMs) })
              : t(`exercises.timeline.state.${state}`)}
          </span>
          {standing.length > 0 && <span>{releasedText(t, standing, nameOf, view.delegations.length)}</span>}
          {withdrawn.length > 0 && (
            <span className="ex-inject__withdrawn">
              {t('exercises.timeline.withdrawnFrom', { names: withdrawn.map((r) => nameOf(r.delegationId)).join(', ') })}
            </span>
          )}
        </p>
        <details className="ex-details ex-inject__body">
          <summary>{t('exercises.timeline.read')}</summary>
          <p className="ex-pre">{inject.body}</p>
        </details>
      </div>
      <div className="ex-inject__actions">
        {pending.length > 0 && !ended ? (
          <>
            <button
              type="button"
              className={state === 'due' || state === 'overdue' ? 'button button--primary' : 'button'}
              aria-label={t('exercises.timeline.releaseAllNamed', { title: inject.title })}
              onClick={() => setConfirming(true)}
            >
              {t('exercises.timeline.releaseAll')}
            </button>
            <button
              ref={chooseButton}
              type="button"
              className="button button--quiet"
              aria-expanded={open}
              aria-label={t('exercises.timeline.chooseNamed', { title: inject.title })}
              onClick={() => (open ? closeChooser() : setOpen(true))}
            >
              {t('exercises.timeline.choose')}
            </button>
          </>
        ) : (
          pending.length === 0 && (
            <span className="ex-done">
              <span aria-hidden="true">✓ </span>
              {t('exercises.timeline.allHaveIt')}
            </span>
          )
        )}
        {status.codes.length > 0 && (
          <button type="button" className="button button--quiet" aria-label={t('exercises.codes.showNamed', { title: inject.title })} onClick={() => showCodes(inject.id)}>
            {t('exercises.codes.show')}
          </button>
        )}
        {standing.length > 0 && (
          <button
            type="button"
            className="button button--quiet button--danger-text"
            aria-label={t('exercises.withdraw.named', { title: inject.title })}
            onClick={() => setWithdrawing(true)}
          >
            {t('exercises.withdraw.button')}
          </button>
        )}
      </div>
      {open && pending.length > 0 && (
        <fieldset
          ref={chooser}
          className="ex-release"
          onKeyDown={closeOnEscape(closeChooser)}
        >
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
              aria-disabled={chosen.length === 0 || undefined}
              onClick={() => {
                if (chosen.length === 0) return;
                void release(inject.id, chosen).then((ok) => {
                  if (ok) closeChooser();
                });
              }}
            >
              {t('exercises.timeline.releaseChosen', { count: chosen.length })}
            </button>
            <button type="button" className="button button--quiet" onClick={closeChooser}>
              {t('exercises.cancel')}
            </button>
          </div>
        </fieldset>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('exercises.timeline.confirmTitle', { title: inject.title })}
          confirmLabel={t('exercises.timeline.confirmRelease', { count: pending.length })}
          cancelLabel={t('exercises.cancel')}
          onCancel={() => setConfirming(false)}
          onFocusLost={focusTitle(inject.id)}
          onConfirm={() => {
            setConfirming(false);
            void release(inject.id, pending.map((d) => d.id)).then(() => {
              // The button goes with the release when everyone has the inject: the row keeps the focus.
              if (!document.activeElement || document.activeElement === document.body) focusTitle(inject.id)();
            });
          }}
        >
          <p>{t('exercises.timeline.confirmBody', { title: inject.title, names: pending.map((d) => d.name).join(', ') })}</p>
          {pending.some((d) => d.kit !== null) && (
            <p>{t('exercises.timeline.confirmCodes', { names: pending.filter((d) => d.kit !== null).map((d) => d.name).join(', ') })}</p>
          )}
          {status.releasedTo.length > 0 && (
            <p className="muted">{t('exercises.timeline.confirmHave', { names: status.releasedTo.map(nameOf).join(', ') })}</p>
          )}
        </ConfirmDialog>
      )}
      {withdrawing && <WithdrawDialog view={view} status={status} standing={standing} onClose={() => setWithdrawing(false)} />}
    </li>
  );
}

function releasedText(
  t: (key: string, values?: Record<string, unknown>) => string,
  standing: readonly InjectRelease[],
  nameOf: (id: string) => string,
  delegations: number,
): string {
  const times = [...new Set(standing.map((r) => r.elapsedMs))];
  const at = times.length === 1 ? formatClock(times[0]!) : null;
  if (standing.length === delegations && at !== null) return t('exercises.timeline.releasedAllAt', { time: at });
  return t('exercises.timeline.releasedTo', {
    names: standing.map((r) => `${nameOf(r.delegationId)} (${formatClock(r.elapsedMs)})`).join(', '),
  });
}

/** Takes a release back from some delegations: they see it withdrawn; the record and the report keep both. */
function WithdrawDialog({
  view, status, standing, onClose,
}: { view: ExerciseView; status: InjectStatus; standing: readonly InjectRelease[]; onClose: () => void }) {
  const { t } = useTranslation();
  const withdraw = useExercises((s) => s.withdraw);
  const [chosen, setChosen] = useState<readonly string[]>(standing.length === 1 ? [standing[0]!.delegationId] : []);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const { inject } = status;
  const nameOf = (id: string): string => view.delegations.find((d) => d.id === id)?.name ?? id;
  const submit = async (): Promise<void> => {
    if (busy) return;
    if (chosen.length === 0) {
      setProblems([t('exercises.withdraw.none')]);
      return;
    }
    setBusy(true);
    const refused = await withdraw(inject.id, chosen);
    setBusy(false);
    if (refused) setProblems(refused);
    else onClose();
  };
  return (
    <Modal
      title={t('exercises.withdraw.title', { title: inject.title })}
      intro={<p>{t('exercises.withdraw.intro')}</p>}
      onClose={onClose}
      onFocusLost={focusTitle(inject.id)}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('exercises.cancel')}
          </button>
          <button type="button" className="button button--danger" aria-disabled={busy || undefined} onClick={() => void submit()}>
            {t('exercises.withdraw.confirm', { count: chosen.length })}
          </button>
        </>
      }
    >
      <fieldset className="ex-withdraw">
        <legend className="field__label">{t('exercises.withdraw.from')}</legend>
        {standing.map((r) => (
          <label key={r.delegationId} className="ex-check ex-withdraw__choice">
            <input
              type="checkbox"
              checked={chosen.includes(r.delegationId)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, r.delegationId] : chosen.filter((c) => c !== r.delegationId))}
            />
            {nameOf(r.delegationId)}
            <span className="ex-hint">{t('exercises.withdraw.releasedAt', { time: formatClock(r.elapsedMs), when: formatWhen(r.releasedAt) })}</span>
          </label>
        ))}
      </fieldset>
      {problems.length > 0 && (
        <ul className="notice notice--error outcome__lines" role="alert">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
