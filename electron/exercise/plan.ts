import type { Db } from '../db/open';
import { readTransaction, writeTransaction } from '../db/transaction';
import { deleteImprovementItems, insertImprovementItem, selectFacilitator, selectImprovementItems, updateFacilitator } from '../db/tables/plan';
import { ExerciseError } from './errors';
import { formatIssues } from '../../shared/validation';
import { reportDetailsSchema, storedReportDetailsSchema, trimmedDetails, type ReportDetails } from '../../shared/report/plan';
import type { ImprovementItem } from '../../shared/report/model';

/** The facilitator's name and the improvement plan of an exercise, items in the facilitator's order. */
export function reportDetailsOf(db: Db, exerciseId: string): ReportDetails {
  return readTransaction(db, () => readDetails(db, exerciseId));
}

function readDetails(db: Db, exerciseId: string): ReportDetails {
  const facilitator = selectFacilitator(db, exerciseId);
  if (facilitator === undefined) throw new ExerciseError(`There is no exercise with id ${exerciseId}.`);
  const improvementPlan = selectImprovementItems(db, exerciseId).map((r): ImprovementItem => ({ id: r.id, issue: r.issue, correctiveAction: r.corrective_action, owner: r.owner, dueDate: r.due_date }));
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
    updateFacilitator(db, exerciseId, facilitator);
    deleteImprovementItems(db, exerciseId);
    improvementPlan.forEach((item, position) => insertImprovementItem(db, exerciseId, position, item));
  });
  return reportDetailsOf(db, exerciseId);
}

