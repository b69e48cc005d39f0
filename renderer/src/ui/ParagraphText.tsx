import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FootnoteMark, Lang } from '../../../shared/corpus';
import type { Reading } from '../../../shared/readings';
import { textPieces } from './textPieces';
import './paragraph-text.css';

/**
 * A paragraph's verbatim text on screen: each sub-paragraph its own block, each footnote
 * marker in its place (`mark` draws it; by default a plain superscript), and, where
 * `readings` are given, each damaged word shown as its correct reading with the source's
 * form disclosed on hover, on focus and to screen readers.
 */
export function ParagraphText({
  text,
  marks,
  readings = [],
  lang,
  className,
  as: Element = 'p',
  mark = (n) => <sup className="fn-mark">{n}</sup>,
}: {
  text: string;
  marks: readonly FootnoteMark[];
  readings?: readonly Reading[];
  lang: Lang;
  className: string;
  /** The element that holds the text: a paragraph, a heading, or a span inside other text (a footnote's line). */
  as?: 'p' | 'h2' | 'span';
  mark?: (n: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const blocks = textPieces(text, marks, readings).map((block, b) => (
    // Index keys: the blocks of a paragraph never move.
    <span key={b} className="ptext__block">
      {block.map((piece, i) => {
        switch (piece.kind) {
          case 'text':
            return <Fragment key={i}>{piece.text}</Fragment>;
          case 'mark':
            return <span key={i}>{mark(piece.n)}</span>;
          case 'reading': {
            const disclosed = t('reader.sourceReads', { source: piece.source });
            return (
              // Focusable, so that a keyboard reaches what a mouse sees on hover.
              <span key={i} className="reading" tabIndex={0} title={disclosed} aria-description={disclosed} data-source={disclosed}>
                {piece.reading}
              </span>
            );
          }
          default:
            return piece satisfies never;
        }
      })}
    </span>
  ));
  return (
    <Element className={className} lang={lang}>
      {blocks}
    </Element>
  );
}
