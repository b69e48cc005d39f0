import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../../../electron/corpus/parse';
import type { CorpusDocument, DocumentMeta, Paragraph } from '../../../../shared/corpus';
import { readingCount, readingsOf, textPieces, type Piece } from '../../../../renderer/src/ui/textPieces';

// What the reader shows of the real seeds: sub-paragraphs, markers in place, corrections.

const seeds = new URL('../../../../seeds/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', seeds), 'utf8')) as { documents: DocumentMeta[] };
function load(docRef: string, lang: string): CorpusDocument {
  const meta = manifest.documents.find((d) => d.docRef === docRef && d.lang === lang)!;
  return parseSeed(readFileSync(new URL(meta.file, seeds), 'utf8'), meta);
}
const para = (doc: CorpusDocument, anchor: string): Paragraph => doc.paragraphs.find((p) => p.anchor === anchor)!;
const pieces = (doc: CorpusDocument, anchor: string): Piece[][] => {
  const p = para(doc, anchor);
  return textPieces(p.text, p.footnoteMarks, readingsOf(doc.docRef, doc.lang, anchor));
};
/** A block as a reader sees it: markers as ^n, corrections as [reading|source]. */
const shown = (block: readonly Piece[]): string =>
  block.map((p) => (p.kind === 'text' ? p.text : p.kind === 'mark' ? `^${p.n}` : `[${p.reading}|${p.source}]`)).join('');

const toolbox = load('10474/17', 'nl');
const resilience = load('10119/24', 'nl');
const strategy = load('7290/21', 'da');

describe('textPieces', () => {
  it('shows the sub-paragraphs of 10474/17 §1 as three blocks, the markers after the words that carry them', () => {
    const blocks = pieces(toolbox, 'p1').map(shown);
    expect(blocks).toHaveLength(3);
    expect(blocks[1]).toContain('inzake cyberbeveiliging^1, waarin');
    expect(blocks[1]).toContain('over cyberdiplomatie^2, die');
    expect(blocks.join('\n').replace(/\^\d/g, '')).toBe(para(toolbox, 'p1').text);
  });

  it('puts a marker at the end of a paragraph last', () => {
    expect(pieces(strategy, 'r1.i2').map(shown)).toEqual(['internetforvaltning^2']);
  });

  it('corrects every damaged word of a paragraph in place, a hyphenated word as one', () => {
    const p5 = pieces(resilience, 'p5').map(shown).join('\n');
    expect(p5).toContain('[AI-technologieën|Al-technologieén] kunnen [beïnvloedingsoperaties|beinvloedingsoperaties]');
    expect(p5.match(/\[technologieën\|technologieén\]/g)).toHaveLength(4);
    expect(p5).toContain('te bevorderen^1.');
    const plain = pieces(resilience, 'p5').flat().filter((x) => x.kind === 'text').map((x) => (x as { text: string }).text).join('');
    expect(plain).not.toMatch(/technologieén|artificiéle|politicke/);
    expect(pieces(resilience, 'p6.i1').map(shown).join('')).toContain('[coöperatieve|codperatieve], stabiliserende');
  });

  it('counts the corrections of 10119/24, and finds none in the other documents', () => {
    const count = (doc: CorpusDocument): number =>
      doc.paragraphs.reduce((sum, p) => sum + readingCount(p.text, readingsOf(doc.docRef, doc.lang, p.anchor)), 0) +
      doc.footnotes.reduce((sum, f) => sum + readingCount(f.text, readingsOf(doc.docRef, doc.lang, `fn${f.n}`)), 0);
    expect(count(resilience)).toBeGreaterThanOrEqual(20);
    expect(count(toolbox) + count(strategy)).toBe(0);
  });

  it('keeps every character of the text, in order', () => {
    for (const doc of [toolbox, resilience, strategy]) {
      for (const p of doc.paragraphs) {
        const source = pieces(doc, p.anchor)
          .map((b) => b.map((x) => (x.kind === 'text' ? x.text : x.kind === 'reading' ? x.source : '')).join(''))
          .join('\n');
        expect(source, p.anchor).toBe(p.text);
        expect(pieces(doc, p.anchor).flat().filter((x) => x.kind === 'mark').map((x) => (x as { n: number }).n), p.anchor).toEqual(p.footnotes);
      }
    }
  });
});
