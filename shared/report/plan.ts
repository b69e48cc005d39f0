import { z } from 'zod';

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
