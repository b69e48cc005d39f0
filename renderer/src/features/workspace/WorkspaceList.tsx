import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TlpLabel } from '../../ui/ExerciseBanner';
import { formatWhen } from '../../ui/format';
import { Fingerprint, LaptopKey } from '../../ui/LaptopKey';
import { Modal } from '../../ui/Modal';
import { PassphraseField } from '../../ui/PassphraseField';
import { useWorkspace } from './store';
import './workspace-list.css';

/**
 * The delegation's side of this laptop, under the exercises: open the kit a facilitator
 * handed over on a stick, and the workspaces of the kits opened here.
 */
export function WorkspaceList() {
  const { t } = useTranslation();
  const workspaces = useWorkspace((s) => s.workspaces);
  const { loadWorkspaces, openWorkspace } = useWorkspace.getState();
  const [opening, setOpening] = useState(false);
  useEffect(() => {
    void loadWorkspaces();
  }, [loadWorkspaces]);

  return (
    <section className="ws-list" aria-labelledby="ws-list-title">
      <div className="ws-list__head">
        <div>
          <h2 id="ws-list-title" className="ws-list__title">
            {t('exchange.list.title')}
          </h2>
          <p className="section-intro">{t('exchange.list.intro')}</p>
        </div>
        <button type="button" className="button button--primary" onClick={() => setOpening(true)}>
          {t('exchange.list.open')}
        </button>
      </div>
      <LaptopKey hint={t('exchange.list.keyHint')} />
      {workspaces.status === 'loading' && <p className="muted">{t('exchange.loading')}</p>}
      {workspaces.status === 'error' && (
        <p role="alert" className="notice notice--error">
          {workspaces.message}
        </p>
      )}
      {workspaces.status === 'ready' &&
        (workspaces.value.length === 0 ? (
          <p className="ws-list__empty">{t('exchange.list.empty')}</p>
        ) : (
          <table className="ws-table">
            <caption className="visually-hidden">{t('exchange.list.caption', { count: workspaces.value.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exchange.list.delegation')}</th>
                <th scope="col">{t('exchange.list.exercise')}</th>
                <th scope="col">{t('exchange.list.injects')}</th>
                <th scope="col">{t('exchange.list.opened')}</th>
                <th scope="col">{t('exchange.list.facilitator')}</th>
              </tr>
            </thead>
            <tbody>
              {workspaces.value.map((w) => (
                <tr key={w.runId}>
                  <th scope="row">
                    <button
                      type="button"
                      className="ws-link"
                      aria-label={t('exchange.list.openNamed', { delegation: w.delegation, exercise: w.exerciseName })}
                      onClick={() => void openWorkspace(w.runId)}
                    >
                      {w.delegation}
                    </button>
                  </th>
                  <td className="ws-table__exercise">
                    {w.exerciseName} <TlpLabel tlp={w.tlp} />
                  </td>
                  <td className="ws-num">{t('exchange.list.injectCount', { opened: w.injectsOpened, total: w.injectsOpened + w.injectsSealed })}</td>
                  <td>{formatWhen(w.acceptedAt)}</td>
                  <td>
                    <Fingerprint value={w.facilitatorFingerprint} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {opening && <OpenKitDialog onClose={() => setOpening(false)} />}
    </section>
  );
}

/** The passphrase, if the kit is sealed with one; then the file dialog. */
function OpenKitDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const openKit = useWorkspace((s) => s.openKit);
  const [passphrase, setPassphrase] = useState('');
  const [refused, setRefused] = useState<readonly string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const formId = 'ws-open-kit';

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setRefused(null);
    setCancelled(false);
    const answer = await openKit(passphrase === '' ? null : passphrase);
    setBusy(false);
    if (answer === 'done') onClose();
    else if (answer === 'cancelled') setCancelled(true);
    else {
      setRefused(answer);
      field.current?.focus();
    }
  };

  return (
    <Modal
      wide
      title={t('exchange.openKit.title')}
      intro={<p>{t('exchange.openKit.intro')}</p>}
      onClose={onClose}
      initialFocus={field}
      actions={
        <>
          <span className="ws-busy" role="status">
            {busy ? t('exchange.openKit.busy') : cancelled ? t('exchange.openKit.cancelled') : ''}
          </span>
          <button type="button" className="button" onClick={onClose}>
            {t('exchange.cancel')}
          </button>
          <button type="submit" form={formId} className="button button--primary" aria-disabled={busy || undefined}>
            {t('exchange.openKit.submit')}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <PassphraseField
          inputRef={field}
          label={t('exchange.openKit.passphrase')}
          hint={t('exchange.openKit.passphraseHint')}
          value={passphrase}
          onChange={setPassphrase}
        />
        {refused && (
          <div className="notice notice--error" role="alert">
            <p className="notice__title">{t('exchange.openKit.refused')}</p>
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
