// The overall level and the categories it suggests (FRAMEWORK.md §2), as numbers: the wording
// is in proportionality.ts. Every threshold and weight is in LEVEL_RULES, so the level can be
// explained and retuned without touching the logic.

import {
  CATEGORY_IDS,
  DIMENSION_IDS,
  TARGET_KINDS,
  measuresIn,
  type CategoryId,
  type DimensionId,
  type RatingValue,
  type Ratings,
  type TargetKind,
} from './catalogue';

export type Level = RatingValue;

/**
 * What the level rests on: the ratings and the sanctions-regime facts. Attribution and the
 * identification of persons decide which measures are allowed, never how serious it was.
 */
export interface LevelInput {
  readonly dimensions: Ratings;
  /** Present when the activity was an attempt: the effect it would have had. */
  readonly attempt?: { readonly potential: Ratings };
  /** An external threat in the sense of the cyber sanctions regime; absent = not established. */
  readonly external?: boolean;
  readonly targets?: readonly TargetKind[];
}

export interface DimensionProfile {
  readonly id: DimensionId;
  readonly achieved: RatingValue;
  /** The effect an attempt would have had; null when it was not an attempt. */
  readonly potential: RatingValue | null;
  /** What the level uses: achieved, or for an attempt max(achieved, potential). */
  readonly effective: RatingValue;
}

export interface SanctionsRegimeRules {
  /** The rating that says how significant the effect was, and from which value it is. */
  readonly effect: DimensionId;
  readonly significantFrom: RatingValue;
  /**
   * Targets on which an external attack with a significant effect is what Decision (CFSP)
   * 2019/797 Art. 1 calls a threat to the Union or its member states: the level is then at
   * least the one that suggests the regime's listings.
   */
  readonly floorTargets: readonly TargetKind[];
  /**
   * Targets the regime covers where the CFSP's objectives call for it: the same attack makes
   * its listings proportionate without raising the level.
   */
  readonly listingTargets: readonly TargetKind[];
}

export interface LevelRules {
  /** Weights of the average; positive integers so the arithmetic stays exact. */
  readonly weights: { readonly [D in DimensionId]: number };
  /** The severity figure: the average of these ratings, rounded down. */
  readonly severity: readonly DimensionId[];
  /** The least level a hit on each kind of target warrants, whoever carried it out. */
  readonly targetFloors: { readonly [T in TargetKind]: Level };
  /** The level from which each category is suggested. */
  readonly categoryFrom: { readonly [C in CategoryId]: Level };
  readonly sanctionsRegime: SanctionsRegimeRules;
}

// level = max(average, severity, target floor, sanctions floor). Each part only grows when a
// rating, a potential or a target is added or raised, or the threat becomes external, so the
// level is monotone; so is the sanctions regime's reach, which only adds a category.
export const LEVEL_RULES: LevelRules = {
  weights: { scope: 1, scale: 1, duration: 1, intensity: 1, complexity: 1, sophistication: 1, impact: 1 },
  // A severe effect warrants a strong response even when the means were simple.
  severity: ['intensity', 'impact'],
  // Floors follow the cyber sanctions regime's list of what threatens the Union and its members.
  targetFloors: {
    'critical-infrastructure': 2,
    'essential-services': 1,
    'state-functions': 2,
    'classified-information': 2,
    'emergency-response': 2,
    'eu-institutions': 2,
    'international-organisations': 1,
    'third-states': 1,
  },
  categoryFrom: { preventive: 0, cooperative: 0, stabilising: 2, restrictive: 3, support: 4 },
  sanctionsRegime: {
    // Intensity 2: significant data theft, or disruption of services. The EU has listed for
    // intrusions into a parliament and ministries that stole data and destroyed nothing.
    effect: 'intensity',
    significantFrom: 2,
    floorTargets: ['state-functions', 'classified-information', 'eu-institutions', 'critical-infrastructure', 'emergency-response'],
    listingTargets: ['international-organisations'],
  },
};

/** The categories that hold the regime's listings: the floor and its reach are about them. */
export const SANCTIONS_CATEGORIES: readonly CategoryId[] = CATEGORY_IDS.filter((c) => measuresIn(c).some((m) => m.sanctionsRegime));

/** The sanctions floor: the least level that suggests the regime's listings. */
export const SANCTIONS_FLOOR: Level = Math.min(...SANCTIONS_CATEGORIES.map((c) => LEVEL_RULES.categoryFrom[c])) as Level;

export const LEVEL_PART_IDS = ['average', 'severity', 'targets', 'sanctions-floor'] as const;
export type LevelPartId = (typeof LEVEL_PART_IDS)[number];

/** The activity against the regime's scope: each condition, and what follows from them. */
export interface SanctionsScope {
  readonly external: boolean;
  /** The effective rating of LEVEL_RULES.sanctionsRegime.effect. */
  readonly effect: RatingValue;
  readonly significant: boolean;
  /** The targets hit that the floor, and that the listing rule, cover. */
  readonly floorTargets: readonly TargetKind[];
  readonly listingTargets: readonly TargetKind[];
  readonly floorApplies: boolean;
  readonly listingApplies: boolean;
}

export interface LevelComputation {
  readonly profile: readonly DimensionProfile[];
  /** In catalogue order, each once. */
  readonly targets: readonly TargetKind[];
  readonly attempt: boolean;
  readonly average: { readonly sum: number; readonly total: number; readonly level: Level };
  readonly severity: { readonly sum: number; readonly count: number; readonly level: Level };
  readonly targetFloor: Level;
  readonly sanctions: SanctionsScope;
  /** Each part's figure; the level is the highest. */
  readonly parts: { readonly [P in LevelPartId]: Level };
  readonly level: Level;
  /** Each category, as the level and the regime's reach suggest it. */
  readonly proportionate: { readonly [C in CategoryId]: boolean };
}

export function profileOf(input: LevelInput): readonly DimensionProfile[] {
  return DIMENSION_IDS.map((id) => {
    const achieved = input.dimensions[id];
    const potential = input.attempt === undefined ? null : input.attempt.potential[id];
    const effective = potential === null ? achieved : (Math.max(achieved, potential) as RatingValue);
    return { id, achieved, potential, effective };
  });
}

function asLevel(n: number): Level {
  return Math.min(4, Math.max(0, n)) as Level;
}

// Canonical order, duplicates dropped: the formula reads the same whatever order was given.
const targetsOf = (input: LevelInput): readonly TargetKind[] => TARGET_KINDS.filter((t) => input.targets?.includes(t) === true);

export function computeLevel(input: LevelInput): LevelComputation {
  const profile = profileOf(input);
  const targets = targetsOf(input);
  const effective = (id: DimensionId): RatingValue => profile.find((p) => p.id === id)?.effective ?? 0;

  const sum = DIMENSION_IDS.reduce((acc, id) => acc + LEVEL_RULES.weights[id] * effective(id), 0);
  const total = DIMENSION_IDS.reduce((acc, id) => acc + LEVEL_RULES.weights[id], 0);
  // Round half up in integers: floor(sum/total + 1/2) without floating-point surprises.
  const average = asLevel(Math.floor((2 * sum + total) / (2 * total)));
  const sevSum = LEVEL_RULES.severity.reduce((acc, id) => acc + effective(id), 0);
  const sevCount = LEVEL_RULES.severity.length;
  const severity = asLevel(sevCount === 0 ? 0 : Math.floor(sevSum / sevCount));
  const targetFloor = asLevel(targets.reduce((acc, t) => Math.max(acc, LEVEL_RULES.targetFloors[t]), 0));

  const regime = LEVEL_RULES.sanctionsRegime;
  const external = input.external === true;
  const effect = effective(regime.effect);
  const significant = effect >= regime.significantFrom;
  const floorTargets = targets.filter((t) => regime.floorTargets.includes(t));
  const listingTargets = targets.filter((t) => regime.listingTargets.includes(t));
  const sanctions: SanctionsScope = {
    external,
    effect,
    significant,
    floorTargets,
    listingTargets,
    floorApplies: external && significant && floorTargets.length > 0,
    listingApplies: external && significant && listingTargets.length > 0,
  };

  const parts = { average, severity, targets: targetFloor, 'sanctions-floor': sanctions.floorApplies ? SANCTIONS_FLOOR : 0 } as const;
  const level = asLevel(Math.max(...LEVEL_PART_IDS.map((p) => parts[p])));
  const proportionate = Object.fromEntries(
    CATEGORY_IDS.map((c) => [c, level >= LEVEL_RULES.categoryFrom[c] || (sanctions.listingApplies && SANCTIONS_CATEGORIES.includes(c))]),
  ) as { [C in CategoryId]: boolean };

  return {
    profile,
    targets,
    attempt: input.attempt !== undefined,
    average: { sum, total, level: average },
    severity: { sum: sevSum, count: sevCount, level: severity },
    targetFloor,
    sanctions,
    parts,
    level,
    proportionate,
  };
}

/** The overall level alone. */
export function levelOf(input: LevelInput): Level {
  return computeLevel(input).level;
}

/** The parts whose figure is the level: what the level comes from; none at level 0. */
export function decisiveParts(computation: LevelComputation): readonly LevelPartId[] {
  return computation.level === 0 ? [] : LEVEL_PART_IDS.filter((p) => computation.parts[p] === computation.level);
}

/** The category is suggested by the level itself, not only by the regime's reach. */
export function suggestedByLevel(computation: LevelComputation, category: CategoryId): boolean {
  return computation.level >= LEVEL_RULES.categoryFrom[category];
}
