import type { Db } from '../../electron/db/open';
import { openDatabase } from '../../electron/db/open';
import { ensureCorpus, insertDocument } from '../../electron/corpus/ingest';
import { parseQuery, RANK_WINDOW, searchCorpus } from '../../electron/corpus/search';
import { expandQuery } from '../../electron/corpus/search/expand';
import { indexCorpus } from '../../electron/corpus/search/indexing';
import { getCorpus } from '../../electron/corpus/queries';
import type { CorpusDocument, Paragraph } from '../../shared/corpus';
import { GLOSSARY } from '../../shared/glossary';
import { EVAL_QUERIES } from '../support/search-eval';
import { SEEDS_DIR } from '../support/temp';
import { rng, round, summarise, time } from './stats';
import type { Report } from './report';

const PAGE = 20;

/**
 * The bare FTS5 work behind a search, on the same index and for the same expression (the
 * broadest one the query expands to): count, rank window, one ranked page and the page's
 * stored texts, as raw SQL. What the app adds is the query's expansion, ranking by kind of
 * match, and snippets.
 */
function bareStatements(db: Db) {
  const count = db.prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck();
  const windowEnd = db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid LIMIT 1 OFFSET ?').pluck();
  const page = db.prepare(
    `SELECT m.id, s.text, s.notes, m.r FROM (SELECT rowid AS id, bm25(search_index) AS r FROM search_index
      WHERE search_index MATCH ? AND rowid <= ? ORDER BY r LIMIT ${PAGE}) m JOIN search_index s ON s.rowid = m.id`,
  );
  const fullRank = db.prepare(`SELECT rowid, rank FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ${PAGE}`);
  return {
    search(fts: string): void {
      const total = count.get(fts) as number;
      const end = total > RANK_WINDOW ? (windowEnd.get(fts, RANK_WINDOW - 1) as number) : Number.MAX_SAFE_INTEGER;
      page.all(fts, end);
    },
    /** For context only: ranking every match, as a plain ORDER BY rank does. */
    searchRankingAll(fts: string): void {
      count.get(fts);
      fullRank.all(fts);
    },
  };
}

const broadest = (query: string): string => expandQuery(parseQuery(query), GLOSSARY).tiers.at(-1)!.fts;

function wordsByFrequency(corpus: readonly CorpusDocument[]): string[] {
  const counts = new Map<string, number>();
  for (const doc of corpus) {
    for (const p of doc.paragraphs) {
      for (const w of p.text.toLowerCase().match(/\p{L}{3,}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
}

/** A fixed mix: words across frequency ranks, prefixes of mid-frequency words, and two-word phrases. */
function queryMix(corpus: readonly CorpusDocument[]): string[] {
  const ranked = wordsByFrequency(corpus);
  const pick = (ranks: number[]): string[] => ranks.map((r) => ranked[Math.min(r, ranked.length - 1)]!);
  const common = pick([0, 1, 2, 5, 9]);
  const mid = pick([50, 100, 200, 400]);
  const rare = pick([1000, 1500, 2000, ranked.length - 1]);
  const prefixes = pick([30, 120, 300, 600]).map((w) => `${w.slice(0, 4)}*`);
  const random = rng(7);
  const paragraphs = corpus.flatMap((d) => d.paragraphs).filter((p) => p.text.split(' ').length > 10);
  const phrases = Array.from({ length: 4 }, () => {
    const words = paragraphs[Math.floor(random() * paragraphs.length)]!.text.match(/\p{L}{3,}/gu)!;
    const i = Math.floor(random() * (words.length - 1));
    return `"${words[i]} ${words[i + 1]}"`;
  });
  return [...common, ...mid, ...rare, ...prefixes, ...phrases];
}

/**
 * Synthetic paragraphs drawn from the real corpus's vocabulary with a Zipf-like
 * frequency, so that common words are as common as in real conclusions.
 */
function syntheticDocuments(vocabulary: readonly string[], paragraphs: number): CorpusDocument[] {
  const random = rng(42);
  const zipf = (): string => vocabulary[Math.floor(vocabulary.length ** random()) - 1]!;
  const perDoc = 100;
  return Array.from({ length: Math.ceil(paragraphs / perDoc) }, (_, d) => ({
    docRef: `SYN-${d}`,
    lang: (['nl', 'lv', 'da'] as const)[d % 3]!,
    title: `Synthetic ${d}`,
    adopted: '2020-01-01',
    meeting: 'synthetic',
    footnotes: [],
    paragraphs: Array.from({ length: perDoc }, (_, i): Paragraph => ({
      anchor: `p${i + 1}`,
      kind: 'paragraph',
      number: String(i + 1),
      inferred: false,
      text: Array.from({ length: 30 + Math.floor(random() * 60) }, zipf).join(' '),
      footnotes: [],
      footnoteMarks: [],
    })),
  }));
}

function measureSearch(db: Db, queries: readonly string[], rounds: number) {
  const bare = bareStatements(db);
  // Warm the page cache first, so neither side pays for the first read from disk.
  for (const q of queries) bare.search(broadest(q));
  // Alternate app and bare query by query, so both sides see the same machine load.
  const appSamples: number[] = [];
  const bareSamples: number[] = [];
  const rankAllSamples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const fts = broadest(q);
      // Whichever runs second finds the query's pages warm: take turns going first.
      const app = (): void => void appSamples.push(time(() => searchCorpus(db, q, { limit: PAGE })).ms);
      const baseline = (): void => void bareSamples.push(time(() => bare.search(fts)).ms);
      for (const measure of r % 2 === 0 ? [app, baseline] : [baseline, app]) measure();
      if (r === 0) rankAllSamples.push(time(() => bare.searchRankingAll(fts)).ms);
    }
  }
  const a = summarise(appSamples);
  const b = summarise(bareSamples);
  return {
    app: a,
    bare: b,
    bareRankingAll: summarise(rankAllSamples),
    ratioP50: round(a.p50 / b.p50, 2),
    ratioP95: round(a.p95 / b.p95, 2),
  };
}

export function benchCorpus(report: Report, dir: string, quick: boolean): void {
  const ingest = Array.from({ length: quick ? 2 : 5 }, (_, i) => {
    const db = openDatabase(`${dir}/ingest-${i}.sqlite`);
    const { ms } = time(() => ensureCorpus(db, SEEDS_DIR, { force: true }));
    db.close();
    return ms;
  });
  report.row('corpus', 'ingest of the five seeds (parse + write + index)', summarise(ingest));

  const db = openDatabase(`${dir}/real.sqlite`);
  ensureCorpus(db, SEEDS_DIR);
  const corpus = getCorpus(db);
  // The frequency mix, and the held-out queries of the search evaluation as diplomats type them.
  const queries = [...queryMix(corpus), ...EVAL_QUERIES.map((e) => e.query)];
  report.note('corpus', `query mix (${queries.length}): ${queries.join(', ')}`);
  report.search('real corpus', measureSearch(db, queries, quick ? 5 : 30));
  const vocabulary = wordsByFrequency(corpus);
  db.close();

  // The real corpus repeated, so that the same queries meet the same words 4 and 16 times as often.
  for (const times of quick ? [4] : [4, 16]) {
    const copies = openDatabase(`${dir}/real-${times}x.sqlite`);
    const docs = replicate(corpus, times);
    const { ms } = time(() => build(copies, docs));
    report.row('corpus', `build the real corpus ${times}x (${docs.reduce((n, d) => n + d.paragraphs.length, 0)} paragraphs)`, once(ms));
    report.search(`real corpus ${times}x`, measureSearch(copies, queries, quick ? 3 : 10));
    copies.close();
  }

  for (const size of quick ? [10_000] : [10_000, 100_000]) {
    const synth = openDatabase(`${dir}/synthetic-${size}.sqlite`);
    const docs = syntheticDocuments(vocabulary, size);
    const { ms } = time(() => build(synth, docs));
    report.row('corpus', `build synthetic corpus of ${size} paragraphs (with its search index)`, once(ms));
    report.search(`${size} paragraphs`, measureSearch(synth, queries, quick ? 3 : 10));
    synth.close();
  }
}

/** What the ingest writes for these documents: the corpus tables and the search index. */
function build(db: Db, docs: readonly CorpusDocument[]): void {
  db.transaction(() => {
    for (const doc of docs) insertDocument(db, doc, 'synthetic', 'synthetic');
    indexCorpus(db, docs);
  })();
}

function replicate(corpus: readonly CorpusDocument[], times: number): CorpusDocument[] {
  return Array.from({ length: times }, (_, k) => corpus.map((doc) => ({ ...doc, docRef: k === 0 ? doc.docRef : `${doc.docRef}#${k}` }))).flat();
}

const once = (ms: number) => ({ n: 1, p50: round(ms), p95: round(ms), mean: round(ms) });
