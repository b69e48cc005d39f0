// What the reader and the side-by-side view share: loading a text, the toolbar with the
// language switch, and bringing a paragraph into view.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, type CorpusDocument, type Lang } from '../../../../shared/corpus';
import { shortcutKeys } from '../../i18n/format';
import type { Loaded } from '../../ui/loaded';
import { textKey, useLibrary, type Target } from './store';
import './reader-parts.css';

const FLASH_MS = 2600;

/** The text of one document in one language, loaded on first use. */
export function useText(docRef: string, lang: Lang): Loaded<CorpusDocument | null> {
  const loadText = useLibrary((s) => s.loadText);
  const text = useLibrary((s) => s.texts[textKey(docRef, lang)]);
  useEffect(() => {
    void loadText(docRef, lang);
  }, [loadText, docRef, lang]);
  return text ?? { status: 'loading' };
}

/** The languages a document exists in, in the library's order. */
export function useLanguages(docRef: string): Lang[] {
  const documents = useLibrary((s) => s.documents);
  const langs = new Set((documents ?? []).filter((d) => d.docRef === docRef).map((d) => d.lang));
  return LANGS.filter((l) => langs.has(l));
}

/** The paragraph at the top of the window: switching language keeps the reader's place. */
function placeInView(): { anchor: string; flash: boolean } | undefined {
  // Below what sticks to the top: the toolbar, and the side-by-side view's column headings.
  const covers = [...document.querySelectorAll('.toolbar, .compare__table thead th')].map((el) => el.getBoundingClientRect().bottom);
  const top = Math.max(0, ...covers) + 8;
  for (const el of document.querySelectorAll<HTMLElement>('[data-anchor]')) {
    if (el.getBoundingClientRect().bottom > top) {
      // At the very top of the document there is no place to keep.
      if (window.scrollY < 80) return undefined;
      return { anchor: el.dataset.anchor!, flash: false };
    }
  }
  return undefined;
}

export function ReaderToolbar({ docRef, current }: { docRef: string; current: Lang | 'compare' }) {
  const { t } = useTranslation();
  const langs = useLanguages(docRef);
  const back = useLibrary((s) => s.back);
  const hasQuery = useLibrary((s) => s.search.query.trim() !== '');
  const openReader = useLibrary((s) => s.openReader);
  const openCompare = useLibrary((s) => s.openCompare);
  const focusSearch = useLibrary((s) => s.focusSearch);
  const pair = langs.length > 1 ? ([langs[0]!, langs[1]!] as const) : null;

  return (
    <div className="toolbar">
      <button type="button" className="button button--quiet toolbar__back" onClick={back}>
        <span aria-hidden="true">← </span>
        {hasQuery ? t('reader.backToResults') : t('reader.back')}
      </button>
      <span className="toolbar__doc" aria-hidden="true">
        {docRef}
      </span>
      <div className="toolbar__end">
      {pair && (
        <div className="segmented" role="group" aria-label={t('reader.languageSwitch')}>
          {langs.map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={current === l}
              onClick={() => current !== l && openReader(docRef, l, placeInView())}
            >
              {t(`lang.${l}`)}
            </button>
          ))}
          <button
            type="button"
            aria-pressed={current === 'compare'}
            onClick={() => current !== 'compare' && openCompare(docRef, pair, placeInView())}
          >
            {t('reader.sideBySide')}
          </button>
        </div>
      )}
      <button type="button" className="button button--quiet" onClick={focusSearch}>
        {t('reader.search')} <kbd aria-hidden="true">{shortcutKeys('K')}</kbd>
      </button>
      </div>
    </div>
  );
}

/**
 * Once the text is shown, brings the target paragraph into view and gives it the focus (a
 * search hit also flashes); without a target, starts at the top with the focus on the title.
 * Returns the anchor that is flashing, for its class.
 */
export function useTargetInView(
  ready: boolean,
  target: Target | null,
  container: RefObject<HTMLElement | null>,
  title: RefObject<HTMLElement | null>,
): string | null {
  const [flashing, setFlashing] = useState<string | null>(null);
  const done = useRef<number | null>(null);
  const key = target?.key ?? 0;

  useEffect(() => {
    if (!ready || done.current === key) return;
    done.current = key;
    const el = target
      ? container.current?.querySelector<HTMLElement>(`[data-anchor="${CSS.escape(target.anchor)}"]`)
      : null;
    if (!target || !el) {
      window.scrollTo({ top: 0 });
      title.current?.focus({ preventScroll: true });
      return;
    }
    el.scrollIntoView({ block: target.flash ? 'center' : 'start' });
    el.focus({ preventScroll: true });
    if (target.flash) setFlashing(target.anchor);
  }, [ready, key, target, container, title]);

  useEffect(() => {
    if (flashing === null) return;
    const timeout = setTimeout(() => setFlashing(null), FLASH_MS);
    return () => clearTimeout(timeout);
  }, [flashing]);

  return flashing;
}

/** On return from the reader, gives the focus back to the control that opened it (and brings it into view). */
export function useReturnFocus(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const key = useLibrary.getState().returnKey;
    if (!key) return;
    const el = document.querySelector<HTMLElement>(`[data-return-key="${CSS.escape(key)}"]`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
    useLibrary.getState().rememberReturn('');
  }, [ready]);
}
