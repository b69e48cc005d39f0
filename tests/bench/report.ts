import type { Summary } from './stats';

export interface SearchMeasure {
  readonly app: Summary;
  readonly bare: Summary;
  readonly bareRankingAll: Summary;
  readonly ratioP50: number;
  readonly ratioP95: number;
}

/** Collects the bench's rows, prints them as they come, and keeps them for the JSON file. */
export class Report {
  readonly rows: { section: string; name: string; [k: string]: unknown }[] = [];

  row(section: string, name: string, summary: Summary, extra: Record<string, unknown> = {}): void {
    this.rows.push({ section, name, ...summary, ...extra });
    const more = Object.entries(extra).map(([k, v]) => ` ${k}=${String(v)}`).join('');
    console.log(`[${section}] ${name}: p50 ${summary.p50} ms, p95 ${summary.p95} ms, mean ${summary.mean} ms (n=${summary.n})${more}`);
  }

  /** One measured quantity that is not a time (a size, a count), with its unit. */
  value(section: string, name: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
    this.rows.push({ section, name, value, unit, ...extra });
    const more = Object.entries(extra).map(([k, v]) => ` ${k}=${String(v)}`).join('');
    console.log(`[${section}] ${name}: ${value} ${unit}${more}`);
  }

  note(section: string, text: string): void {
    console.log(`[${section}] ${text}`);
  }

  search(corpus: string, m: SearchMeasure): void {
    this.rows.push({ section: 'search', name: corpus, ...m });
    console.log(
      `[search] ${corpus}: app p50 ${m.app.p50} ms p95 ${m.app.p95} ms | bare FTS5 p50 ${m.bare.p50} ms p95 ${m.bare.p95} ms | ratio p50 ${m.ratioP50}x p95 ${m.ratioP95}x | (ranking every match: p50 ${m.bareRankingAll.p50} ms p95 ${m.bareRankingAll.p95} ms)`,
    );
  }
}
