// The proportionality assessment behind `cdt assess` and the measures screen. It suggests;
// the delegation decides (FRAMEWORK.md §2). Every threshold and weight is in LEVEL_RULES so
// the level can be explained and retuned without touching the logic.

import {
  ACTOR_TYPE_LABELS,
  CATEGORIES,
  CATEGORY_IDS,
  CONFIDENCE_LABELS,
  DIMENSIONS,
  DIMENSION_IDS,
  MEASURES,
  MEASURE_IDS,
  STATE_ACTOR_TYPES,
  TARGETS,
  TARGET_KINDS,
  assertNever,
  inWords,
  type ActorType,
  type CategoryId,
  type Confidence,
  type DimensionId,
  type MeasureId,
  type RatingValue,
  type Ratings,
  type TargetKind,
} from './catalogue';

export type AssessmentAttribution =
  | {
      readonly status: 'attributed';
      readonly actorType?: ActorType;
      readonly actorNamed?: boolean;
      readonly confidence?: Confidence;
    }
  | { readonly status: 'skipped' };

export interface AssessmentInput {
  readonly dimensions: Ratings;
  readonly attribution: AssessmentAttribution;
  /** Present when the activity was an attempt: the effect it would have had. */
  readonly attempt?: { readonly potential: Ratings };
  /** An external threat in the sense of the cyber sanctions regime; absent = not established. */
  readonly external?: boolean;
  /**
   * Responsible persons or entities identified for a listing. An attribution (of any actor
   * type) counts as identification too; this flag covers listing without attributing.
   */
  readonly actorsIdentified?: boolean;
  readonly targets?: readonly TargetKind[];
}

export type Level = RatingValue;

export interface DimensionProfile {
  readonly id: DimensionId;
  readonly achieved: RatingValue;
  /** The effect an attempt would have had; null when it was not an attempt. */
  readonly potential: RatingValue | null;
  /** What the level uses: achieved, or for an attempt max(achieved, potential). */
  readonly effective: RatingValue;
}

export interface CategoryAssessment {
  readonly id: CategoryId;
  readonly proportionate: boolean;
  readonly reasons: readonly string[];
}

export interface MeasureAssessment {
  readonly id: MeasureId;
  readonly category: CategoryId;
  /** The measure's requirement is met. Outside the suggestion it stays allowed, with a rationale. */
  readonly allowed: boolean;
  readonly reasons: readonly string[];
}

export interface Assessment {
  readonly level: Level;
  readonly formula: string;
  readonly profile: readonly DimensionProfile[];
  readonly categories: readonly CategoryAssessment[];
  readonly measures: readonly MeasureAssessment[];
}

export interface LevelRules {
  /** Weights of the average; positive integers so the arithmetic stays exact. */
  readonly weights: { readonly [D in DimensionId]: number };
  /** The severity figure: the average of these ratings, rounded down. */
  readonly severity: readonly DimensionId[];
  /** The least level a hit on each kind of target warrants. */
  readonly targetFloors: { readonly [T in TargetKind]: Level };
  /** The level from which each category is suggested. */
  readonly categoryFrom: { readonly [C in CategoryId]: Level };
  /** Targets on which an attempt can warrant a listing although its achieved effect was small. */
  readonly attemptListingTargets: readonly TargetKind[];
}

// level = max(average, severity, target floor). Each part only grows when a rating, a
// potential or a target is added or raised, so the level is monotone.
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
  attemptListingTargets: ['state-functions', 'classified-information', 'international-organisations'],
};

// ---------------------------------------------------------------------------------------
// Requirements: shared with the workflow machine, which refuses a measure whose requirement
// is unmet. One implementation, so the screen, the CLI and the machine give the same reasons.

export interface RequirementFacts {
  /** null: attribution neither made nor skipped yet (a run still in progress). */
  readonly attribution: AssessmentAttribution | null;
  readonly external: boolean;
  readonly actorsIdentified: boolean;
}

export interface RequirementCheck {
  readonly met: boolean;
  /** Unmet requirements first, then what was established and caveats. */
  readonly reasons: readonly string[];
  /** Only the unmet requirements, as sentences. */
  readonly problems: readonly string[];
}

export function isStateAttribution(attribution: AssessmentAttribution | null): boolean {
  return (
    attribution !== null &&
    attribution.status === 'attributed' &&
    attribution.actorType !== undefined &&
    STATE_ACTOR_TYPES.includes(attribution.actorType)
  );
}

export function hasIdentifiedActors(facts: RequirementFacts): boolean {
  return facts.actorsIdentified || facts.attribution?.status === 'attributed';
}

function attributionState(attribution: AssessmentAttribution | null): string {
  if (attribution === null) return 'attribution has been neither made nor skipped yet';
  switch (attribution.status) {
    case 'skipped':
      return 'attribution was skipped';
    case 'attributed':
      return attribution.actorType === undefined
        ? 'the attribution does not say what type of actor is responsible'
        : `the activity was attributed to ${ACTOR_TYPE_LABELS[attribution.actorType].label}`;
    default:
      return assertNever(attribution, 'attribution');
  }
}

function stateNamingNote(attribution: AssessmentAttribution | null): string {
  const lead = 'Naming a State in the statement is attribution, a sovereign political decision (10474/17 §4)';
  if (attribution === null) return `${lead}: attribution has been neither made nor skipped yet, so the statement must not name a State.`;
  switch (attribution.status) {
    case 'skipped':
      return `${lead}: attribution was skipped, so the statement must not name a State.`;
    case 'attributed':
      if (!isStateAttribution(attribution)) {
        return `${lead}: ${attributionState(attribution)}, not to a State, so the statement must not name a State.`;
      }
      return attribution.actorNamed === false
        ? `${lead}: the activity was attributed to a State without naming the actor, so the statement should not name it either.`
        : `${lead}: the activity was attributed to a State, so the statement can name it.`;
    default:
      return assertNever(attribution, 'attribution');
  }
}

// Caveats that do not block a measure but that the delegation must see.
const MEASURE_CAVEATS: { readonly [M in MeasureId]?: (facts: RequirementFacts) => string } = {
  'hr-statement': (facts) => stateNamingNote(facts.attribution),
};

/** The caveat a delegation must see on the measure itself, or null (it is also among the reasons). */
export function measureCaveat(measureId: MeasureId, facts: RequirementFacts): string | null {
  return MEASURE_CAVEATS[measureId]?.(facts) ?? null;
}

export function checkRequirement(measureId: MeasureId, facts: RequirementFacts): RequirementCheck {
  const measure = MEASURES[measureId];
  const problems: string[] = [];
  const notes: string[] = [];
  switch (measure.requires) {
    case 'none':
      notes.push('Needs neither attribution nor identified persons or entities: not every measure needs attribution (10474/17 §4).');
      break;
    case 'actors':
      if (hasIdentifiedActors(facts)) {
        notes.push(
          facts.attribution?.status === 'attributed'
            ? `Responsible persons or entities are identified: ${attributionState(facts.attribution)}.`
            : 'Responsible persons or entities are recorded as identified.',
        );
      } else {
        problems.push(`Restrictive measures need responsible persons or entities identified; ${attributionState(facts.attribution)}.`);
      }
      notes.push('A listing targets persons or entities responsible, involved or associated; it is not the attribution of the attack to a State.');
      break;
    case 'state':
      if (isStateAttribution(facts.attribution)) {
        notes.push(`${measure.label} needs attribution to a State: ${attributionState(facts.attribution)}.`);
      } else {
        problems.push(`${measure.label} needs attribution to a State; ${attributionState(facts.attribution)}.`);
      }
      break;
    default:
      assertNever(measure.requires, 'requirement');
  }
  if (measure.sanctionsRegime) {
    if (facts.external) {
      notes.push('The activity is recorded as an external threat to the Union or its member states, as the cyber sanctions regime (Council Decision (CFSP) 2019/797) requires.');
    } else {
      problems.push(
        'Listings under the cyber sanctions regime (Council Decision (CFSP) 2019/797) need an external threat to the Union or its member states; the activity is not recorded as one.',
      );
    }
  }
  const attribution = facts.attribution;
  if (problems.length === 0 && measure.requires !== 'none' && attribution?.status === 'attributed' && attribution.confidence === 'low') {
    notes.push(`The attribution was made with ${CONFIDENCE_LABELS.low.label}; weigh that before relying on it.`);
  }
  const caveat = measureCaveat(measureId, facts);
  if (caveat !== null) notes.push(caveat);
  return { met: problems.length === 0, reasons: [...problems, ...notes], problems };
}

// ---------------------------------------------------------------------------------------
// The level.

export function profileOf(input: AssessmentInput): readonly DimensionProfile[] {
  return DIMENSION_IDS.map((id) => {
    const achieved = input.dimensions[id];
    const potential = input.attempt === undefined ? null : input.attempt.potential[id];
    const effective = potential === null ? achieved : (Math.max(achieved, potential) as RatingValue);
    return { id, achieved, potential, effective };
  });
}

interface LevelParts {
  readonly average: { readonly sum: number; readonly total: number; readonly level: Level };
  readonly severity: { readonly sum: number; readonly count: number; readonly level: Level };
  readonly floor: { readonly targets: readonly TargetKind[]; readonly level: Level };
  readonly level: Level;
}

function asLevel(n: number): Level {
  return Math.min(4, Math.max(0, n)) as Level;
}

function levelParts(profile: readonly DimensionProfile[], targets: readonly TargetKind[]): LevelParts {
  const effective = (id: DimensionId): number => profile.find((p) => p.id === id)?.effective ?? 0;
  const sum = DIMENSION_IDS.reduce((acc, id) => acc + LEVEL_RULES.weights[id] * effective(id), 0);
  const total = DIMENSION_IDS.reduce((acc, id) => acc + LEVEL_RULES.weights[id], 0);
  // Round half up in integers: floor(sum/total + 1/2) without floating-point surprises.
  const average = asLevel(Math.floor((2 * sum + total) / (2 * total)));
  const sevSum = LEVEL_RULES.severity.reduce((acc, id) => acc + effective(id), 0);
  const sevCount = LEVEL_RULES.severity.length;
  const severity = asLevel(sevCount === 0 ? 0 : Math.floor(sevSum / sevCount));
  const floor = asLevel(targets.reduce((acc, t) => Math.max(acc, LEVEL_RULES.targetFloors[t]), 0));
  return {
    average: { sum, total, level: average },
    severity: { sum: sevSum, count: sevCount, level: severity },
    floor: { targets, level: floor },
    level: asLevel(Math.max(average, severity, floor)),
  };
}

// ---------------------------------------------------------------------------------------
// Wording. Reasons name the dimensions with their ratings so that a reader can check them.

const dimensionName = (id: DimensionId): string => DIMENSIONS[id].label.toLowerCase();

/** Lower-case the first letter, unless it starts an acronym ("EU institutions"). */
function lowerFirst(text: string): string {
  const second = text.charAt(1);
  return second !== '' && second === second.toUpperCase() && second !== second.toLowerCase()
    ? text
    : text.charAt(0).toLowerCase() + text.slice(1);
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

function describeRating(p: DimensionProfile): string {
  const name = dimensionName(p.id);
  return p.potential !== null && p.potential > p.achieved
    ? `${name} ${p.effective} (potential; achieved ${p.achieved})`
    : `${name} ${p.effective}`;
}

export function profilePhrase(profile: readonly DimensionProfile[]): string {
  return profile.map(describeRating).join(', ');
}

function categoryPhrase(id: CategoryId): string {
  return lowerFirst(CATEGORIES[id].label);
}

function fromLevelPhrase(id: CategoryId): string {
  const from = LEVEL_RULES.categoryFrom[id];
  return from === 0 ? `Every level suggests ${categoryPhrase(id)}` : `Level ${from} and above suggests ${categoryPhrase(id)}`;
}

function targetList(targets: readonly TargetKind[]): string {
  return listOf(targets.map((t) => TARGETS[t].label));
}

function attemptListingReason(targets: readonly TargetKind[]): string {
  return (
    `An attempt on ${targetList(targets)} can warrant a listing although its achieved effect was small: ` +
    'the cyber sanctions regime also covers attempted cyber-attacks with a potentially significant effect.'
  );
}

function formulaText(
  profile: readonly DimensionProfile[],
  parts: LevelParts,
  attempt: boolean,
  suggested: readonly CategoryId[],
  listingTargets: readonly TargetKind[],
): string {
  const sentences: string[] = [];
  if (attempt) {
    const raised = profile.filter((p) => p.potential !== null && p.potential > p.achieved);
    sentences.push(
      raised.length === 0
        ? 'Attempt: each rating counts as the higher of the effect achieved and the potential effect; no potential rating exceeds the achieved one.'
        : 'Attempt: each rating counts as the higher of the effect achieved and the potential effect: ' +
            raised.map((p) => `${dimensionName(p.id)} max(${p.achieved}, ${p.potential}) = ${p.effective}`).join(', ') +
            (raised.length < profile.length ? '; the other ratings are the achieved ones.' : '.'),
    );
  }
  const terms = profile.map((p) => {
    const w = LEVEL_RULES.weights[p.id];
    return `${dimensionName(p.id)} ${p.effective}${w === 1 ? '' : ` ×${w}`}`;
  });
  const { average, severity, floor } = parts;
  const sevTerms = LEVEL_RULES.severity.map((id) => {
    const p = profile.find((q) => q.id === id);
    return `${dimensionName(id)} ${p?.effective ?? 0}`;
  });
  const floorText =
    floor.targets.length === 0
      ? 'no target recorded, so 0'
      : `${floor.targets.map((t) => `${TARGETS[t].label} ${LEVEL_RULES.targetFloors[t]}`).join(', ')}; the highest is ${floor.level}`;
  sentences.push(
    `Overall level ${parts.level}, the highest of three figures. ` +
      `(1) The average of the ${inWords(DIMENSION_IDS.length)} ratings: (${terms.join(' + ')}) / ${average.total} = ${fmt(average.sum / average.total)}, ` +
      `rounded to the nearest whole number (halves up): ${average.level}. ` +
      `(2) Severity, the average of ${listOf(sevTerms)}: ${fmt(severity.sum / Math.max(1, severity.count))}, rounded down: ${severity.level}. ` +
      `(3) The least level the targets warrant: ${floorText}.`,
  );
  sentences.push(`Level ${parts.level} suggests ${listOf(suggested.map(categoryPhrase))}.`);
  if (listingTargets.length > 0 && LEVEL_RULES.categoryFrom.restrictive > parts.level) {
    sentences.push(`Restrictive measures are suggested as well. ${attemptListingReason(listingTargets)}`);
  }
  return sentences.join(' ');
}

// ---------------------------------------------------------------------------------------

export function requirementFactsOfInput(input: AssessmentInput): RequirementFacts {
  return {
    attribution: input.attribution,
    external: input.external === true,
    actorsIdentified: input.actorsIdentified === true,
  };
}

// Canonical order, duplicates dropped: the formula reads the same whatever order was given.
const targetsOf = (input: AssessmentInput): readonly TargetKind[] =>
  TARGET_KINDS.filter((t) => input.targets?.includes(t) === true);

/** The overall level alone, as `assess` computes it, without the wording. */
export function levelOf(input: AssessmentInput): Level {
  return levelParts(profileOf(input), targetsOf(input)).level;
}

export function assess(input: AssessmentInput): Assessment {
  const profile = profileOf(input);
  const targets = targetsOf(input);
  const parts = levelParts(profile, targets);
  const level = parts.level;
  const attempt = input.attempt !== undefined;
  const listingTargets = attempt ? LEVEL_RULES.attemptListingTargets.filter((t) => targets.includes(t)) : [];
  const facts = requirementFactsOfInput(input);
  const levelText = `the overall level is ${level}, from the ratings ${profilePhrase(profile)}`;

  const byLevel = (id: CategoryId): boolean => level >= LEVEL_RULES.categoryFrom[id];
  const byAttempt = (id: CategoryId): boolean => id === 'restrictive' && listingTargets.length > 0;
  const proportionate = (id: CategoryId): boolean => byLevel(id) || byAttempt(id);

  const checks = new Map(MEASURE_IDS.map((id) => [id, checkRequirement(id, facts)] as const));

  const categories = CATEGORY_IDS.map((id): CategoryAssessment => {
    const reasons = [byLevel(id) ? `${fromLevelPhrase(id)}, and ${levelText}.` : `${fromLevelPhrase(id)}; ${levelText}.`];
    if (byAttempt(id) && !byLevel(id)) reasons.push(attemptListingReason(listingTargets));
    // A requirement every measure of the category lacks is worth saying at category level.
    const problemsPerMeasure = MEASURE_IDS.filter((m) => MEASURES[m].category === id).map((m) => checks.get(m)?.problems ?? []);
    const shared = (problemsPerMeasure[0] ?? []).filter((p) => problemsPerMeasure.every((ps) => ps.includes(p)));
    reasons.push(...shared);
    return { id, proportionate: proportionate(id), reasons };
  });

  const measures = MEASURE_IDS.map((id): MeasureAssessment => {
    const category = MEASURES[id].category;
    const check = checks.get(id) ?? checkRequirement(id, facts);
    const suggestion = byLevel(category)
      ? `Within the suggestion: ${lowerFirst(fromLevelPhrase(category))}, and ${levelText}.`
      : byAttempt(category)
        ? `Within the suggestion: ${lowerFirst(attemptListingReason(listingTargets))}`
        : `Outside the suggestion: ${lowerFirst(fromLevelPhrase(category))}; ${levelText}. The delegation may still choose it, with a rationale.`;
    return { id, category, allowed: check.met, reasons: [suggestion, ...check.reasons] };
  });

  const suggested = CATEGORY_IDS.filter(byLevel);
  return {
    level,
    formula: formulaText(profile, parts, attempt, suggested, listingTargets),
    profile,
    categories,
    measures,
  };
}
