import type { Problem as BareProblem } from '../../../../shared/errors';
// Pure helpers of the exercises feature: clock text, what is due, the scenario editor's
// draft and where each validation problem belongs, the report's plan. No React, no DOM:
// unit tests call them.
import { STEP_IDS, STEPS, type StepId } from '../../../../shared/framework/catalogue';
import type { ExerciseView, InjectStatus } from '../../../../shared/exercise/exercises';
import {
  SCENARIO_FORMAT, SCENARIO_VERSION, type InjectKind, type Scenario, type ScenarioInject, type Tlp,
} from '../../../../shared/exercise/scenario';
import type { ImprovementItem } from '../../../../shared/report/model';

/** The clock as the renderer shows it: the main process's elapsed time plus what passed since. */
export function displayedElapsed(view: Pick<ExerciseView, 'clock'>, fetchedAt: number, now: number): number {
  return view.clock.status === 'running' ? view.clock.elapsedMs + Math.max(0, now - fetchedAt) : view.clock.elapsedMs;
}

export type InjectState = 'planned' | 'due' | 'partial' | 'released';

/** Where an inject stands at the clock shown: not yet, its time has come, released to some, to all. */
export function injectState(status: InjectStatus, delegationCount: number, elapsedMs: number): InjectState {
  if (delegationCount > 0 && status.releasedTo.length >= delegationCount) return 'released';
  if (status.plannedAtMs <= elapsedMs) return 'due';
  return status.releasedTo.length > 0 ? 'partial' : 'planned';
}

/** The injects that auto-release should send to all now: their time has come and someone lacks them. */
export function injectsToAutoRelease(view: ExerciseView, elapsedMs: number, skip: ReadonlySet<string>): readonly string[] {
  if (view.clock.status !== 'running') return [];
  return view.injects
    .filter((s) => !skip.has(s.inject.id) && injectState(s, view.delegations.length, elapsedMs) === 'due')
    .map((s) => s.inject.id);
}

// ---------------------------------------------------------------------------------------
// The scenario editor

/** An inject as the form holds it: the offset stays what was typed until it parses. */
export interface DraftInject extends Omit<ScenarioInject, 'offsetMinutes'> {
  readonly offsetMinutes: number | string;
}

export interface Draft extends Omit<Scenario, 'injects'> {
  readonly injects: readonly DraftInject[];
}

export const emptyInject = (n: number): DraftInject => ({
  id: `inject-${n}`,
  offsetMinutes: 0,
  kind: 'other' satisfies InjectKind,
  title: '',
  body: '',
});

export const emptyDraft = (): Draft => ({
  format: SCENARIO_FORMAT,
  version: SCENARIO_VERSION,
  id: '',
  title: '',
  classification: { marking: 'EXERCISE — FICTIONAL SCENARIO', tlp: 'TLP:GREEN' satisfies Tlp },
  background: '',
  incident: '',
  injects: [emptyInject(1)],
  questions: {},
  facilitatorNotes: '',
});

/** The copy of an example a facilitator may change: a new id and a title that says so. */
export function copyOf(scenario: Scenario, takenIds: readonly string[]): Draft {
  let id = `${scenario.id}-copy`.slice(0, 100);
  for (let n = 2; takenIds.includes(id); n += 1) id = `${scenario.id}-copy-${n}`.slice(0, 100);
  return { ...scenario, id, title: `${scenario.title} (copy)` };
}

/**
 * What goes to parseScenario: the draft as typed, with the empty optional parts left out and
 * one-line fields trimmed (the scenario format refuses padded titles, and a space typed
 * before the next word is not a mistake to show).
 */
export function draftToValue(draft: Draft): unknown {
  const questions: Partial<Record<StepId, readonly string[]>> = {};
  for (const step of STEP_IDS) {
    const list = draft.questions[step];
    if (list && list.length > 0) questions[step] = list;
  }
  return {
    ...draft,
    id: draft.id.trim(),
    title: draft.title.trim(),
    classification: { ...draft.classification, marking: draft.classification.marking.trim() },
    injects: draft.injects.map((i) => ({ ...i, id: i.id.trim(), title: i.title.trim(), offsetMinutes: parseOffset(i.offsetMinutes) })),
    questions,
  };
}

function parseOffset(value: number | string): unknown {
  if (typeof value === 'number') return value;
  const trimmed = value.trim();
  // A number only when it is one: "" or "1O" stay text, so the validation names the field.
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : value;
}

/** Questions are edited one per line; empty lines are dropped. */
export const questionsFromText = (text: string): readonly string[] =>
  text.split('\n').map((q) => q.trim()).filter((q) => q.length > 0);

export interface Problem {
  /** The path as parseScenario wrote it, e.g. "injects[0].title". */
  readonly path: string;
  readonly message: string;
  /** The form field the problem belongs to, or null when no field shows it. */
  readonly field: string | null;
}

/** parseScenario's problems, each with the field it belongs to. */
export function problemsOf(errors: readonly BareProblem[], fields: ReadonlySet<string>): readonly Problem[] {
  return errors.map(({ path, message }) => ({ path, message, field: fieldFor(path, fields) }));
}

/** The editor's label of each top-level field and inject field, as i18n keys under exercises.editor. */
const FIELD_LABEL_KEYS: Readonly<Record<string, string>> = {
  id: 'id', title: 'title', 'classification.marking': 'marking', 'classification.tlp': 'tlp', background: 'background',
  incident: 'incident', facilitatorNotes: 'facilitatorNotes', questions: 'questions',
};
const INJECT_LABEL_KEYS: Readonly<Record<string, string>> = {
  id: 'injectId', offsetMinutes: 'offset', kind: 'kind', title: 'injectTitle', body: 'injectBody', suggestedFindings: 'findings',
};

/**
 * Where a problem is, in the words of the form: "injects[0].offsetMinutes" is "Inject 1,
 * Minutes after start". A path the form has no label for is shown as it is.
 */
export function problemPlace(path: string, label: (key: string, values?: Readonly<Record<string, unknown>>) => string): string {
  const inject = /^injects\[(\d+)\](?:\.([A-Za-z]+))?/.exec(path);
  if (inject) {
    const place = label('inject', { n: Number(inject[1]) + 1 });
    const key = inject[2] === undefined ? undefined : INJECT_LABEL_KEYS[inject[2]];
    return key ? `${place}, ${label(key)}` : place;
  }
  const question = /^questions\.([a-z]+)/.exec(path);
  if (question && (STEP_IDS as readonly string[]).includes(question[1]!)) return `${label('questions')}: ${STEPS[question[1] as StepId].label}`;
  if (path === '(input)' || path === '') return label('wholeScenario');
  const key = FIELD_LABEL_KEYS[path];
  return key ? label(key) : path;
}

/** The nearest enclosing field: "questions.awareness[2]" belongs to the "questions.awareness" box. */
export function fieldFor(path: string, fields: ReadonlySet<string>): string | null {
  let candidate = path;
  for (;;) {
    if (fields.has(candidate)) return candidate;
    const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
    if (cut <= 0) return null;
    candidate = candidate.slice(0, cut);
  }
}

/** A DOM id for a field path (ids may hold any character, but selectors are simpler without brackets). */
export const fieldId = (path: string): string => `scenario-field-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;

/** Error lines from the main process ("file: problem" joined by newlines), one per item. */
// ---------------------------------------------------------------------------------------
// The after-action report: the facilitator's name and the improvement plan, as the console edits them

/** The facilitator's part of the report as the form holds it until it is saved. */
export interface PlanDraft {
  readonly facilitator: string;
  readonly items: readonly ImprovementItem[];
}

export const ITEM_FIELDS = ['issue', 'correctiveAction', 'owner', 'dueDate'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** What the main process holds for the exercise. */
export const planOf = (view: Pick<ExerciseView, 'facilitator' | 'improvementPlan'>): PlanDraft => ({
  facilitator: view.facilitator,
  items: view.improvementPlan,
});

export const emptyItem = (id: string): ImprovementItem => ({ id, issue: '', correctiveAction: '', owner: '', dueDate: '' });

/** The same name and the same items in the same order, field by field. */
export function samePlan(a: PlanDraft, b: PlanDraft): boolean {
  return (
    a.facilitator === b.facilitator &&
    a.items.length === b.items.length &&
    a.items.every((item, i) => {
      const other = b.items[i]!;
      return item.id === other.id && ITEM_FIELDS.every((f) => item[f] === other[f]);
    })
  );
}

/** Where a refusal of the plan points: the facilitator's name, or one field of one item. */
export type PlanField = { readonly kind: 'facilitator' } | { readonly kind: 'item'; readonly index: number; readonly field: ItemField };

/** A refusal's line that names a field of the plan, and what it says is wrong there. */
export interface PlanProblem {
  readonly target: PlanField;
  readonly message: string;
}

const ITEM_PATH = /improvementPlan(?:\.(\d+)|\[(\d+)\])\.(issue|correctiveAction|owner|dueDate): /;
const FACILITATOR_PATH = /(?:^|[\s.])facilitator: /;

/**
 * The field a refusal names. The contract's check writes "… details.improvementPlan.1.issue: …",
 * the service's own "… improvementPlan[1].issue: …"; both point at the second item's issue.
 */
export function planProblemOf(line: string): PlanProblem | null {
  const item = ITEM_PATH.exec(line);
  if (item) {
    return {
      target: { kind: 'item', index: Number(item[1] ?? item[2]), field: item[3] as ItemField },
      message: line.slice(item.index + item[0].length),
    };
  }
  const facilitator = FACILITATOR_PATH.exec(line);
  return facilitator ? { target: { kind: 'facilitator' }, message: line.slice(facilitator.index + facilitator[0].length) } : null;
}
