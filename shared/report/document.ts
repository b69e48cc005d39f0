import { citeFootnote } from '../citation';
import type { Lang } from '../corpus';
import { HSEEP_RATING_LABELS } from '../evaluation/objectives';
import { CONFIDENCE_LABELS, PRINCIPLE_IDS, STATE_SPONSORED_COUNTS, STEPS, inWords, type StepId } from '../framework/catalogue';
import { STANCE_LABELS } from '../framework/council';
import { formatClock, formatExerciseTime } from './clock';
import {
  REPORT_SECTIONS, allIntact, formatElapsed, jointVerified, sectionsOf, type ReportSection, formatTime, type AfterActionReport, type Citation, type DelegationReport, type JointEntryReport, type PositionsReport,
  type ReportMarking, type SummaryPoint, type TimelineKind,
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
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: Inline }
  | { readonly type: 'paragraph'; readonly text: Inline; readonly tone?: 'alert' | 'muted' }
  | { readonly type: 'fields'; readonly rows: readonly (readonly [string, Inline])[] }
  | {
      readonly type: 'table';
      readonly head: readonly Inline[];
      readonly rows: readonly (readonly Inline[])[];
      /** Columns of times, kept on one line when printed. */
      readonly timeColumns?: readonly number[];
      /** The column of running text, given the width the others leave when printed. */
      readonly wide?: number;
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

export const heading = (level: 1 | 2 | 3 | 4, ...text: Part[]): Block => ({ type: 'heading', level, text: line(...text) });
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

/** Names in a list, each isolated on its own. */
const names = (list: readonly string[]): Inline => line(...list.flatMap((n, i) => (i === 0 ? [their(n)] : [', ', their(n)])));

/** The classification as the scenario sets it, and the TLP label. */
const classificationOf = (report: AfterActionReport): Inline => classificationLine(report.marking);
const classificationLine = (marking: ReportMarking): Inline => line(their(marking.classification), marking.tlp ? ` · ${marking.tlp}` : '');

const SECTION = REPORT_SECTIONS;

/** A section with nothing to show says so in a line, never with an empty table. */
const nothing = (text: string): Block => paragraph(line(text), 'muted');

/** "T3, T7": the timeline entries a line refers to. */
const entryList = (ids: readonly string[]): string => (ids.length === 0 ? '–' : ids.join(', '));

function titleBlocks(report: AfterActionReport): Block[] {
  return [heading(1, 'After-action report: ', their(report.overview.title))];
}

/** The exercise, the joint decision, the objectives and their ratings, the main strengths and areas for improvement. */
function summaryBlocks(report: AfterActionReport): Block[] {
  const o = report.overview;
  const s = report.summary;
  const rows: (readonly [string, Inline])[] = [];
  if (o.scenario) rows.push(['Scenario', line(their(o.scenario.title))]);
  rows.push([o.kind === 'exercise' ? 'Exercise created' : 'Run started', line(formatTime(o.startedAt))]);
  if (s.firstEntryAt !== null && s.lastEntryAt !== null) {
    rows.push(['Played', line(s.firstEntryAt === s.lastEntryAt ? formatTime(s.firstEntryAt) : `${formatTime(s.firstEntryAt)} to ${formatTime(s.lastEntryAt)}`)]);
  }
  rows.push(
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
  const blocks: Block[] = [heading(2, SECTION.summary)];
  // A record that does not verify is said first: nothing after it can be read without knowing.
  if (!allIntact(report)) blocks.push(brokenWarning(report, ` (under "${SECTION.integrity}")`));
  blocks.push(fields(rows));
  if (o.scenario) blocks.push(heading(3, 'The incident'), paragraph(line(theirsOrDash(o.scenario.incident))));
  if (o.kind !== 'exercise') return blocks;

  blocks.push(heading(3, 'The joint decision'));
  if (s.jointDecision.length === 0) blocks.push(nothing('No joint decision was recorded.'));
  for (const text of s.jointDecision) blocks.push(paragraph(line(text), text.startsWith('WARNING') ? 'alert' : undefined));

  blocks.push(heading(3, 'The objectives'));
  blocks.push(
    s.objectives.length > 0
      ? table(['#', 'Objective', 'Rating'], report.objectives.map((x) => [x.n, their(x.title), x.rating === null ? 'Not rated' : `${x.rating}: ${HSEEP_RATING_LABELS[x.rating]}`]))
      : nothing('The scenario sets no objectives.'),
  );

  const points = (label: string, list: readonly SummaryPoint[], none: string): Block[] => [
    heading(3, label),
    list.length > 0 ? table(['From', label], list.map((p) => [p.from, their(p.text)])) : nothing(none),
  ];
  blocks.push(
    ...points('Main strengths', s.strengths, 'No strengths recorded: no objective rated P with observations, and no hot wash that names one.'),
    ...points('Main areas for improvement', s.improvements, 'No areas for improvement recorded: no objective rated S, M or U with observations, and no hot wash that names one.'),
  );
  return blocks;
}

/** The table of positions: each measure in play, each delegation's stance, the rule and whether unanimity holds. */
function positionsBlocks(report: AfterActionReport): Block[] {
  const blocks: Block[] = [heading(2, SECTION.positions)];
  const p = report.positions;
  if (p === null || p.delegations.length === 0) return [...blocks, nothing('No delegation took part: there is no table of positions.')];
  if (p.rows.length === 0) return [...blocks, nothing('No delegation has taken a position on any measure yet.'), standingTable(p)];
  blocks.push(
    paragraph(
      line(
        'A listing under the cyber sanctions regime is decided by unanimity, the other measures by consensus; both hold when no delegation opposes, and a constructive abstention does not prevent them.',
      ),
      'muted',
    ),
    table(
      ['Measure', 'Rule', ...p.delegations.map((d) => their(d.name)), 'Outcome'],
      p.rows.map((r) => [
        r.measure,
        r.rule === 'unanimity' ? 'Unanimity' : 'Consensus',
        ...r.cells.map((c) => STANCE_LABELS[c.stance]),
        r.holds ? (r.rule === 'unanimity' ? 'Unanimity holds' : 'Consensus holds') : line('Fails: blocked by ', names(r.blockedBy)),
      ]),
    ),
  );
  if (p.otherMeasures > 0) blocks.push(nothing(`No delegation took a position on the other ${p.otherMeasures} measures of the catalogue.`));
  blocks.push(standingTable(p));
  const texts = p.rows.flatMap((r) => r.cells.flatMap((c, i) => (c.text === null ? [] : [{ r, c, delegation: p.delegations[i]!.name }])));
  blocks.push(heading(3, 'Objections and declarations'));
  blocks.push(
    texts.length > 0
      ? timedTable(
          ['Delegation', 'Measure', 'Position', 'Reason or declaration'],
          texts.map(({ r, c, delegation }) => [c.at === null ? '–' : cellTime(c.at), their(delegation), r.measure, STANCE_LABELS[c.stance], their(c.text ?? '')]),
        )
      : nothing('No delegation recorded an objection or a constructive abstention.'),
  );
  return blocks;
}

function standingTable(p: PositionsReport): Block {
  return table(
    ['Delegation', 'Overall level', 'Principles'],
    p.delegations.map((d) => [their(d.name), d.level === null ? 'Not yet' : `${d.level} of 4`, d.principles]),
  );
}

const JOINT_KIND = { adopted: 'Adopted', blocked: 'Blocked', statement: 'Agreed statement', withdrawal: 'Withdrawal' } as const;

/**
 * A delegation's text beside its name, a line each: quoted where it differs from the text its
 * position now holds (shown under the positions), else referred to, so no text stands twice.
 */
function namedTexts(report: AfterActionReport, measure: string, list: readonly { readonly delegation: string; readonly text: string }[]): Inline {
  const p = report.positions;
  const held = (delegation: string): string | null => {
    const column = p?.delegations.findIndex((d) => d.name === delegation) ?? -1;
    return column < 0 ? null : (p?.rows.find((r) => r.measure === measure)?.cells[column]?.text ?? null);
  };
  return line(
    ...list.flatMap((x, i) => [
      i === 0 ? '' : '\n',
      their(x.delegation),
      held(x.delegation) === x.text ? ` (text under "${SECTION.positions}")` : line(': ', theirsOrDash(x.text)),
    ]),
  );
}

function jointBlocks(report: AfterActionReport): Block[] {
  const blocks: Block[] = [heading(2, SECTION.joint)];
  const j = report.jointDecision;
  if (j === null || j.entries.length === 0) return [...blocks, nothing('No joint decision was recorded.')];
  const verified = jointVerified(j);
  blocks.push(
    verified
      ? paragraph(
          line(`Verified: the joint decision's ${j.chain.events} entries form an intact hash chain (last hash ${shortHash(j.chain.headHash)}), and every position they rest on is still what the delegations' logs give.`),
          'muted',
        )
      : paragraph(line('WARNING: the record of the joint decision does not verify. ', [j.chain.problem ?? '', ...j.referenceProblems].filter(Boolean).join(' ')), 'alert'),
  );
  blocks.push(
    timedTable(
      ['#', 'Entry', 'Abstentions and objections', 'Text', 'Rests on'],
      j.entries.map((e) => [
        cellTime(e.at),
        String(e.seq),
        JOINT_KIND[e.kind] + (e.withdraws === null ? '' : ` of entry ${e.withdraws}`) + (e.measures.length === 0 ? '' : `: ${e.measures.join('; ')}`) +
          (e.withdrawnBy === null ? '' : ` (set aside by entry ${e.withdrawnBy})`),
        e.abstentions.length + e.blockedBy.length === 0
          ? '–'
          : line(
              e.abstentions.length > 0 ? line('Abstains constructively: ', namedTexts(report, e.measures[0] ?? '', e.abstentions.map((x) => ({ delegation: x.delegation, text: x.declaration })))) : '',
              e.abstentions.length > 0 && e.blockedBy.length > 0 ? '\n' : '',
              e.blockedBy.length > 0 ? line('Opposes: ', namedTexts(report, e.measures[0] ?? '', e.blockedBy.map((x) => ({ delegation: x.delegation, text: x.reason })))) : '',
            ),
        theirsOrDash(e.text),
        restsOnText(e.restsOn),
      ]),
    ),
  );
  return blocks;
}

/** "Aurelia: Supports; Borealis: Abstains constructively", per measure where an entry rests on several. */
function restsOnText(restsOn: JointEntryReport['restsOn']): Inline {
  if (restsOn.length === 0) return line('–');
  const measures = [...new Set(restsOn.map((r) => r.measure))];
  return line(
    ...measures.flatMap((m, i) => [
      i === 0 ? '' : '\n',
      measures.length > 1 ? `${m}: ` : '',
      ...restsOn.filter((r) => r.measure === m).flatMap((r, k) => [k === 0 ? '' : '; ', their(r.delegation), ` ${STANCE_LABELS[r.stance].toLowerCase()}`]),
    ]),
  );
}

function objectiveBlocks(report: AfterActionReport): Block[] {
  const blocks: Block[] = [heading(2, SECTION.objectives)];
  if (report.objectives.length === 0) return [...blocks, nothing('The scenario sets no objectives.')];
  blocks.push(
    paragraph(line("Rated on HSEEP's scale: P performed without challenges, S with some challenges, M with major challenges, U unable to be performed."), 'muted'),
    table(
      ['#', 'Objective', 'Tied to', 'Rating', 'Observations', 'Timeline'],
      report.objectives.map((o) => [
        o.n,
        line(their(o.title), o.description.trim() === '' ? '' : line(' — ', their(o.description))),
        o.tiedTo,
        o.rating === null ? 'Not rated' : `${o.rating}: ${HSEEP_RATING_LABELS[o.rating]}`,
        theirsOrDash(o.observations),
        entryList(o.entries),
      ]),
    ),
  );
  return blocks;
}

function hotWashBlocks(report: AfterActionReport): Block[] {
  const blocks: Block[] = [heading(2, SECTION.hotWash)];
  const h = report.hotWash;
  if (h === null || h.answers.length === 0) return [...blocks, nothing('No delegation has given its hot wash yet.')];
  blocks.push(
    paragraph(line('Ratings from 1 (strongly disagree) to 5 (strongly agree); the average is over the delegations that answered.'), 'muted'),
    table(
      ['Question', ...h.answers.map((a) => their(a.delegation)), 'Average'],
      h.questions.map((q) => [q.text, ...h.answers.map((a) => (a.ratings[q.id] === undefined ? '–' : String(a.ratings[q.id]))), q.average === null ? '–' : q.average.toFixed(1)]),
    ),
    timedTable(
      ['Delegation', 'Strengths', 'Areas for improvement', 'Free text'],
      h.answers.map((a) => [cellTime(a.at), line(their(a.delegation), a.fromPaper ? ' (entered from paper)' : ''), theirsOrDash(a.strengths), theirsOrDash(a.improvements), theirsOrDash(a.comments)]),
    ),
  );
  if (h.missing.length > 0) blocks.push(paragraph(line('No hot wash from ', names(h.missing), '.'), 'muted'));
  return blocks;
}

const PRIORITY_LABEL = { high: 'High', medium: 'Medium', low: 'Low' } as const;

function planBlocks(report: AfterActionReport): Block[] {
  return [
    heading(2, SECTION.plan),
    report.improvementPlan.length > 0
      ? {
          type: 'table',
          head: cells(['#', 'Priority', 'Objective', 'Issue', 'Corrective action', 'Owner', 'Due date']),
          rows: report.improvementPlan.map((item, i) =>
            cells([
              // The objective by its number: its title stands under the objectives.
              String(i + 1), item.priority === '' ? '–' : PRIORITY_LABEL[item.priority], item.objective === null ? '–' : item.objective.n, their(item.issue),
              theirsOrDash(item.correctiveAction), theirsOrDash(item.owner), item.dueDate === '' ? '–' : item.dueDate,
            ]),
          ),
          // A date kept on one line.
          timeColumns: [6],
        }
      : nothing('No improvement items recorded yet.'),
  ];
}

const KINDS: { readonly [K in TimelineKind]: string } = {
  release: 'Released',
  inject: 'Received',
  withdrawal: 'Withdrawn',
  decision: 'Decision',
  position: 'Position',
  dissent: 'Dissent',
  'hot-wash': 'Hot wash',
  observation: 'Observation',
  'joint-decision': 'Joint decision',
};

/** A name this long or shorter fits a timeline's column without wrapping. */
const SHORT_NAME = 24;

function timelineBlocks(report: AfterActionReport): Block[] {
  const blocks: Block[] = [heading(2, SECTION.timeline)];
  if (report.timeline.length === 0) return [...blocks, nothing('Nothing was released or decided yet.')];
  blocks.push(paragraph(line('Releases, what each delegation received and decided, its positions and hot wash, the joint decision and the facilitator’s observations, from the records. Times are UTC.'), 'muted'));
  if (report.timelineClock !== null) blocks.push(paragraph(line(report.timelineClock), 'muted'));
  // One day's play needs its date once, in the header.
  const days = new Set(report.timeline.map((e) => cellTime(e.at).slice(0, 10)));
  const oneDay = days.size === 1 ? [...days][0]! : null;
  blocks.push({
    type: 'table',
    head: cells(['#', oneDay === null ? 'Time (UTC)' : `UTC, ${oneDay}`, 'Exercise time', 'Who', 'Kind', 'Entry']),
    // An entry's sentence ends with what someone typed (build.ts), so isolating it whole is enough.
    rows: report.timeline.map((e) =>
      cells([
        e.n, oneDay === null ? cellTime(e.at) : cellTime(e.at).slice(11), e.exerciseTime === null ? '–' : formatExerciseTime(e.exerciseTime),
        e.delegation === null ? 'Facilitator' : their(e.delegation), KINDS[e.kind], their(e.text),
      ]),
    ),
    // Short names stay on one line too, so that most entries take a line.
    timeColumns: report.timeline.every((e) => (e.delegation ?? '').length <= SHORT_NAME) ? [0, 1, 2, 3, 4] : [0, 1, 2, 4],
    wide: 5,
  });
  return blocks;
}

/** Which records do not verify, and what that means for the report. */
function brokenWarning(report: AfterActionReport, where: string): Block {
  const broken = report.delegations.filter((d) => !d.chain.intact);
  const joint = jointVerified(report.jointDecision);
  return paragraph(
    line(
      'WARNING: the record of ', names(broken.map((d) => d.name)), broken.length > 0 && !joint ? ' and ' : '', joint ? '' : 'the joint decision',
      ` does not verify${where}. It was changed outside the app or damaged; what this report shows for ${broken.length + (joint ? 0 : 1) === 1 ? 'it' : 'them'} cannot be relied on.`,
    ),
    'alert',
  );
}

function integrityBlocks(report: AfterActionReport): Block[] {
  const joint = report.jointDecision;
  const rows: Cell[][] = report.delegations.map((d) => [
    their(d.name), String(d.chain.events), d.chain.intact ? 'Yes' : 'NO', shortHash(d.chain.headHash), playedOnText(d.playedOn), d.chain.problem ?? '–',
  ]);
  if (joint !== null && joint.entries.length > 0) {
    const ok = jointVerified(joint);
    rows.push(['Joint decision', String(joint.chain.events), ok ? 'Yes' : 'NO', shortHash(joint.chain.headHash), "the facilitator's laptop", [joint.chain.problem ?? '', ...joint.referenceProblems].filter(Boolean).join(' ') || '–']);
  }
  return [
    heading(2, SECTION.integrity),
    allIntact(report)
      ? paragraph(
          line(`Every record verified: each delegation's log${joint && joint.entries.length > 0 ? ' and the joint decision' : ''} is an intact hash chain, and replaying a log gives the state the app holds. This report was built from those records.`),
        )
      : brokenWarning(report, ''),
    ...(report.overview.scenario ? [paragraph(line(`Scenario SHA-256: ${report.overview.scenario.sha256}`), 'muted')] : []),
    table(['Record', 'Events', 'Verified', 'Last hash', 'Played on', 'Problem'], rows),
  ];
}

/** An observation as the record keeps it: a deleted one marked, an edited one with its earlier texts. */
function observationCell(o: AfterActionReport['observations'][number]): Inline {
  return line(
    o.deletedAt === null ? '' : `[deleted ${formatTime(o.deletedAt)}] `,
    their(o.text),
    ...o.revisions.flatMap((r) => [`\n(before ${formatTime(r.replacedAt)}: `, their(r.text), ')']),
  );
}

/** Where a run was played: the facilitator's laptop, or the delegation's own, known by its key. */
function playedOnText(playedOn: DelegationReport['playedOn']): string {
  if (playedOn === null) return "the facilitator's laptop";
  if (playedOn.laptopFingerprint === null) return `its own laptop (kit issued ${formatTime(playedOn.kitIssuedAt)}; no return yet)`;
  return `laptop ${playedOn.laptopFingerprint}, last return ${playedOn.lastReturnAt === null ? '–' : formatTime(playedOn.lastReturnAt)}`;
}

function comparisonBlocks(report: AfterActionReport): Block[] {
  if (report.delegations.length < 2) return [];
  return [
    heading(3, 'The delegations side by side'),
    // Values may end with a name (build.ts), so each is isolated whole.
    table(['', ...report.delegations.map((d) => their(d.name))], report.comparison.map((r) => [r.label, ...r.values.map(their)])),
  ];
}

const remarkRows = (remarks: DelegationReport['notes']): Cell[][] =>
  remarks.map((r) => [cellTime(r.at), STEPS[r.step].label, r.author === null ? '–' : their(r.author), their(r.text)]);

const stepLabel = (step: StepId): string => STEPS[step].label;

const REVISION_CHANGE = { edited: 'Edited', removed: 'Removed', changed: 'Changed', withdrawn: 'Withdrawn' } as const;

const ASSESSMENT_STATUS = { current: 'Current', superseded: 'Superseded', reopened: 'Reopened by later information, not agreed again' } as const;

/**
 * "The same as at 09:30": a decision taken again in the same words (after an inject took the
 * run back) is not written out again; the JSON keeps each one whole.
 */
function sameAsBefore<T extends { readonly at: string }>(list: readonly T[], i: number, key: (item: T) => string): Inline | null {
  const previous = list[i - 1];
  if (previous === undefined || key(previous) !== key(list[i]!)) return null;
  const [then, now] = [cellTime(previous.at), cellTime(list[i]!.at)];
  return line(`The same as at ${then.slice(0, 10) === now.slice(0, 10) ? then.slice(11) : then}.`);
}

/** A step's heading with the citations it rests on, quoted once in the appendix. */
function stepHeading(report: AfterActionReport, label: string, ...items: string[]): Block {
  const ids = [...new Set(items.flatMap((item) => report.basis[item] ?? []))];
  return heading(4, label, ids.length > 0 ? ` (basis: ${ids.join(', ')})` : '');
}

function awarenessBlocks(d: DelegationReport): Block[] {
  const blocks: Block[] = [
    d.findings.length > 0
      ? table(['Finding', 'Source', 'Confidence'], d.findings.map((f) => [their(f.text), their(f.source), CONFIDENCE_LABELS[f.confidence].label]))
      : nothing('No findings recorded.'),
  ];
  if (d.sharedAssessments.length === 0) return [...blocks, nothing('No shared assessment agreed.')];
  const current = d.sharedAssessments.find((x) => x.status === 'current');
  if (!current) blocks.push(nothing('The shared assessment agreed last was reopened by later information and is not agreed now.'));
  if (current && d.sharedAssessments.length === 1) return [...blocks, fields([['Shared assessment (agreed)', line(their(current.text))]])];
  // Every agreement the log records, the current one marked: what a delegation agreed before an inject is part of its record.
  blocks.push(
    timedTable(
      ['Shared assessment agreed', 'Status'],
      d.sharedAssessments.map((x, i) => [cellTime(x.at), sameAsBefore(d.sharedAssessments, i, (y) => y.text) ?? their(x.text), ASSESSMENT_STATUS[x.status]]),
    ),
  );
  return blocks;
}

/**
 * The ratings with their rationales, the facts the level rests on and the formula: what a
 * reader needs to reproduce the overall level, and what single change would move it.
 */
function levelBlocks(d: DelegationReport): Block[] {
  const basis = d.levelBasis;
  const potential = basis.attempt?.potential ?? null;
  const ratingCell = (v: number | null): string => (v === null ? 'Not rated' : String(v));
  const blocks: Block[] = [
    potential === null
      ? table(['Dimension', 'Rating (0–4)', 'Rationale'], d.ratings.map((r) => [r.label, ratingCell(r.value), theirsOrDash(r.rationale)]))
      : table(
          ['Dimension', 'Achieved (0–4)', 'Potential, had the attempt succeeded', 'Rationale'],
          d.ratings.map((r) => [r.label, ratingCell(r.value), String(potential[r.dimension]), theirsOrDash(r.rationale)]),
        ),
  ];
  // The facts in full (the comparison gives them in a word): with the ratings, they give the level.
  const rows: (readonly [string, Inline])[] = basis.facts.map((f) => [f.label, line(f.value)] as const);
  rows.push(['Overall level', line(d.level === null ? 'Not all dimensions rated' : `${d.level} of 4`)]);
  if (basis.formula !== null) rows.push(['How the level follows', line(basis.formula)]);
  for (const text of basis.whatWouldChange) rows.push(['What would change the outcome', line(text)]);
  return [...blocks, fields(rows)];
}

function delegationBlocks(report: AfterActionReport, d: DelegationReport): Block[] {
  const blocks: Block[] = [
    heading(3, 'Delegation: ', their(d.name)),
    d.chain.intact
      ? paragraph(line(`Record verified: ${d.chain.events} events, last hash ${shortHash(d.chain.headHash)}. Reached the step: ${stepLabel(d.step)}. Played on ${playedOnText(d.playedOn)}.`), 'muted')
      : paragraph(line(`WARNING: this record does not verify. ${d.chain.problem ?? ''}`), 'alert'),
  ];

  blocks.push(stepHeading(report, `1. ${stepLabel('awareness')}`, 'step:awareness'), ...awarenessBlocks(d));

  blocks.push(stepHeading(report, `2. ${stepLabel('attribution')}`, 'step:attribution'));
  const a = d.attribution;
  // Revised: the table of every decision, the one in force marked, says it all.
  if (d.attributions.length > 1) {
    if (a.status === 'attributed' && a.actorTypeId === 'state-sponsored') blocks.push(fields([['Attribution to a State', line(STATE_SPONSORED_COUNTS)]]));
  } else blocks.push(
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
        : nothing('No attribution decision yet.'),
  );
  // A revised attribution is replaced in the state; the record keeps what was decided before.
  if (d.attributions.length > 1) {
    blocks.push(
      timedTable(
        ['Attribution decision', 'Basis or reason', 'Status'],
        d.attributions.map((x, i) => [
          cellTime(x.at),
          x.status === 'attributed'
            ? line(`Attributed to ${x.actorType}, ${CONFIDENCE_LABELS[x.confidence].label}`, x.actorName ? line(': ', their(x.actorName)) : '')
            : 'Not attributed',
          sameAsBefore(d.attributions, i, (y) => `${y.status}|${y.status === 'attributed' ? `${y.actorTypeId}|${y.actorName}|${y.confidence}|${y.basis}` : y.reason}`) ??
            their(x.status === 'attributed' ? x.basis : x.reason),
          x.inForce ? 'In force' : 'Superseded',
        ]),
      ),
    );
  }

  blocks.push(stepHeading(report, `3. ${stepLabel('proportionality')}`, 'step:proportionality'), ...levelBlocks(d));

  blocks.push(stepHeading(report, `4. ${stepLabel('measures')}`, 'step:measures', ...d.measures.map((m) => `category:${m.categoryId}`)));
  blocks.push(
    d.measures.length > 0
      ? table(
          ['Measure', 'Category', 'Rationale'],
          d.measures.map((m) => [m.label + (m.outsideSuggestion ? ' (outside the suggested categories)' : ''), m.category, theirsOrDash(m.rationale)]),
        )
      : nothing('No measures selected.'),
    stepHeading(report, `The ${inWords(PRINCIPLE_IDS.length)} principles`, ...d.principles.map((p) => `principle:${p.id}`)),
    table(['Principle', 'Assessment', 'Note'], d.principles.map((p) => [p.label, p.status ?? 'Not assessed', theirsOrDash(p.note)])),
  );

  // No paragraph speaks to recording a decision (FRAMEWORK.md §3): the heading cites none.
  blocks.push(heading(4, `5. ${stepLabel('decided')}`));
  if (d.decision !== null && d.principlesNotMet.length > 0) {
    blocks.push(paragraph(line(`Decided with a principle not met: ${d.principlesNotMet.join(', ')}.`), 'alert'));
  }
  blocks.push(
    d.decisions.length > 0
      ? timedTable(
          ['Decision', 'Status'],
          d.decisions.map((x, i) => [
            cellTime(x.at),
            sameAsBefore(d.decisions, i, (y) => y.summary) ?? their(x.summary),
            d.decision && d.decision.at === x.at && d.decision.summary === x.summary ? 'In force' : 'Superseded',
          ]),
        )
      : nothing('No decision submitted.'),
  );

  if (d.revisions.length > 0) {
    blocks.push(
      heading(4, 'Entries changed later'),
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

  if (d.notes.length > 0 || d.dissents.length > 0) blocks.push(heading(4, 'Notes and dissent'));
  if (d.notes.length > 0) blocks.push(timedTable(['Step', 'Author', 'Note'], remarkRows(d.notes)));
  if (d.dissents.length > 0) blocks.push(timedTable(['Step', 'Author', 'Dissent'], remarkRows(d.dissents)));
  return blocks;
}

function recordsBlocks(report: AfterActionReport): Block[] {
  return [
    heading(2, SECTION.delegations),
    paragraph(line('Each delegation’s record as its log holds it. Quotations of the conclusions are in the appendix, by their ids (C1, C2 …).'), 'muted'),
    ...comparisonBlocks(report),
    ...report.delegations.flatMap((d) => delegationBlocks(report, d)),
  ];
}

function observationsBlocks(report: AfterActionReport): Block[] {
  return [
    heading(2, SECTION.observations),
    report.observations.length > 0
      ? timedTable(['Exercise time', 'Observation'], report.observations.map((o) => [cellTime(o.at), formatClock(o.elapsedMs), observationCell(o)]))
      : nothing('No observations recorded.'),
  ];
}

function citationBlocks(citations: readonly Citation[]): Block[] {
  const blocks: Block[] = [
    heading(2, SECTION.citations),
    paragraph(line('Each paragraph the report cites, quoted once, verbatim from the Council documents held in the app; the sections refer to it by its id.'), 'muted'),
  ];
  if (citations.length === 0) return [blocks[0]!, nothing('The report cites no paragraph.')];
  for (const c of citations) {
    blocks.push(heading(3, `${c.id}: ${c.docRef} ${c.anchor}`), paragraph(line(`Supports: ${c.supports.join('; ')}`), 'muted'));
    if (c.unavailable.length > 0) {
      blocks.push(paragraph(line(`Not available in ${c.unavailable.map((l) => l.toUpperCase()).join(', ')}; quoted in the language the document has.`), 'muted'));
    }
    for (const q of c.quotes) blocks.push({ type: 'quote', lang: q.lang, citation: q.citation, text: q.text, footnotes: q.footnotes.map(citeFootnote) });
  }
  return blocks;
}

/**
 * The report in its order (issue 15, FRAMEWORK.md §7): the summary first, then the evaluation
 * (positions, the joint decision, the objectives, the hot wash, the improvement plan), then
 * the detail it rests on, the quotations last. A single run has no exercise to evaluate: its
 * report is its record.
 */
const SECTION_BLOCKS: { readonly [S in ReportSection]: (report: AfterActionReport) => Block[] } = {
  summary: summaryBlocks,
  positions: positionsBlocks,
  joint: jointBlocks,
  objectives: objectiveBlocks,
  hotWash: hotWashBlocks,
  plan: planBlocks,
  timeline: timelineBlocks,
  integrity: integrityBlocks,
  delegations: recordsBlocks,
  observations: observationsBlocks,
  citations: (report) => citationBlocks(report.citations),
};

export function reportBlocks(report: AfterActionReport): Block[] {
  return [...titleBlocks(report), ...sectionsOf(report.overview.kind).flatMap((section) => SECTION_BLOCKS[section](report))];
}

/** The marking line every page (and the Markdown's first and last line) carries. */
export const markingOf = (marking: ReportMarking): Inline => line('EXERCISE · ', classificationLine(marking), ' · EXERCISE');
