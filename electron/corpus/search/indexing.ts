import type { Db } from '../../db/open';
import { clearSearchIndex, insertSearchRows, type SearchIndexRow } from '../../db/tables/search-index';
import type { CorpusDocument } from '../../../shared/corpus';
import { READINGS, type Reading } from '../../../shared/readings';
import { MIN_PART } from './expand';
import { stem } from './stem';
import { foldedWords, isLetters } from './words';

export type IndexedDocument = Pick<CorpusDocument, 'docRef' | 'lang' | 'paragraphs' | 'footnotes'>;

/**
 * Replaces the search index with the paragraphs of `documents`: each with the words of its
 * footnotes, and the correct readings of damaged words (shared/readings.ts) beside the source's. Call inside the corpus rebuild's
 * transaction. What the index holds follows from the corpus, the readings and the code here:
 * a change to any of them needs a rebuild (CORPUS_FORMAT_VERSION in ingest.ts).
 */
export function indexCorpus(db: Db, documents: readonly IndexedDocument[], readings: readonly Reading[] = READINGS): void {
  clearSearchIndex(db);
  for (const doc of documents) insertSearchRows(db, searchRows(doc, readings));
}

/** The search index's rows for one document. */
export function searchRows(doc: IndexedDocument, readings: readonly Reading[]): SearchIndexRow[] {
  const ours = readings.filter((r) => r.docRef === doc.docRef && r.lang === doc.lang);
  const readingsOf = (anchor: string) => ours.filter((r) => r.anchor === anchor).map(({ source, reading }) => ({ source, reading }));
  return doc.paragraphs.map((p) => {
    // Every seed footnote has the paragraph its marker stands in; one without is not searchable.
    const notes = doc.footnotes.filter((f) => f.anchor === p.anchor).map(({ n, text }) => ({ n, text, readings: readingsOf(`fn${n}`) }));
    const own = readingsOf(p.anchor);
    const words = [...foldedWords(p.text), ...own.flatMap((r) => foldedWords(r.reading))];
    const noteWords = notes.flatMap((f) => [...foldedWords(f.text), ...f.readings.flatMap((r) => foldedWords(r.reading))]);
    const all = [...words, ...noteWords];
    return {
      docRef: doc.docRef,
      lang: doc.lang,
      anchor: p.anchor,
      words: words.join(' '),
      noteWords: noteWords.join(' '),
      stems: all.map((w) => stem(doc.lang, w)).join(' '),
      parts: innerParts(all).join(' '),
      text: p.text,
      notes: JSON.stringify(notes),
      readings: JSON.stringify(own),
    };
  });
}

/**
 * Every suffix of each word that starts inside it and is at least MIN_PART long: a query
 * word that is a prefix of one of them occurs inside that word, which is how a part of a
 * compound finds it (kapacitetsopbygning in cyberkapacitetsopbygning).
 */
export function innerParts(folded: readonly string[]): string[] {
  const parts = new Set<string>();
  for (const word of new Set(folded)) {
    if (!isLetters(word)) continue;
    for (let i = 1; word.length - i >= MIN_PART; i++) parts.add(word.slice(i));
  }
  return [...parts];
}
