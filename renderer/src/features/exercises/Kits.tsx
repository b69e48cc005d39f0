import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseView } from '../../../../shared/exercise/exercises';
import { assertNever } from '../../../../shared/framework/catalogue';
import { PASSPHRASE_LIMITS, SEALED_TLPS } from '../../../../shared/exchange/format';
import type { CollectOutcome } from '../../../../shared/exchange/views';
import { formatWhen } from '../../ui/format';
import { LaptopKey } from '../../ui/LaptopKey';
import { Modal } from '../../ui/Modal';
import { PassphraseField } from '../../ui/PassphraseField';
import { useExercises, type CollectedReturns, type IssuedKits } from './store';
import './kits.css';

/**
 * Across laptops (ARCHITECTURE.md): the kits the delegations take to their own laptops, and
 * their returns coming back. This laptop's key is here, for the delegations to compare aloud
 * with the one their laptop shows when it opens the kit.
 */
export function KitsPanel({ view }: { view: ExerciseView }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'issue' | 'collect' | null>(null);
  const issued = useExercises((s) => (s.issued?.exerciseId === view.id ? s.issued : null));
  const collected = useExercises((s) => (s.collected?.exerciseId === view.id ? s.collected : null));
  const out = view.delegations.filter((d) => d.kit !== null).length;
  return (
    <section className="ex-section ex-kits" aria-labelledby="ex-kits-title">
      <div className="ex-kits__row">
        <div className="ex-kits__text">
          <h2 id="ex-kits-title" className="ex-section__title">
            {t('exercises.kits.title')}
          </h2>
          <p className="ex-kits__state">
            {out === 0 ? t('exercises.kits.none') : t('exercises.kits.out', { count: out, total: view.delegations.length })}
          </p>
        </div>
        <LaptopKey hint={t('exercises.kits.keyHint')} />
        <div className="ex-kits__actions">
          <button type="button" className="button" onClick={() => setDialog('issue')}>
            {t('exercises.kits.issue')}
          </button>
          <button type="button" className="button" onClick={() => setDialog('collect')}>
            {t('exercises.kits.collect')}
          </button>
        </div>
      </div>
      {issued && <IssuedList issued={issued} />}
      {collected && <CollectedList collected={collected} />}
      {dialog === 'issue' && <IssueKitsDialog view={view} onClose={() => setDialog(null)} />}
      {dialog === 'collect' && <CollectDialog onClose={() => setDialog(null)} />}
    </section>
  );
}

interface IssueErrors {
  readonly delegations?: string;
  readonly passphrase?: string;
  readonly repeat?: string;
  readonly refused?: readonly string[];
}

/** Which delegations get a kit, and the passphrase it is sealed with; then the folder dialog. */
function IssueKitsDialog({ view, onClose }: { view: ExerciseView; onClose: () => void }) {
  const { t } = useTranslation();
  const issueKits = useExercises((s) => s.issueKits);
  const [chosen, setChosen] = useState<readonly string[]>(() => view.delegations.map((d) => d.id));
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [shown, setShown] = useState(false);
  const [errors, setErrors] = useState<IssueErrors>({});
  const [busy, setBusy] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const passphraseField = useRef<HTMLInputElement>(null);
  const repeatField = useRef<HTMLInputElement>(null);
  const { tlp } = view.scenario.classification;
  const required = SEALED_TLPS.includes(tlp);
  const formId = 'ex-issue-kits';

  const check = (): IssueErrors => {
    if (chosen.length === 0) return { delegations: t('exercises.kits.dialog.noDelegation') };
    if (passphrase === '' && required) return { passphrase: t('exercises.kits.dialog.passphraseRequired', { tlp }) };
    if (passphrase !== '' && passphrase.length < PASSPHRASE_LIMITS.min) return { passphrase: t('exercises.kits.dialog.tooShort', { min: PASSPHRASE_LIMITS.min }) };
    if (passphrase !== repeat) return { repeat: t('exercises.kits.dialog.differ') };
    return {};
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    const found = check();
    setErrors(found);
    setCancelled(false);
    if (found.delegations) return first.current?.focus();
    if (found.passphrase) return passphraseField.current?.focus();
    if (found.repeat) return repeatField.current?.focus();
    setBusy(true);
    const all = chosen.length === view.delegations.length;
    const answer = await issueKits(all ? 'all' : chosen, passphrase === '' ? null : passphrase);
    setBusy(false);
    if (answer === 'done') onClose();
    else if (answer === 'cancelled') setCancelled(true);
    else setErrors({ refused: answer });
  };

  return (
    <Modal
      wide
      title={t('exercises.kits.dialog.title')}
      intro={<p>{t('exercises.kits.dialog.intro')}</p>}
      onClose={onClose}
      initialFocus={first}
      actions={
        <>
          <span className="ex-kits__busy" role="status">
            {busy ? t('exercises.kits.dialog.busy') : cancelled ? t('exercises.kits.dialog.cancelled') : ''}
          </span>
          <button type="button" className="button" onClick={onClose}>
            {t('exercises.cancel')}
          </button>
          <button type="submit" form={formId} className="button button--primary" aria-disabled={busy || undefined}>
            {t('exercises.kits.dialog.submit')}
          </button>
        </>
      }
    >
      <form id={formId} className="ex-kits-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="ex-kits-form__who" aria-describedby={errors.delegations ? 'ex-kits-who-error' : undefined}>
          <legend>{t('exercises.kits.dialog.who')}</legend>
          {view.delegations.map((d, i) => (
            <label key={d.id} className="ex-check ex-kits-form__delegation">
              <input
                ref={i === 0 ? first : undefined}
                type="checkbox"
                checked={chosen.includes(d.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, d.id] : chosen.filter((c) => c !== d.id))}
              />
              <span>
                {d.name}
                {d.kit && <span className="ex-hint">{t('exercises.kits.dialog.again', { when: formatWhen(d.kit.issuedAt) })}</span>}
              </span>
            </label>
          ))}
          {errors.delegations && (
            <p id="ex-kits-who-error" className="field-error" role="alert">
              {errors.delegations}
            </p>
          )}
        </fieldset>
        <div className={required ? 'ex-kits-form__rule ex-kits-form__rule--required' : 'ex-kits-form__rule'}>
          <p className="notice__title">
            {required ? t('exercises.kits.dialog.requiredTitle', { tlp }) : t('exercises.kits.dialog.optionalTitle', { tlp })}
          </p>
          <p>{required ? t('exercises.kits.dialog.requiredBody') : t('exercises.kits.dialog.optionalBody')}</p>
        </div>
        <PassphraseField
          inputRef={passphraseField}
          label={required ? t('exercises.kits.dialog.passphrase') : t('exercises.kits.dialog.passphraseOptional')}
          hint={t('exercises.kits.dialog.passphraseHint', { min: PASSPHRASE_LIMITS.min })}
          value={passphrase}
          onChange={setPassphrase}
          error={errors.passphrase ?? null}
          shown={shown}
        />
        <PassphraseField
          inputRef={repeatField}
          label={t('exercises.kits.dialog.repeat')}
          value={repeat}
          onChange={setRepeat}
          error={errors.repeat ?? null}
          shown={shown}
        />
        <label className="ex-check">
          <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} />
          {t('exercises.kits.dialog.show')}
        </label>
        {errors.refused && (
          <div className="notice notice--error ex-kits-form__refused" role="alert">
            <p className="notice__title">{t('exercises.kits.dialog.refused')}</p>
            <ul className="outcome__lines">
              {errors.refused.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </div>
        )}
      </form>
    </Modal>
  );
}

/** Which file is for which delegation: the names are not in the files, so this is what the sticks are handed out by. */
function IssuedList({ issued }: { issued: IssuedKits }) {
  const { t } = useTranslation();
  const dismiss = useExercises((s) => s.dismissIssued);
  return (
    <div className="ex-kits__result ex-kits__issued">
      <div className="outcome__head">
        <p className="notice__title" role="status">
          {t('exercises.kits.issued.title', { count: issued.kits.length, folder: issued.folder })}
        </p>
        <button type="button" className="button button--quiet" onClick={dismiss}>
          {t('outcome.dismiss')}
        </button>
      </div>
      <p className="ex-kits__note">{issued.sealed ? t('exercises.kits.issued.sealed') : t('exercises.kits.issued.clear')}</p>
      <table className="ex-table ex-kits__files">
        <caption className="visually-hidden">{t('exercises.kits.issued.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exercises.kits.issued.delegation')}</th>
            <th scope="col">{t('exercises.kits.issued.file')}</th>
            <th scope="col">{t('exercises.kits.issued.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {issued.kits.map((k) => (
            <tr key={k.delegationId} data-kit-for={k.delegation}>
              <th scope="row">{k.delegation}</th>
              <td className="ex-kits__file">{k.fileName}</td>
              <td>{k.reissued ? t('exercises.kits.issued.reissued') : t('exercises.kits.issued.first')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An optional passphrase (the kits' own is tried anyway), then the open dialog for the returns. */
function CollectDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const collectReturns = useExercises((s) => s.collectReturns);
  const [passphrase, setPassphrase] = useState('');
  const [refused, setRefused] = useState<readonly string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const formId = 'ex-collect-returns';

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setRefused(null);
    setCancelled(false);
    const answer = await collectReturns(passphrase === '' ? null : passphrase);
    setBusy(false);
    if (answer === 'done') onClose();
    else if (answer === 'cancelled') setCancelled(true);
    else setRefused(answer);
  };

  return (
    <Modal
      wide
      title={t('exercises.kits.collectDialog.title')}
      intro={<p>{t('exercises.kits.collectDialog.intro')}</p>}
      onClose={onClose}
      initialFocus={field}
      actions={
        <>
          <span className="ex-kits__busy" role="status">
            {busy ? t('exercises.kits.collectDialog.busy') : cancelled ? t('exercises.kits.collectDialog.cancelled') : ''}
          </span>
          <button type="button" className="button" onClick={onClose}>
            {t('exercises.cancel')}
          </button>
          <button type="submit" form={formId} className="button button--primary" aria-disabled={busy || undefined}>
            {t('exercises.kits.collectDialog.submit')}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <PassphraseField
          inputRef={field}
          label={t('exercises.kits.collectDialog.passphrase')}
          hint={t('exercises.kits.collectDialog.passphraseHint')}
          value={passphrase}
          onChange={setPassphrase}
        />
        {refused && (
          <div className="notice notice--error" role="alert">
            <p className="notice__title">{t('exercises.kits.collectDialog.refused')}</p>
            <ul className="outcome__lines">
              {refused.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </div>
        )}
      </form>
    </Modal>
  );
}

const outcomeCounts = (outcomes: readonly CollectOutcome[]): Record<CollectOutcome['status'], number> => ({
  accepted: outcomes.filter((o) => o.status === 'accepted').length,
  unchanged: outcomes.filter((o) => o.status === 'unchanged').length,
  refused: outcomes.filter((o) => o.status === 'refused').length,
});

/** Each file collected and what became of it: taken with its new events, already here, or refused with its problems. */
function CollectedList({ collected }: { collected: CollectedReturns }) {
  const { t } = useTranslation();
  const dismiss = useExercises((s) => s.dismissCollected);
  const counts = outcomeCounts(collected.outcomes);
  return (
    <div className={counts.refused > 0 ? 'ex-kits__result ex-kits__result--refused' : 'ex-kits__result'}>
      <div className="outcome__head">
        <p id="ex-returns-title" className="notice__title" role="status">
          {t('exercises.kits.returns.title', { count: collected.outcomes.length, ...counts })}
        </p>
        <button type="button" className="button button--quiet" onClick={dismiss}>
          {t('outcome.dismiss')}
        </button>
      </div>
      <ul className="ex-returns" aria-labelledby="ex-returns-title">
        {collected.outcomes.map((o, i) => (
          <li key={`${o.file}-${i}`} className={`ex-return ex-return--${o.status}`} data-status={o.status}>
            <span className={`ex-return__status ex-return__status--${o.status}`}>{t(`exercises.kits.returns.status.${o.status}`)}</span>
            <span className="ex-return__file">{o.file}</span>
            <CollectLine outcome={o} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function CollectLine({ outcome: o }: { outcome: CollectOutcome }) {
  const { t } = useTranslation();
  switch (o.status) {
    case 'accepted':
      return <p className="ex-return__text">{t('exercises.kits.returns.accepted', { delegation: o.delegation, count: o.newEvents, events: o.events })}</p>;
    case 'unchanged':
      return <p className="ex-return__text">{t('exercises.kits.returns.unchanged', { delegation: o.delegation, reason: o.reason })}</p>;
    case 'refused':
      return (
        <ul className="ex-return__problems">
          {o.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      );
    default:
      return assertNever(o, 'collect outcome');
  }
}
