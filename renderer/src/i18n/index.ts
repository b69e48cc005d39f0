import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DIMENSION_IDS, PRINCIPLE_IDS, inWords } from '../../../shared/framework/catalogue';
import { en } from './en';
import { consensusEn } from './consensus.en';
import { exchangeEn } from './exchange.en';
import { exercisesEn } from './exercises.en';

const english = { ...en, exercises: exercisesEn, exchange: exchangeEn, consensus: consensusEn };

/** Every key of English, with any text: the shape another UI language must have, key for key. */
type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/**
 * The UI languages, English the default and the fallback: another UI language is one more
 * entry here, and the compiler names every key it lacks.
 */
const UI_LANGUAGES = { en: english } as const satisfies Record<string, Strings<typeof english>>;
type UiLanguage = keyof typeof UI_LANGUAGES;

void i18next.use(initReactI18next).init({
  lng: 'en' satisfies UiLanguage,
  fallbackLng: 'en' satisfies UiLanguage,
  supportedLngs: Object.keys(UI_LANGUAGES),
  resources: Object.fromEntries(Object.entries(UI_LANGUAGES).map(([lng, translation]) => [lng, { translation }])),
  interpolation: {
    escapeValue: false, // React escapes
    // Prose that counts the catalogue follows it, in every string and every UI language.
    defaultVariables: { dimensionCount: inWords(DIMENSION_IDS.length), principleCount: inWords(PRINCIPLE_IDS.length) },
  },
  showSupportNotice: false, // no vendor message in the console of an offline app
});

export { i18next };
