/**
 * A light Latvian stemmer (Snowball has none): it strips the case endings of nouns and
 * adjectives, and those participles take, so that the forms a text uses meet the form a
 * reader types: joma, jomu, jomas, jomā; mērogs, mēroga, mērogu; ietekme, ietekmi, ietekmes.
 *
 * It works on folded words (words.ts): with the macrons and cedillas gone, long and short
 * endings are one (-ā/-a, -ās/-as) and the consonant alternations the cases bring (ļ/l, ņ/n,
 * ķ/k, č/c, š/s) vanish too. Derivation is left alone (ietekme, ietekmēta stay apart).
 */

// Longest first: the definite adjective's -ajiem before the noun's -iem before -i.
const ENDINGS = [
  'ajiem',
  'ajam', 'ajai', 'ajos', 'ajas',
  'iem', 'aja', 'ais',
  'am', 'em', 'im', 'um', 'us', 'as', 'es', 'os', 'is', 'ie', 'ai', 'ei', 'ju',
  'a', 'e', 'i', 'o', 'u', 's',
];

// What must remain: short words (ES, ar, kas, tas) are not inflected nouns worth cutting.
const MIN_STEM = 3;
const VOWEL = /[aeiouy]/;

export function latvianStem(folded: string): string {
  for (const ending of ENDINGS) {
    if (!folded.endsWith(ending)) continue;
    const stem = folded.slice(0, -ending.length);
    if (stem.length >= MIN_STEM && VOWEL.test(stem)) return stem;
  }
  return folded;
}
