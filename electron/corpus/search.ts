import { UserError } from '../../shared/errors';
import type { Db } from '../db/open';
import { countMatches, matchAt, selectMatches, type Match } from '../db/tables/corpus';
import { HIGHLIGHT_END, HIGHLIGHT_START, type Lang, type SearchHit, type SearchResult } from '../../shared/corpus';

/**
 * What a user may type: words (all must occur), "an exact phrase", a prefix* and OR
 * between alternatives. Everything else is read as plain words, so no input reaches
 * FTS5 as syntax: a stray quote, a lone * or a trailing AND cannot make it fail.
 */
export class SearchQueryError extends UserError {
  override name = 'SearchQueryError';
}

export interface SearchOptions {
  readonly lang?: Lang | undefined;
  readonly docRef?: string | undefined;
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

export const MAX_QUERY_LENGTH = 500;
const MAX_LIMIT = 200;
const HAS_WORD = /[\p{L}\p{N}]/u;
// A phrase in quotes (closed or not), or a run of anything but spaces and quotes.
const TOKEN = /"([^"]*)"?|([^\s"]+)/gu;

/** Turns what the user typed into a safe FTS5 expression; throws SearchQueryError when nothing is searchable. */
export function toFtsQuery(input: string): string {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new SearchQueryError(`The search text is too long (${input.length} characters; at most ${MAX_QUERY_LENGTH}).`);
  }
  const parts: string[] = [];
  for (const match of input.matchAll(TOKEN)) {
    const phrase = match[1];
    const word = match[2];
    if (phrase !== undefined) {
      if (HAS_WORD.test(phrase)) parts.push(quote(phrase));
      continue;
    }
    if (word === undefined) continue;
    if (word === 'OR') {
      // OR only joins two terms; leading, trailing or doubled ORs are dropped.
      if (parts.length > 0 && parts[parts.length - 1] !== 'OR') parts.push('OR');
      continue;
    }
    if (word === 'AND') continue; // terms are ANDed anyway
    const prefix = word.endsWith('*');
    const bare = word.replace(/\*+$/u, '');
    if (!HAS_WORD.test(bare)) continue;
    parts.push(quote(bare) + (prefix ? '*' : ''));
  }
  while (parts[parts.length - 1] === 'OR') parts.pop();
  if (parts.length === 0) {
    throw new SearchQueryError('Nothing to search for: type at least one word (letters or digits).');
  }
  return parts.join(' ');
}

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * bm25 must score every matching row before the best can be chosen, which for a word found
 * in nearly every paragraph of a large corpus costs more than a keystroke may. Beyond this
 * many matches, the best are chosen among the first RANK_WINDOW in document order, and the
 * result says so (`ranked` < `total`) so the UI can suggest a narrower query.
 * (bm25() is ordered explicitly: FTS5's own ORDER BY rank mode scores every match and
 * ignores the rowid bound.)
 */
export const RANK_WINDOW = 2000;

/** Ranked full-text search with highlighted snippets (terms between HIGHLIGHT_START and HIGHLIGHT_END). */
export function searchCorpus(db: Db, query: string, options: SearchOptions = {}): SearchResult {
  const fts = toFtsQuery(query);
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), MAX_LIMIT);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  const match: Match = { fts, lang: options.lang ?? null, docRef: options.docRef ?? null };
  const total = countMatches(db, match);
  const windowEnd = total > RANK_WINDOW ? matchAt(db, match, RANK_WINDOW - 1) : Number.MAX_SAFE_INTEGER;
  const rows = selectMatches(db, match, { windowEnd, limit, offset });
  const hits = rows.map(
    (row): SearchHit => ({
      docRef: row.docRef,
      lang: row.lang,
      anchor: row.anchor,
      snippet: row.snippet,
      // bm25 is lower-is-better; users and scripts expect higher-is-better.
      score: Math.round(-row.rank * 1000) / 1000,
    }),
  );
  return { query, total, ranked: Math.min(total, RANK_WINDOW), hits };
}

/** Renders highlight marks for plain-text output (the CLI): **term**. */
export function markdownSnippet(snippet: string): string {
  return snippet.replaceAll(HIGHLIGHT_START, '**').replaceAll(HIGHLIGHT_END, '**');
}
