import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import type { Lang } from '../../../shared/corpus';
import { isLetters } from './words';
import { latvianStem } from './latvian';
import { memoised } from './memo';

// Numbers stay as they are; the check is memoised with the stem, as it costs about as much.
const lettersOnly = (stemmer: (word: string) => string) => memoised((folded) => (isLetters(folded) ? stemmer(folded) : folded));

/** Snowball for Dutch and Danish, our own light stemmer for Latvian. */
const STEMMERS: Readonly<Record<Lang, (folded: string) => string>> = { nl: lettersOnly(dutch), da: lettersOnly(danish), lv: lettersOnly(latvianStem) };

/**
 * The stem of a folded word in a corpus language. Stemming after folding means a word typed
 * without its diacritics has the same stem as the word in the text.
 */
export const stem = (lang: Lang, folded: string): string => STEMMERS[lang](folded);

/** English, the working language: only to match a query to the glossary's terms. */
export const englishStem = lettersOnly(english);
