import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** One axe finding, reduced to what a failing assertion should show. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

const BLOCKING = new Set(['serious', 'critical']);

let source: string | null = null;
const axeSource = (): string => {
  source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return source;
};

/**
 * Runs axe-core on the page as it is now and returns its violations. axe comes from
 * node_modules (never the network); it is injected as a script tag and, where the app's
 * CSP refuses inline scripts (it does: `script-src 'self'`), evaluated through the
 * DevTools protocol instead, which the page's CSP does not govern.
 */
export async function runAxe(page: Page, options: { include?: string } = {}): Promise<AxeViolation[]> {
  const loaded = (): Promise<boolean> => page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!(await loaded())) {
    await page.addScriptTag({ content: axeSource() }).catch(() => undefined);
    if (!(await loaded())) await page.evaluate(axeSource());
  }
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const results = await axe.run(include ? { include: [include] } : document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  }, options.include ?? null);
}

/** The violations that block a release: serious and critical ones. */
export async function blockingAxeViolations(page: Page, options: { include?: string } = {}): Promise<AxeViolation[]> {
  return (await runAxe(page, options)).filter((v) => v.impact !== null && BLOCKING.has(v.impact));
}
