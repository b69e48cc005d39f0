import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyView } from '../../../shared/exchange/views';
import { api, errorMessage } from '../api';
import type { Loaded } from './loaded';
import './laptop-key.css';

/** A key's fingerprint, set to be read aloud: monospace, its groups apart, never broken across lines. */
export function Fingerprint({ value }: { value: string }) {
  return <span className="fingerprint">{value}</span>;
}

// This installation's key does not change while the app runs: asked for once.
let asked: Promise<KeyView> | null = null;

function useLaptopKey(): Loaded<KeyView> {
  const [key, setKey] = useState<Loaded<KeyView>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    asked ??= api().getLaptopKey({});
    asked.then(
      (value) => current && setKey({ status: 'ready', value }),
      (error: unknown) => {
        asked = null;
        if (current) setKey({ status: 'error', message: errorMessage(error) });
      },
    );
    return () => {
      current = false;
    };
  }, []);
  return key;
}

/**
 * This laptop's key, labelled for people to compare aloud: the other laptop of an exchange
 * shows the same fingerprint, and a different one means another laptop made the file.
 */
export function LaptopKey({ hint }: { hint?: ReactNode }) {
  const { t } = useTranslation();
  const key = useLaptopKey();
  return (
    <p className="laptop-key" data-laptop-key={key.status === 'ready' ? key.value.fingerprint : undefined}>
      <span className="laptop-key__label">{t('exchange.key.this')}</span>{' '}
      {key.status === 'ready' && <Fingerprint value={key.value.fingerprint} />}
      {key.status === 'loading' && <span className="muted">{t('exchange.key.loading')}</span>}
      {key.status === 'error' && <span className="laptop-key__error">{t('exchange.key.failed', { message: key.message })}</span>}
      <span className="laptop-key__hint">{hint ?? t('exchange.key.compare')}</span>
    </p>
  );
}
