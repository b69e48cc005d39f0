// The text as the reader and the side-by-side view show it: a paragraph whose footnote
// markers open their footnote beneath it, the footnotes themselves, and the word that a
// document's OCR readings exist. Every damaged word is shown as its correct reading and
// marked (ui/ParagraphText); the stored text, and so every quotation, stays verbatim.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorpusDocument, Footnote, Lang, Paragraph } from '../../../../shared/corpus';
import { anchorLabel } from '../../ui/anchorLabel';
import { ParagraphText } from '../../ui/ParagraphText';
import { readingCount, readingsOf } from '../../ui/textPieces';
import './reader-text.css';

/** The footnotes whose markers stand in `p`, in their order. */
export const notesOf = (doc: CorpusDocument, p: Paragraph): Footnote[] =>
  p.footnotes.flatMap((n) => doc.footnotes.find((f) => f.n === n) ?? []);

export function ReaderText({
  docRef,
  lang,
  paragraph: p,
  notes,
  className,
  as,
}: {
  docRef: string;
  lang: Lang;
  paragraph: Paragraph;
  notes: readonly Footnote[];
  className: string;
  as: 'p' | 'h2';
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<readonly number[]>([]);
  const id = useId();
  const noteId = (n: number): string => `${id}fn${n}`;
  const toggle = (n: number): void => setOpen((o) => (o.includes(n) ? o.filter((x) => x !== n) : [...o, n]));
  return (
    <>
      <ParagraphText
        text={p.text}
        marks={p.footnoteMarks}
        readings={readingsOf(docRef, lang, p.anchor)}
        lang={lang}
        className={className}
        as={as}
        mark={(n) => (
          <button
            type="button"
            className="fn-mark"
            aria-expanded={open.includes(n)}
            aria-controls={noteId(n)}
            aria-label={t('reader.footnoteMark', { n })}
            onClick={() => toggle(n)}
          >
            {n}
          </button>
        )}
      />
      {notes.length > 0 && (
        <div className="para__notes">
          {notes.map((f) => (
            // Hidden rather than absent, so that each marker's aria-controls always names it.
            <p key={f.n} id={noteId(f.n)} className="para__note" hidden={!open.includes(f.n)}>
              <FootnoteText docRef={docRef} lang={lang} footnote={f} numbered />
            </p>
          ))}
        </div>
      )}
    </>
  );
}

/** A footnote's text, corrections marked, and whether its number was inferred; `numbered` where no list numbers it. */
function FootnoteText({ docRef, lang, footnote: f, numbered = false }: { docRef: string; lang: Lang; footnote: Footnote; numbered?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {numbered && <span className="note__n">{f.n} </span>}
      <ParagraphText text={f.text} marks={[]} readings={readingsOf(docRef, lang, `fn${f.n}`)} lang={lang} className="note__text" as="span" />
      {f.inferred && (
        <span className="badge note__inferred" title={t('reader.footnoteInferredHelp')}>
          {t('reader.footnoteInferred')}
        </span>
      )}
    </>
  );
}

/** The document's footnotes, each with the paragraph that carries its marker, which it opens. */
export function Footnotes({ doc, heading, onOpen }: { doc: CorpusDocument; heading?: string; onOpen: (anchor: string) => void }) {
  const { t } = useTranslation();
  if (doc.footnotes.length === 0) return null;
  const id = `footnotes-${doc.lang}`;
  return (
    <section className="footnotes" aria-labelledby={id}>
      <h2 id={id}>{heading ?? t('reader.footnotes')}</h2>
      <ol>
        {doc.footnotes.map((f) => {
          const carrier = doc.paragraphs.find((p) => p.anchor === f.anchor);
          const label = carrier ? anchorLabel(t, carrier) : null;
          return (
            <li key={f.n} value={f.n}>
              <FootnoteText docRef={doc.docRef} lang={doc.lang} footnote={f} />{' '}
              {carrier && label ? (
                <button
                  type="button"
                  className="button button--quiet note__carrier"
                  aria-label={t('reader.footnoteGoTo', { label, n: f.n })}
                  onClick={() => onOpen(carrier.anchor)}
                >
                  {t('reader.footnoteIn', { label })}
                </button>
              ) : (
                <span className="muted note__carrier">{t('reader.footnoteUnplaced')}</span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Says once, at the top of a document, that the reader corrects damaged words, and how it shows them. */
export function ReadingsNotice({ doc }: { doc: CorpusDocument }) {
  const { t } = useTranslation();
  const count =
    doc.paragraphs.reduce((sum, p) => sum + readingCount(p.text, readingsOf(doc.docRef, doc.lang, p.anchor)), 0) +
    doc.footnotes.reduce((sum, f) => sum + readingCount(f.text, readingsOf(doc.docRef, doc.lang, `fn${f.n}`)), 0);
  if (count === 0) return null;
  return (
    <aside className="readings-notice" aria-label={t('reader.readingsTitle')}>
      <strong>{t('reader.readingsTitle')}.</strong> {t('reader.readings', { count })}
    </aside>
  );
}
