import { splitHighlights } from './highlight';

/** A search snippet with its matches as <mark> elements (no HTML is ever parsed). */
export function Snippet({ text }: { text: string }) {
  return (
    <>
      {splitHighlights(text).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
