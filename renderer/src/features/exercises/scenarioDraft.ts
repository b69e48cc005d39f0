// The scenario editor's draft: the form's values, what goes to parseScenario, and where
// each validation problem belongs and how the form names it. Pure: unit tests call it.
import type { Problem as BareProblem } from '../../../../shared/errors';
import { STEP_IDS, STEPS, type StepId } from '../../../../shared/framework/catalogue';
import {
  SCENARIO_FORMAT, SCENARIO_VERSION, type InjectKind, type Scenario, type ScenarioInject, type ScenarioObjective, type Tlp,
} from '../../../../shared/exercise/scenario';

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

/** A new objective: tied to the first step until the facilitator chooses; an id the facilitator may change. */
export const emptyObjective = (n: number): ScenarioObjective => ({ id: `objective-${n}`, title: '', tiedTo: 'awareness', description: '' });

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
  // No objectives and no description are left out, so a scenario saved again keeps its hash.
  const { objectives: drafted, ...rest } = draft;
  const objectives = (drafted ?? []).map(({ description, ...o }) => ({
    ...o, id: o.id.trim(), title: o.title.trim(), ...(description !== undefined && description.trim() !== '' ? { description } : {}),
  }));
  return {
    ...rest,
    ...(objectives.length > 0 ? { objectives } : {}),
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
const OBJECTIVE_LABEL_KEYS: Readonly<Record<string, string>> = {
  id: 'objectiveId', title: 'objectiveTitle', tiedTo: 'objectiveTie', description: 'objectiveDescription',
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
  const objective = /^objectives\[(\d+)\](?:\.([A-Za-z]+))?/.exec(path);
  if (objective) {
    const place = label('objective', { n: Number(objective[1]) + 1 });
    const key = objective[2] === undefined ? undefined : OBJECTIVE_LABEL_KEYS[objective[2]];
    return key ? `${place}, ${label(key)}` : place;
  }
  if (path === 'objectives') return label('objectivesPlace');
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
