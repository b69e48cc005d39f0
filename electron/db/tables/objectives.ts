import type { Db } from '../open';
import { statement } from '../statements';

/**
 * objective_ratings: the facilitator's HSEEP rating of each objective of an exercise's
 * scenario. Every read and write of the table is here; the objectives service
 * (electron/exercise/objectives.ts) decides what to write, and an import writes through it.
 */
export interface ObjectiveRatingRow {
  objective_id: string;
  rating: string;
  observations: string;
  /** A JSON array of timeline references. */
  entries: string;
  rated_at: string;
}

export function selectObjectiveRatings(db: Db, exerciseId: string): ObjectiveRatingRow[] {
  return statement(
    db,
    'SELECT objective_id, rating, observations, entries, rated_at FROM objective_ratings WHERE exercise_id = ? ORDER BY objective_id',
  ).all(exerciseId) as ObjectiveRatingRow[];
}

/** A re-rating replaces the rating: one row per objective. */
export function upsertObjectiveRating(
  db: Db,
  exerciseId: string,
  r: { readonly objectiveId: string; readonly rating: string; readonly observations: string; readonly entries: string; readonly ratedAt: string },
): void {
  statement(
    db,
    `INSERT INTO objective_ratings (exercise_id, objective_id, rating, observations, entries, rated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (exercise_id, objective_id) DO UPDATE SET rating = excluded.rating, observations = excluded.observations,
       entries = excluded.entries, rated_at = excluded.rated_at`,
  ).run(exerciseId, r.objectiveId, r.rating, r.observations, r.entries, r.ratedAt);
}

/** True when there was a rating to clear. */
export function deleteObjectiveRating(db: Db, exerciseId: string, objectiveId: string): boolean {
  return statement(db, 'DELETE FROM objective_ratings WHERE exercise_id = ? AND objective_id = ?').run(exerciseId, objectiveId).changes > 0;
}
