import { describe, expect, it } from 'vitest';
import { reportHtml } from '../../../../shared/report/html';
import { reportMarkdown } from '../../../../shared/report/markdown';
import { isCalendarDate } from '../../../../shared/report/plan';
import { REPORT_SECTIONS, formatElapsed, type AfterActionReport } from '../../../../shared/report/model';

// A report whose every text is hostile: the renderers must show it, never obey it.
const HOSTILE = '<img src=x onerror=alert(1)> | **bold** [link](http://evil.test) </style>"';

const report: AfterActionReport = {
  format: 'cdt-after-action-report',
  version: 2,
  generatedAt: '2026-11-30T10:00:00.000Z',
  quoteLanguages: 'nl',
  marking: { exercise: 'EXERCISE', classification: `RESTRICTED ${HOSTILE}`, tlp: 'TLP:AMBER' },
  overview: {
    kind: 'exercise', title: HOSTILE, scenario: null, startedAt: '2026-11-30T09:00:00.000Z', facilitator: HOSTILE,
    delegations: ['North'], exerciseTimeMs: 125 * 60_000, endedAt: null, clockAdjustments: [],
  },
  sections: Object.values(REPORT_SECTIONS),
  summary: { scenario: null, firstEntryAt: null, lastEntryAt: null, jointDecision: [], objectives: [], strengths: [], improvements: [] },
  positions: null,
  jointDecision: null,
  objectives: [],
  hotWash: null,
  timeline: [
    {
      n: 'T1', ref: 'note:n1', at: '2026-11-30T09:05:00.000Z', exerciseTime: { ms: 5 * 60_000, basis: 'recorded', earliestMs: 5 * 60_000, latestMs: 5 * 60_000 },
      kind: 'observation', delegation: null, eventType: null, text: `line one\n${HOSTILE}`,
    },
  ],
  timelineClock: null,
  delegations: [],
  comparison: [],
  observations: [{ at: '2026-11-30T09:05:00.000Z', elapsedMs: 5 * 60_000, text: HOSTILE, revisions: [], deletedAt: null }],
  improvementPlan: [{ id: 'i1', issue: HOSTILE, correctiveAction: 'Fix', owner: 'Me', dueDate: '2027-01-01', objectiveId: '', priority: 'low', objective: null }],
  basis: {},
  citations: [{ id: 'C1', docRef: '10474/17', anchor: 'p4', supports: ['Step: Attribution'], quotes: [{ lang: 'nl', citation: 'Council conclusions 10474/17, para. 4 (NL)', text: `Eerste regel\n${HOSTILE}`, footnotes: [{ n: 1, text: 'Doc. 12109/13.', inferred: false }, { n: 7, text: HOSTILE, inferred: true }] }], unavailable: [] }],
};

describe('report rendering', () => {
  it('HTML escapes every text, has no script and allows no request', () => {
    const html = reportHtml(report);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    // The marking in the page-margin CSS cannot close the style element or the string.
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    expect(style).not.toContain('</style');
    expect(style).toContain('RESTRICTED \\00003c img');
    expect(html).toContain('<blockquote lang="nl">Eerste regel');
    // A quotation's footnotes follow it, escaped too.
    expect(html).toMatch(/<\/blockquote><p class="quote-notes" lang="nl">Footnote 1: Doc\. 12109\/13\.<br>Footnote \[7\]: &lt;img /);
  });

  it('Markdown escapes markup, keeps table rows on one line and marks the top and bottom', () => {
    const md = reportMarkdown(report);
    expect(md).not.toContain('[link](http://evil.test)');
    // Escaped only where Markdown would read markup: "[" and the "(" after "]" (a link), not other brackets.
    expect(md).toContain('\\[link]\\(http<!---->://evil.test)');
    expect(md).toContain('\\<img src=x onerror=alert(1)>');
    expect(md).toMatch(/\| line one \\<img .* \|\n/);
    const lines = md.trim().split('\n');
    expect(lines[0]).toMatch(/^\*\*EXERCISE · RESTRICTED .* · TLP:AMBER · EXERCISE\*\*$/);
    expect(lines.at(-1)).toBe(lines[0]);
    expect(md).toContain('> Eerste regel\n> \\<img');
    expect(md).toMatch(/> .*\n\nFootnote 1: Doc\. 12109\/13\.\n\nFootnote \\\[7]: \\<img /);
    expect(md).toContain('**Exercise time:** 2 h 05 min');
  });

  it('formats exercise time and accepts only real calendar dates', () => {
    expect(formatElapsed(59_999)).toBe('0 min');
    expect(formatElapsed(61 * 60_000)).toBe('1 h 01 min');
    expect(['2027-01-31', '2028-02-29'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2027-02-29', '2027-13-01', '2027-1-1', '31/01/2027', ''].map(isCalendarDate)).toEqual([false, false, false, false, false]);
  });
});
