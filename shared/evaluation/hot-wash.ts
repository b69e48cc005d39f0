/**
 * The hot wash (FRAMEWORK.md §7): each delegation's feedback right after play. The questions
 * rated 1-5 are fixed, so answers from every delegation and every exercise compare; their
 * ids are what a run's log records, so a question is never renumbered or reworded in meaning.
 */
export const HOT_WASH_QUESTIONS = [
  { id: 'scenario', text: 'The scenario was realistic and relevant to our work.' },
  { id: 'information', text: 'The injects gave us enough information to decide.' },
  { id: 'framework', text: 'The framework helped us structure our response.' },
  { id: 'coordination', text: 'Coordination with the other delegations worked.' },
  { id: 'preparedness', text: 'We are better prepared for a real incident.' },
] as const;
export type HotWashQuestionId = (typeof HOT_WASH_QUESTIONS)[number]['id'];
export const HOT_WASH_QUESTION_IDS = HOT_WASH_QUESTIONS.map((q) => q.id) as readonly HotWashQuestionId[];

/** 1: strongly disagree ... 5: strongly agree. */
export const HOT_WASH_SCALE = [1, 2, 3, 4, 5] as const;
export type HotWashScore = (typeof HOT_WASH_SCALE)[number];

/** Who wrote the answers down: the delegation in its run, or the facilitator from a paper form. */
export const HOT_WASH_SOURCES = ['delegation', 'paper'] as const;
export type HotWashSource = (typeof HOT_WASH_SOURCES)[number];
