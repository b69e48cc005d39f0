import { z } from 'zod';
import { lineProblem, longTextProblem, nameProblem, nameSchema, optionalNameSchema, unpadded } from '../text';
import { PRIORITIES } from '../evaluation/objectives';

/**
 * The facilitator's part of the after-action report, edited in the app and carried in the
 * exercise package: who facilitated, and the improvement plan (HSEEP's issue, corrective
 * action, owner, due date), each item tied to one of the scenario's objectives and given a
 * priority. Bounded like every other text that crosses a boundary.
 */
export const PLAN_LIMITS = { items: 200, text: 5_000, owner: 200, facilitator: 200 } as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day as YYYY-MM-DD: 2026-02-30 is refused, not rolled over into March. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const itemFields = {
  id: z.string().min(1).max(100),
  issue: z
    .string()
    .max(PLAN_LIMITS.text)
    .refine((s) => s.trim().length > 0, { message: 'an improvement item needs an issue' }),
  correctiveAction: z.string().max(PLAN_LIMITS.text),
  owner: z.string().max(PLAN_LIMITS.owner),
  dueDate: z.string().refine((s) => s === '' || isCalendarDate(s), { message: 'expected a date as YYYY-MM-DD, or nothing' }),
};

/** '' while the item serves no objective or has no priority yet; left out by callers written before they existed. */
export const ITEM_PRIORITIES = ['', ...PRIORITIES] as const;

export const improvementItemSchema = z.strictObject({
  ...itemFields,
  objectiveId: z.string().max(100).default(''),
  priority: z.enum(ITEM_PRIORITIES).default(''),
});

export const reportDetailsSchema = z.strictObject({
  facilitator: z.string().max(PLAN_LIMITS.facilitator),
  improvementPlan: z.array(improvementItemSchema).max(PLAN_LIMITS.items),
});

export type ReportDetails = z.output<typeof reportDetailsSchema>;

// What is stored (and exported) is what the form held, trimmed: it must then pass the rules
// every text in a package passes, or an export of it could not be imported again.

type ItemTexts = Pick<z.output<typeof improvementItemSchema>, 'id' | 'issue' | 'correctiveAction' | 'owner'>;
function checkStoredTexts(item: ItemTexts, ctx: z.RefinementCtx): void {
  const checks: [keyof ItemTexts, string | null][] = [
    ['id', nameProblem(item.id)],
    ['issue', unpadded(longTextProblem)(item.issue)],
    ['correctiveAction', unpadded(longTextProblem)(item.correctiveAction)],
    ['owner', unpadded(lineProblem)(item.owner)],
  ];
  for (const [field, message] of checks) if (message !== null) ctx.addIssue({ code: 'custom', path: [field], message });
}

export const storedImprovementItemSchema = improvementItemSchema.superRefine(checkStoredTexts);

/**
 * An item as an exercise package carries it: the objective and the priority are left out
 * while not set, so that a plan exported before they existed imports, and exports again, to
 * the same hash. Which objectives there are is the importer's to check, against the package's scenario.
 */
export const packagedImprovementItemSchema = z
  .strictObject({ ...itemFields, objectiveId: nameSchema(100).optional(), priority: z.enum(PRIORITIES).optional() })
  .superRefine(checkStoredTexts);
export type PackagedImprovementItem = z.output<typeof packagedImprovementItemSchema>;

/** The item as a package writes it: what is not set is left out. */
export function packagedItem(item: z.output<typeof improvementItemSchema>): PackagedImprovementItem {
  const { objectiveId, priority, ...rest } = item;
  return { ...rest, ...(objectiveId !== '' ? { objectiveId } : {}), ...(priority !== '' ? { priority } : {}) };
}

/** The item as stored from a package: what was left out is not set. */
export const itemOfPackaged = (item: PackagedImprovementItem): z.output<typeof improvementItemSchema> => ({
  ...item, objectiveId: item.objectiveId ?? '', priority: item.priority ?? '',
});

export const storedReportDetailsSchema = z.strictObject({
  facilitator: optionalNameSchema(PLAN_LIMITS.facilitator),
  improvementPlan: z.array(storedImprovementItemSchema).max(PLAN_LIMITS.items),
});

/** The details as the app stores them: every text trimmed, as a facilitator means it. */
export const trimmedDetails = (details: ReportDetails): ReportDetails => ({
  facilitator: details.facilitator.trim(),
  improvementPlan: details.improvementPlan.map((item) => ({
    ...item, issue: item.issue.trim(), correctiveAction: item.correctiveAction.trim(), owner: item.owner.trim(),
  })),
});
