import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Compare } from './Compare';
import { DocumentList } from './DocumentList';
import { Reader } from './Reader';
import { SearchBar } from './SearchBar';
import { SearchResults } from './SearchResults';
import { useLibrary, type LibraryView } from './store';
import './library-screen.css';

/**
 * The library: its title and search on top of the document list or the search results (so
 * the field stays where it is while the user types); a reader or two texts side by side get
 * the whole screen, with a way back.
 */
export function LibraryScreen() {
  const { t } = useTranslation();
  const view = useLibrary((s) => s.view);
  const load = useLibrary((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);

  const browsing = view.kind === 'index' || view.kind === 'results';
  return (
    <div className={view.kind === 'compare' ? 'library library--wide' : 'library'}>
      {browsing && (
        <>
          <h1 className="screen-title">{t('library.heading')}</h1>
          <p className="lead">{t('library.intro')}</p>
          <SearchBar />
        </>
      )}
      <LibraryBody view={view} />
    </div>
  );
}

function LibraryBody({ view }: { view: LibraryView }) {
  switch (view.kind) {
    case 'index':
      return <DocumentList />;
    case 'results':
      return <SearchResults />;
    case 'reader':
      return <Reader key={`${view.docRef}/${view.lang}`} docRef={view.docRef} lang={view.lang} target={view.target} />;
    case 'compare':
      return <Compare key={`${view.docRef}/${view.langs.join('+')}`} docRef={view.docRef} langs={view.langs} target={view.target} />;
    default:
      return assertNever(view);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected library view: ${JSON.stringify(value)}`);
}
