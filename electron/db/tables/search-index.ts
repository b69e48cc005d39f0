import type { Db } from '../open';
import { statement } from '../statements';
import { LANGS, type Lang } from '../../../shared/corpus';

/**
 * search_index: the paragraphs as search reads them (migration 8), one row per paragraph.
 * Written only by the corpus ingest (electron/corpus/search/indexing.ts builds the rows), whole,
 * whenever the corpus is rebuilt; read by search. Its indexed columns hold folded words
 * (`words`, and the paragraph's footnotes in `note_words`), their stems in the paragraph's
 * language (`stem_<lang>`) and the inner parts of each word (`parts`); they are not stored.
 * The stored columns give a hit its address and what its snippet is made from. FTS5
 * expressions are built by electron/corpus/search/expand.ts and reach SQLite only as a bound
 * parameter.
 */
export interface SearchIndexRow {
  readonly docRef: string;
  readonly lang: Lang;
  readonly anchor: string;
  readonly words: string;
  readonly noteWords: string;
  readonly stems: string;
  readonly parts: string;
  /** The paragraph verbatim, its footnotes and its readings (as JSON), for the snippet. */
  readonly text: string;
  readonly notes: string;
  readonly readings: string;
}

export function clearSearchIndex(db: Db): void {
  statement(db, "INSERT INTO search_index (search_index) VALUES ('delete-all')").run();
}

// One statement per language: a row's stems go in its language's column, the others stay empty.
const INSERT = Object.fromEntries(
  LANGS.map((lang) => [
    lang,
    `INSERT INTO search_index (words, note_words, stem_${lang}, parts, doc_ref, lang, anchor, text, notes, readings)
     VALUES (@words, @noteWords, @stems, @parts, @docRef, @lang, @anchor, @text, @notes, @readings)`,
  ]),
) as Record<Lang, string>;

export function insertSearchRows(db: Db, rows: readonly SearchIndexRow[]): void {
  for (const row of rows) statement(db, INSERT[row.lang]).run(row);
}

/** A safe FTS5 expression (expand.ts's) and the filters; null matches every language or document. */
export interface SearchMatch {
  readonly fts: string;
  readonly lang: Lang | null;
  readonly docRef: string | null;
}

const MATCHES = `FROM search_index
 WHERE search_index MATCH @fts AND (@lang IS NULL OR lang = @lang) AND (@docRef IS NULL OR doc_ref = @docRef)`;

// A whole word counts more than a part of one, the paragraph more than its footnotes.
const RANK = 'bm25(search_index, 1.0, 0.5, 1.0, 1.0, 1.0, 0.5)';

export function countSearchMatches(db: Db, match: SearchMatch): number {
  return statement(db, `SELECT count(*) ${MATCHES}`).pluck().get(match) as number;
}

/** The rowid of the match at `windowOffset` in document order. */
export function searchMatchAt(db: Db, match: SearchMatch, windowOffset: number): number {
  return statement(db, `SELECT rowid ${MATCHES} ORDER BY rowid LIMIT 1 OFFSET @windowOffset`).pluck().get({ ...match, windowOffset }) as number;
}

export interface SearchPageRow {
  readonly id: number;
  readonly docRef: string;
  readonly lang: Lang;
  readonly anchor: string;
  readonly text: string;
  readonly notes: string;
  readonly readings: string;
  readonly rank: number;
}

/**
 * The best `limit` matches (by bm25) among those up to rowid `windowEnd`, with what their
 * snippets need. Ranked first, read after: only the page's rows are read from the content.
 */
export function selectSearchPage(db: Db, match: SearchMatch, page: { readonly windowEnd: number; readonly limit: number }): SearchPageRow[] {
  return statement(
    db,
    `SELECT m.id, s.doc_ref AS docRef, s.lang, s.anchor, s.text, s.notes, s.readings, m.rank
       FROM (SELECT rowid AS id, ${RANK} AS rank ${MATCHES} AND rowid <= @windowEnd ORDER BY rank, rowid LIMIT @limit) m
       JOIN search_index s ON s.rowid = m.id
      ORDER BY m.rank, m.id`,
  ).all({ ...match, ...page }) as SearchPageRow[];
}
