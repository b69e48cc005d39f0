import type { Db } from '../open';
import { statement } from '../statements';

/**
 * improvement_items and the facilitator column of exercises: the after-action report's
 * details, written only by the plan service (electron/exercise/plan.ts), which an import
 * calls too.
 */
export interface ImprovementItemRow {
  id: string;
  issue: string;
  corrective_action: string;
  owner: string;
  due_date: string;
  /** '' while the item serves no objective. */
  objective_id: string;
  /** '', 'high', 'medium' or 'low'. */
  priority: string;
}

/** Undefined when there is no such exercise. */
export function selectFacilitator(db: Db, exerciseId: string): string | undefined {
  return (statement(db, 'SELECT facilitator FROM exercises WHERE id = ?').get(exerciseId) as { facilitator: string } | undefined)?.facilitator;
}

export function updateFacilitator(db: Db, exerciseId: string, facilitator: string): void {
  statement(db, 'UPDATE exercises SET facilitator = ? WHERE id = ?').run(facilitator, exerciseId);
}

/** In the facilitator's order. */
export function selectImprovementItems(db: Db, exerciseId: string): ImprovementItemRow[] {
  return statement(
    db,
    'SELECT id, issue, corrective_action, owner, due_date, objective_id, priority FROM improvement_items WHERE exercise_id = ? ORDER BY position',
  ).all(exerciseId) as ImprovementItemRow[];
}

export function deleteImprovementItems(db: Db, exerciseId: string): void {
  statement(db, 'DELETE FROM improvement_items WHERE exercise_id = ?').run(exerciseId);
}

export function insertImprovementItem(
  db: Db,
  exerciseId: string,
  position: number,
  item: {
    readonly id: string; readonly issue: string; readonly correctiveAction: string; readonly owner: string; readonly dueDate: string;
    readonly objectiveId: string; readonly priority: string;
  },
): void {
  statement(
    db,
    'INSERT INTO improvement_items (id, exercise_id, position, issue, corrective_action, owner, due_date, objective_id, priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(item.id, exerciseId, position, item.issue, item.correctiveAction, item.owner, item.dueDate, item.objectiveId, item.priority);
}
