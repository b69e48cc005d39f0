import type { SearchConcept } from '../../electron/corpus/search/concepts';

/** A small glossary in the shape of shared/glossary.ts (forms as the seeds write them), for tests that must not depend on its content. */
export const TEST_GLOSSARY: readonly SearchConcept[] = [
  {
    id: 'attribution',
    terms: ['attribution', 'attribute'],
    forms: [
      { lang: 'nl', form: 'toewijzing' },
      { lang: 'lv', form: 'atbildības piedēvēšana' },
    ],
  },
  {
    id: 'restrictive-measures',
    terms: ['restrictive measures', 'sanctions'],
    forms: [
      { lang: 'nl', form: 'beperkende maatregelen' },
      { lang: 'lv', form: 'ierobežojošie pasākumi' },
      { lang: 'da', form: 'restriktive foranstaltninger' },
    ],
  },
  {
    id: 'capacity-building',
    terms: ['capacity building'],
    forms: [
      { lang: 'nl', form: 'cybercapaciteitsopbouw' },
      { lang: 'da', form: 'kapacitetsopbygning' },
      { lang: 'lv', form: 'kiberspēju veidošana' },
    ],
  },
];
