import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { exercisesEn } from './exercises.en';

// English first; another language is one more resource object.
void i18next.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: { ...en, exercises: exercisesEn } } },
  interpolation: { escapeValue: false }, // React escapes
  showSupportNotice: false, // no vendor message in the console of an offline app
});

export { i18next };
