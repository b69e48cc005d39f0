import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { citeParagraph } from '../../../shared/citation';
import type { Lang, Paragraph } from '../../../shared/corpus';
import { shortcutKeys } from '../i18n/format';
import { api } from '../api';
import './cite-button.css';

const CONFIRMATION_MS = 4000;

type CopyState = 'idle' | 'copied' | 'fallback';

/** The main process writes the clipboard; if it cannot, say so, never fail silently. */
async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await api().copyText({ text });
    return true;
  } catch {
    return false;
  }
}

/**
 * One action to cite a paragraph: copies the citation and confirms it where the user looks.
 * When the clipboard is refused, the citation appears selected in a read-only field so it
 * can be copied with the keyboard.
 */
export function CiteButton({ docRef, lang, paragraph, label }: { docRef: string; lang: Lang; paragraph: Paragraph; label: string }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<CopyState>('idle');
  const button = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const citation = citeParagraph({ docRef, lang, ...paragraph });

  useEffect(() => {
    if (state === 'copied') {
      const timeout = setTimeout(() => setState('idle'), CONFIRMATION_MS);
      return () => clearTimeout(timeout);
    }
    if (state === 'fallback') {
      field.current?.focus();
      field.current?.select();
    }
    return undefined;
  }, [state]);

  const cite = async (): Promise<void> => {
    setState((await copyToClipboard(citation)) ? 'copied' : 'fallback');
  };
  const closeFallback = (): void => {
    setState('idle');
    button.current?.focus();
  };

  return (
    // In the UI's language, also inside a cell that holds Latvian or Danish text.
    <div className="cite" lang={i18n.language}>
      <button
        ref={button}
        type="button"
        className={state === 'copied' ? 'cite__button cite__button--done' : 'cite__button'}
        aria-label={t('cite.action', { label, language: t(`lang.${lang}`) })}
        onClick={() => void cite()}
      >
        {t('cite.button')}
      </button>
      <span role="status" className={state === 'copied' ? 'cite__status cite__status--shown' : 'cite__status'}>
        {state === 'copied' ? t('cite.copied', { citation }) : ''}
      </span>
      {state === 'fallback' && (
        <div className="cite__fallback">
          <label htmlFor={fieldId}>{t('cite.fallbackLabel', { keys: shortcutKeys('C') })}</label>
          <div className="cite__fallback-row">
            <input
              ref={field}
              id={fieldId}
              className="cite__field"
              type="text"
              readOnly
              value={citation}
              onFocus={(e) => e.currentTarget.select()}
              onKeyDown={(e) => {
                if (e.key === 'Escape') closeFallback();
              }}
            />
            <button type="button" className="button button--quiet" onClick={closeFallback}>
              {t('cite.done')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
