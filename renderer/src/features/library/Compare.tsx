import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../shared/corpus';
import { formatDate } from '../../i18n/format';
import { alignByAnchor } from './align';
import { anchorLabel } from '../../ui/anchorLabel';
import { CiteButton } from '../../ui/CiteButton';
import { Footnotes, notesOf, ReaderText, ReadingsNotice } from './ReaderText';
import { ReaderToolbar, useTargetInView, useText } from './readerParts';
import { useLibrary, type Target } from './store';
import './compare.css';

/** Two language versions of one document, paragraph by paragraph: one row per anchor. */
export function Compare({ docRef, langs, target }: { docRef: string; langs: readonly [Lang, Lang]; target: Target | null }) {
  const { t } = useTranslation();
  const first = useText(docRef, langs[0]);
  const second = useText(docRef, langs[1]);
  const container = useRef<HTMLTableSectionElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const docs = first.status === 'ready' && second.status === 'ready' && first.value && second.value ? ([first.value, second.value] as const) : null;
  const flashing = useTargetInView(docs !== null, target, container, title);
  const failed = [first, second].find((x) => x.status === 'error');
  const names = { first: t(`lang.${langs[0]}`), second: t(`lang.${langs[1]}`) };
  const gloss = t(`docs.${docRef}`, { defaultValue: '' });
  const openCompare = useLibrary((s) => s.openCompare);

  return (
    <article className="compare" aria-labelledby="reader-title">
      <ReaderToolbar docRef={docRef} current="compare" />
      <header className="doc-head">
        <p className="doc-head__eyebrow">
          <span className="doc-head__ref">{t('reader.councilConclusions')}</span>
          {docs && <span className="doc-head__date">{t('library.adopted', { date: formatDate(docs[0].adopted) })}</span>}
        </p>
        <h1 id="reader-title" ref={title} tabIndex={-1} className="doc-head__title doc-head__title--ui">
          {t('reader.compareTitle', { docRef, ...names })}
        </h1>
        {gloss && <p className="doc-head__gloss">{gloss}</p>}
        {docs?.map((d) => <ReadingsNotice key={d.lang} doc={d} />)}
      </header>
      {failed?.status === 'error' && (
        <p role="alert" className="notice notice--error">
          {t('reader.error', { message: failed.message })}
        </p>
      )}
      {!docs && !failed && <p className="muted">{t('reader.loading')}</p>}
      {docs && (
        <>
          <table className="compare__table">
            <colgroup>
              <col className="compare__label-col" />
              <col />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('reader.paragraphColumn')}</span>
                </th>
                {docs.map((d) => (
                  <th key={d.lang} scope="col">
                    <span className="compare__lang">{t(`lang.${d.lang}`)}</span>
                    <span className="compare__doc-title" lang={d.lang}>
                      {d.title}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody ref={container}>
              {alignByAnchor(docs.map((d) => d.paragraphs)).map((row) => {
                const any = row.cells.find((c) => c !== null)!;
                const label = anchorLabel(t, any);
                const classes = ['compare__row', `compare__row--${any.kind}`, flashing === row.anchor ? 'para--flash' : '']
                  .filter(Boolean)
                  .join(' ');
                return (
                  <tr key={row.anchor} className={classes} data-anchor={row.anchor} tabIndex={-1}>
                    <th scope="row" className="para__label" title={any.inferred ? t('anchor.inferredHelp') : undefined}>
                      {label}
                    </th>
                    {row.cells.map((p, i) => {
                      const doc = docs[i]!;
                      const lang = doc.lang;
                      return (
                        <td key={lang} lang={lang}>
                          {p ? (
                            <>
                              {/* First, so that it floats beside the text's first line instead of taking a line of its own. */}
                              <CiteButton docRef={docRef} lang={lang} paragraph={p} notes={notesOf(doc, p)} label={label} />
                              <ReaderText
                                docRef={docRef}
                                lang={lang}
                                paragraph={p}
                                notes={notesOf(doc, p)}
                                className={p.kind === 'heading' ? 'compare__text compare__text--heading' : 'compare__text'}
                                as="p"
                              />
                            </>
                          ) : (
                            <span className="muted">
                              <span aria-hidden="true">—</span>
                              <span className="visually-hidden">{t('reader.missing')}</span>
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="compare__footnotes">
            {docs.map((d) => (
              <Footnotes
                key={d.lang}
                doc={d}
                heading={t('reader.footnotesIn', { language: t(`lang.${d.lang}`) })}
                onOpen={(anchor) => openCompare(docRef, langs, { anchor, flash: true })}
              />
            ))}
          </div>
        </>
      )}
    </article>
  );
}
