import type { CategoryId } from './catalogue';

/**
 * How the Council decides (FRAMEWORK.md §6), for the consensus step of an exercise. Each
 * measure gets a position per delegation; unanimity holds when no delegation opposes.
 */
export const STANCES = ['supports', 'opposes', 'abstains', 'undecided'] as const;
export type Stance = (typeof STANCES)[number];

export const STANCE_LABELS: { readonly [S in Stance]: string } = {
  supports: 'Supports',
  opposes: 'Opposes',
  abstains: 'Abstains constructively',
  undecided: 'Undecided',
};

/**
 * The positions a delegation records itself; "supports" is read from its decision (the
 * measure chosen), "undecided" is the absence of any.
 */
export const RECORDED_STANCES = ['opposes', 'abstains'] as const satisfies readonly Stance[];
export type RecordedStance = (typeof RECORDED_STANCES)[number];

/** What the text of a recorded position is, in words. */
export const RECORDED_STANCE_TEXT: { readonly [S in RecordedStance]: string } = {
  opposes: 'the reason for the objection',
  abstains: 'the formal declaration',
};

export type DecisionRule = 'unanimity' | 'consensus';

/**
 * A listing under the cyber sanctions regime is a CFSP decision taken by unanimity (Art. 31(1)
 * TEU, Decision (CFSP) 2019/797 Art. 5), where a member state may abstain constructively; the
 * other measures are agreed by consensus of the member states. Both hold when no one opposes.
 */
export const DECISION_RULE_OF: { readonly [C in CategoryId]: DecisionRule } = {
  preventive: 'consensus',
  cooperative: 'consensus',
  stabilising: 'consensus',
  restrictive: 'unanimity',
  support: 'consensus',
};
