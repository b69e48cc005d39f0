import { describe, expect, it } from 'vitest';
import { LANG_CHOICES, LANGS } from '../../../../shared/corpus';
import { i18next } from '../../../../renderer/src/i18n';

describe('the UI strings', () => {
  it('count the catalogue in words, as the prose had them', () => {
    expect(i18next.t('runs.principles.heading')).toBe('The six principles of 10474/17 §5');
    expect(i18next.t('runs.profile.pending', { rated: 0, total: 7 })).toBe(
      'The overall level appears once all seven characteristics are rated (0 of 7 so far).',
    );
    expect(i18next.t('runs.profile.noAttribution')).toBe(
      'The overall level appears once attribution is settled and all seven characteristics are rated.',
    );
  });

  it('name every language of the corpus, and every choice of quotation language', () => {
    for (const lang of LANGS) expect(i18next.exists(`lang.${lang}`), lang).toBe(true);
    for (const choice of LANG_CHOICES) expect(i18next.exists(`report.lang.${choice}`), choice).toBe(true);
  });
});
