// Pure helpers of the runs feature: what the screens show, derived from the run's context.
// No React, no DOM, no storage: the unit tests call them directly.
import { LANGS, type Lang, type LangChoice, type LocatedParagraph } from '../../../../shared/corpus';
import { DIMENSION_IDS, STEP_IDS, type DimensionId, type RatingValue, type StepId, type TargetKind } from '../../../../shared/framework/catalogue';
import type { EvidenceItem } from '../../../../shared/framework/evidence';
import type { ResolvedLink } from '../../../../shared/framework/evidence';
import { stampEvent, type IncomingEvent, type WorkflowEvent } from '../../../../shared/workflow/event-schema';
import type { Remark, WorkflowContext } from '../../../../shared/workflow/context';

// ---------------------------------------------------------------------------------------
// The stepper

export type StepStatus = 'done' | 'current' | 'todo';

export interface StepperItem {
  readonly id: StepId;
  readonly index: number;
  /** Where the run is: the current step wins over done (a revised step is being worked on). */
  readonly status: StepStatus;
  /** Its work is complete (stepsDone), whether or not the run is there now. */
  readonly done: boolean;
  /** Before the current step: the user may go back to it. */
  readonly earlier: boolean;
}

export function stepperItems(current: StepId, done: readonly StepId[]): readonly StepperItem[] {
  const at = STEP_IDS.indexOf(current);
  return STEP_IDS.map((id, index) => {
    const isDone = done.includes(id);
    return {
      id,
      index,
      status: id === current ? 'current' : isDone ? 'done' : 'todo',
      done: isDone,
      earlier: index < at,
    };
  });
}

// ---------------------------------------------------------------------------------------
// Events: the renderer checks an event locally before it sends it

/**
 * The event as the machine will see it. The main process stamps the time of the events
 * that record one; for a local check any time will do, and the guards ignore a time on
 * events that do not record one.
 */
export function asLocalEvent(event: IncomingEvent, now: string): WorkflowEvent {
  return stampEvent(event, now);
}

export type SanctionsEvent = Extract<IncomingEvent, { type: 'SANCTIONS.SET' }>;

export type SanctionsChange =
  | { readonly kind: 'attempt'; readonly on: boolean }
  | { readonly kind: 'potential'; readonly dimension: DimensionId; readonly value: RatingValue }
  | { readonly kind: 'external'; readonly on: boolean }
  | { readonly kind: 'actorsIdentified'; readonly on: boolean }
  | { readonly kind: 'target'; readonly target: TargetKind; readonly on: boolean };

/** The ratings so far, unrated as 0: where an attempt's potential effect starts. */
export function achievedOrZero(context: WorkflowContext): { [D in DimensionId]: RatingValue } {
  return Object.fromEntries(DIMENSION_IDS.map((id) => [id, context.ratings[id]?.value ?? 0])) as {
    [D in DimensionId]: RatingValue;
  };
}

/**
 * SANCTIONS.SET carries all the sanctions-regime facts at once: the current ones with one
 * change. An attempt's potential effect starts at the effect achieved (it cannot be less).
 */
export function sanctionsEvent(context: WorkflowContext, change: SanctionsChange): SanctionsEvent {
  let attempt = context.attempt === null ? null : { potential: { ...context.attempt.potential } };
  let { external, actorsIdentified } = context;
  let targets = [...context.targets];
  switch (change.kind) {
    case 'attempt':
      attempt = change.on ? (attempt ?? { potential: achievedOrZero(context) }) : null;
      break;
    case 'potential':
      attempt = { potential: { ...(attempt?.potential ?? achievedOrZero(context)), [change.dimension]: change.value } };
      break;
    case 'external':
      external = change.on;
      break;
    case 'actorsIdentified':
      actorsIdentified = change.on;
      break;
    case 'target':
      targets = change.on ? (targets.includes(change.target) ? targets : [...targets, change.target]) : targets.filter((t) => t !== change.target);
      break;
    default:
      return assertNever(change);
  }
  return { type: 'SANCTIONS.SET', attempt, external, actorsIdentified, targets };
}

// ---------------------------------------------------------------------------------------
// Notes and dissent

export interface ListedRemark extends Remark {
  readonly kind: 'note' | 'dissent';
}

/** Notes and dissents in the order they were made. */
export function remarksInOrder(context: Pick<WorkflowContext, 'notes' | 'dissents'>): readonly ListedRemark[] {
  const all: ListedRemark[] = [
    ...context.notes.map((r) => ({ ...r, kind: 'note' as const })),
    ...context.dissents.map((r) => ({ ...r, kind: 'dissent' as const })),
  ];
  // Stable: same time keeps notes before dissents, each in recorded order.
  return all.map((r, i) => [r, i] as const).sort(([a, i], [b, j]) => (a.at < b.at ? -1 : a.at > b.at ? 1 : i - j)).map(([r]) => r);
}

// ---------------------------------------------------------------------------------------
// Evidence

/** One language of the corpus, or 'all': every language a paragraph has, side by side. */
export type EvidenceLang = LangChoice;

export interface EvidenceSection {
  readonly item: EvidenceItem;
  readonly links: readonly ResolvedLink[];
}

export const linkKey = (link: Pick<ResolvedLink, 'docRef' | 'anchor'>): string => `${link.docRef}#${link.anchor}`;
export const itemKey = (item: EvidenceItem): string => `${item.kind}:${item.id}`;

/**
 * The panel's sections in order, each link shown once (where it first appears), primary
 * links first within a section; a section left with nothing new is dropped.
 */
export function evidenceSections(sections: readonly EvidenceSection[]): readonly EvidenceSection[] {
  const seen = new Set<string>();
  const out: EvidenceSection[] = [];
  for (const section of sections) {
    const fresh = section.links.filter((l) => !seen.has(linkKey(l)));
    for (const l of fresh) seen.add(linkKey(l));
    const ordered = [...fresh.filter((l) => l.primary), ...fresh.filter((l) => !l.primary)];
    // An item with no paragraph of its own (the decision) keeps its section, to say so.
    if (ordered.length > 0 || section.links.length === 0) out.push({ item: section.item, links: ordered });
  }
  return out;
}

/** The language versions of a link's paragraph to show, in the library's language order. */
export function paragraphsToShow(link: Pick<ResolvedLink, 'paragraphs'>, choice: EvidenceLang): readonly LocatedParagraph[] {
  const byLang = (lang: Lang): LocatedParagraph | undefined => link.paragraphs.find((p) => p.lang === lang);
  const ordered = LANGS.map(byLang).filter((p): p is LocatedParagraph => p !== undefined);
  if (ordered.length <= 1) return ordered;
  if (choice === 'all') return ordered;
  const chosen = byLang(choice);
  return chosen ? [chosen] : ordered.slice(0, 1);
}

/** Does the link exist in more than one language (so the language choice applies to it)? */
export function isMultilingual(link: Pick<ResolvedLink, 'paragraphs'>): boolean {
  return new Set(link.paragraphs.map((p) => p.lang)).size > 1;
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
