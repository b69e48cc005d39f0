import { useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorpusDocument, Footnote, Lang, Paragraph } from '../../../../shared/corpus';
import { formatDate } from '../../i18n/format';
import { anchorLabel } from '../../ui/anchorLabel';
import { CiteButton } from '../../ui/CiteButton';
import { Footnotes, notesOf, ReaderText, ReadingsNotice } from './ReaderText';
import { ReaderToolbar, useTargetInView, useText } from './readerParts';
import { useLibrary, type Target } from './store';
import './reader.css';

/** One document in one language: its paragraphs in order, each labelled and citable, then its footnotes. */
export function Reader({ docRef, lang, target }: { docRef: string; lang: Lang; target: Target | null }) {
  const { t } = useTranslation();
  const text = useText(docRef, lang);
  const openReader = useLibrary((s) => s.openReader);
  const container = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const doc = text.status === 'ready' ? text.value : null;
  const flashing = useTargetInView(doc !== null, target, container, title);

  return (
    <article className="reader" aria-labelledby="reader-title">
      <ReaderToolbar docRef={docRef} current={lang} />
      {text.status === 'loading' && <p className="muted">{t('reader.loading')}</p>}
      {text.status === 'error' && (
        <p role="alert" className="notice notice--error">
          {t('reader.error', { message: text.message })}
        </p>
      )}
      {text.status === 'ready' && !doc && <p className="notice notice--error">{t('reader.notFound')}</p>}
      {doc && (
        <>
          <DocumentHead doc={doc} titleRef={title} />
          <div ref={container} className="paragraphs" aria-label={t('reader.text')} role="region">
            {doc.paragraphs.map((p) => (
              <ParagraphBlock key={p.anchor} docRef={docRef} lang={lang} paragraph={p} notes={notesOf(doc, p)} flashing={flashing === p.anchor} />
            ))}
          </div>
          <Footnotes doc={doc} onOpen={(anchor) => openReader(docRef, lang, { anchor, flash: true })} />
        </>
      )}
    </article>
  );
}

function DocumentHead({ doc, titleRef }: { doc: CorpusDocument; titleRef: RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation();
  const gloss = t(`docs.${doc.docRef}`, { defaultValue: '' });
  return (
    <header className="doc-head">
      <p className="doc-head__eyebrow">
        <span className="doc-head__ref">{doc.docRef}</span>
        <span className="badge">{t(`lang.${doc.lang}`)}</span>
      </p>
      <h1 id="reader-title" ref={titleRef} tabIndex={-1} lang={doc.lang} className="doc-head__title">
        {doc.title}
      </h1>
      {gloss && <p className="doc-head__gloss">{gloss}</p>}
      <ReadingsNotice doc={doc} />
      <dl className="doc-head__meta">
        <div>
          <dt>{t('reader.adopted')}</dt>
          <dd>{formatDate(doc.adopted)}</dd>
        </div>
        <div>
          <dt>{t('reader.meeting')}</dt>
          <dd lang={doc.lang}>{doc.meeting}</dd>
        </div>
      </dl>
    </header>
  );
}

function ParagraphBlock({
  docRef,
  lang,
  paragraph: p,
  notes,
  flashing,
}: {
  docRef: string;
  lang: Lang;
  paragraph: Paragraph;
  notes: readonly Footnote[];
  flashing: boolean;
}) {
  const { t } = useTranslation();
  const label = anchorLabel(t, p);
  const classes = ['para', `para--${p.kind}`, flashing ? 'para--flash' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} data-anchor={p.anchor} tabIndex={-1}>
      <span className="para__label" title={p.inferred ? t('anchor.inferredHelp') : undefined}>
        {label}
      </span>
      <ReaderText docRef={docRef} lang={lang} paragraph={p} notes={notes} className="para__text" as={p.kind === 'heading' ? 'h2' : 'p'} />
      <CiteButton docRef={docRef} lang={lang} paragraph={p} notes={notes} label={label} />
    </div>
  );
}
