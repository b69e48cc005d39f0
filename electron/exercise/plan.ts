import type { Db } from '../db/open';
import { readTransaction, writeTransaction } from '../db/transaction';
import { deleteImprovementItems, insertImprovementItem, selectFacilitator, selectImprovementItems, updateFacilitator } from '../db/tables/plan';
import { selectExercise } from '../db/tables/exercises';
import { ExerciseError } from './errors';
import { formatIssues } from '../../shared/validation';
import { reportDetailsSchema, storedReportDetailsSchema, trimmedDetails, type ReportDetails } from '../../shared/report/plan';
import type { ImprovementItem } from '../../shared/report/model';
import type { Priority } from '../../shared/evaluation/objectives';
import type { Scenario } from '../../shared/exercise/scenario';
import type { Problem } from '../../shared/errors';

/** The facilitator's name and the improvement plan of an exercise, items in the facilitator's order. */
export function reportDetailsOf(db: Db, exerciseId: string): ReportDetails {
  return readTransaction(db, () => readDetails(db, exerciseId));
}

function readDetails(db: Db, exerciseId: string): ReportDetails {
  const facilitator = selectFacilitator(db, exerciseId);
  if (facilitator === undefined) throw new ExerciseError(`There is no exercise with id ${exerciseId}.`);
  const improvementPlan = selectImprovementItems(db, exerciseId).map((r): ImprovementItem => ({
    id: r.id, issue: r.issue, correctiveAction: r.corrective_action, owner: r.owner, dueDate: r.due_date,
    objectiveId: r.objective_id, priority: r.priority as Priority | '',
  }));
  return { facilitator, improvementPlan };
}

/**
 * Replaces the facilitator's name and the whole improvement plan in one transaction: the
 * table the facilitator sees is what is stored, never half of an edit. Callers inside a
 * transaction of their own (an import) get it nested.
 */
export function saveReportDetails(db: Db, exerciseId: string, details: unknown): ReportDetails {
  const parsed = reportDetailsSchema.safeParse(details);
  if (!parsed.success) throw new ExerciseError('The report details were not saved.', formatIssues(parsed.error));
  const stored = storedReportDetailsSchema.safeParse(trimmedDetails(parsed.data));
  if (!stored.success) throw new ExerciseError('The report details were not saved.', formatIssues(stored.error));
  const { facilitator, improvementPlan } = stored.data;
  const ids = new Set(improvementPlan.map((i) => i.id));
  if (ids.size !== improvementPlan.length) throw new ExerciseError('The report details were not saved: two improvement items have the same id.');
  writeTransaction(db, () => {
    readDetails(db, exerciseId);
    const problems = objectiveProblems(db, exerciseId, improvementPlan);
    if (problems.length > 0) throw new ExerciseError('The report details were not saved.', problems);
    updateFacilitator(db, exerciseId, facilitator);
    deleteImprovementItems(db, exerciseId);
    improvementPlan.forEach((item, position) => insertImprovementItem(db, exerciseId, position, item));
  });
  return reportDetailsOf(db, exerciseId);
}

/** An item serves one of the objectives of the exercise's own scenario, or none. */
function objectiveProblems(db: Db, exerciseId: string, items: readonly { readonly objectiveId: string }[]): Problem[] {
  const scenario = JSON.parse(selectExercise(db, exerciseId)!.scenario_json) as Scenario;
  const ids = new Set((scenario.objectives ?? []).map((o) => o.id));
  return items.flatMap((item, i): Problem[] =>
    item.objectiveId === '' || ids.has(item.objectiveId)
      ? []
      : [{ path: `improvementPlan[${i}].objectiveId`, message: `the scenario "${scenario.title}" has no objective ${JSON.stringify(item.objectiveId)}.` }],
  );
}
