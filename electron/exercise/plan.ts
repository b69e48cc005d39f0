import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { readTransaction, writeTransaction } from '../db/transaction';
import { ExerciseError } from './errors';
import { formatIssues } from '../../shared/validation';
import { reportDetailsSchema, storedReportDetailsSchema, trimmedDetails, type ReportDetails } from '../../shared/report/plan';
import type { ImprovementItem } from '../../shared/report/model';

/** The facilitator's name and the improvement plan of an exercise, items in the facilitator's order. */
export function reportDetailsOf(db: Db, exerciseId: string): ReportDetails {
  return readTransaction(db, () => readDetails(db, exerciseId));
}

function readDetails(db: Db, exerciseId: string): ReportDetails {
  const row = statement(db, 'SELECT facilitator FROM exercises WHERE id = ?').get(exerciseId) as { facilitator: string } | undefined;
  if (!row) throw new ExerciseError(`There is no exercise with id ${exerciseId}.`);
  const { facilitator } = row;
  const improvementPlan = (
    statement(
      db,
      'SELECT id, issue, corrective_action, owner, due_date FROM improvement_items WHERE exercise_id = ? ORDER BY position',
    ).all(exerciseId) as { id: string; issue: string; corrective_action: string; owner: string; due_date: string }[]
  ).map((r): ImprovementItem => ({ id: r.id, issue: r.issue, correctiveAction: r.corrective_action, owner: r.owner, dueDate: r.due_date }));
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
    statement(db, 'UPDATE exercises SET facilitator = ? WHERE id = ?').run(facilitator, exerciseId);
    statement(db, 'DELETE FROM improvement_items WHERE exercise_id = ?').run(exerciseId);
    const insert = statement(
      db,
      'INSERT INTO improvement_items (id, exercise_id, position, issue, corrective_action, owner, due_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    improvementPlan.forEach((item, position) =>
      insert.run(item.id, exerciseId, position, item.issue, item.correctiveAction, item.owner, item.dueDate),
    );
  });
  return reportDetailsOf(db, exerciseId);
}

