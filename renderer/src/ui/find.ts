/** Case and diacritics aside: "Eesti" finds "eesti", "Sameriba" finds "Samērība". */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Whether every word of the query begins a word of the texts ("sta b" finds "Member State B"). An empty query matches all. */
export function matchesQuery(query: string, texts: readonly string[]): boolean {
  const words = (s: string): string[] => fold(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  const wanted = words(query);
  if (wanted.length === 0) return true;
  const have = words(texts.join(' '));
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}
