// Small, pure string helpers for the seed parser: character classes of a line, and the
// joining of PDF lines into running text (line-end hyphenation, single spaces).

/** Tabs, no-break and other odd spaces become plain spaces; the ends are trimmed. */
export function normaliseSpaces(s: string): string {
  return s.replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ').trim();
}

/** Collapses every run of white space to one space and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function hasLower(s: string): boolean {
  return /\p{Ll}/u.test(s);
}

/** At least two letters and no lower-case letter: "DE RAAD VAN DE EUROPESE UNIE,". */
export function isAllUpper(s: string): boolean {
  const letters = s.match(/\p{L}/gu);
  return letters !== null && letters.length >= 2 && !hasLower(s);
}

/** "De Raad ...", "Internetgovernance": a capital followed by a lower-case letter. */
export function startsSentenceCase(s: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(s);
}

export function startsLower(s: string): boolean {
  return /^\p{Ll}/u.test(s);
}

/**
 * The leading words in capitals of a line ("IS INGENOMEN MET de ..." -> 3 words). Only
 * letter-only words count, so acronyms glued to a hyphen or a comma ("ICT-normen", "OESO,")
 * do not.
 */
export function capsLead(s: string): string[] {
  const lead: string[] = [];
  for (const tok of s.split(/\s+/)) {
    if (/^\p{Lu}{2,}$/u.test(tok)) lead.push(tok);
    else break;
  }
  return lead;
}

/**
 * A line opening a recital or an operative clause: a verb phrase in capitals followed by
 * ordinary text ("ONDERKENNEND dat", "SOM MINDER OM sine", "ROEPT de EU ... OP:", "BLIJFT ijveren").
 * A single capital word must have four letters or more, so "EU en ..." is not one.
 */
export function isCapsStart(s: string): boolean {
  const lead = capsLead(s);
  if (lead.length === 0 || !hasLower(s)) return false;
  if (lead.length === 1 && (lead[0] ?? '').length < 4) return false;
  return true;
}

/** A conjunction standing alone on a line between two clauses ("EN" in 6122/15). */
export function isLoneConjunction(s: string): boolean {
  return /^(EN|OF|OG|ELLER|UN|VAI|UND|ODER|ET|OU|AND|OR|E|Y|I|IR|JA|A|OCH)$/.test(s.trim());
}

/** The line ends a clause or an item: ",", ".", ";", ":" (possibly before a closing quote or bracket). */
export function endsClosed(s: string): boolean {
  return /[,.;:!?]["”’)\]]*$/u.test(s);
}

/** The line ends a sentence. */
export function endsSentence(s: string): boolean {
  return /[.!?;:]["”’)\]]*$/u.test(s);
}

const BULLET_SYMBOL = /^[•·▪◦‣∙●]\s*/u;
const BULLET_DASH = /^[–—-]\s+(?=\S)/u;
/** OCR'd bullets in 10119/24: "." or "J" followed by a lower-case word. */
const BULLET_OCR = /^[.J]\s+(?=\p{Ll})/u;

export function isBullet(s: string): boolean {
  return BULLET_SYMBOL.test(s) || BULLET_DASH.test(s) || BULLET_OCR.test(s);
}

export function stripBullet(s: string): string {
  for (const re of [BULLET_SYMBOL, BULLET_DASH, BULLET_OCR]) {
    if (re.test(s)) return s.replace(re, '');
  }
  return s;
}

/** Words that may follow a hyphen that stands for a left-out compound part: "informatie- en communicatie". */
const CONJUNCTIONS = new Set([
  'en', 'of', 'og', 'eller', 'un', 'vai', 'and', 'or', 'und', 'oder', 'et', 'ou', 'e', 'y', 'o',
  'i', 'ir', 'ja', 'tai', 'és', 'vagy', 'a', 'lub', 'ali', 'sau', 'și', 'nebo', 'alebo', 'och',
]);

/** Lower-cased word with its punctuation removed, for the vocabulary look-up. */
export function vocabularyWord(s: string): string {
  return s.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * Joins two consecutive lines of running text.
 *
 * A line ending in a hyphen:
 *  - "-" alone or after a space ("-organen en -" / "instanties"): kept, no space ("-instanties");
 *  - followed by a conjunction ("informatie-" / "en communicatie"): kept, with a space;
 *  - after an acronym or digits ("EU-" / "respons", "ICT-", "2019-"): kept, no space;
 *  - after a lower-case word with a lower-case continuation ("regerings-" / "deskundigen"):
 *    a line-end hyphenation, removed ("regeringsdeskundigen") - unless the document spells
 *    the hyphenated compound elsewhere and never the joined one (`vocabulary`);
 *  - otherwise (the next line starts with a capital, "Noord-" / "Brabant"): kept, no space.
 * Any other line end becomes one space.
 */
export function joinLines(a: string, b: string, vocabulary?: ReadonlySet<string>): string {
  if (a === '') return b;
  if (b === '') return a;
  if (!a.endsWith('-')) return `${a} ${b}`;
  const before = /([\p{L}\p{N}]*)-$/u.exec(a)?.[1] ?? '';
  const nextWord = b.split(/\s+/)[0] ?? '';
  if (before === '') return a + b;
  if (CONJUNCTIONS.has(nextWord.toLowerCase()) && /^\p{Ll}/u.test(nextWord)) return `${a} ${b}`;
  if (!hasLower(before) || /\p{N}$/u.test(before)) return a + b;
  if (startsLower(b)) {
    if (vocabulary) {
      const tail = vocabularyWord(nextWord);
      const hyphenated = `${before.toLowerCase()}-${tail}`;
      const joined = `${before.toLowerCase()}${tail}`;
      if (vocabulary.has(hyphenated) && !vocabulary.has(joined)) return a + b;
    }
    return a.slice(0, -1) + b;
  }
  return a + b;
}

/** Joins lines into one paragraph of single-spaced text. */
export function joinAll(lines: readonly string[], vocabulary?: ReadonlySet<string>): string {
  let out = '';
  for (const raw of lines) {
    const line = squash(raw);
    if (line === '') continue;
    out = joinLines(out, line, vocabulary);
  }
  return squash(out);
}
