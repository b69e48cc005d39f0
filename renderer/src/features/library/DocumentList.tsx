import { useTranslation } from 'react-i18next';
import { LANGS, type DocumentSummary, type Lang } from '../../../../shared/corpus';
import { formatDate } from '../../i18n/format';
import { useReturnFocus } from './readerParts';
import { useLibrary } from './store';
import './document-list.css';

/** The corpus grouped by document: one entry per docRef with the languages it exists in. */
export function DocumentList() {
  const { t } = useTranslation();
  const documents = useLibrary((s) => s.documents);
  const error = useLibrary((s) => s.error);
  const openReader = useLibrary((s) => s.openReader);
  const openCompare = useLibrary((s) => s.openCompare);
  const rememberReturn = useLibrary((s) => s.rememberReturn);
  useReturnFocus(documents !== null);

  if (error) return <p role="alert" className="notice notice--error">{t('library.error', { message: error })}</p>;
  if (!documents) return <p className="muted">{t('library.loading')}</p>;

  return (
    <section aria-label={t('library.documents')}>
      <ul className="document-list">
        {groupByDocRef(documents).map(([docRef, versions]) => {
          const first = versions[0]!;
          const pair = versions.length > 1 ? ([versions[0]!.lang, versions[1]!.lang] as const) : null;
          return (
            <li key={docRef} className="document">
              <div className="document__head">
                <h2 className="document__ref">{docRef}</h2>
                <p className="document__date">{t('library.adopted', { date: formatDate(first.adopted) })}</p>
              </div>
              <p className="document__gloss">{t(`docs.${docRef}`, { defaultValue: '' })}</p>
              <ul className="document__versions" aria-label={t('library.languages')}>
                {versions.map((v) => (
                  <li key={v.lang} className="version">
                    <span className="version__lang">{t(`lang.${v.lang}`)}</span>
                    <button
                      type="button"
                      className="version__title"
                      lang={v.lang}
                      data-return-key={`read:${docRef}/${v.lang}`}
                      onClick={() => {
                        rememberReturn(`read:${docRef}/${v.lang}`);
                        openReader(docRef, v.lang);
                      }}
                    >
                      {v.title}
                    </button>
                  </li>
                ))}
              </ul>
              {pair && (
                <button
                  type="button"
                  className="button document__compare"
                  aria-label={compareName(t, pair)}
                  data-return-key={`compare:${docRef}`}
                  onClick={() => {
                    rememberReturn(`compare:${docRef}`);
                    openCompare(docRef, pair);
                  }}
                >
                  <span aria-hidden="true" className="icon-columns" />
                  {t('library.compareShort')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function compareName(t: (key: string, options?: Record<string, unknown>) => string, [first, second]: readonly [Lang, Lang]): string {
  return t('library.compare', { first: t(`lang.${first}`), second: t(`lang.${second}`) });
}

function groupByDocRef(documents: readonly DocumentSummary[]): [string, DocumentSummary[]][] {
  const groups = new Map<string, DocumentSummary[]>();
  for (const doc of documents) groups.set(doc.docRef, [...(groups.get(doc.docRef) ?? []), doc]);
  // Within a document, languages in the library's order (Dutch before Latvian), not alphabetically by code.
  for (const versions of groups.values()) versions.sort((a, b) => LANGS.indexOf(a.lang) - LANGS.indexOf(b.lang));
  return [...groups];
}
