import { z } from 'zod';
import { CONFIDENCE_LEVELS, STEP_IDS, type StepId } from '../framework/catalogue';
import { parseWith, type ParseResult } from '../validation';
import { longTextSchema, nameSchema, optionalNameSchema, requiredTextSchema } from '../text';
import { OBJECTIVE_TIES } from '../evaluation/objectives';

/**
 * The scenario format: what a facilitator writes (or imports from a colleague's USB stick)
 * to run a tabletop exercise. It is data only: every text is shown as plain text, never
 * rendered as HTML or executed, so the bounds below exist to keep files and screens sane,
 * not to sanitise markup.
 *
 * Versioned so that a later format can be told apart and migrated, never guessed.
 */
export const SCENARIO_FORMAT = 'cdt-scenario';
export const SCENARIO_VERSION = 1;

export const TLP_LEVELS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

export const INJECT_KINDS = ['intelligence-report', 'media', 'partner-message', 'technical-report', 'other'] as const;
export type InjectKind = (typeof INJECT_KINDS)[number];
/** The kinds in the printed documents' English (the screens have them in each UI language). */
export const INJECT_KIND_LABELS: { readonly [K in InjectKind]: string } = {
  'intelligence-report': 'Intelligence report', media: 'Media', 'partner-message': 'Partner message', 'technical-report': 'Technical report', other: 'Other',
};

export const SCENARIO_LIMITS = {
  id: 100,
  title: 200,
  marking: 200,
  longText: 20_000,
  injectTitle: 500, // the workflow's INJECT.RECEIVE accepts titles up to 500 characters
  injects: 100,
  findingsPerInject: 20,
  findingSource: 2_000,
  questionsPerStep: 30,
  question: 2_000,
  // HSEEP asks for a handful of objectives per exercise; thirty is already more than a day can rate.
  objectives: 30,
  objectiveTitle: 500,
  // A week: exercises run for hours or days; a larger offset is almost certainly a typo.
  offsetMinutes: 7 * 24 * 60,
} as const;

// Lower-case words joined by hyphens: safe in file names, URLs and CLI arguments alike.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z
  .string()
  .max(SCENARIO_LIMITS.id)
  .regex(SLUG, { message: 'expected a slug: lower-case letters and digits joined by single hyphens, e.g. "hospital-ransomware"' });
// No transforms anywhere: a valid scenario parses to exactly itself, so its hash is stable.
// Titles and the marking are names (one line, no control or bidi characters: a marking is
// printed on every page of a report); the rest are long texts.
const title = nameSchema;
const required = requiredTextSchema;
const optionalText = longTextSchema;

const suggestedFinding = z.strictObject({
  text: required(SCENARIO_LIMITS.longText),
  source: required(SCENARIO_LIMITS.findingSource),
  confidence: z.enum(CONFIDENCE_LEVELS),
});

export const injectSchema = z.strictObject({
  id: slug,
  offsetMinutes: z.number().int().min(0).max(SCENARIO_LIMITS.offsetMinutes),
  title: title(SCENARIO_LIMITS.injectTitle),
  body: required(SCENARIO_LIMITS.longText),
  kind: z.enum(INJECT_KINDS),
  suggestedFindings: z.array(suggestedFinding).max(SCENARIO_LIMITS.findingsPerInject).optional(),
  /** Written by the facilitator during play (a white card), not planned in the scenario. */
  whiteCard: z.literal(true).optional(),
});

/** What the exercise is to test, set before play and rated on HSEEP's scale after it (FRAMEWORK.md §7). */
export const objectiveSchema = z.strictObject({
  id: slug,
  title: title(SCENARIO_LIMITS.objectiveTitle),
  tiedTo: z.enum(OBJECTIVE_TIES),
  description: optionalText(SCENARIO_LIMITS.longText).optional(),
});

/** Ids unique in a list: what refers to an item (a release, a rating) names it by its id. */
const uniqueIds = (what: string, list: string) => (items: readonly { readonly id: string }[], ctx: z.RefinementCtx): void => {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, index);
    else ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate ${what} id "${item.id}" (also ${list}[${first}])` });
  });
};

const questionList = z.array(required(SCENARIO_LIMITS.question)).max(SCENARIO_LIMITS.questionsPerStep).optional();
const questions = z.strictObject(
  Object.fromEntries(STEP_IDS.map((step) => [step, questionList])) as { [S in StepId]: typeof questionList },
);

export const scenarioSchema = z.strictObject({
    format: z.literal(SCENARIO_FORMAT),
    version: z.literal(SCENARIO_VERSION),
    id: slug,
    title: title(SCENARIO_LIMITS.title),
    classification: z.strictObject({
      marking: optionalNameSchema(SCENARIO_LIMITS.marking),
      tlp: z.enum(TLP_LEVELS),
    }),
    background: optionalText(SCENARIO_LIMITS.longText),
    incident: required(SCENARIO_LIMITS.longText),
    injects: z
      .array(injectSchema)
      .min(1)
      .max(SCENARIO_LIMITS.injects)
      // An inject id is how releases and delegations' runs refer to it: it must be unique.
      .superRefine(uniqueIds('inject', 'injects')),
    questions,
    facilitatorNotes: optionalText(SCENARIO_LIMITS.longText),
    // Optional, so that every scenario written before objectives existed stays valid with its hash.
    objectives: z.array(objectiveSchema).max(SCENARIO_LIMITS.objectives).superRefine(uniqueIds('objective', 'objectives')).optional(),
  });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInject = Scenario['injects'][number];
export type ScenarioObjective = z.output<typeof objectiveSchema>;

/** Validates a scenario; errors are `<path>: <problem>` lines, the house style of `cdt assess`. */
export function parseScenario(value: unknown): ParseResult<Scenario> {
  return parseWith(scenarioSchema, value);
}
