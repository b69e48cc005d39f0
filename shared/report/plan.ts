import { z } from 'zod';
import { lineProblem, longTextProblem, nameProblem, optionalNameSchema, unpadded } from '../text';

/**
 * The facilitator's part of the after-action report, edited in the app and carried in the
 * exercise package: who facilitated, and the improvement plan (HSEEP's issue, corrective
 * action, owner, due date). Bounded like every other text that crosses a boundary.
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

export const improvementItemSchema = z.strictObject({
  id: z.string().min(1).max(100),
  issue: z
    .string()
    .max(PLAN_LIMITS.text)
    .refine((s) => s.trim().length > 0, { message: 'an improvement item needs an issue' }),
  correctiveAction: z.string().max(PLAN_LIMITS.text),
  owner: z.string().max(PLAN_LIMITS.owner),
  dueDate: z.string().refine((s) => s === '' || isCalendarDate(s), { message: 'expected a date as YYYY-MM-DD, or nothing' }),
});

export const reportDetailsSchema = z.strictObject({
  facilitator: z.string().max(PLAN_LIMITS.facilitator),
  improvementPlan: z.array(improvementItemSchema).max(PLAN_LIMITS.items),
});

export type ReportDetails = z.output<typeof reportDetailsSchema>;

// What is stored (and exported) is what the form held, trimmed: it must then pass the rules
// every text in a package passes, or an export of it could not be imported again.

export const storedImprovementItemSchema = improvementItemSchema.superRefine((item, ctx) => {
  const checks: [keyof typeof item, string | null][] = [
    ['id', nameProblem(item.id)],
    ['issue', unpadded(longTextProblem)(item.issue)],
    ['correctiveAction', unpadded(longTextProblem)(item.correctiveAction)],
    ['owner', unpadded(lineProblem)(item.owner)],
  ];
  for (const [field, message] of checks) if (message !== null) ctx.addIssue({ code: 'custom', path: [field], message });
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
