import { useTranslation } from 'react-i18next';
import { anchorLabel } from '../../ui/anchorLabel';
import { useReturnFocus } from './readerParts';
import { Snippet } from './Snippet';
import { useLibrary } from './store';
import './search-results.css';

/** Ranked hits with highlighted snippets; opening one opens the reader at that paragraph. */
export function SearchResults() {
  const { t } = useTranslation();
  const search = useLibrary((s) => s.search);
  const openReader = useLibrary((s) => s.openReader);
  const loadMore = useLibrary((s) => s.loadMore);
  const rememberReturn = useLibrary((s) => s.rememberReturn);
  useReturnFocus(true);
  const pending = search.status === 'searching' || search.answered !== search.query;

  return (
    <section className="results" aria-labelledby="results-heading">
      <h2 id="results-heading" className="visually-hidden">
        {t('search.results')}
      </h2>
      <div role="status" className="results__status">
        {search.status === 'error' ? (
          <div className="notice notice--warning">
            <p className="notice__title">{t('search.invalid')}</p>
            <p>{search.error}</p>
          </div>
        ) : search.answered === '' ? (
          <p className="muted">{t('search.searching')}</p>
        ) : (
          <p className="results__count">
            {t('search.count', { count: search.total, query: search.answered })}
            {search.hits.length < search.total && <> {t('search.shown', { shown: search.hits.length })}</>}
          </p>
        )}
      </div>
      {search.status === 'done' && search.total === 0 && <p className="muted">{t('search.noResultsHelp')}</p>}
      <ol className={pending ? 'hits hits--pending' : 'hits'}>
        {search.hits.map((hit) => {
          const label = anchorLabel(t, { anchor: hit.anchor, inferred: false });
          const key = `hit:${hit.docRef}/${hit.lang}/${hit.anchor}`;
          return (
            <li key={key} className="hit">
              <h3 className="hit__title">
                <button
                  type="button"
                  className="hit__open"
                  data-return-key={key}
                  onClick={() => {
                    rememberReturn(key);
                    openReader(hit.docRef, hit.lang, { anchor: hit.anchor, flash: true });
                  }}
                >
                  {/* The spaces keep the name readable ("10474/17 Latvian §5, indent 5"); the gap lays the parts out. */}
                  <span className="hit__doc">{hit.docRef}</span>{' '}
                  <span className="badge">{t(`lang.${hit.lang}`)}</span>{' '}
                  <span className="hit__anchor">{label}</span>
                </button>
              </h3>
              <p className="hit__snippet" lang={hit.lang}>
                <Snippet text={hit.snippet} />
              </p>
            </li>
          );
        })}
      </ol>
      {search.status !== 'error' && search.hits.length < search.total && (
        <button type="button" className="button" onClick={loadMore} disabled={search.status === 'searching'}>
          {t('search.more')}
        </button>
      )}
    </section>
  );
}
