import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsensusView, JointEntryView } from '../../../../shared/consensus/joint';
import type { MeasureRow, PositionsTable } from '../../../../shared/consensus/table';
import type { ExerciseView } from '../../../../shared/exercise/exercises';
import { MEASURES, type MeasureId } from '../../../../shared/framework/catalogue';
import { formatClock, formatWhen } from '../../ui/format';
import { Modal } from '../../ui/Modal';
import { PositionsTableView } from '../../ui/PositionsTable';
import { adoptBlockers, blockBlockers, type JointBlocker } from './consensus';
import { useConsensus } from './consensusStore';
import './consensus.css';

/**
 * The Council's step, in the console (FRAMEWORK.md §6): the table of positions read from the
 * delegations' runs, kept live, and the joint decision the facilitator records from it.
 */
export function Consensus({ view }: { view: ExerciseView }) {
  const { t } = useTranslation();
  const loaded = useConsensus((s) => (s.exerciseId === view.id ? s.consensus : null));
  useEffect(() => {
    void useConsensus.getState().load(view.id);
  }, [view.id]);
  if (!loaded || loaded.status === 'loading') {
    return (
      <section className="ex-section ex-pos" aria-labelledby="ex-positions-title">
        <h2 id="ex-positions-title" className="ex-section__title">
          {t('consensus.table.heading')}
        </h2>
        <p className="muted">{t('consensus.table.loading')}</p>
      </section>
    );
  }
  if (loaded.status === 'error') {
    return (
      <section className="ex-section ex-pos" aria-labelledby="ex-positions-title">
        <h2 id="ex-positions-title" className="ex-section__title">
          {t('consensus.table.heading')}
        </h2>
        <p role="alert" className="notice notice--error">
          {loaded.message}
        </p>
      </section>
    );
  }
  return (
    <>
      <PositionsPanel consensus={loaded.value} />
      <JointDecisionPanel consensus={loaded.value} />
    </>
  );
}

/** How long the line saying what moved stays (the live region has said it once already). */
const CHANGED_MS = 20_000;

function useRecentChanges(): ReturnType<typeof useConsensus.getState>['changes'] {
  const changes = useConsensus((s) => s.changes);
  const [shown, setShown] = useState(changes);
  useEffect(() => {
    setShown(changes);
    if (changes.length === 0) return undefined;
    const timer = window.setTimeout(() => setShown([]), CHANGED_MS);
    return () => window.clearTimeout(timer);
  }, [changes]);
  return shown;
}

function PositionsPanel({ consensus }: { consensus: ConsensusView }) {
  const { t } = useTranslation();
  const { table } = consensus;
  const changes = useRecentChanges();
  const [roomRefused, setRoomRefused] = useState<readonly string[]>([]);
  const hintId = useId();
  const said = changes
    .map((c) => t('consensus.table.changed', { delegation: c.delegation, measure: c.measure, to: t(`consensus.stance.${c.to}`), from: t(`consensus.stance.${c.from}`) }))
    .join(' ');
  return (
    <section id="ex-positions" className="ex-section ex-pos" aria-labelledby="ex-positions-title">
      <div className="ex-pos__head">
        <h2 id="ex-positions-title" className="ex-section__title" tabIndex={-1}>
          {t('consensus.table.heading')}
        </h2>
        <div className="ex-pos__room">
          <label className="ex-check">
            <input
              type="checkbox"
              checked={consensus.roomShowsPositions}
              aria-describedby={hintId}
              onChange={(e) => void useConsensus.getState().showInRoom(e.target.checked).then((r) => setRoomRefused(r ?? []))}
            />
            {t('consensus.table.showRoom')}
          </label>
          <p id={hintId} className="ex-hint">
            {t('consensus.table.showRoomHint')}
          </p>
          {roomRefused.length > 0 && (
            <p role="alert" className="ex-field__error">
              {roomRefused.join(' ')}
            </p>
          )}
        </div>
      </div>
      <p className="ex-pos__intro">{t('consensus.table.intro')}</p>
      <p className="ex-pos__summary">{t('consensus.table.summary', { holds: table.counts.holds, total: table.counts.measures, fails: table.counts.fails })}</p>
      <p className="ex-pos__changed" role="status" aria-live="polite">
        {said}
      </p>
      <PositionsTableView table={table} />
    </section>
  );
}

function JointDecisionPanel({ consensus }: { consensus: ConsensusView }) {
  const { t } = useTranslation();
  const { joint, table } = consensus;
  const verification = joint.verification;
  return (
    <section id="ex-joint" className="ex-section ex-joint" aria-labelledby="ex-joint-title">
      <h2 id="ex-joint-title" className="ex-section__title" tabIndex={-1}>
        {t('consensus.joint.heading')}
      </h2>
      <p className="ex-pos__intro">{t('consensus.joint.intro')}</p>
      <div className="ex-joint__body">
        <div className="ex-joint__forms">
          <OutcomeForm consensus={consensus} />
          <StatementForm />
        </div>
        <div className="ex-joint__record">
          <h3 className="ex-joint__subtitle">{t('consensus.joint.entries')}</h3>
          {joint.entries.length === 0 ? (
            <p className="muted">{t('consensus.joint.noEntries')}</p>
          ) : (
            <>
              <ol className="ex-joint__entries">
                {joint.entries.map((e) => (
                  <EntryItem key={e.seq} entry={e} table={table} />
                ))}
              </ol>
              <p className={verification.intact && verification.referencesHold ? 'ex-joint__verify ex-joint__verify--ok' : 'ex-joint__verify ex-joint__verify--broken'}>
                {!verification.intact
                  ? t('consensus.joint.broken', { reason: verification.reason })
                  : !verification.referencesHold
                    ? t('consensus.joint.refsBroken')
                    : t('consensus.joint.intact', { count: verification.entries })}
              </p>
            </>
          )}
        </div>
      </div>
    </section>
  );
}

function useBlockerText(): (b: JointBlocker) => string {
  const { t } = useTranslation();
  return (b) => {
    switch (b.kind) {
      case 'opposed':
        return t('consensus.joint.cannotAdopt', { names: b.names.join(', '), count: b.names.length });
      case 'none-opposes':
        return t('consensus.joint.cannotBlock');
      case 'already':
        return t('consensus.joint.already', { outcome: t(`consensus.joint.outcomeWord.${b.outcome}`), seq: b.seq });
    }
  };
}

/** Adopted or blocked, for one measure: each button says beforehand why it cannot be used now. */
function OutcomeForm({ consensus }: { consensus: ConsensusView }) {
  const { t } = useTranslation();
  const { table, joint } = consensus;
  const [measureId, setMeasureId] = useState<MeasureId>(table.measures[0]?.measureId ?? 'council-conclusions');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<readonly string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const blockerText = useBlockerText();
  const id = useId();
  const row = table.measures.find((r) => r.measureId === measureId) as MeasureRow;
  const adoptReasons = adoptBlockers(row, joint).map(blockerText);
  const blockReasons = blockBlockers(row, joint).map(blockerText);
  const outcomeOf = (m: MeasureId): string => {
    const o = joint.outcomes.find((x) => x.measureId === m);
    if (o?.outcome === 'adopted') return t('consensus.joint.outcomeAdopted', { seq: o.seq });
    if (o?.outcome === 'blocked') return t('consensus.joint.outcomeBlocked', { seq: o.seq });
    return t('consensus.joint.outcomeNone');
  };

  const record = async (kind: 'adopt' | 'block', reasons: readonly string[]): Promise<void> => {
    setDone(null);
    if (busy) return;
    if (reasons.length > 0) {
      // Tried while it cannot be: the reasons beside the button are read out.
      setRefused(reasons);
      return;
    }
    setBusy(true);
    const answer = await useConsensus.getState().record({ kind, measureId, ...(note.trim() === '' ? {} : { note }) });
    setBusy(false);
    if (answer) {
      setRefused(answer);
      return;
    }
    setRefused([]);
    setNote('');
    const entries = useConsensus.getState().consensus;
    const seq = entries?.status === 'ready' ? entries.value.joint.entries.length : 0;
    setDone(t('consensus.joint.recorded', { seq }));
  };

  return (
    <div className="ex-joint__form" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="ex-joint__subtitle">
        {t('consensus.joint.outcomeTitle')}
      </h3>
      <div className="ex-field">
        <label htmlFor={`${id}-measure`}>{t('consensus.joint.measure')}</label>
        <select
          id={`${id}-measure`}
          className="ex-input"
          value={measureId}
          onChange={(e) => {
            setMeasureId(e.target.value as MeasureId);
            setRefused([]);
            setDone(null);
          }}
        >
          {table.measures.map((r) => (
            <option key={r.measureId} value={r.measureId}>
              {MEASURES[r.measureId].label} — {outcomeOf(r.measureId)}
            </option>
          ))}
        </select>
      </div>
      <div className="ex-field">
        <label htmlFor={`${id}-note`}>{t('consensus.joint.note')}</label>
        <p id={`${id}-note-hint`} className="ex-hint">
          {t('consensus.joint.noteHint')}
        </p>
        <textarea id={`${id}-note`} className="ex-input" rows={2} value={note} aria-describedby={`${id}-note-hint`} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="ex-joint__buttons">
        <OutcomeButton label={t('consensus.joint.recordAdopt')} reasons={adoptReasons} whyId={`${id}-adopt-why`} busy={busy} onClick={() => void record('adopt', adoptReasons)} />
        <OutcomeButton label={t('consensus.joint.recordBlock')} reasons={blockReasons} whyId={`${id}-block-why`} busy={busy} onClick={() => void record('block', blockReasons)} />
      </div>
      {adoptReasons.length > 0 && (
        <p id={`${id}-adopt-why`} className="ex-joint__why">
          <span className="ex-joint__why-label">{t('consensus.joint.recordAdopt')}:</span> {adoptReasons.join(' ')}
        </p>
      )}
      {blockReasons.length > 0 && (
        <p id={`${id}-block-why`} className="ex-joint__why">
          <span className="ex-joint__why-label">{t('consensus.joint.recordBlock')}:</span> {blockReasons.join(' ')}
        </p>
      )}
      <FormOutcome refused={refused} done={done} />
    </div>
  );
}

/** What became of a form's last submission: the main process's reasons, or what was recorded. */
function FormOutcome({ refused, done }: { refused: readonly string[]; done: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      {refused.length > 0 && (
        <div role="alert" className="ex-joint__refused">
          <p className="ex-joint__refused-title">{t('consensus.joint.refused')}</p>
          <ul>
            {refused.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      {done && (
        <p role="status" className="ex-joint__done">
          {done}
        </p>
      )}
    </>
  );
}

/** Disabled for a reason, but focusable, with the reason beside it (as a run's buttons are). */
function OutcomeButton({ label, reasons, whyId, busy, onClick }: { label: string; reasons: readonly string[]; whyId: string; busy: boolean; onClick(): void }) {
  const blocked = reasons.length > 0;
  return (
    <button
      type="button"
      className={blocked ? 'button' : 'button button--primary'}
      aria-disabled={blocked || busy || undefined}
      aria-describedby={blocked ? whyId : undefined}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

function StatementForm() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<readonly string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const id = useId();
  const submit = async (): Promise<void> => {
    if (busy) return;
    setDone(null);
    setBusy(true);
    const answer = await useConsensus.getState().record({ kind: 'statement', text });
    setBusy(false);
    if (answer) {
      setRefused(answer);
      return;
    }
    setRefused([]);
    setText('');
    const entries = useConsensus.getState().consensus;
    setDone(t('consensus.joint.recorded', { seq: entries?.status === 'ready' ? entries.value.joint.entries.length : 0 }));
  };
  return (
    <div className="ex-joint__form" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="ex-joint__subtitle">
        {t('consensus.joint.statementTitle')}
      </h3>
      <div className="ex-field">
        <label htmlFor={`${id}-text`}>{t('consensus.joint.statement')}</label>
        <p id={`${id}-hint`} className="ex-hint">
          {t('consensus.joint.statementHint')}
        </p>
        <textarea id={`${id}-text`} className="ex-input" rows={4} value={text} aria-describedby={`${id}-hint`} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="ex-joint__buttons">
        <button type="button" className="button button--primary" aria-disabled={busy || undefined} onClick={() => void submit()}>
          {t('consensus.joint.recordStatement')}
        </button>
      </div>
      <FormOutcome refused={refused} done={done} />
    </div>
  );
}

function EntryItem({ entry: e, table }: { entry: JointEntryView; table: PositionsTable }) {
  const { t } = useTranslation();
  const nameOf = (delegationId: string): string =>
    e.delegations[delegationId] ?? table.delegations.find((d) => d.delegationId === delegationId)?.name ?? delegationId;
  const { entry } = e;
  const withdrawn = e.withdrawnBy !== null;
  return (
    <li className={withdrawn ? 'ex-joint__entry ex-joint__entry--withdrawn' : 'ex-joint__entry'} data-entry={e.seq} data-kind={entry.kind}>
      <p className="ex-joint__meta">
        <span className="ex-joint__seq">{t('consensus.joint.entry', { seq: e.seq })}</span>
        <span className={`tag ex-joint__kind ex-joint__kind--${entry.kind}`}>{t(`consensus.joint.kind.${entry.kind}`)}</span>
        {(entry.kind === 'adopt' || entry.kind === 'block') && <strong>{MEASURES[entry.measureId].label}</strong>}
        <span className="muted">{t('consensus.joint.at', { when: formatWhen(e.at), clock: formatClock(e.elapsedMs) })}</span>
        {withdrawn && <span className="tag tag--warning">{t('consensus.joint.withdrawnBy', { seq: e.withdrawnBy })}</span>}
        {!withdrawn && entry.kind !== 'withdraw' && <WithdrawEntry seq={e.seq} />}
      </p>
      {entry.kind === 'adopt' && entry.abstentions.length > 0 && (
        <ul className="ex-joint__lines">
          {entry.abstentions.map((a) => (
            <li key={a.delegationId}>{t('consensus.joint.declaration', { name: nameOf(a.delegationId), text: a.declaration })}</li>
          ))}
        </ul>
      )}
      {entry.kind === 'block' && (
        <ul className="ex-joint__lines">
          {entry.blockedBy.map((b) => (
            <li key={b.delegationId}>{t('consensus.joint.reason', { name: nameOf(b.delegationId), text: b.reason })}</li>
          ))}
        </ul>
      )}
      {(entry.kind === 'adopt' || entry.kind === 'block') && entry.note && <p className="ex-joint__note">{entry.note}</p>}
      {entry.kind === 'statement' && (
        <>
          <p className="ex-joint__statement">{entry.text}</p>
          <p className="ex-joint__note">{t('consensus.joint.announces', { measures: entry.measures.map((m) => MEASURES[m].label).join(', ') })}</p>
        </>
      )}
      {entry.kind === 'withdraw' && <p className="ex-joint__note">{t('consensus.joint.withdraws', { seq: entry.seq, reason: entry.reason })}</p>}
    </li>
  );
}

/** Sets an entry aside: the record is append-only, so a mistake is corrected by a new entry with its reason. */
function WithdrawEntry({ seq }: { seq: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState<readonly string[]>([]);
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const close = (): void => {
    setOpen(false);
    setReason('');
    setRefused([]);
  };
  const confirm = async (): Promise<void> => {
    const answer = await useConsensus.getState().record({ kind: 'withdraw', seq, reason });
    if (answer) setRefused(answer);
    else close();
  };
  return (
    <>
      <button type="button" className="button button--quiet ex-joint__withdraw" onClick={() => setOpen(true)}>
        <span>{t('consensus.joint.withdraw')}…</span>
        <span className="visually-hidden"> {t('consensus.joint.withdrawWhich', { seq })}</span>
      </button>
      {open && (
        <Modal
          title={t('consensus.joint.withdrawTitle', { seq })}
          intro={<p>{t('consensus.joint.withdrawBody')}</p>}
          onClose={close}
          initialFocus={field}
          onFocusLost={() => document.getElementById('ex-joint-title')?.focus()}
          actions={
            <>
              <button type="button" className="button" onClick={close}>
                {t('consensus.positions.cancel')}
              </button>
              <button type="button" className="button button--danger" onClick={() => void confirm()}>
                {t('consensus.joint.withdrawConfirm', { seq })}
              </button>
            </>
          }
        >
          <div className="ex-field">
            <label htmlFor={id}>{t('consensus.joint.withdrawReason')}</label>
            <textarea ref={field} id={id} className="ex-input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          {refused.length > 0 && (
            <p role="alert" className="ex-field__error">
              {refused.join(' ')}
            </p>
          )}
        </Modal>
      )}
    </>
  );
}
