// The hot wash form's own logic, pure (no React, no DOM): the unit tests call it directly.
import { HOT_WASH_QUESTION_IDS, HOT_WASH_SCALE, type HotWashQuestionId, type HotWashScore, type HotWashSource } from '../../../shared/evaluation/hot-wash';
import type { HotWash } from '../../../shared/workflow/context';
import type { IncomingEvent } from '../../../shared/workflow/event-schema';

export type HotWashEvent = Extract<IncomingEvent, { type: 'HOTWASH.SUBMIT' }>;
export type HotWashRatings = { readonly [Q in HotWashQuestionId]?: HotWashScore };

/** The answers as typed, before they are sent. */
export interface HotWashDraft {
  readonly strengths: string;
  readonly improvements: string;
  readonly ratings: HotWashRatings;
  readonly comments: string;
}

export const EMPTY_HOT_WASH: HotWashDraft = { strengths: '', improvements: '', ratings: {}, comments: '' };

/** The form starts from what was submitted last, so that changing one answer keeps the others. */
export function draftOf(current: HotWash | null): HotWashDraft {
  if (current === null) return EMPTY_HOT_WASH;
  return { strengths: current.strengths, improvements: current.improvements, ratings: answered(current.ratings), comments: current.comments };
}

/** Only the questions answered: a question left out of the event is one not answered. */
function answered(ratings: HotWashRatings): HotWashRatings {
  const out: { [Q in HotWashQuestionId]?: HotWashScore } = {};
  for (const q of HOT_WASH_QUESTION_IDS) {
    const v = ratings[q];
    if (v !== undefined && (HOT_WASH_SCALE as readonly number[]).includes(v)) out[q] = v;
  }
  return out;
}

export function withRating(draft: HotWashDraft, question: HotWashQuestionId, score: HotWashScore | null): HotWashDraft {
  const ratings: { [Q in HotWashQuestionId]?: HotWashScore } = { ...draft.ratings };
  if (score === null) delete ratings[question];
  else ratings[question] = score;
  return { ...draft, ratings };
}

/** The event the form sends: the texts as typed (the main process keeps them as given), the answered ratings. */
export function hotWashEvent(draft: HotWashDraft, source: HotWashSource): HotWashEvent {
  return {
    type: 'HOTWASH.SUBMIT',
    strengths: draft.strengths,
    improvements: draft.improvements,
    ratings: answered(draft.ratings),
    comments: draft.comments,
    source,
  };
}

/** Nothing to send: every text blank and no question answered (the machine refuses it too). */
export function isEmptyDraft(draft: HotWashDraft): boolean {
  return (
    draft.strengths.trim() === '' && draft.improvements.trim() === '' && draft.comments.trim() === '' && Object.keys(answered(draft.ratings)).length === 0
  );
}

export const answeredCount = (ratings: HotWashRatings): number => Object.keys(answered(ratings)).length;
