import type { Lang } from '../corpus';
import { CONFIDENCE_LABELS, STEPS, type StepId } from '../framework/catalogue';
import {
  allIntact, formatElapsed, formatTime, type AfterActionReport, type Citation, type DelegationReport,
} from './model';

/**
 * The report laid out once as a list of plain-text blocks; markdown.ts and html.ts only
 * render blocks. Every string here is text, never markup: the renderers escape it.
 */
export type Block =
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly type: 'paragraph'; readonly text: string; readonly tone?: 'alert' | 'muted' }
  | { readonly type: 'fields'; readonly rows: readonly (readonly [string, string])[] }
  | {
      readonly type: 'table';
      readonly head: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Columns of times, kept on one line when printed. */
      readonly timeColumns?: readonly number[];
    }
  | { readonly type: 'quote'; readonly lang: Lang; readonly citation: string; readonly text: string }
  | { readonly type: 'radar'; readonly axes: readonly { readonly label: string; readonly value: number | null }[] }
  | { readonly type: 'pageBreak' };

const heading = (level: 1 | 2 | 3, text: string): Block => ({ type: 'heading', level, text });
const paragraph = (text: string, tone?: 'alert' | 'muted'): Block => ({ type: 'paragraph', text, ...(tone ? { tone } : {}) });
const fields = (rows: (readonly [string, string])[]): Block => ({ type: 'fields', rows });
const table = (head: string[], rows: (readonly string[])[]): Block => ({ type: 'table', head, rows });
/** A table whose first column is a time (UTC, as the header says). */
const timedTable = (head: string[], rows: (readonly string[])[]): Block => ({ type: 'table', head: ['Time (UTC)', ...head], rows, timeColumns: [0] });
const cellTime = (iso: string): string => formatTime(iso).replace(/ UTC$/, '');

const orDash = (text: string): string => (text.trim() === '' ? '–' : text);
const shortHash = (hash: string | null): string => (hash ? `${hash.slice(0, 16)}…` : '–');

/** "Basis: C1, C4" for a framework item, so a reader can look the quotations up. */
function basisLine(report: AfterActionReport, ...items: string[]): Block {
  const ids = [...new Set(items.flatMap((item) => report.basis[item] ?? []))];
  return paragraph(`Basis in the conclusions: ${ids.length > 0 ? ids.join(', ') : 'none recorded'} (quoted under "Citations").`, 'muted');
}

function overviewBlocks(report: AfterActionReport): Block[] {
  const o = report.overview;
  const rows: (readonly [string, string])[] = [];
  if (o.scenario) rows.push(['Scenario', o.scenario.title], ['Scenario SHA-256', o.scenario.sha256]);
  rows.push(
    [o.kind === 'exercise' ? 'Exercise created' : 'Run started', formatTime(o.startedAt)],
    // A run of its own has no facilitator; a delegation's run has its exercise's.
    ['Facilitator', o.kind === 'run' && o.scenario === null ? 'None: a single run outside an exercise' : orDash(o.facilitator)],
    [o.delegations.length === 1 ? 'Delegation' : 'Delegations', o.delegations.join(', ')],
  );
  if (o.exerciseTimeMs !== null) rows.push(['Exercise time', formatElapsed(o.exerciseTimeMs)]);
  rows.push(
    ['Classification', `${report.marking.classification}${report.marking.tlp ? ` · ${report.marking.tlp}` : ''}`],
    ['Report generated', formatTime(report.generatedAt)],
    ['Quotations', report.quoteLanguages === 'all' ? 'In every language of each document' : `In ${report.quoteLanguages.toUpperCase()} where the document has it`],
  );
  const blocks = [heading(1, `After-action report: ${o.title}`), fields(rows)];
  if (o.scenario) blocks.push(heading(3, 'The incident'), paragraph(o.scenario.incident));
  return blocks;
}

function integrityBlocks(report: AfterActionReport): Block[] {
  const broken = report.delegations.filter((d) => !d.chain.intact);
  return [
    heading(2, 'Integrity of the record'),
    allIntact(report)
      ? paragraph(
          `Every record verified: each delegation's log is an intact hash chain, and replaying it gives the state the app holds. This report was built from those logs.`,
        )
      : paragraph(
          `WARNING: the record of ${broken.map((d) => d.name).join(', ')} does not verify. It was changed outside the app or damaged; what this report shows for ${broken.length === 1 ? 'it' : 'them'} cannot be relied on.`,
          'alert',
        ),
    table(
      ['Delegation', 'Events', 'Verified', 'Last hash', 'Problem'],
      report.delegations.map((d) => [d.name, String(d.chain.events), d.chain.intact ? 'Yes' : 'NO', shortHash(d.chain.headHash), d.chain.problem ?? '–']),
    ),
  ];
}

function timelineBlocks(report: AfterActionReport): Block[] {
  if (report.timeline.length === 0) return [heading(2, 'Timeline'), paragraph('Nothing was released or decided yet.', 'muted')];
  const kinds = { inject: 'Inject', decision: 'Decision', observation: 'Observation' } as const;
  return [
    heading(2, 'Timeline'),
    paragraph('Injects received and decisions taken, from the logs, with the facilitator\'s observations. Times are UTC.', 'muted'),
    timedTable(
      ['Exercise time', 'Who', 'Kind', 'Entry'],
      report.timeline.map((e) => [
        cellTime(e.at), e.elapsedMs === null ? '' : formatElapsed(e.elapsedMs), e.delegation ?? 'Facilitator', kinds[e.kind], e.text,
      ]),
    ),
  ];
}

function comparisonBlocks(report: AfterActionReport): Block[] {
  if (report.delegations.length < 2) return [];
  return [
    heading(2, 'The delegations side by side'),
    table(['', ...report.delegations.map((d) => d.name)], report.comparison.map((r) => [r.label, ...r.values])),
  ];
}

const remarkRows = (remarks: DelegationReport['notes']): string[][] =>
  remarks.map((r) => [cellTime(r.at), STEPS[r.step].label, r.author ?? '–', r.text]);

const stepLabel = (step: StepId): string => STEPS[step].label;

function delegationBlocks(report: AfterActionReport, d: DelegationReport): Block[] {
  const blocks: Block[] = [
    { type: 'pageBreak' },
    heading(2, `Delegation: ${d.name}`),
    d.chain.intact
      ? paragraph(`Record verified: ${d.chain.events} events, last hash ${shortHash(d.chain.headHash)}. Reached the step: ${stepLabel(d.step)}.`, 'muted')
      : paragraph(`WARNING: this record does not verify. ${d.chain.problem ?? ''}`, 'alert'),
  ];
  if (d.injects.length > 0) {
    blocks.push(heading(3, 'Injects received'), timedTable(['Inject'], d.injects.map((i) => [cellTime(i.at), i.title])));
  }

  blocks.push(heading(3, `1. ${stepLabel('awareness')}`), basisLine(report, 'step:awareness'));
  blocks.push(
    d.findings.length > 0
      ? table(['Finding', 'Source', 'Confidence'], d.findings.map((f) => [f.text, f.source, CONFIDENCE_LABELS[f.confidence].label]))
      : paragraph('No findings recorded.', 'muted'),
    d.sharedAssessment.agreed
      ? fields([['Shared assessment (agreed)', d.sharedAssessment.text]])
      : paragraph('No shared assessment agreed.', 'muted'),
  );

  blocks.push(heading(3, `2. ${stepLabel('attribution')}`), basisLine(report, 'step:attribution'));
  const a = d.attribution;
  blocks.push(
    a.status === 'attributed'
      ? fields([
          ['Decision', 'Attributed'],
          ['Actor', `${a.actorType}${a.actorName ? `: ${a.actorName}` : ' (not named)'}`],
          ['Confidence', CONFIDENCE_LABELS[a.confidence].label],
          ['Basis', a.basis],
        ])
      : a.status === 'skipped'
        ? fields([['Decision', 'Not attributed (a sovereign choice; not every measure needs attribution)'], ['Why', a.reason]])
        : paragraph('No attribution decision yet.', 'muted'),
  );

  blocks.push(heading(3, `3. ${stepLabel('proportionality')}`), basisLine(report, 'step:proportionality'));
  blocks.push(
    { type: 'radar', axes: d.ratings.map((r) => ({ label: r.label, value: r.value })) },
    table(['Dimension', 'Rating (0–4)', 'Rationale'], d.ratings.map((r) => [r.label, r.value === null ? 'Not rated' : String(r.value), orDash(r.rationale)])),
    fields([['Overall level', d.level === null ? 'Not all dimensions rated' : `${d.level} of 4`]]),
  );

  blocks.push(heading(3, `4. ${stepLabel('measures')}`), basisLine(report, 'step:measures', ...d.measures.map((m) => `category:${m.categoryId}`)));
  blocks.push(
    d.measures.length > 0
      ? table(
          ['Measure', 'Category', 'Rationale'],
          d.measures.map((m) => [m.label + (m.outsideSuggestion ? ' (outside the suggested categories)' : ''), m.category, orDash(m.rationale)]),
        )
      : paragraph('No measures selected.', 'muted'),
    heading(3, 'The six principles'),
    basisLine(report, ...d.principles.map((p) => `principle:${p.id}`)),
    table(['Principle', 'Assessment', 'Note'], d.principles.map((p) => [p.label, p.status ?? 'Not assessed', orDash(p.note)])),
  );

  blocks.push(heading(3, `5. ${stepLabel('decided')}`), basisLine(report, 'step:decided'));
  blocks.push(
    d.decisions.length > 0
      ? timedTable(
          ['Decision', 'Status'],
          d.decisions.map((x) => [cellTime(x.at), x.summary, d.decision && d.decision.at === x.at && d.decision.summary === x.summary ? 'In force' : 'Superseded']),
        )
      : paragraph('No decision submitted.', 'muted'),
  );

  blocks.push(heading(3, 'Notes and dissent'));
  if (d.notes.length === 0 && d.dissents.length === 0) blocks.push(paragraph('No notes or dissent recorded.', 'muted'));
  if (d.notes.length > 0) blocks.push(paragraph('Notes'), timedTable(['Step', 'Author', 'Note'], remarkRows(d.notes)));
  if (d.dissents.length > 0) blocks.push(paragraph('Dissent'), timedTable(['Step', 'Author', 'Dissent'], remarkRows(d.dissents)));
  return blocks;
}

function facilitatorBlocks(report: AfterActionReport): Block[] {
  if (report.overview.kind !== 'exercise') return [];
  return [
    { type: 'pageBreak' },
    heading(2, "Facilitator's observations"),
    report.observations.length > 0
      ? timedTable(['Exercise time', 'Observation'], report.observations.map((o) => [cellTime(o.at), formatElapsed(o.elapsedMs), o.text]))
      : paragraph('No observations recorded.', 'muted'),
    heading(2, 'Improvement plan'),
    report.improvementPlan.length > 0
      ? table(
          ['#', 'Issue', 'Corrective action', 'Owner', 'Due date'],
          report.improvementPlan.map((item, i) => [String(i + 1), item.issue, orDash(item.correctiveAction), orDash(item.owner), orDash(item.dueDate)]),
        )
      : paragraph('No improvement items recorded yet.', 'muted'),
  ];
}

function citationBlocks(citations: readonly Citation[]): Block[] {
  const blocks: Block[] = [
    { type: 'pageBreak' },
    heading(2, 'Citations'),
    paragraph('Each paragraph is quoted verbatim from the Council documents held in the app.', 'muted'),
  ];
  for (const c of citations) {
    blocks.push(heading(3, `${c.id}: ${c.docRef} ${c.anchor}`), paragraph(`Supports: ${c.supports.join('; ')}`, 'muted'));
    if (c.unavailable.length > 0) {
      blocks.push(paragraph(`Not available in ${c.unavailable.map((l) => l.toUpperCase()).join(', ')}; quoted in the language the document has.`, 'muted'));
    }
    for (const q of c.quotes) blocks.push({ type: 'quote', lang: q.lang, citation: q.citation, text: q.text });
  }
  return blocks;
}

export function reportBlocks(report: AfterActionReport): Block[] {
  return [
    ...overviewBlocks(report),
    ...integrityBlocks(report),
    ...timelineBlocks(report),
    ...comparisonBlocks(report),
    ...report.delegations.flatMap((d) => delegationBlocks(report, d)),
    ...facilitatorBlocks(report),
    ...citationBlocks(report.citations),
  ];
}

/** The marking line every page (and the Markdown's first and last line) carries. */
export function markingLine(report: AfterActionReport): string {
  const { classification, tlp } = report.marking;
  return `EXERCISE · ${classification}${tlp ? ` · ${tlp}` : ''} · EXERCISE`;
}
