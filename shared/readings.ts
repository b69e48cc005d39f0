// The OCR readings of FRAMEWORK.md §4: every damaged word in the text of 10119/24 (the only
// seed the PDF extraction damaged), as the seed has it (`source`), with its correct form
// (`reading`). The text itself stays verbatim; these let search find the correct form and
// let the reader mark the correction ("source reads: codperatieve").
//
// One entry per paragraph and damaged form: a form that recurs in a paragraph is read the
// same at each of its places (p5 has `technologieén` four times). The anchor is the
// paragraph as the parser gives it, or `fnN` for a footnote's text. 25 damaged tokens in
// 19 entries. Footnote markers misread as `!`, `?®`, `*`, `%`, `’` and bullets read as
// `.` or `J` are structure, which the parser removes, so they are not listed here.
//
// Checked against the parsed seed by tests/unit/shared/readings.test.ts: each source is a
// word of its anchor's text, no other paragraph carries a listed source without an entry,
// and each reading differs from its source only by the OCR confusions listed there.

import type { Lang } from './corpus';

export interface Reading {
  readonly docRef: string;
  readonly lang: Lang;
  readonly anchor: string;
  /** The damaged token exactly as the seed has it. */
  readonly source: string;
  /** Its correct form. */
  readonly reading: string;
}

export const READINGS: readonly Reading[] = [
  { docRef: '10119/24', lang: 'nl', anchor: 'intro', source: '4025¢', reading: '4025e' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p1', source: 'democratieén', reading: 'democratieën' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p1', source: 'geinformeerde', reading: 'geïnformeerde' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p1', source: 'politicke', reading: 'politieke' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p2', source: 'Oekraine', reading: 'Oekraïne' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p2', source: 'democratieén', reading: 'democratieën' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p3', source: 'efficiént', reading: 'efficiënt' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p5', source: 'technologieén', reading: 'technologieën' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p5', source: 'Al-technologieén', reading: 'AI-technologieën' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p5', source: 'beinvloedingsoperaties', reading: 'beïnvloedingsoperaties' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p5', source: 'creéren', reading: 'creëren' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p5', source: 'politicke', reading: 'politieke' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p5', source: 'artificiéle', reading: 'artificiële' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p6.i1', source: 'gecodrdineerde', reading: 'gecoördineerde' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p6.i1', source: 'codperatieve', reading: 'coöperatieve' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p6.closing', source: 'gecodrdineerde', reading: 'gecoördineerde' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p11', source: 'onathankelijke', reading: 'onafhankelijke' },
  { docRef: '10119/24', lang: 'nl', anchor: 'p12', source: 'categorieén', reading: 'categorieën' },
  { docRef: '10119/24', lang: 'nl', anchor: 'fn8', source: 'efficiénte', reading: 'efficiënte' },
];
