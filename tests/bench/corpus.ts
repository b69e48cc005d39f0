import type { Db } from '../../electron/db/open';
import { openDatabase } from '../../electron/db/open';
import { ensureCorpus, insertDocument } from '../../electron/corpus/ingest';
import { RANK_WINDOW, searchCorpus, toFtsQuery } from '../../electron/corpus/search';
import { getCorpus } from '../../electron/corpus/queries';
import type { CorpusDocument, Paragraph } from '../../shared/corpus';
import { SEEDS_DIR } from '../support/temp';
import { rng, round, summarise, time } from './stats';
import type { Report } from './report';

const PAGE = 20;

/**
 * The bare FTS5 work the app's search does (count, rank window, one ranked page with
 * snippets), as raw SQL on the FTS table: no query translation, no joins, no mapping.
 */
function bareStatements(db: Db) {
  const count = db.prepare('SELECT count(*) AS n FROM paragraphs_fts WHERE paragraphs_fts MATCH ?');
  const windowEnd = db.prepare('SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ? ORDER BY rowid LIMIT 1 OFFSET ?').pluck();
  const page = db.prepare(
    `SELECT rowid, snippet(paragraphs_fts, 0, char(2), char(3), '…', 20), bm25(paragraphs_fts) AS r
       FROM paragraphs_fts WHERE paragraphs_fts MATCH ? AND rowid <= ? ORDER BY r LIMIT ${PAGE}`,
  );
  const fullRank = db.prepare(
    `SELECT rowid, snippet(paragraphs_fts, 0, char(2), char(3), '…', 20), rank
       FROM paragraphs_fts WHERE paragraphs_fts MATCH ? ORDER BY rank LIMIT ${PAGE}`,
  );
  return {
    search(fts: string): void {
      const total = (count.get(fts) as { n: number }).n;
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
  for (const q of queries) bare.search(toFtsQuery(q));
  // Alternate app and bare query by query, so both sides see the same machine load.
  const appSamples: number[] = [];
  const bareSamples: number[] = [];
  const rankAllSamples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const fts = toFtsQuery(q);
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
  const queries = queryMix(corpus);
  report.note('corpus', `query mix (${queries.length}): ${queries.join(', ')}`);
  report.search('real corpus', measureSearch(db, queries, quick ? 5 : 30));
  const vocabulary = wordsByFrequency(corpus);
  db.close();

  for (const size of quick ? [10_000] : [10_000, 100_000]) {
    const synth = openDatabase(`${dir}/synthetic-${size}.sqlite`);
    const docs = syntheticDocuments(vocabulary, size);
    const { ms } = time(() =>
      synth.transaction(() => {
        for (const doc of docs) insertDocument(synth, doc, 'synthetic', 'synthetic');
      })(),
    );
    report.row('corpus', `build synthetic corpus of ${size} paragraphs`, { n: 1, p50: round(ms), p95: round(ms), mean: round(ms) });
    report.search(`${size} paragraphs`, measureSearch(synth, queries, quick ? 3 : 10));
    synth.close();
  }
}
