// The corpus's vocabulary is small and each word recurs: folding or stemming each once keeps
// indexing and highlighting cheap. Bounded, so that a long session of odd queries cannot grow it forever.
const LIMIT = 100_000;

/** `fn` of a word, computed once per word. */
export function memoised(fn: (word: string) => string): (word: string) => string {
  const memo = new Map<string, string>();
  return (word) => {
    let value = memo.get(word);
    if (value === undefined) {
      if (memo.size >= LIMIT) memo.clear();
      memo.set(word, (value = fn(word)));
    }
    return value;
  };
}
