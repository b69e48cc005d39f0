/**
 * Held-out queries a diplomat types, each with the paragraphs a reader of the seeds expects
 * it to find (any one of them in the first ten hits counts). Judged by reading the seeds, not
 * by running search: the expected paragraphs are the ones that speak of what the query asks.
 * Used by the search evaluation test and by the search benchmark.
 */
export const EVAL_KINDS = ['without diacritics', 'inflected', 'compound part', 'English concept', 'reference or footnote'] as const;
export type EvalKind = (typeof EVAL_KINDS)[number];

export interface EvalQuery {
  readonly query: string;
  readonly kind: EvalKind;
  /** `docRef lang anchor` */
  readonly expect: readonly string[];
}

const q = (kind: EvalKind, query: string, ...expect: string[]): EvalQuery => ({ query, kind, expect });

export const EVAL_QUERIES: readonly EvalQuery[] = [
  // Typed on a keyboard without the language's letters.
  q('without diacritics', 'vaerktojskasse', '7290/21 da r1.i13', '7290/21 da p26', '7290/21 da p19'),
  q('without diacritics', 'ovelser', '7290/21 da p20', '7290/21 da p27'),
  q('without diacritics', 'sameriba', '10474/17 lv p5.i5'),
  q('without diacritics', 'situacijas apzinasanas', '10474/17 lv p5.i4'),
  q('without diacritics', 'launpratigas kiberdarbibas', '10474/17 lv p2', '10474/17 lv p3'),
  q('without diacritics', 'hojtstaende repraesentant', '7290/21 da r5', '7290/21 da p29', '7290/21 da p33'),
  q('without diacritics', 'gecoordineerde', '6122/15 nl s2.c3', '6122/15 nl s2.c4.i1', '10119/24 nl p6.i1', '10119/24 nl p6.closing'),
  q('without diacritics', 'geeerbiedigd', '6122/15 nl c1.i2', '6122/15 nl s1.c1', '6122/15 nl s1.c3.i1', '6122/15 nl s2.c4.i2'),
  q('without diacritics', 'forsyningskaeder', '7290/21 da p26', '7290/21 da p5'),
  q('without diacritics', 'cooperatieve', '10119/24 nl p6.i1'),
  q('without diacritics', 'Oekraine', '10119/24 nl p2'),
  q('without diacritics', 'arlietu padome', '10474/17 lv intro'),

  // Another case or number than the text's.
  q('inflected', 'maatregel', '10474/17 nl p4', '10474/17 nl p5', '6122/15 nl s2.c2', '6122/15 nl s2.c3', '10119/24 nl p6', '10119/24 nl p6.closing'),
  q('inflected', 'joma', '10474/17 lv p5.i5'),
  q('inflected', 'mērogs', '10474/17 lv p5.i5'),
  q('inflected', 'ietekme', '10474/17 lv p5.i5'),
  q('inflected', 'intensitāte', '10474/17 lv p5.i5'),
  q('inflected', 'øvelse', '7290/21 da p20', '7290/21 da p27'),
  q('inflected', 'oefening', '10474/17 nl p6', '10119/24 nl p15'),
  q('inflected', 'foranstaltning', '7290/21 da p19', '7290/21 da p22', '7290/21 da p26', '7290/21 da p33'),
  q('inflected', 'ierobežojošs pasākums', '10474/17 lv p5'),
  q('inflected', 'verkiezing buitenlandse inmenging', '10119/24 nl h1', '10119/24 nl p1', '10119/24 nl p3', '10119/24 nl p9', '10119/24 nl p14'),
  q('inflected', 'kwaadwillige cyberactiviteit', '10474/17 nl p1', '10474/17 nl p2', '10119/24 nl p4'),
  q('inflected', 'hybrid trussel', '7290/21 da r1.i7', '7290/21 da r1.i10'),

  // A part of the compounds Dutch, Danish and Latvian write as one word.
  q('compound part', 'kapacitetsopbygning', '7290/21 da p31'),
  q('compound part', 'capaciteitsopbouw', '10474/17 nl p1', '6122/15 nl s5', '6122/15 nl s5.c1', '6122/15 nl c1.i7'),
  q('compound part', 'weerbaarheid', '10474/17 nl p1', '10474/17 nl p3'),
  q('compound part', 'kriminalitet', '7290/21 da p21', '7290/21 da p23'),
  q('compound part', 'manipulatie', '10119/24 nl p6', '10119/24 nl p6.i2'),
  q('compound part', 'forsvarspolitik', '7290/21 da p30'),
  q('compound part', 'dialogen', '10474/17 nl p1', '6122/15 nl s6.c3'),
  q('compound part', 'drošības stratēģija', '10474/17 lv p1'),
  q('compound part', 'oefeningen', '6122/15 nl s5.c5.i6'),

  // English, the working language, through the glossary.
  q('English concept', 'attribution', '10474/17 nl p4', '10474/17 lv p4'),
  q('English concept', 'proportionality', '10474/17 nl p5.i5', '10474/17 lv p5.i5'),
  q('English concept', 'situational awareness', '10474/17 nl p5.i4', '10474/17 lv p5.i4', '10119/24 nl p8', '7290/21 da p20', '7290/21 da p24'),
  q('English concept', 'sanctions', '10474/17 nl p5', '10474/17 lv p5', '7290/21 da p26', '10119/24 nl p6.closing'),
  q('English concept', 'confidence-building measures', '10474/17 nl p3', '10474/17 lv p3', '6122/15 nl s2.c2', '7290/21 da p7'),
  q('English concept', 'capacity building', '10474/17 nl p1', '10474/17 lv p1', '6122/15 nl s5.c1', '7290/21 da p31'),
  q('English concept', 'exercises', '10474/17 nl p6', '10119/24 nl p15', '7290/21 da p20', '7290/21 da p27'),
  q('English concept', 'international law', '10474/17 nl p2', '10474/17 nl p3', '10474/17 lv p2', '10474/17 lv p3', '6122/15 nl s2.c1', '7290/21 da p7'),
  q('English concept', 'critical infrastructure', '7290/21 da p26', '10119/24 nl p15', '6122/15 nl s5.c5.i6'),
  q('English concept', 'disinformation', '10119/24 nl p9', '10119/24 nl p10', '10119/24 nl p13', '7290/21 da r1.i10'),
  q('English concept', 'hybrid threats', '10119/24 nl p6.i1', '10119/24 nl p7', '10119/24 nl p8', '7290/21 da r1.i7'),
  q('English concept', 'state responsibility', '10474/17 nl p4', '10474/17 lv p4', '6122/15 nl s2.c4.i2'),
  q('English concept', 'human rights', '6122/15 nl s1.c1', '6122/15 nl s1.c2.i1', '7290/21 da p4'),
  q('English concept', 'mutual assistance', '10119/24 nl p6.i1', '7290/21 da p26'),

  // Document numbers as typed, and words of footnotes.
  q('reference or footnote', '12109/13', '10474/17 nl p1', '10474/17 lv p1', '7290/21 da r1.i1', '6122/15 nl r3'),
  q('reference or footnote', 'A/70/174', '10474/17 nl p3', '10474/17 lv p3'),
  q('reference or footnote', 'A/68/98', '10474/17 nl p3', '10474/17 lv p3', '6122/15 nl s2.c1'),
  q('reference or footnote', 'PC.DEC/1106', '10474/17 nl p3', '10474/17 lv p3'),
  q('reference or footnote', '6122/15', '10474/17 nl p1', '10474/17 lv p1', '7290/21 da r1.i11'),
  q('reference or footnote', '10474/17', '7290/21 da r1.i13'),
  q('reference or footnote', 'NIS 2-richtlijn', '10119/24 nl p6.closing'),
  q('reference or footnote', 'Richtlijn (EU) 2022/2557', '10119/24 nl p6.closing'),
  q('reference or footnote', 'A/HRC/RES/20/8', '6122/15 nl s1.c1'),
  q('reference or footnote', 'EUCO 9/19', '7290/21 da r2'),
];
