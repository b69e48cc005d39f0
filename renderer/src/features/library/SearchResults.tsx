import { useTranslation } from 'react-i18next';
import { LANGS, type Expansion, type MatchedForm, type SearchHit } from '../../../../shared/corpus';
import { anchorLabel } from '../../ui/anchorLabel';
import { useReturnFocus } from './readerParts';
import { Snippet } from './Snippet';
import { useLibrary } from './store';
import './search-results.css';

/**
 * Ranked hits with highlighted snippets; opening one opens the reader at that paragraph.
 * Each hit says how it matched (as typed, another form, inside a compound, a glossary
 * concept's form) and which words; a query that named a glossary concept says so above them.
 */
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
      {search.status !== 'error' && search.expanded.map((expansion) => <ExpansionNote key={expansion.concept} expansion={expansion} />)}
      {search.status === 'done' && search.total === 0 && <p className="muted">{t('search.noResultsHelp')}</p>}
      <ol className={pending ? 'hits hits--pending' : 'hits'}>
        {search.hits.map((hit) => {
          const label = anchorLabel(t, { anchor: hit.anchor, inferred: false });
          const key = `hit:${hit.docRef}/${hit.lang}/${hit.anchor}`;
          const matchId = `${key}:match`;
          return (
            <li key={key} className="hit">
              <h3 className="hit__title">
                <button
                  type="button"
                  className="hit__open"
                  data-return-key={key}
                  aria-describedby={matchId}
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
                {hit.footnote !== undefined && <span className="hit__note">{t('search.inFootnote', { n: hit.footnote })} </span>}
                <Snippet text={hit.snippet} />
              </p>
              <HowItMatched id={matchId} hit={hit} />
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

/** The kind of match, with what it means, and the words of the paragraph that matched. */
function HowItMatched({ id, hit }: { id: string; hit: SearchHit }) {
  const { t } = useTranslation();
  const form = (m: MatchedForm): string => (m.reading ? t('search.matchedReading', { form: m.form, reading: m.reading }) : m.form);
  return (
    <p id={id} className="hit__match">
      <span className={`match-kind match-kind--${hit.kind}`} title={t(`search.kindHelp.${hit.kind}`)}>
        {t(`search.kind.${hit.kind}`)}
      </span>
      <span className="visually-hidden">. {t(`search.kindHelp.${hit.kind}`)}</span>
      {hit.matched.length > 0 && (
        <>
          {' '}
          <span className="hit__matched">
            {t('search.matched')}{' '}
            <span lang={hit.lang}>{hit.matched.map(form).join(', ')}</span>
          </span>
        </>
      )}
    </p>
  );
}

/** That an English term was searched as a glossary concept, with the forms it was searched as, by language. */
function ExpansionNote({ expansion }: { expansion: Expansion }) {
  const { t } = useTranslation();
  return (
    <details className="expansion">
      <summary>{t('search.expanded', { term: expansion.term })}</summary>
      <dl className="expansion__forms" aria-label={t('search.expandedForms', { term: expansion.term })}>
        {LANGS.filter((lang) => expansion.forms.some((f) => f.lang === lang)).map((lang) => (
          <div key={lang} className="expansion__lang">
            <dt>{t(`lang.${lang}`)}</dt>
            <dd lang={lang}>
              {expansion.forms
                .filter((f) => f.lang === lang)
                .map((f) => f.form)
                .join(', ')}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
