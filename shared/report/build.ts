import { citeParagraph } from '../citation';
import type { Lang } from '../corpus';
import {
  ACTOR_TYPE_LABELS, CATEGORIES, CONFIDENCE_LABELS, DIMENSIONS, DIMENSION_IDS, MEASURES, PRINCIPLES, PRINCIPLE_IDS,
  PRINCIPLE_STATUS_LABELS, STEPS, STEP_IDS, type ActorType, type CategoryId, type StepId,
} from '../framework/catalogue';
import type { EvidenceItem } from '../framework/evidence';
import type { ResolvedLink } from '../framework/evidence';
import type { Attribution, Remark, WorkflowContext } from '../workflow/context';
import type { WorkflowEvent } from '../workflow/event-schema';
import { LEVEL_FACT_IDS, LEVEL_FACT_LABELS, levelFacts } from '../framework/proportionality';
import { assessRun, caseFactsOf } from '../workflow/rules';
import type { RecordedEvent } from '../workflow/runs';
import { HOT_WASH_QUESTIONS, HOT_WASH_QUESTION_IDS } from '../evaluation/hot-wash';
import { HSEEP_RATINGS, PRIORITIES, type Priority } from '../evaluation/objectives';
import { formatTimelineRef } from '../evaluation/timeline-ref';
import type { ExerciseClock } from './clock';
import {
  REPORT_FORMAT, REPORT_SECTIONS, REPORT_VERSION, sectionsOf, type AfterActionReport, type AgreedAssessment, type AttributionDecision, type RevisedEntry, type ChainStatus,
  type PlayedOn, type Citation, type ComparisonRow, type DelegationReport, type ExecutiveSummary, type HotWashAnswer, type HotWashReport, type ImprovementItem,
  type JointDecisionReport, type JointEntryReport, type ObjectiveReport, type PlanItemReport, type PositionsReport, type QuoteLanguageChoice, type RemarkReport,
  type ReportMarking, type ReportOverview, type SummaryPoint, type TimelineEntry, type TimelineKind,
} from './model';

/** One delegation's record: its log, and the state that replaying the log gives. */
export interface ReportRun {
  readonly delegation: string;
  /** Its seat in the exercise; null for a run of its own. */
  readonly delegationId: string | null;
  readonly runId: string;
  readonly events: readonly RecordedEvent[];
  readonly replayed: { readonly step: StepId; readonly context: WorkflowContext };
  readonly chain: ChainStatus;
  readonly playedOn: PlayedOn | null;
}

/** An inject released to a delegation, as the exercise stored it, with the clock's readings. */
export interface ReportRelease {
  readonly delegationId: string;
  readonly delegation: string;
  readonly injectId: string;
  readonly title: string;
  readonly at: string;
  readonly elapsedMs: number;
  readonly withdrawn: { readonly at: string; readonly elapsedMs: number } | null;
}

export interface ReportInput {
  readonly generatedAt: string;
  readonly quoteLanguages: QuoteLanguageChoice;
  readonly marking: ReportMarking;
  readonly overview: ReportOverview;
  readonly runs: readonly ReportRun[];
  /** The exercise clock, to give every entry its exercise time; null for a run of its own. */
  readonly clock: ExerciseClock | null;
  readonly releases: readonly ReportRelease[];
  readonly observations: readonly (AfterActionReport['observations'][number] & { readonly id: string })[];
  /** The table of positions, read from the runs (shared/consensus/table.ts); null for a run of its own. */
  readonly positions: PositionsReport | null;
  readonly jointDecision: JointDecisionReport | null;
  /** The scenario's objectives, in its order, each with its rating (entries still as references). */
  readonly objectives: readonly Omit<ObjectiveReport, 'n'>[];
  readonly improvementPlan: readonly ImprovementItem[];
  /** The evidence of a framework item, each paragraph in every language its document has. */
  readonly evidence: (item: EvidenceItem) => readonly ResolvedLink[];
}

const itemKey = (item: EvidenceItem): string => `${item.kind}:${item.id}`;

/**
 * What a log entry decided, in a sentence; null for the work in between (findings, ratings, notes).
 * What was typed is cut to its first sentence: the timeline is the index, the delegation's
 * record holds the whole text.
 * What a participant typed always comes last, so that isolating the whole sentence for
 * bidirectional text (see html.ts) is enough: an override in a name can reach nothing after it.
 */
export function describeDecision(event: WorkflowEvent): string | null {
  switch (event.type) {
    case 'AWARENESS.AGREE':
      return 'Agreed the shared assessment.';
    case 'ATTRIBUTION.ATTRIBUTE': {
      const to = `Attributed the activity, with ${CONFIDENCE_LABELS[event.confidence].label}, to ${ACTOR_TYPE_LABELS[event.actorType].label}`;
      return event.actorNamed && event.actorName ? `${to}, named: ${event.actorName}` : `${to}.`;
    }
    case 'ATTRIBUTION.SKIP':
      return `Decided not to attribute: ${firstSentence(event.reason)}`;
    case 'PROPORTIONALITY.CONFIRM':
      return 'Confirmed the proportionality assessment.';
    case 'MEASURE.SELECT':
      return `Selected the measure: ${MEASURES[event.measureId].label}.`;
    case 'MEASURE.DESELECT':
      return `Withdrew the measure: ${MEASURES[event.measureId].label}.`;
    case 'DECISION.SUBMIT':
      return `Submitted the decision: ${firstSentence(event.summary)}`;
    case 'DECISION.REOPEN':
      return 'Reopened the decision.';
    case 'REVISE':
      return `Went back to revise the step ${STEPS[event.step].label}.`;
    default:
      return null;
  }
}

/** A position, a dissent or a hot wash, in a sentence: its text is in its own section, quoted once. */
function describeEvaluation(event: WorkflowEvent): { kind: TimelineKind; text: string } | null {
  switch (event.type) {
    case 'POSITION.SET':
      return {
        kind: 'position',
        text: `${event.stance === 'opposes' ? 'Recorded its objection to' : 'Abstained constructively on'} the measure: ${MEASURES[event.measureId].label} (text under "${REPORT_SECTIONS.positions}").`,
      };
    case 'POSITION.WITHDRAW':
      return { kind: 'position', text: `Withdrew its position on the measure: ${MEASURES[event.measureId].label}.` };
    case 'DISSENT.ADD':
      return { kind: 'dissent', text: `Recorded a dissent${event.author ? ` (${event.author})` : ''}: ${firstSentence(event.text)}` };
    case 'HOTWASH.SUBMIT':
      return {
        kind: 'hot-wash',
        text: `${event.source === 'paper' ? 'The facilitator entered its hot wash from a paper form' : 'Submitted its hot wash'} (under "${REPORT_SECTIONS.hotWash}").`,
      };
    default:
      return null;
  }
}

type Unnumbered = Omit<TimelineEntry, 'n' | 'exerciseTime'> & { readonly stamped: number | null };

/**
 * Every entry of the record in time order, each numbered and with its exercise time: the one
 * the clock stamped (releases, withdrawals, observations), else the one its readings give.
 * A release to a delegation on the facilitator's laptop is its receipt too (one instant, one
 * entry); a receipt on a delegation's own laptop is an entry of its own.
 */
function timelineOf(input: ReportInput): TimelineEntry[] {
  const entries: Unnumbered[] = [];
  const released = new Map(input.releases.map((r) => [`${r.delegation}\u0000${r.injectId}`, r]));
  for (const r of input.releases) {
    entries.push({
      ref: formatTimelineRef({ kind: 'release', delegationId: r.delegationId, injectId: r.injectId }), at: r.at, stamped: r.elapsedMs,
      kind: 'release', delegation: r.delegation, eventType: null, text: `The facilitator released the inject: ${r.title}`,
    });
    if (r.withdrawn !== null) {
      entries.push({
        ref: null, at: r.withdrawn.at, stamped: r.withdrawn.elapsedMs, kind: 'withdrawal', delegation: r.delegation, eventType: null,
        text: `The facilitator withdrew the inject: ${r.title}`,
      });
    }
  }
  for (const run of input.runs) {
    for (const { seq, at, event } of run.events) {
      const ref = formatTimelineRef({ kind: 'run', runId: run.runId, seq });
      if (event.type === 'INJECT.RECEIVE') {
        if (released.get(`${run.delegation}\u0000${event.id}`)?.at === at) continue;
        entries.push({ ref, at, stamped: null, kind: 'inject', delegation: run.delegation, eventType: event.type, text: `Received the inject: ${event.title}` });
        continue;
      }
      const evaluation = describeEvaluation(event);
      if (evaluation !== null) {
        entries.push({ ref, at, stamped: null, ...evaluation, delegation: run.delegation, eventType: event.type });
        continue;
      }
      const text = describeDecision(event);
      if (text !== null) entries.push({ ref, at, stamped: null, kind: 'decision', delegation: run.delegation, eventType: event.type, text });
    }
  }
  for (const o of input.observations) {
    // Its whole text, and its earlier ones, are under the facilitator's observations.
    const text = o.deletedAt === null ? firstSentence(o.text) : `${firstSentence(o.text)} (deleted at ${o.deletedAt})`;
    entries.push({ ref: formatTimelineRef({ kind: 'note', noteId: o.id }), at: o.at, stamped: o.elapsedMs, kind: 'observation', delegation: null, eventType: null, text });
  }
  for (const e of input.jointDecision?.entries ?? []) {
    entries.push({ ref: null, at: e.at, stamped: e.elapsedMs, kind: 'joint-decision', delegation: null, eventType: null, text: `Entry ${e.seq}: ${jointEntryLine(e)}` });
  }
  // Stable: entries of one instant keep the order above (releases, the delegations' logs, observations).
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return entries.map(({ stamped, ...e }, i) => ({
    n: `T${i + 1}`,
    ...e,
    exerciseTime:
      stamped !== null ? { ms: stamped, basis: 'recorded', earliestMs: stamped, latestMs: stamped } : input.clock === null ? null : input.clock.at(e.at),
  }));
}

/** What the timeline's exercise times rest on, where the clock did not stamp them all. */
function timelineClockOf(input: ReportInput, timeline: readonly TimelineEntry[]): string | null {
  if (input.clock === null) return timeline.length === 0 ? null : 'A run of its own has no exercise clock: entries have no exercise time.';
  const computed = timeline.filter((e) => e.exerciseTime?.basis === 'computed').length;
  const ranged = timeline.filter((e) => e.exerciseTime?.basis === 'range').length;
  if (computed + ranged === 0) return null;
  const head =
    "The exercise clock stamps releases, withdrawals, observations and the joint decision's entries; it does not store when it was started, paused or resumed. " +
    "The exercise time of every other entry is computed from those readings, the clock's adjustments and its state at the end";
  return ranged === 0
    ? `${head}: the clock ran, or stood still, throughout between the readings around each entry, so each time is exact.`
    : `${head}: exact where the clock ran, or stood still, throughout between the readings around an entry; where it was paused somewhere in between, the report gives the range the readings leave open (${ranged} of ${timeline.length} entries).`;
}

/** One line for an entry of the joint decision; its texts stand in its own section. */
export function jointEntryLine(e: JointEntryReport): string {
  const measures = e.measures.join('; ');
  const aside = e.withdrawnBy === null ? '' : ` (set aside by entry ${e.withdrawnBy})`;
  switch (e.kind) {
    case 'adopted':
      return `Adopted ${measures}${e.abstentions.length > 0 ? `, with the constructive abstention of ${e.abstentions.map((x) => x.delegation).join(', ')}` : ''}${aside}.`;
    case 'blocked':
      return `${measures}: blocked by ${e.blockedBy.map((x) => x.delegation).join(', ')}${aside}.`;
    case 'statement':
      return `Agreed a statement announcing ${measures}${aside}.`;
    case 'withdrawal':
      return `Set entry ${e.withdraws ?? '?'} aside.`;
  }
}

/** "State-sponsored actor": the catalogue's label without its article, for tables. */
const actorNoun = (type: ActorType): string => ACTOR_TYPE_LABELS[type].label.replace(/^an? /, '');

const remarkOf = (r: Remark): RemarkReport => ({ at: r.at, step: r.step, author: r.author ?? null, text: r.text });

/** Every agreement the log records, not only the one the replayed state still holds. */
function agreedAssessmentsOf(run: ReportRun): AgreedAssessment[] {
  const agreed = run.events.flatMap(({ at, event }) => (event.type === 'AWARENESS.AGREE' ? [{ at, text: event.text }] : []));
  const held = run.replayed.context.sharedAssessment;
  return agreed.map((x, i) => ({
    ...x,
    status: i < agreed.length - 1 ? 'superseded' : held.agreed && held.text === x.text ? 'current' : 'reopened',
  }));
}

function attributionOf(a: Attribution): AttributionDecision {
  return a.status === 'skipped'
    ? { status: 'skipped', reason: a.reason }
    : {
        status: 'attributed', actorType: actorNoun(a.actorType), actorTypeId: a.actorType,
        actorName: a.actorNamed && a.actorName ? a.actorName : null, confidence: a.confidence, basis: a.basis,
      };
}

/** Every attribution decision the log records; nothing in the machine clears one, so the last is in force. */
function attributionsOf(run: ReportRun): DelegationReport['attributions'] {
  const decided = run.events.flatMap(({ at, event }) => {
    if (event.type === 'ATTRIBUTION.SKIP') return [{ at, ...attributionOf({ status: 'skipped', reason: event.reason }) }];
    if (event.type !== 'ATTRIBUTION.ATTRIBUTE') return [];
    const { actorType, actorNamed, actorName, confidence, basis } = event;
    return [{ at, ...attributionOf({ status: 'attributed', actorType, actorNamed, ...(actorName === undefined ? {} : { actorName }), confidence, basis }) }];
  });
  return decided.map((x, i) => ({ ...x, inForce: i === decided.length - 1 && run.replayed.context.attribution !== null }));
}

type Held = Omit<RevisedEntry, 'replacedAt' | 'change'>;

/**
 * Walks the log the way the machine applies it (every entry in it was accepted) and keeps each
 * finding, rating, measure and principle assessment that a later event replaced or removed.
 */
function revisionsOf(run: ReportRun): RevisedEntry[] {
  const held = new Map<string, Held>();
  const revisions: RevisedEntry[] = [];
  const replace = (key: string, at: string, change: RevisedEntry['change'], next: Held | null): void => {
    const before = held.get(key);
    // Saying the same again changes nothing: the entry keeps the time it was first recorded.
    if (before && next && before.value === next.value && before.text === next.text && before.source === next.source) return;
    if (before) revisions.push({ ...before, replacedAt: at, change });
    if (next) held.set(key, next);
    else held.delete(key);
  };
  for (const { at, event } of run.events) {
    switch (event.type) {
      case 'FINDING.ADD':
      case 'FINDING.EDIT':
        replace(`finding:${event.id}`, at, 'edited', {
          kind: 'finding', subject: 'Finding', value: CONFIDENCE_LABELS[event.confidence].label, text: event.text, source: event.source, recordedAt: at,
        });
        break;
      case 'FINDING.REMOVE':
        replace(`finding:${event.id}`, at, 'removed', null);
        break;
      case 'RATING.SET':
        replace(`rating:${event.dimension}`, at, 'changed', {
          kind: 'rating', subject: DIMENSIONS[event.dimension].label, value: String(event.value), text: event.rationale, source: null, recordedAt: at,
        });
        break;
      case 'MEASURE.SELECT':
        replace(`measure:${event.measureId}`, at, 'changed', {
          kind: 'measure', subject: MEASURES[event.measureId].label, value: null, text: event.rationale, source: null, recordedAt: at,
        });
        break;
      case 'MEASURE.DESELECT':
        replace(`measure:${event.measureId}`, at, 'withdrawn', null);
        break;
      case 'PRINCIPLE.ASSESS':
        replace(`principle:${event.principleId}`, at, 'changed', {
          kind: 'principle', subject: PRINCIPLES[event.principleId].label, value: PRINCIPLE_STATUS_LABELS[event.status].label, text: event.note, source: null, recordedAt: at,
        });
        break;
      default:
        break;
    }
  }
  return revisions;
}

function delegationOf(run: ReportRun): DelegationReport {
  const { context, step } = run.replayed;
  const a = context.attribution;
  const assessment = assessRun(context);
  const decisions = run.events.flatMap(({ event }) => (event.type === 'DECISION.SUBMIT' ? [{ at: event.at, summary: event.summary }] : []));
  return {
    name: run.delegation,
    runId: run.runId,
    step,
    chain: run.chain,
    playedOn: run.playedOn,
    injects: context.injects.map((i) => ({ id: i.id, title: i.title, at: i.at })),
    findings: context.findings.map((f) => ({ text: f.text, source: f.source, confidence: f.confidence })),
    sharedAssessment: context.sharedAssessment,
    sharedAssessments: agreedAssessmentsOf(run),
    attribution: a === null ? { status: 'open' } : attributionOf(a),
    attributions: attributionsOf(run),
    ratings: DIMENSION_IDS.map((d) => ({
      dimension: d, label: DIMENSIONS[d].label, value: context.ratings[d]?.value ?? null, rationale: context.ratings[d]?.rationale ?? '',
    })),
    level: assessment?.level ?? null,
    levelBasis: {
      attempt: context.attempt,
      external: context.external,
      actorsIdentified: context.actorsIdentified,
      targets: context.targets,
      facts: levelFacts(caseFactsOf(context)),
      formula: assessment?.formula ?? null,
      whatWouldChange: assessment ? [assessment.whatWouldChange.open, assessment.whatWouldChange.close].flatMap((s) => (s ? [s.text] : [])) : [],
    },
    measures: context.measures.map((m) => ({
      id: m.measureId,
      label: MEASURES[m.measureId].label,
      categoryId: MEASURES[m.measureId].category,
      category: CATEGORIES[MEASURES[m.measureId].category].label,
      rationale: m.rationale,
      outsideSuggestion: m.outsideSuggestion,
    })),
    principles: PRINCIPLE_IDS.map((p) => {
      const assessed = context.principles[p];
      return { id: p, label: PRINCIPLES[p].label, status: assessed ? PRINCIPLE_STATUS_LABELS[assessed.status].label : null, note: assessed?.note ?? '' };
    }),
    revisions: revisionsOf(run),
    notes: context.notes.map(remarkOf),
    dissents: context.dissents.map(remarkOf),
    decision: context.decision,
    decisions,
    principlesNotMet: PRINCIPLE_IDS.filter((p) => context.principles[p]?.status === 'not-met').map((p) => PRINCIPLES[p].label),
  };
}

/** The items whose basis the report quotes: every step and principle, and the categories of measures chosen. */
function citedItems(runs: readonly ReportRun[]): { item: EvidenceItem; label: string }[] {
  const chosen = new Set<CategoryId>(runs.flatMap((r) => r.replayed.context.measures.map((m) => MEASURES[m.measureId].category)));
  return [
    ...STEP_IDS.map((id) => ({ item: { kind: 'step', id } as const, label: `Step: ${STEPS[id].label}` })),
    ...PRINCIPLE_IDS.map((id) => ({ item: { kind: 'principle', id } as const, label: `Principle: ${PRINCIPLES[id].label}` })),
    ...[...chosen].map((id) => ({ item: { kind: 'category', id } as const, label: `Measures: ${CATEGORIES[id].label}` })),
  ];
}

function citationsOf(input: ReportInput): { basis: Record<string, string[]>; citations: Citation[] } {
  const byParagraph = new Map<string, Citation & { supports: string[] }>();
  const basis: Record<string, string[]> = {};
  for (const { item, label } of citedItems(input.runs)) {
    const ids: string[] = [];
    // The paragraphs an item rests on (the evidence map's primary links), each quoted once; the
    // app's reader shows the further paragraphs that give context. Quoting those too made the
    // appendix the bulk of the report.
    for (const link of input.evidence(item).filter((l) => l.primary)) {
      const key = `${link.docRef}#${link.anchor}`;
      let citation = byParagraph.get(key);
      if (!citation) {
        const wanted = input.quoteLanguages === 'all' ? null : input.quoteLanguages;
        const inWanted = wanted === null ? link.paragraphs : link.paragraphs.filter((p) => p.lang === wanted);
        // A document that does not exist in the chosen language is quoted in the languages it has.
        const shown = inWanted.length > 0 ? inWanted : link.paragraphs;
        citation = {
          id: `C${byParagraph.size + 1}`,
          docRef: link.docRef,
          anchor: link.anchor,
          supports: [],
          quotes: shown.map((p) => ({
            lang: p.lang, citation: citeParagraph(p), text: p.text,
            footnotes: p.notes.map(({ n, text, inferred }) => ({ n, text, inferred })),
          })),
          unavailable: wanted !== null && inWanted.length === 0 ? [wanted as Lang] : [],
        };
        byParagraph.set(key, citation);
      }
      if (!citation.supports.includes(label)) citation.supports.push(label);
      if (!ids.includes(citation.id)) ids.push(citation.id);
    }
    basis[itemKey(item)] = ids;
  }
  return { basis, citations: [...byParagraph.values()] };
}

const ratingText = (v: number | null): string => (v === null ? '–' : String(v));

function comparisonOf(delegations: readonly DelegationReport[]): ComparisonRow[] {
  const row = (label: string, cell: (d: DelegationReport) => string): ComparisonRow => ({ label, values: delegations.map(cell) });
  return [
    row('Step reached', (d) => STEPS[d.step].label),
    row('Record verified', (d) => (d.chain.intact ? 'Yes' : 'NO')),
    row('Attribution', (d) =>
      d.attribution.status === 'attributed'
        ? `${d.attribution.actorType}${d.attribution.actorTypeId === 'state-sponsored' ? ' (counts as a State)' : ''}, ${d.attribution.confidence} confidence${d.attribution.actorName ? `: ${d.attribution.actorName}` : ''}`
        : d.attribution.status === 'skipped'
          ? 'Not attributed'
          : 'Not decided',
    ),
    ...DIMENSION_IDS.map((dim) => row(DIMENSIONS[dim].label, (d) => ratingText(d.ratings.find((r) => r.dimension === dim)?.value ?? null))),
    row('Overall level', (d) => ratingText(d.level)),
    // The facts the level rests on, beside it (attribution has its row above): a difference in
    // level is often a difference in one of these.
    ...LEVEL_FACT_IDS.filter((id) => id !== 'attribution').map((id) =>
      row(LEVEL_FACT_LABELS[id], (d) => d.levelBasis.facts.find((f) => f.id === id)?.brief ?? '–'),
    ),
    row('Measures', (d) => (d.measures.length === 0 ? 'None' : d.measures.map((m) => m.label).join('; '))),
    row('Principles met', (d) => `${d.principles.filter((p) => p.status === PRINCIPLE_STATUS_LABELS.met.label).length} of ${d.principles.length}`),
    row('Dissents', (d) => String(d.dissents.length)),
    row('Decision', (d) => (d.decision ? 'Submitted' : d.decisions.length > 0 ? 'Superseded' : 'None')),
  ];
}

/** The delegations' hot wash as their logs hold it; null for a run of its own. */
function hotWashOf(input: ReportInput): HotWashReport | null {
  if (input.overview.kind !== 'exercise') return null;
  const answers: HotWashAnswer[] = input.runs.flatMap((run) => {
    const h = run.replayed.context.hotWash;
    if (h === null) return [];
    const ratings = Object.fromEntries(HOT_WASH_QUESTION_IDS.flatMap((q) => (h.ratings[q] === undefined ? [] : [[q, h.ratings[q]]])));
    return [{ delegation: run.delegation, at: h.at, strengths: h.strengths, improvements: h.improvements, ratings, comments: h.comments, fromPaper: h.source === 'paper' }];
  });
  return {
    questions: HOT_WASH_QUESTIONS.map((q) => {
      const given = answers.flatMap((a) => (a.ratings[q.id] === undefined ? [] : [a.ratings[q.id]!]));
      return { id: q.id, text: q.text, answers: given.length, average: given.length === 0 ? null : Math.round((given.reduce((x, y) => x + y, 0) / given.length) * 10) / 10 };
    }),
    answers,
    missing: input.runs.filter((r) => r.replayed.context.hotWash === null).map((r) => r.delegation),
  };
}

/** The first sentence of what someone wrote, for the summary; the whole text stands in its section. */
export function firstSentence(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /[.!?](?=\s|$)/.exec(flat);
  const sentence = end ? flat.slice(0, end.index + 1) : flat;
  if (sentence.length === flat.length && sentence.length <= max) return sentence;
  // Cut after a whole sentence: a space before the ellipsis, so the sentence keeps its stop.
  return sentence.length <= max ? `${sentence} …` : `${sentence.slice(0, max - 1).trimEnd()}…`;
}

const SUMMARY_POINTS = 6;

/**
 * The main strengths and areas for improvement: what the objectives' ratings say (an objective
 * performed without challenges is a strength; one with challenges, or not performed, an area
 * for improvement, the worst first), then what each delegation said in its hot wash.
 */
function pointsOf(objectives: readonly ObjectiveReport[], hotWash: HotWashReport | null): Pick<ExecutiveSummary, 'strengths' | 'improvements'> {
  const rated = objectives.filter((o) => o.rating !== null && o.observations.trim() !== '');
  const worst = [...rated].filter((o) => o.rating !== 'P').sort((a, b) => HSEEP_RATINGS.indexOf(b.rating!) - HSEEP_RATINGS.indexOf(a.rating!));
  const from = (o: ObjectiveReport): string => `Objective ${o.n} (rated ${o.rating})`;
  const strengths: SummaryPoint[] = [
    ...rated.filter((o) => o.rating === 'P').map((o) => ({ text: firstSentence(o.observations), from: from(o) })),
    ...(hotWash?.answers ?? []).filter((a) => a.strengths.trim() !== '').map((a) => ({ text: firstSentence(a.strengths), from: `Hot wash: ${a.delegation}` })),
  ];
  const improvements: SummaryPoint[] = [
    ...worst.map((o) => ({ text: firstSentence(o.observations), from: from(o) })),
    ...(hotWash?.answers ?? []).filter((a) => a.improvements.trim() !== '').map((a) => ({ text: firstSentence(a.improvements), from: `Hot wash: ${a.delegation}` })),
  ];
  return { strengths: strengths.slice(0, SUMMARY_POINTS), improvements: improvements.slice(0, SUMMARY_POINTS) };
}

/** The joint decision in a few lines: what was adopted, who abstained, what was blocked by whom, whether a statement was agreed. */
function jointSummaryOf(joint: JointDecisionReport | null): string[] {
  if (joint === null || joint.entries.length === 0) return [];
  const standing = joint.entries.filter((e) => e.withdrawnBy === null);
  const lines: string[] = [];
  const adopted = standing.filter((e) => e.kind === 'adopted');
  if (adopted.length > 0) lines.push(`Adopted: ${adopted.flatMap((e) => e.measures).join('; ')}.`);
  for (const e of adopted) {
    if (e.abstentions.length > 0) lines.push(`Constructive abstention on ${e.measures.join('; ')}: ${e.abstentions.map((x) => x.delegation).join(', ')}.`);
  }
  for (const e of standing.filter((x) => x.kind === 'blocked')) lines.push(`Blocked: ${e.measures.join('; ')}, by ${e.blockedBy.map((x) => x.delegation).join(', ')}.`);
  if (standing.some((e) => e.kind === 'statement')) lines.push(`A statement was agreed (its text under "${REPORT_SECTIONS.joint}").`);
  if (lines.length === 0) lines.push('Every entry recorded was set aside: nothing stands.');
  if (!joint.chain.intact || joint.referenceProblems.length > 0) lines.push('WARNING: the record of the joint decision does not verify.');
  return lines;
}

const PRIORITY_ORDER = (p: Priority | ''): number => (p === '' ? PRIORITIES.length : PRIORITIES.indexOf(p));

/** Sorted by priority, highest first; items of one priority keep the facilitator's order. */
function planOf(input: ReportInput, objectives: readonly ObjectiveReport[]): PlanItemReport[] {
  const byId = new Map(objectives.map((o) => [o.id, o]));
  return input.improvementPlan
    .map((item) => {
      const o = byId.get(item.objectiveId);
      return { ...item, objective: o ? { n: o.n, title: o.title } : null };
    })
    .sort((a, b) => PRIORITY_ORDER(a.priority) - PRIORITY_ORDER(b.priority));
}

export function buildReport(input: ReportInput): AfterActionReport {
  const delegations = input.runs.map(delegationOf);
  const timeline = timelineOf(input);
  const numberOf = new Map(timeline.flatMap((e) => (e.ref === null ? [] : [[e.ref, e.n] as const])));
  const order = new Map(timeline.map((e, i) => [e.n, i]));
  const objectives: ObjectiveReport[] = input.objectives.map((o, i) => ({
    ...o,
    n: `O${i + 1}`,
    // In the timeline's order; a reference the timeline does not hold (a run since deleted) is kept as it is, last.
    entries: [...new Set(o.entries.map((ref) => numberOf.get(ref) ?? ref))].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity)),
  }));
  const hotWash = hotWashOf(input);
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    generatedAt: input.generatedAt,
    quoteLanguages: input.quoteLanguages,
    marking: input.marking,
    overview: input.overview,
    sections: sectionsOf(input.overview.kind).map((key) => REPORT_SECTIONS[key]),
    summary: {
      scenario: input.overview.scenario?.title ?? null,
      firstEntryAt: timeline[0]?.at ?? null,
      lastEntryAt: timeline.at(-1)?.at ?? null,
      jointDecision: jointSummaryOf(input.jointDecision),
      objectives: objectives.map((o) => ({ id: o.id, title: o.title, rating: o.rating })),
      ...pointsOf(objectives, hotWash),
    },
    positions: input.positions,
    jointDecision: input.jointDecision,
    objectives,
    hotWash,
    improvementPlan: planOf(input, objectives),
    timeline,
    timelineClock: timelineClockOf(input, timeline),
    delegations,
    comparison: comparisonOf(delegations),
    observations: input.observations.map(({ id: _id, ...o }) => o),
    ...citationsOf(input),
  };
}
