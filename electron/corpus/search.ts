import { UserError } from '../../shared/errors';
import type { Db } from '../db/open';
import { countSearchMatches, searchMatchAt, selectSearchPage, type SearchMatch, type SearchPageRow } from '../db/tables/search-index';
import { HIGHLIGHT_END, HIGHLIGHT_START, MATCH_KINDS, type Lang, type MatchKind, type SearchHit, type SearchResult } from '../../shared/corpus';
import { GLOSSARY } from '../../shared/glossary';
import type { SearchConcept } from './search/concepts';
import { expandQuery, type ParsedQuery, type TypedUnit } from './search/expand';
import { buildSnippet } from './search/snippet';
import { foldedWords } from './search/words';

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
// A phrase in quotes (closed or not), or a run of anything but spaces and quotes.
const TOKEN = /"([^"]*)"?|([^\s"]+)/gu;

/** Reads what the user typed as alternatives of units; throws SearchQueryError when nothing is searchable. */
export function parseQuery(input: string): ParsedQuery {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new SearchQueryError(`The search text is too long (${input.length} characters; at most ${MAX_QUERY_LENGTH}).`);
  }
  const groups: TypedUnit[][] = [[]];
  for (const match of input.matchAll(TOKEN)) {
    const phrase = match[1];
    const word = match[2];
    // OR only joins two terms; leading, trailing or doubled ORs are dropped.
    if (word === 'OR') {
      if (groups[groups.length - 1]!.length > 0) groups.push([]);
      continue;
    }
    if (word === 'AND') continue; // terms are ANDed anyway
    const prefix = word !== undefined && word.endsWith('*');
    const typed = phrase ?? word!.replace(/\*+$/u, '');
    const words = foldedWords(typed);
    if (words.length > 0) groups[groups.length - 1]!.push({ typed, words, prefix: prefix && words.length === 1 });
  }
  const query = groups.filter((g) => g.length > 0);
  if (query.length === 0) {
    throw new SearchQueryError('Nothing to search for: type at least one word (letters or digits).');
  }
  return query;
}

/**
 * bm25 must score every matching row before the best can be chosen, which for a word found
 * in nearly every paragraph of a large corpus costs more than a keystroke may. Beyond this
 * many matches, the best are chosen among the first RANK_WINDOW in document order, and the
 * result says so (`ranked` < `total`) so the UI can suggest a narrower query.
 * (bm25() is ordered explicitly: FTS5's own ORDER BY rank mode scores every match and
 * ignores the rowid bound.)
 */
export const RANK_WINDOW = 2000;

/**
 * Ranked full-text search with highlighted snippets (terms between HIGHLIGHT_START and
 * HIGHLIGHT_END). Paragraphs where the query's words occur as typed (diacritics aside) come
 * first, then those where they occur inflected, then inside compounds, then as a glossary
 * concept's forms; by bm25 within each kind. English words that name a concept of the
 * glossary (shared/glossary.ts) are also searched as its forms, and the result says so.
 */
export function searchCorpus(db: Db, query: string, options: SearchOptions = {}, glossary: readonly SearchConcept[] = GLOSSARY): SearchResult {
  const expanded = expandQuery(parseQuery(query), glossary);
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), MAX_LIMIT);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  const filters = { lang: options.lang ?? null, docRef: options.docRef ?? null };
  const broadest: SearchMatch = { fts: expanded.tiers[expanded.tiers.length - 1]!.fts, ...filters };
  const total = countSearchMatches(db, broadest);
  const windowEnd = total > RANK_WINDOW ? searchMatchAt(db, broadest, RANK_WINDOW - 1) : Number.MAX_SAFE_INTEGER;
  // Each kind adds the paragraphs the kinds before it did not match; the page is filled in
  // that order, so a page that the exact forms fill costs one ranked query.
  const ranked: { row: SearchPageRow; kind: MatchKind }[] = [];
  // Once every match in the window is on the list, the later kinds have nothing to add.
  const reachable = Math.min(total, RANK_WINDOW);
  for (const [tier, { kind, fts, added }] of expanded.tiers.entries()) {
    if (ranked.length >= offset + limit || ranked.length >= reachable) break;
    const previous = expanded.tiers[tier - 1];
    const match: SearchMatch = { fts: previous ? `(${added}) NOT (${previous.fts})` : fts, ...filters };
    for (const row of selectSearchPage(db, match, { windowEnd, limit: offset + limit - ranked.length })) ranked.push({ row, kind });
  }
  const hits = ranked.slice(offset, offset + limit).map(({ row, kind }): SearchHit => {
    const snippet = buildSnippet({ lang: row.lang, text: row.text, notes: JSON.parse(row.notes), readings: JSON.parse(row.readings) }, expanded.units);
    return { docRef: row.docRef, lang: row.lang, anchor: row.anchor, ...snippet, score: score(kind, row.rank), kind };
  });
  return { query, total, ranked: Math.min(total, RANK_WINDOW), expanded: expanded.expanded, hits };
}

/**
 * Higher is better and hits come in its order: the kind's place (exact 4, stem 3, compound 2,
 * concept 1), plus bm25 squeezed into [0, 1) (bm25 is lower-is-better and unbounded).
 */
function score(kind: MatchKind, bm25: number): number {
  const relevance = Math.max(-bm25, 0);
  return Math.round((MATCH_KINDS.length - MATCH_KINDS.indexOf(kind) + relevance / (1 + relevance)) * 1000) / 1000;
}

/** Renders highlight marks for plain-text output (the CLI): **term**. */
export function markdownSnippet(snippet: string): string {
  return snippet.replaceAll(HIGHLIGHT_START, '**').replaceAll(HIGHLIGHT_END, '**');
}
