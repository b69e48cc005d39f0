import { describe, expect, it } from 'vitest';
import { fold, foldedWords, words } from '../../../../../electron/corpus/search/words';

describe('words as search compares them', () => {
  it.each([
    ['værktøjskasse', 'vaerktojskasse'],
    ['Øvelser', 'ovelser'],
    ['årti', 'aarti'],
    ['samērība', 'sameriba'],
    ['coöperatieve', 'cooperatieve'],
    ['ĻAUNPRĀTĪGĀM', 'launpratigam'],
    ['democratieën', 'democratieen'],
    // The same word in decomposed form (e + combining diaeresis) folds the same.
    ['coo\u0308peratieve', 'cooperatieve'],
  ])('folds %s to %s', (word, folded) => {
    expect(fold(word)).toBe(folded);
  });

  it('splits at everything but letters and digits, and keeps the offsets of each word', () => {
    const text = 'Doc. 12109/13, "EU-respons" og SOC\u2019er';
    expect(words(text).map((w) => w.text)).toEqual(['Doc', '12109', '13', 'EU', 'respons', 'og', 'SOC', 'er']);
    for (const w of words(text)) expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(foldedWords('A/70/174')).toEqual(['a', '70', '174']);
  });
});
