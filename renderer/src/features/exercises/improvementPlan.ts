// The facilitator's part of the after-action report (their name and the improvement plan)
// as the console's form holds it, and where a refusal of it points. Pure: unit tests call it.
import type { ExerciseView } from '../../../../shared/exercise/exercises';
import type { ImprovementItem } from '../../../../shared/report/model';

/** The facilitator's part of the report as the form holds it until it is saved. */
export interface PlanDraft {
  readonly facilitator: string;
  readonly items: readonly ImprovementItem[];
}

export const ITEM_FIELDS = ['issue', 'correctiveAction', 'owner', 'dueDate', 'objectiveId', 'priority'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** What the main process holds for the exercise. */
export const planOf = (view: Pick<ExerciseView, 'facilitator' | 'improvementPlan'>): PlanDraft => ({
  facilitator: view.facilitator,
  items: view.improvementPlan,
});

export const emptyItem = (id: string): ImprovementItem => ({ id, issue: '', correctiveAction: '', owner: '', dueDate: '', objectiveId: '', priority: '' });

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

const ITEM_PATH = /improvementPlan(?:\.(\d+)|\[(\d+)\])\.(issue|correctiveAction|owner|dueDate|objectiveId|priority): /;
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
