import { describe, expect, it } from 'vitest';
import { citeFootnote, citeParagraph, formatCitation, ordinalWord, parseAnchor, type CitableParagraph } from '../../../shared/citation';

const para = (overrides: Partial<CitableParagraph>): CitableParagraph => ({
  docRef: '10474/17',
  anchor: 'p5',
  lang: 'nl',
  number: null,
  kind: 'paragraph',
  inferred: false,
  ...overrides,
});

describe('citeParagraph', () => {
  it('cites an indent of a numbered paragraph with an ordinal word, the language in capitals', () => {
    expect(citeParagraph(para({ anchor: 'p5.i4', kind: 'indent' }))).toBe(
      'Council conclusions 10474/17, para. 5, fourth indent (NL)',
    );
    expect(citeParagraph(para({ anchor: 'p5.i5', kind: 'indent', lang: 'lv' }))).toBe(
      'Council conclusions 10474/17, para. 5, fifth indent (LV)',
    );
  });

  it('uses ordinal words up to the tenth indent, then numbers', () => {
    expect(citeParagraph(para({ anchor: 'p2.i1', kind: 'indent' }))).toMatch(/para\. 2, first indent \(NL\)$/);
    expect(citeParagraph(para({ anchor: 'p2.i10', kind: 'indent' }))).toMatch(/para\. 2, tenth indent \(NL\)$/);
    expect(citeParagraph(para({ anchor: 'p2.i11', kind: 'indent' }))).toMatch(/para\. 2, indent 11 \(NL\)$/);
  });

  it('cites numbered paragraphs, with the printed number', () => {
    expect(citeParagraph(para({ anchor: 'p5', number: '5' }))).toBe('Council conclusions 10474/17, para. 5 (NL)');
    expect(citeParagraph(para({ docRef: '7290/21', anchor: 'p33', number: '33', lang: 'da' }))).toBe(
      'Council conclusions 7290/21, para. 33 (DA)',
    );
  });

  it('puts an inferred paragraph number in square brackets', () => {
    expect(citeParagraph(para({ docRef: '10119/24', anchor: 'p14', number: '14', inferred: true }))).toBe(
      'Council conclusions 10119/24, para. [14] (NL)',
    );
    // An indent of such a paragraph is counted as usual; only its own inferred flag matters.
    expect(citeParagraph(para({ docRef: '10119/24', anchor: 'p14.i2', kind: 'indent' }))).toBe(
      'Council conclusions 10119/24, para. 14, second indent (NL)',
    );
  });

  it('cites the cover note and recitals', () => {
    expect(citeParagraph(para({ anchor: 'intro', kind: 'intro' }))).toBe('Council conclusions 10474/17, cover note (NL)');
    expect(citeParagraph(para({ docRef: '7290/21', anchor: 'r3', kind: 'recital', lang: 'da' }))).toBe(
      'Council conclusions 7290/21, recital 3 (DA)',
    );
    expect(citeParagraph(para({ docRef: '7290/21', anchor: 'r3.i2', kind: 'indent', lang: 'da' }))).toBe(
      'Council conclusions 7290/21, recital 3, second indent (DA)',
    );
  });

  it('cites the sections, clauses and indents of 6122/15', () => {
    const doc = { docRef: '6122/15' };
    expect(citeParagraph(para({ ...doc, anchor: 's2.c3.i1', kind: 'indent' }))).toBe(
      'Council conclusions 6122/15, section 2, clause 3, first indent (NL)',
    );
    expect(citeParagraph(para({ ...doc, anchor: 's2.c3', kind: 'clause' }))).toBe(
      'Council conclusions 6122/15, section 2, clause 3 (NL)',
    );
    expect(citeParagraph(para({ ...doc, anchor: 'c1', kind: 'clause' }))).toBe('Council conclusions 6122/15, clause 1 (NL)');
  });

  it('cites headings', () => {
    expect(citeParagraph(para({ docRef: '6122/15', anchor: 's2', kind: 'heading' }))).toBe(
      'Council conclusions 6122/15, section 2, heading (NL)',
    );
    expect(citeParagraph(para({ docRef: '6122/15', anchor: 'h4', kind: 'heading' }))).toBe(
      'Council conclusions 6122/15, heading 4 (NL)',
    );
  });

  it('cites the closing words after the items of a paragraph or recital', () => {
    expect(citeParagraph(para({ docRef: '10119/24', anchor: 'p6.closing', kind: 'closing' }))).toBe(
      'Council conclusions 10119/24, para. 6, closing words (NL)',
    );
    expect(citeParagraph(para({ docRef: '7290/21', anchor: 'r1.closing', kind: 'closing', lang: 'da' }))).toBe(
      'Council conclusions 7290/21, recital 1, closing words (DA)',
    );
  });

  it('cites footnotes', () => {
    expect(citeParagraph(para({ anchor: 'fn2', kind: 'paragraph' }))).toBe('Council conclusions 10474/17, footnote 2 (NL)');
  });

  it('falls back to what the paragraph is, and keeps an unknown anchor findable', () => {
    expect(citeParagraph(para({ anchor: 'x-7', number: '7' }))).toBe('Council conclusions 10474/17, para. 7 (NL)');
    expect(citeParagraph(para({ anchor: 'x-7', kind: 'clause' }))).toBe('Council conclusions 10474/17, x-7 (NL)');
  });
});

describe('formatCitation', () => {
  const p1 = {
    ...para({ anchor: 'p1', number: '1' }),
    text: 'De EU onderkent dat de cyberspace belangrijke mogelijkheden biedt.\nDe EU herinnert aan haar conclusies.',
    notes: [
      { n: 1, text: 'Doc. 12109/13.', inferred: false },
      { n: 2, text: 'Doc. 6122/15.', inferred: false },
    ],
  };

  it('copies the reference alone', () => {
    expect(formatCitation(p1, 'reference')).toBe('Council conclusions 10474/17, para. 1 (NL)');
  });

  it('copies the quotation verbatim, its sub-paragraphs kept, then its reference and its footnotes', () => {
    expect(formatCitation(p1, 'quotation').split('\n')).toEqual([
      '“De EU onderkent dat de cyberspace belangrijke mogelijkheden biedt.',
      'De EU herinnert aan haar conclusies.”',
      'Council conclusions 10474/17, para. 1 (NL)',
      'Footnote 1: Doc. 12109/13.',
      'Footnote 2: Doc. 6122/15.',
    ]);
    expect(formatCitation({ ...p1, notes: [] }, 'quotation').split('\n')).toHaveLength(3);
  });

  it('puts an inferred footnote number in square brackets, as it does a paragraph number', () => {
    expect(citeFootnote({ n: 7, text: 'Voorstel voor een richtlijn.', inferred: true })).toBe('Footnote [7]: Voorstel voor een richtlijn.');
  });
});

describe('parseAnchor', () => {
  it('reads the anchor scheme', () => {
    expect(parseAnchor('intro')).toEqual([{ type: 'intro' }]);
    expect(parseAnchor('p5.i4')).toEqual([
      { type: 'paragraph', n: 5 },
      { type: 'indent', n: 4 },
    ]);
    expect(parseAnchor('s2.c3.i1')).toEqual([
      { type: 'section', n: 2 },
      { type: 'clause', n: 3 },
      { type: 'indent', n: 1 },
    ]);
    expect(parseAnchor('fn12')).toEqual([{ type: 'footnote', n: 12 }]);
    expect(parseAnchor('r1.closing')).toEqual([{ type: 'recital', n: 1 }, { type: 'closing' }]);
  });

  it('refuses what is not an anchor', () => {
    for (const bad of ['', 'p', 'p5.', 'q5', 'p5.x1', 'intro.i1', 'P5', 'closing', 'p6.closing.i1']) expect(parseAnchor(bad)).toBeNull();
  });
});

describe('ordinalWord', () => {
  it('names first to tenth', () => {
    expect([1, 2, 3, 10].map(ordinalWord)).toEqual(['first', 'second', 'third', 'tenth']);
    expect(ordinalWord(11)).toBeNull();
    expect(ordinalWord(0)).toBeNull();
  });
});
