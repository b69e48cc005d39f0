// An objective's rating as the console's form holds it until it is saved. Pure: unit tests call it.
import type { HseepRating } from '../../../../shared/evaluation/objectives';
import type { ObjectiveRating } from '../../../../shared/evaluation/ratings';

export interface RatingDraft {
  /** null until a letter is chosen. */
  readonly rating: HseepRating | null;
  readonly observations: string;
  readonly entries: readonly string[];
}

/** What the main process holds, as the form shows it; an unrated objective is an empty form. */
export const savedDraftOf = (rating: ObjectiveRating | null): RatingDraft =>
  rating === null ? { rating: null, observations: '', entries: [] } : { rating: rating.rating, observations: rating.observations, entries: rating.entries };

/**
 * Whether saving the draft would change nothing: the same letter, the same observations as
 * the main process stores them (trimmed), and the same entries linked, in any order.
 */
export function sameRatingDraft(a: RatingDraft, b: RatingDraft): boolean {
  if (a.rating !== b.rating || a.observations.trim() !== b.observations.trim() || a.entries.length !== b.entries.length) return false;
  const linked = new Set(b.entries);
  return a.entries.every((ref) => linked.has(ref));
}
