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
import {
  REPORT_FORMAT, REPORT_VERSION, type AfterActionReport, type AgreedAssessment, type AttributionDecision, type RevisedEntry, type ChainStatus, type PlayedOn, type Citation, type ComparisonRow,
  type DelegationReport, type ImprovementItem, type QuoteLanguageChoice, type RemarkReport, type ReportMarking,
  type ReportOverview, type TimelineEntry,
} from './model';

/** One delegation's record: its log, and the state that replaying the log gives. */
export interface ReportRun {
  readonly delegation: string;
  readonly runId: string;
  readonly events: readonly RecordedEvent[];
  readonly replayed: { readonly step: StepId; readonly context: WorkflowContext };
  readonly chain: ChainStatus;
  readonly playedOn: PlayedOn | null;
}

export interface ReportInput {
  readonly generatedAt: string;
  readonly quoteLanguages: QuoteLanguageChoice;
  readonly marking: ReportMarking;
  readonly overview: ReportOverview;
  readonly runs: readonly ReportRun[];
  /** Exercise time of each release, by delegation and inject. */
  readonly releaseTimes: ReadonlyMap<string, number>;
  readonly observations: AfterActionReport['observations'];
  /** Releases the facilitator withdrew: the delegation, the inject's title, when, and the exercise clock then. */
  readonly withdrawals: readonly { readonly at: string; readonly elapsedMs: number; readonly delegation: string; readonly title: string }[];
  readonly improvementPlan: readonly ImprovementItem[];
  /** The evidence of a framework item, each paragraph in every language its document has. */
  readonly evidence: (item: EvidenceItem) => readonly ResolvedLink[];
}

export const releaseKey = (delegation: string, injectId: string): string => `${delegation}\u0000${injectId}`;

const itemKey = (item: EvidenceItem): string => `${item.kind}:${item.id}`;

/**
 * What a log entry decided, in a sentence; null for the work in between (findings, ratings, notes).
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
      return `Decided not to attribute: ${event.reason}`;
    case 'PROPORTIONALITY.CONFIRM':
      return 'Confirmed the proportionality assessment.';
    case 'MEASURE.SELECT':
      return `Selected the measure: ${MEASURES[event.measureId].label}.`;
    case 'MEASURE.DESELECT':
      return `Withdrew the measure: ${MEASURES[event.measureId].label}.`;
    case 'DECISION.SUBMIT':
      return `Submitted the decision: ${event.summary}`;
    case 'DECISION.REOPEN':
      return 'Reopened the decision.';
    case 'REVISE':
      return `Went back to revise the step ${STEPS[event.step].label}.`;
    default:
      return null;
  }
}

function timelineOf(input: ReportInput): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const run of input.runs) {
    for (const { at, event } of run.events) {
      if (event.type === 'INJECT.RECEIVE') {
        entries.push({
          at, kind: 'inject', delegation: run.delegation, eventType: event.type, text: `Received the inject: ${event.title}`,
          elapsedMs: input.releaseTimes.get(releaseKey(run.delegation, event.id)) ?? null,
        });
        continue;
      }
      const text = describeDecision(event);
      if (text !== null) entries.push({ at, elapsedMs: null, kind: 'decision', delegation: run.delegation, eventType: event.type, text });
    }
  }
  for (const w of input.withdrawals) {
    entries.push({ at: w.at, elapsedMs: w.elapsedMs, kind: 'withdrawal', delegation: w.delegation, eventType: null, text: `The facilitator withdrew the inject: ${w.title}` });
  }
  for (const o of input.observations) {
    const text = o.deletedAt === null ? o.text : `${o.text} (deleted at ${o.deletedAt})`;
    entries.push({ at: o.at, elapsedMs: o.elapsedMs, kind: 'observation', delegation: null, eventType: null, text });
  }
  // Stable: entries of one instant keep the order of delegations and of each log.
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
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
    for (const link of input.evidence(item)) {
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

export function buildReport(input: ReportInput): AfterActionReport {
  const delegations = input.runs.map(delegationOf);
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    generatedAt: input.generatedAt,
    quoteLanguages: input.quoteLanguages,
    marking: input.marking,
    overview: input.overview,
    timeline: timelineOf(input),
    delegations,
    comparison: comparisonOf(delegations),
    observations: input.observations,
    improvementPlan: input.improvementPlan,
    ...citationsOf(input),
  };
}
