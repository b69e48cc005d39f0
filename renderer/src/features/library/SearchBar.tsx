import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../../../../shared/corpus';
import { shortcutKeys } from '../../i18n/format';
import { useLibrary } from './store';
import './search-bar.css';

const MAX_QUERY_LENGTH = 500; // the contract's limit: longer text is refused before it is sent

export const SEARCH_INPUT_ID = 'library-search';

// The last focus request served: the field remounts (after the reader) without stealing the focus again.
let servedFocus = 0;

/** The search field with its language and document filters; results appear as the user types. */
export function SearchBar() {
  const { t } = useTranslation();
  const query = useLibrary((s) => s.search.query);
  const lang = useLibrary((s) => s.search.lang);
  const docRef = useLibrary((s) => s.search.docRef);
  const documents = useLibrary((s) => s.documents);
  const searchFocus = useLibrary((s) => s.searchFocus);
  const setQuery = useLibrary((s) => s.setQuery);
  const setFilters = useLibrary((s) => s.setFilters);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (searchFocus <= servedFocus) return;
    servedFocus = searchFocus;
    input.current?.focus();
    input.current?.select();
    input.current?.scrollIntoView({ block: 'nearest' });
  }, [searchFocus]);

  const langs = LANGS.filter((l) => documents?.some((d) => d.lang === l));
  const docRefs = [...new Set(documents?.map((d) => d.docRef) ?? [])];

  return (
    <form className="searchbar" role="search" onSubmit={(e) => e.preventDefault()}>
      <div className="searchbar__field">
        <label htmlFor={SEARCH_INPUT_ID}>{t('search.label')}</label>
        <div className="searchbar__input-wrap">
          <input
            ref={input}
            id={SEARCH_INPUT_ID}
            type="search"
            value={query}
            maxLength={MAX_QUERY_LENGTH}
            placeholder={t('search.placeholder')}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="library-search-hint"
            onChange={(e) => setQuery(e.target.value)}
          />
          <kbd className="searchbar__kbd" aria-hidden="true">
            {shortcutKeys('K')}
          </kbd>
        </div>
      </div>
      <div className="searchbar__filter">
        <label htmlFor="library-search-lang">{t('search.language')}</label>
        <select
          id="library-search-lang"
          value={lang ?? ''}
          onChange={(e) => setFilters({ lang: (e.target.value || null) as Lang | null })}
        >
          <option value="">{t('search.allLanguages')}</option>
          {langs.map((l) => (
            <option key={l} value={l}>
              {t(`lang.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="searchbar__filter">
        <label htmlFor="library-search-doc">{t('search.document')}</label>
        <select id="library-search-doc" value={docRef ?? ''} onChange={(e) => setFilters({ docRef: e.target.value || null })}>
          <option value="">{t('search.allDocuments')}</option>
          {docRefs.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <p id="library-search-hint" className="searchbar__hint">
        {t('search.hint')} <span className="visually-hidden">{t('search.shortcut', { keys: shortcutKeys('K') })}</span>
      </p>
    </form>
  );
}
