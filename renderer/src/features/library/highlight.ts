import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../../shared/corpus';

export interface SnippetPart {
  readonly text: string;
  readonly marked: boolean;
}

/**
 * Splits a search snippet at its highlight marks, so that the matches can be rendered as
 * <mark> elements without any HTML. A mark left open runs to the end; stray marks are dropped.
 */
export function splitHighlights(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  let text = '';
  const flush = (): void => {
    if (text !== '') parts.push({ text, marked });
    text = '';
  };
  for (const ch of snippet) {
    if (ch === HIGHLIGHT_START || ch === HIGHLIGHT_END) {
      flush();
      marked = ch === HIGHLIGHT_START;
    } else text += ch;
  }
  flush();
  return parts;
}
