import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from '../../../../../shared/corpus';
import { splitHighlights } from '../../../../../renderer/src/features/library/highlight';

describe('splitHighlights', () => {
  it('splits a snippet at its marks', () => {
    expect(splitHighlights(`tiek ievērota ${S}samērība${E} ar…`)).toEqual([
      { text: 'tiek ievērota ', marked: false },
      { text: 'samērība', marked: true },
      { text: ' ar…', marked: false },
    ]);
  });

  it('handles marks at the edges, adjacent marks and text without marks', () => {
    expect(splitHighlights(`${S}a${E}${S}b${E}`)).toEqual([
      { text: 'a', marked: true },
      { text: 'b', marked: true },
    ]);
    expect(splitHighlights('plain')).toEqual([{ text: 'plain', marked: false }]);
    expect(splitHighlights('')).toEqual([]);
  });

  it('runs an unclosed mark to the end and drops a stray end mark', () => {
    expect(splitHighlights(`a${S}b`)).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: true },
    ]);
    expect(splitHighlights(`a${E}b`)).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: false },
    ]);
  });

  it('keeps markup-like text as text (nothing is ever parsed as HTML)', () => {
    expect(splitHighlights(`<b>${S}x${E}</b>`).map((p) => p.text).join('')).toBe('<b>x</b>');
  });
});
