// What would change the outcome: for a profile, the smallest change of one rating or one fact
// that opens the next category of measures, or closes the highest open one, so that a
// delegation sees what a disagreement about a rating or a fact is about (issue 12, item 4).

import { CATEGORY_IDS, DIMENSION_IDS, RATING_VALUES, TARGETS, TARGET_KINDS, type CategoryId, type DimensionId, type RatingValue, type TargetKind } from './catalogue';
import { LEVEL_RULES, computeLevel, type Level, type LevelInput } from './level';
import { categoryPhrase, dimensionName, upperFirst } from './wording';

export type OutcomeChange =
  | {
      readonly kind: 'rating';
      readonly dimension: DimensionId;
      /** The effect achieved, or the potential effect of an attempt. */
      readonly effect: 'achieved' | 'potential';
      readonly from: RatingValue;
      readonly to: RatingValue;
    }
  | { readonly kind: 'external'; readonly to: boolean }
  | { readonly kind: 'target'; readonly target: TargetKind; readonly to: boolean }
  /** Only ever to false: an attempt turned on with nothing else changed rates what was achieved. */
  | { readonly kind: 'attempt'; readonly to: false };

export interface OutcomeOption {
  readonly change: OutcomeChange;
  /** The overall level after the change. */
  readonly level: Level;
}

export interface OutcomeShift {
  /** open: the category would be suggested; close: it would no longer be. */
  readonly direction: 'open' | 'close';
  readonly category: CategoryId;
  /** Steps of the rating changed, or 1 for a fact; null when no single change does it. */
  readonly size: number | null;
  /** Every change of that least size that does it, in catalogue order. */
  readonly options: readonly OutcomeOption[];
  readonly text: string;
}

export interface WhatWouldChange {
  /** null when every category is suggested already. */
  readonly open: OutcomeShift | null;
  /** null when only the categories every level suggests are open. */
  readonly close: OutcomeShift | null;
}

const sizeOf = (change: OutcomeChange): number => (change.kind === 'rating' ? Math.abs(change.to - change.from) : 1);

function applied(input: LevelInput, change: OutcomeChange): LevelInput {
  switch (change.kind) {
    case 'rating':
      return change.effect === 'achieved'
        ? { ...input, dimensions: { ...input.dimensions, [change.dimension]: change.to } }
        : { ...input, attempt: { potential: { ...(input.attempt?.potential ?? input.dimensions), [change.dimension]: change.to } } };
    case 'external':
      return { ...input, external: change.to };
    case 'target': {
      const others = (input.targets ?? []).filter((t) => t !== change.target);
      return { ...input, targets: change.to ? [...others, change.target] : others };
    }
    case 'attempt': {
      const { attempt: _dropped, ...achieved } = input;
      return achieved;
    }
  }
}

/** Every change of one rating or one fact, in catalogue order. */
function singleChanges(input: LevelInput): OutcomeChange[] {
  const changes: OutcomeChange[] = [];
  const ratingChanges = (effect: 'achieved' | 'potential', ratings: LevelInput['dimensions']): void => {
    for (const dimension of DIMENSION_IDS) {
      for (const to of RATING_VALUES) if (to !== ratings[dimension]) changes.push({ kind: 'rating', dimension, effect, from: ratings[dimension], to });
    }
  };
  ratingChanges('achieved', input.dimensions);
  if (input.attempt !== undefined) ratingChanges('potential', input.attempt.potential);
  changes.push({ kind: 'external', to: input.external !== true });
  for (const target of TARGET_KINDS) changes.push({ kind: 'target', target, to: input.targets?.includes(target) !== true });
  if (input.attempt !== undefined) changes.push({ kind: 'attempt', to: false });
  return changes;
}

function shift(input: LevelInput, direction: OutcomeShift['direction'], category: CategoryId): OutcomeShift {
  const wanted = direction === 'open';
  const doing = singleChanges(input).flatMap((change): OutcomeOption[] => {
    const after = computeLevel(applied(input, change));
    return after.proportionate[category] === wanted ? [{ change, level: after.level }] : [];
  });
  const size = doing.length === 0 ? null : Math.min(...doing.map((o) => sizeOf(o.change)));
  const options = doing.filter((o) => sizeOf(o.change) === size);
  return { direction, category, size, options, text: shiftText(direction, category, options) };
}

export function whatWouldChange(input: LevelInput): WhatWouldChange {
  const { proportionate } = computeLevel(input);
  const next = CATEGORY_IDS.find((c) => !proportionate[c]);
  // A category every level suggests cannot be closed; the highest of the others can.
  const highest = [...CATEGORY_IDS].reverse().find((c) => proportionate[c] && LEVEL_RULES.categoryFrom[c] > 0);
  return {
    open: next === undefined ? null : shift(input, 'open', next),
    close: highest === undefined ? null : shift(input, 'close', highest),
  };
}

// ---------------------------------------------------------------------------------------
// Wording

export function changePhrase(change: OutcomeChange): string {
  switch (change.kind) {
    case 'rating':
      return `${change.effect === 'potential' ? 'potential ' : ''}${dimensionName(change.dimension)} ${change.to} instead of ${change.from}`;
    case 'external':
      return change.to ? 'the activity recorded as an external threat' : 'the activity not recorded as an external threat';
    case 'target':
      return `${TARGETS[change.target].label} ${change.to ? 'among' : 'not among'} the targets`;
    case 'attempt':
      return 'the activity recorded as achieved, not as an attempt (its potential effect no longer counted)';
  }
}

function shiftText(direction: OutcomeShift['direction'], category: CategoryId, options: readonly OutcomeOption[]): string {
  const name = categoryPhrase(category);
  if (options.length === 0) {
    return direction === 'open'
      ? `No change of one rating or one fact would make ${name} suggested: that needs level ${LEVEL_RULES.categoryFrom[category]}.`
      : `No change of one rating or one fact would take ${name} out of the suggestion.`;
  }
  const would = direction === 'open' ? `${upperFirst(name)} would be suggested` : `${upperFirst(name)} would no longer be suggested`;
  const listed = options.map((o) => `${changePhrase(o.change)} (level ${o.level})`);
  return options.length === 1 ? `${would} with this one change: ${listed[0]}.` : `${would} with any one of these changes: ${listed.join('; ')}.`;
}
