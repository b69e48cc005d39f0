import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCitation, type CiteForm } from '../../../shared/citation';
import type { Footnote, Lang, Paragraph } from '../../../shared/corpus';
import { shortcutKeys } from '../i18n/format';
import { api } from '../api';
import './cite-button.css';

const CONFIRMATION_MS = 4000;

type CopyState = { readonly status: 'idle' } | { readonly status: 'copied' | 'fallback'; readonly form: CiteForm };

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
 * Citing a paragraph, two choices side by side: "Cite" copies the reference alone, "Quote"
 * the paragraph verbatim with its reference and its footnotes (shared/citation.ts formats
 * both). Each confirms where the user looks. When the clipboard is refused, what would
 * have been copied appears selected in a read-only field, to be copied with the keyboard.
 */
export function CiteButton({
  docRef,
  lang,
  paragraph,
  notes,
  label,
}: {
  docRef: string;
  lang: Lang;
  paragraph: Paragraph;
  /** The footnotes of the paragraph, in the order of its markers. */
  notes: readonly Footnote[];
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<CopyState>({ status: 'idle' });
  const buttons = { reference: useRef<HTMLButtonElement>(null), quotation: useRef<HTMLButtonElement>(null) };
  const field = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const text = (form: CiteForm): string => formatCitation({ docRef, lang, ...paragraph, notes }, form);
  const language = t(`lang.${lang}`);

  useEffect(() => {
    if (state.status === 'copied') {
      const timeout = setTimeout(() => setState({ status: 'idle' }), CONFIRMATION_MS);
      return () => clearTimeout(timeout);
    }
    if (state.status === 'fallback') {
      field.current?.focus();
      field.current?.select();
    }
    return undefined;
  }, [state]);

  const cite = async (form: CiteForm): Promise<void> => {
    setState({ status: (await copyToClipboard(text(form))) ? 'copied' : 'fallback', form });
  };
  const closeFallback = (): void => {
    if (state.status === 'fallback') buttons[state.form].current?.focus();
    setState({ status: 'idle' });
  };
  const done = (form: CiteForm): boolean => state.status === 'copied' && state.form === form;
  const confirmation =
    state.status !== 'copied'
      ? ''
      : state.form === 'reference'
        ? t('cite.copied', { citation: text('reference') })
        : t('cite.copiedQuotation', { citation: text('reference'), count: notes.length });

  return (
    // In the UI's language, also inside a cell that holds Latvian or Danish text.
    <div className="cite" lang={i18n.language}>
      <div className="cite__choices" role="group" aria-label={t('cite.choices', { label, language })}>
        <button
          ref={buttons.reference}
          type="button"
          className={done('reference') ? 'cite__button cite__button--done' : 'cite__button'}
          title={t('cite.referenceHelp')}
          aria-label={t('cite.action', { label, language })}
          onClick={() => void cite('reference')}
        >
          {t('cite.button')}
        </button>
        <button
          ref={buttons.quotation}
          type="button"
          className={done('quotation') ? 'cite__button cite__button--done' : 'cite__button'}
          title={t('cite.quotationHelp')}
          aria-label={t('cite.quoteAction', { label, language })}
          onClick={() => void cite('quotation')}
        >
          {t('cite.quote')}
        </button>
      </div>
      <span role="status" className={state.status === 'copied' ? 'cite__status cite__status--shown' : 'cite__status'}>
        {confirmation}
      </span>
      {state.status === 'fallback' && (
        <div className="cite__fallback">
          <label htmlFor={fieldId}>{t('cite.fallbackLabel', { keys: shortcutKeys('C') })}</label>
          <div className="cite__fallback-row">
            <textarea
              ref={field}
              id={fieldId}
              className="cite__field"
              readOnly
              rows={Math.min(8, text(state.form).split('\n').length)}
              value={text(state.form)}
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
