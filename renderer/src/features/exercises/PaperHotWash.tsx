import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DelegationView } from '../../../../shared/exercise/exercises';
import type { HotWash } from '../../../../shared/workflow/context';
import { api, errorMessage } from '../../api';
import { HotWashForm } from '../../ui/HotWashForm';
import type { Loaded } from '../../ui/loaded';
import { Modal } from '../../ui/Modal';

/**
 * The facilitator types in a delegation's paper hot wash: the same form as in the run, sent to
 * the delegation's run as its HOTWASH.SUBMIT from paper. A run played on the delegation's own
 * laptop (its kit is out) is not written here: the main process refuses, and says why.
 */
export function PaperHotWash({ delegation: d }: { delegation: DelegationView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('consensus.hotWash.paper.open')}
        <span className="visually-hidden"> {t('consensus.hotWash.paper.forName', { name: d.name })}</span>
      </button>
      {open && <PaperHotWashDialog delegation={d} onClose={() => setOpen(false)} />}
    </>
  );
}

function PaperHotWashDialog({ delegation: d, onClose }: { delegation: DelegationView; onClose(): void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<Loaded<HotWash | null>>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    api()
      .getRun({ id: d.runId })
      .then((run) => live && setCurrent({ status: 'ready', value: run.snapshot.context.hotWash }))
      .catch((error: unknown) => live && setCurrent({ status: 'error', message: errorMessage(error) }));
    return () => {
      live = false;
    };
  }, [d.runId]);

  return (
    <Modal
      title={t('consensus.hotWash.paper.title', { name: d.name })}
      intro={<p>{t('consensus.hotWash.paper.intro', { name: d.name })}</p>}
      onClose={onClose}
      wide
      actions={
        <button type="button" className="button" onClick={onClose}>
          {t('consensus.hotWash.paper.close')}
        </button>
      }
    >
      {d.kit !== null && (
        <p className="notice notice--warning" role="note">
          {t('consensus.hotWash.paper.kitOut', { name: d.name })}
        </p>
      )}
      {current.status === 'loading' && <p className="muted">{t('consensus.hotWash.paper.loading')}</p>}
      {current.status === 'error' && (
        <p role="alert" className="notice notice--error">
          {current.message}
        </p>
      )}
      {current.status === 'ready' && (
        <HotWashForm
          current={current.value}
          source="paper"
          editable
          startEditing
          focusOnMount
          onSubmit={async (event) => {
            try {
              const result = await api().sendEvent({ id: d.runId, event });
              if (!result.accepted) return result.reasons;
              setCurrent({ status: 'ready', value: result.run.snapshot.context.hotWash });
              return null;
            } catch (error) {
              return [errorMessage(error)];
            }
          }}
        />
      )}
    </Modal>
  );
}
