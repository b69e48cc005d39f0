import { citeFootnote } from '../citation';
import type { Lang } from '../corpus';
import { CONFIDENCE_LABELS, PRINCIPLE_IDS, STATE_SPONSORED_COUNTS, STEPS, inWords, type StepId } from '../framework/catalogue';
import {
  allIntact, formatElapsed, formatTime, type AfterActionReport, type Citation, type DelegationReport, type ReportMarking,
} from './model';

/**
 * The report laid out once as a list of plain-text blocks; markdown.ts and html.ts only
 * render blocks. Every string here is text, never markup: the renderers escape it.
 */

/**
 * A run of text. `user` marks what someone typed (names, findings, rationales, the scenario's
 * marking): the HTML isolates it, so that bidirectional controls in it reach nothing around it.
 */
export interface Span {
  readonly text: string;
  readonly user?: true;
}

/** A line of text: our words and theirs, in reading order. */
export type Inline = readonly Span[];

export type Block =
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3; readonly text: Inline }
  | { readonly type: 'paragraph'; readonly text: Inline; readonly tone?: 'alert' | 'muted' }
  | { readonly type: 'fields'; readonly rows: readonly (readonly [string, Inline])[] }
  | {
      readonly type: 'table';
      readonly head: readonly Inline[];
      readonly rows: readonly (readonly Inline[])[];
      /** Columns of times, kept on one line when printed. */
      readonly timeColumns?: readonly number[];
    }
  /** `footnotes`: the paragraph's footnotes, each a line as citeFootnote writes it. */
  | { readonly type: 'quote'; readonly lang: Lang; readonly citation: string; readonly text: string; readonly footnotes: readonly string[] }
  | { readonly type: 'radar'; readonly axes: readonly { readonly label: string; readonly value: number | null }[] }
  | { readonly type: 'pageBreak' };

export type Part = string | Span | Inline;

/** Someone's text, marked as such. */
export const their = (text: string): Span => ({ text, user: true });

/** A line from parts: strings are our words; empty parts are dropped. */
export function line(...parts: readonly Part[]): Inline {
  return parts.flatMap((p) => (typeof p === 'string' ? [{ text: p }] : 'text' in p ? [p] : p)).filter((p) => p.text !== '');
}

/** The plain text of a line, for the JSON-free places that need a string (titles, the marking). */
export const plain = (text: Inline): string => text.map((s) => s.text).join('');

export const heading = (level: 1 | 2 | 3, ...text: Part[]): Block => ({ type: 'heading', level, text: line(...text) });
export const paragraph = (text: Inline, tone?: 'alert' | 'muted'): Block => ({ type: 'paragraph', text, ...(tone ? { tone } : {}) });
export const fields = (rows: (readonly [string, Inline])[]): Block => ({ type: 'fields', rows });
type Cell = Part;
const cells = (row: readonly Cell[]): Inline[] => row.map((c) => line(c));
const table = (head: Cell[], rows: (readonly Cell[])[]): Block => ({ type: 'table', head: cells(head), rows: rows.map(cells) });
/** A table whose first column is a time (UTC, as the header says). */
const timedTable = (head: Cell[], rows: (readonly Cell[])[]): Block => ({
  type: 'table', head: cells(['Time (UTC)', ...head]), rows: rows.map(cells), timeColumns: [0],
});
const cellTime = (iso: string): string => formatTime(iso).replace(/ UTC$/, '');

/** Someone's text, or a dash where they left it empty. */
const theirsOrDash = (text: string): Span => (text.trim() === '' ? { text: '–' } : their(text));
const shortHash = (hash: string | null): string => (hash ? `${hash.slice(0, 16)}…` : '–');

/** "Basis: C1, C4" for a framework item, so a reader can look the quotations up. */
function basisLine(report: AfterActionReport, ...items: string[]): Block {
  const ids = [...new Set(items.flatMap((item) => report.basis[item] ?? []))];
  return paragraph(line(`Basis in the conclusions: ${ids.length > 0 ? ids.join(', ') : 'none recorded'} (quoted under "Citations").`), 'muted');
}

/** Names in a list, each isolated on its own. */
const names = (list: readonly string[]): Inline => line(...list.flatMap((n, i) => (i === 0 ? [their(n)] : [', ', their(n)])));

/** The classification as the scenario sets it, and the TLP label. */
const classificationOf = (report: AfterActionReport): Inline => classificationLine(report.marking);
const classificationLine = (marking: ReportMarking): Inline => line(their(marking.classification), marking.tlp ? ` · ${marking.tlp}` : '');

function overviewBlocks(report: AfterActionReport): Block[] {
  const o = report.overview;
  const rows: (readonly [string, Inline])[] = [];
  if (o.scenario) rows.push(['Scenario', line(their(o.scenario.title))], ['Scenario SHA-256', line(o.scenario.sha256)]);
  rows.push(
    [o.kind === 'exercise' ? 'Exercise created' : 'Run started', line(formatTime(o.startedAt))],
    // A run of its own has no facilitator; a delegation's run has its exercise's.
    ['Facilitator', line(o.kind === 'run' && o.scenario === null ? 'None: a single run outside an exercise' : theirsOrDash(o.facilitator))],
    [o.delegations.length === 1 ? 'Delegation' : 'Delegations', names(o.delegations)],
  );
  if (o.exerciseTimeMs !== null) rows.push(['Exercise time', line(formatElapsed(o.exerciseTimeMs))]);
  rows.push(['Ended', line(o.endedAt === null ? (o.kind === 'exercise' ? 'not ended' : '–') : formatTime(o.endedAt))]);
  for (const a of o.clockAdjustments) {
    rows.push(['Clock adjusted', line(`${formatTime(a.at)}: ${a.deltaMs > 0 ? '+' : '−'}${formatElapsed(Math.abs(a.deltaMs))} (`, their(a.reason), ')')]);
  }
  rows.push(
    ['Classification', classificationOf(report)],
    ['Report generated', line(formatTime(report.generatedAt))],
    ['Quotations', line(report.quoteLanguages === 'all' ? 'In every language of each document' : `In ${report.quoteLanguages.toUpperCase()} where the document has it`)],
  );
  const blocks = [heading(1, 'After-action report: ', their(o.title)), fields(rows)];
  if (o.scenario) blocks.push(heading(3, 'The incident'), paragraph(line(theirsOrDash(o.scenario.incident))));
  return blocks;
}

function integrityBlocks(report: AfterActionReport): Block[] {
  const broken = report.delegations.filter((d) => !d.chain.intact);
  return [
    heading(2, 'Integrity of the record'),
    allIntact(report)
      ? paragraph(
          line(`Every record verified: each delegation's log is an intact hash chain, and replaying it gives the state the app holds. This report was built from those logs.`),
        )
      : paragraph(
          line(
            'WARNING: the record of ', names(broken.map((d) => d.name)),
            ` does not verify. It was changed outside the app or damaged; what this report shows for ${broken.length === 1 ? 'it' : 'them'} cannot be relied on.`,
          ),
          'alert',
        ),
    table(
      ['Delegation', 'Events', 'Verified', 'Last hash', 'Played on', 'Problem'],
      report.delegations.map((d) => [
        their(d.name), String(d.chain.events), d.chain.intact ? 'Yes' : 'NO', shortHash(d.chain.headHash), playedOnText(d.playedOn), d.chain.problem ?? '–',
      ]),
    ),
  ];
}

/** Where a run was played: the facilitator's laptop, or the delegation's own, known by its key. */
/** An observation as the record keeps it: a deleted one marked, an edited one with its earlier texts. */
function observationCell(o: AfterActionReport['observations'][number]): Inline {
  return line(
    o.deletedAt === null ? '' : `[deleted ${formatTime(o.deletedAt)}] `,
    their(o.text),
    ...o.revisions.flatMap((r) => [`\n(before ${formatTime(r.replacedAt)}: `, their(r.text), ')']),
  );
}

function playedOnText(playedOn: DelegationReport['playedOn']): string {
  if (playedOn === null) return "the facilitator's laptop";
  if (playedOn.laptopFingerprint === null) return `its own laptop (kit issued ${formatTime(playedOn.kitIssuedAt)}; no return yet)`;
  return `laptop ${playedOn.laptopFingerprint}, last return ${playedOn.lastReturnAt === null ? '–' : formatTime(playedOn.lastReturnAt)}`;
}

function timelineBlocks(report: AfterActionReport): Block[] {
  if (report.timeline.length === 0) return [heading(2, 'Timeline'), paragraph(line('Nothing was released or decided yet.'), 'muted')];
  const kinds = { inject: 'Inject', withdrawal: 'Withdrawn', decision: 'Decision', observation: 'Observation' } as const;
  return [
    heading(2, 'Timeline'),
    paragraph(line('Injects received and decisions taken, from the logs, with the facilitator\'s observations. Times are UTC.'), 'muted'),
    timedTable(
      ['Exercise time', 'Who', 'Kind', 'Entry'],
      // An entry's sentence ends with what someone typed (build.ts), so isolating it whole is enough.
      report.timeline.map((e) => [
        cellTime(e.at), e.elapsedMs === null ? '' : formatElapsed(e.elapsedMs), e.delegation === null ? 'Facilitator' : their(e.delegation), kinds[e.kind], their(e.text),
      ]),
    ),
  ];
}

function comparisonBlocks(report: AfterActionReport): Block[] {
  if (report.delegations.length < 2) return [];
  return [
    heading(2, 'The delegations side by side'),
    // Values may end with a name (build.ts), so each is isolated whole.
    table(['', ...report.delegations.map((d) => their(d.name))], report.comparison.map((r) => [r.label, ...r.values.map(their)])),
  ];
}

const remarkRows = (remarks: DelegationReport['notes']): Cell[][] =>
  remarks.map((r) => [cellTime(r.at), STEPS[r.step].label, r.author === null ? '–' : their(r.author), their(r.text)]);

const stepLabel = (step: StepId): string => STEPS[step].label;

const REVISION_CHANGE = { edited: 'Edited', removed: 'Removed', changed: 'Changed', withdrawn: 'Withdrawn' } as const;

const ASSESSMENT_STATUS = { current: 'Current', superseded: 'Superseded', reopened: 'Reopened by later information, not agreed again' } as const;

function awarenessBlocks(d: DelegationReport): Block[] {
  const blocks: Block[] = [
    d.findings.length > 0
      ? table(['Finding', 'Source', 'Confidence'], d.findings.map((f) => [their(f.text), their(f.source), CONFIDENCE_LABELS[f.confidence].label]))
      : paragraph(line('No findings recorded.'), 'muted'),
  ];
  if (d.sharedAssessments.length === 0) return [...blocks, paragraph(line('No shared assessment agreed.'), 'muted')];
  const current = d.sharedAssessments.find((x) => x.status === 'current');
  if (current) blocks.push(fields([['Shared assessment (agreed)', line(their(current.text))]]));
  else blocks.push(paragraph(line('The shared assessment agreed last was reopened by later information and is not agreed now.'), 'muted'));
  // Every agreement the log records: what a delegation agreed before an inject is part of its record.
  blocks.push(
    timedTable(
      ['Shared assessment agreed', 'Status'],
      d.sharedAssessments.map((x) => [cellTime(x.at), their(x.text), ASSESSMENT_STATUS[x.status]]),
    ),
  );
  return blocks;
}

/**
 * The ratings, the facts the level rests on and the formula: everything a reader needs to
 * reproduce the overall level, and what single change would move it.
 */
function levelBlocks(d: DelegationReport): Block[] {
  const basis = d.levelBasis;
  const potential = basis.attempt?.potential ?? null;
  const ratingCell = (v: number | null): string => (v === null ? 'Not rated' : String(v));
  const blocks: Block[] = [
    { type: 'radar', axes: d.ratings.map((r) => ({ label: r.label, value: r.value })) },
    potential === null
      ? table(['Dimension', 'Rating (0–4)', 'Rationale'], d.ratings.map((r) => [r.label, ratingCell(r.value), theirsOrDash(r.rationale)]))
      : table(
          ['Dimension', 'Achieved (0–4)', 'Potential, had the attempt succeeded', 'Rationale'],
          d.ratings.map((r) => [r.label, ratingCell(r.value), String(potential[r.dimension]), theirsOrDash(r.rationale)]),
        ),
    paragraph(line('The facts the level rests on besides the ratings, as the delegation recorded them:'), 'muted'),
  ];
  const rows: (readonly [string, Inline])[] = [
    ...basis.facts.map((f) => [f.label, line(f.value)] as const),
    ['Overall level', line(d.level === null ? 'Not all dimensions rated' : `${d.level} of 4`)],
  ];
  if (basis.formula !== null) rows.push(['How the level follows', line(basis.formula)]);
  for (const text of basis.whatWouldChange) rows.push(['What would change the outcome', line(text)]);
  return [...blocks, fields(rows)];
}

function delegationBlocks(report: AfterActionReport, d: DelegationReport): Block[] {
  const blocks: Block[] = [
    { type: 'pageBreak' },
    heading(2, 'Delegation: ', their(d.name)),
    d.chain.intact
      ? paragraph(line(`Record verified: ${d.chain.events} events, last hash ${shortHash(d.chain.headHash)}. Reached the step: ${stepLabel(d.step)}. Played on ${playedOnText(d.playedOn)}.`), 'muted')
      : paragraph(line(`WARNING: this record does not verify. ${d.chain.problem ?? ''}`), 'alert'),
  ];
  if (d.injects.length > 0) {
    blocks.push(heading(3, 'Injects received'), timedTable(['Inject'], d.injects.map((i) => [cellTime(i.at), their(i.title)])));
  }

  blocks.push(heading(3, `1. ${stepLabel('awareness')}`), basisLine(report, 'step:awareness'), ...awarenessBlocks(d));

  blocks.push(heading(3, `2. ${stepLabel('attribution')}`), basisLine(report, 'step:attribution'));
  const a = d.attribution;
  blocks.push(
    a.status === 'attributed'
      ? fields([
          ['Decision', line('Attributed')],
          ['Actor', line(a.actorType, a.actorName ? line(': ', their(a.actorName)) : ' (not named)')],
          ...(a.actorTypeId === 'state-sponsored' ? [['Attribution to a State', line(STATE_SPONSORED_COUNTS)] as const] : []),
          ['Confidence', line(CONFIDENCE_LABELS[a.confidence].label)],
          ['Basis', line(their(a.basis))],
        ])
      : a.status === 'skipped'
        ? fields([['Decision', line('Not attributed (a sovereign choice; not every measure needs attribution)')], ['Why', line(their(a.reason))]])
        : paragraph(line('No attribution decision yet.'), 'muted'),
  );
  // A revised attribution is replaced in the state; the record keeps what was decided before.
  if (d.attributions.length > 1) {
    blocks.push(
      timedTable(
        ['Attribution decision', 'Basis or reason', 'Status'],
        d.attributions.map((x) => [
          cellTime(x.at),
          x.status === 'attributed'
            ? line(`Attributed to ${x.actorType}, ${CONFIDENCE_LABELS[x.confidence].label}`, x.actorName ? line(': ', their(x.actorName)) : '')
            : 'Not attributed',
          their(x.status === 'attributed' ? x.basis : x.reason),
          x.inForce ? 'In force' : 'Superseded',
        ]),
      ),
    );
  }

  blocks.push(heading(3, `3. ${stepLabel('proportionality')}`), basisLine(report, 'step:proportionality'), ...levelBlocks(d));

  blocks.push(heading(3, `4. ${stepLabel('measures')}`), basisLine(report, 'step:measures', ...d.measures.map((m) => `category:${m.categoryId}`)));
  blocks.push(
    d.measures.length > 0
      ? table(
          ['Measure', 'Category', 'Rationale'],
          d.measures.map((m) => [m.label + (m.outsideSuggestion ? ' (outside the suggested categories)' : ''), m.category, theirsOrDash(m.rationale)]),
        )
      : paragraph(line('No measures selected.'), 'muted'),
    heading(3, `The ${inWords(PRINCIPLE_IDS.length)} principles`),
    basisLine(report, ...d.principles.map((p) => `principle:${p.id}`)),
    table(['Principle', 'Assessment', 'Note'], d.principles.map((p) => [p.label, p.status ?? 'Not assessed', theirsOrDash(p.note)])),
  );

  // No paragraph speaks to recording a decision (FRAMEWORK.md §3): say so rather than cite one.
  blocks.push(heading(3, `5. ${stepLabel('decided')}`), paragraph(line('The decision is the delegation’s own; no paragraph of the conclusions speaks to it.'), 'muted'));
  if (d.decision !== null && d.principlesNotMet.length > 0) {
    blocks.push(paragraph(line(`Decided with a principle not met: ${d.principlesNotMet.join(', ')}.`), 'alert'));
  }
  blocks.push(
    d.decisions.length > 0
      ? timedTable(
          ['Decision', 'Status'],
          d.decisions.map((x) => [cellTime(x.at), their(x.summary), d.decision && d.decision.at === x.at && d.decision.summary === x.summary ? 'In force' : 'Superseded']),
        )
      : paragraph(line('No decision submitted.'), 'muted'),
  );

  if (d.revisions.length > 0) {
    blocks.push(
      heading(3, 'Entries changed later'),
      paragraph(line('Findings, ratings, measures and principle assessments as recorded before a later entry in the log changed or removed them.'), 'muted'),
      {
        type: 'table',
        head: cells(['Recorded (UTC)', 'Item', 'Earlier entry', 'Replaced (UTC)', 'Change']),
        rows: d.revisions.map((r) =>
          cells([
            cellTime(r.recordedAt),
            r.subject,
            line(r.value === null ? '' : `${r.value}: `, theirsOrDash(r.text), r.source === null ? '' : line(' (source: ', their(r.source), ')')),
            cellTime(r.replacedAt),
            REVISION_CHANGE[r.change],
          ]),
        ),
        timeColumns: [0, 3],
      },
    );
  }

  blocks.push(heading(3, 'Notes and dissent'));
  if (d.notes.length === 0 && d.dissents.length === 0) blocks.push(paragraph(line('No notes or dissent recorded.'), 'muted'));
  if (d.notes.length > 0) blocks.push(paragraph(line('Notes')), timedTable(['Step', 'Author', 'Note'], remarkRows(d.notes)));
  if (d.dissents.length > 0) blocks.push(paragraph(line('Dissent')), timedTable(['Step', 'Author', 'Dissent'], remarkRows(d.dissents)));
  return blocks;
}

function facilitatorBlocks(report: AfterActionReport): Block[] {
  if (report.overview.kind !== 'exercise') return [];
  return [
    { type: 'pageBreak' },
    heading(2, "Facilitator's observations"),
    report.observations.length > 0
      ? timedTable(['Exercise time', 'Observation'], report.observations.map((o) => [cellTime(o.at), formatElapsed(o.elapsedMs), observationCell(o)]))
      : paragraph(line('No observations recorded.'), 'muted'),
    heading(2, 'Improvement plan'),
    report.improvementPlan.length > 0
      ? table(
          ['#', 'Issue', 'Corrective action', 'Owner', 'Due date'],
          report.improvementPlan.map((item, i) => [
            String(i + 1), their(item.issue), theirsOrDash(item.correctiveAction), theirsOrDash(item.owner), item.dueDate === '' ? '–' : item.dueDate,
          ]),
        )
      : paragraph(line('No improvement items recorded yet.'), 'muted'),
  ];
}

function citationBlocks(citations: readonly Citation[]): Block[] {
  const blocks: Block[] = [
    { type: 'pageBreak' },
    heading(2, 'Citations'),
    paragraph(line('Each paragraph is quoted verbatim from the Council documents held in the app.'), 'muted'),
  ];
  for (const c of citations) {
    blocks.push(heading(3, `${c.id}: ${c.docRef} ${c.anchor}`), paragraph(line(`Supports: ${c.supports.join('; ')}`), 'muted'));
    if (c.unavailable.length > 0) {
      blocks.push(paragraph(line(`Not available in ${c.unavailable.map((l) => l.toUpperCase()).join(', ')}; quoted in the language the document has.`), 'muted'));
    }
    for (const q of c.quotes) blocks.push({ type: 'quote', lang: q.lang, citation: q.citation, text: q.text, footnotes: q.footnotes.map(citeFootnote) });
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
export const markingOf = (marking: ReportMarking): Inline => line('EXERCISE · ', classificationLine(marking), ' · EXERCISE');
