import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { latvianStem } from '../../../../../electron/corpus/search/latvian';
import { fold, foldedWords } from '../../../../../electron/corpus/search/words';
import { SEEDS_DIR } from '../../../../support/temp';

// The Latvian text of 10474/17: every form below is one of its words.
const seedWords = new Set(foldedWords(readFileSync(`${SEEDS_DIR}/003_e8b963e96062958b.txt`, 'utf8')));
const stem = (word: string): string => latvianStem(fold(word));

describe('the Latvian stemmer on the forms 10474/17 uses', () => {
  // The seven characteristics as §2 names them and as §5's fifth indent declines them, and
  // other words the text inflects.
  it.each([
    ['joma', 'jomu', 'jomā'],
    ['mērogs', 'mērogu'],
    ['ilgums', 'ilgumu'],
    ['intensitāte', 'intensitāti'],
    ['kompleksums', 'kompleksumu'],
    ['rafinētība', 'rafinētību'],
    ['ietekme', 'ietekmi'],
    ['pasākumi', 'pasākums', 'pasākumus', 'pasākumos'],
    ['valsts', 'valstis', 'valstu', 'valstīm', 'valstīs', 'valsti'],
    ['dalībvalstis', 'dalībvalstu', 'dalībvalstīm'],
    ['kiberdarbības', 'kiberdarbībām'],
    ['starptautiskās', 'starptautiskajām', 'starptautiskajās', 'starptautisko', 'starptautiskie', 'starptautiskajiem'],
    ['diplomātiskajai', 'diplomātiskai', 'diplomātiskie'],
    ['tiesības', 'tiesību', 'tiesībām', 'tiesībās'],
    ['drošība', 'drošību', 'drošības'],
  ])('%s and its other forms meet', (...forms) => {
    for (const form of forms) expect(seedWords, form).toContain(fold(form));
    expect(new Set(forms.map(stem)).size).toBe(1);
  });

  it('meets the forms a reader types that the text does not use (ietekmes, mēroga)', () => {
    expect(stem('ietekmes')).toBe(stem('ietekme'));
    expect(stem('mēroga')).toBe(stem('mērogs'));
    expect(stem('jomas')).toBe(stem('joma'));
    expect(stem('ierobežojošus')).toBe(stem('ierobežojošie'));
  });

  it('keeps different words apart', () => {
    for (const [a, b] of [
      ['mērogs', 'mērķus'],
      ['politikas', 'politisks'],
      ['ietekme', 'ietekmēta'],
      ['valsts', 'valstisko'],
    ]) {
      expect(stem(a!)).not.toBe(stem(b!));
    }
  });

  it('leaves short words whole (ES, kas, tas, ar)', () => {
    for (const word of ['es', 'kas', 'tas', 'ar', 'uz']) expect(latvianStem(word)).toBe(word);
  });
});
