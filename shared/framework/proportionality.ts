// The proportionality assessment behind `cdt assess`, the profile and the measures screen, in
// words. It suggests; the delegation decides (FRAMEWORK.md §2). The numbers are in level.ts,
// what would change them in outcome.ts; here: the requirements of each measure, the facts the
// level rests on, and the formula, so that a reader can check every figure.

import {
  ACTOR_TYPE_LABELS,
  CATEGORIES,
  CATEGORY_IDS,
  CONFIDENCE_LABELS,
  DIMENSION_IDS,
  MEASURES,
  MEASURE_IDS,
  STATE_ACTOR_TYPES,
  STATE_SPONSORED_COUNTS,
  TARGETS,
  TARGET_KINDS,
  assertNever,
  inWords,
  type ActorType,
  type CategoryId,
  type Confidence,
  type MeasureId,
  type Ratings,
  type TargetKind,
} from './catalogue';
import {
  LEVEL_RULES,
  SANCTIONS_CATEGORIES,
  SANCTIONS_FLOOR,
  computeLevel,
  LEVEL_PART_IDS,
  decisiveParts,
  suggestedByLevel,
  type DimensionProfile,
  type Level,
  type LevelComputation,
  type LevelInput,
  type LevelPartId,
} from './level';
import { whatWouldChange, type WhatWouldChange } from './outcome';
import { categoryPhrase, dimensionName, listOf, lowerFirst, upperFirst } from './wording';

export type AssessmentAttribution =
  | {
      readonly status: 'attributed';
      readonly actorType?: ActorType;
      readonly actorNamed?: boolean;
      readonly confidence?: Confidence;
    }
  | { readonly status: 'skipped' };

export interface AssessmentInput extends LevelInput {
  readonly attribution: AssessmentAttribution;
  /**
   * Responsible persons or entities identified for a listing, whether or not the activity is
   * attributed. An attribution that names the actor identifies it too; one that names no one
   * identifies no one.
   */
  readonly actorsIdentified?: boolean;
}

export interface CategoryAssessment {
  readonly id: CategoryId;
  /** Suggested: by the level, or for the regime's listings by its reach. */
  readonly proportionate: boolean;
  /** Some measure of the category has its requirement met. */
  readonly available: boolean;
  readonly reasons: readonly string[];
}

export interface MeasureAssessment {
  readonly id: MeasureId;
  readonly category: CategoryId;
  /** The measure's requirement is met. Outside the suggestion it stays allowed, with a rationale. */
  readonly allowed: boolean;
  readonly reasons: readonly string[];
}

/** One of the figures the level is the highest of. */
export interface LevelPart {
  readonly id: LevelPartId;
  readonly level: Level;
  /** Its figure is the level (none is, at level 0). */
  readonly decisive: boolean;
  readonly text: string;
}

export const LEVEL_FACT_IDS = ['attribution', 'identified', 'external', 'attempt', 'targets'] as const;
export type LevelFactId = (typeof LEVEL_FACT_IDS)[number];

export const LEVEL_FACT_LABELS: { readonly [F in LevelFactId]: string } = {
  attribution: 'Attribution',
  identified: 'Persons or entities identified',
  external: 'External threat',
  attempt: 'Attempt',
  targets: 'Targets',
};

/** A fact the level or the measures rest on, as a reader sees it. */
export interface LevelFact {
  readonly id: LevelFactId;
  readonly label: string;
  /** A sentence that says what was recorded and what follows from it. */
  readonly value: string;
  /** A few words, for a table beside other delegations ("Yes", "Not attributed"). */
  readonly brief: string;
}

export interface Assessment {
  readonly level: Level;
  /** How the level follows from the ratings and the facts, with the numbers. */
  readonly formula: string;
  readonly parts: readonly LevelPart[];
  readonly facts: readonly LevelFact[];
  readonly whatWouldChange: WhatWouldChange;
  readonly profile: readonly DimensionProfile[];
  readonly categories: readonly CategoryAssessment[];
  readonly measures: readonly MeasureAssessment[];
}

// ---------------------------------------------------------------------------------------
// Requirements: shared with the workflow machine, which refuses a measure whose requirement
// is unmet. One implementation, so the screen, the CLI and the machine give the same reasons.

export interface RequirementFacts {
  /** null: attribution neither made nor skipped yet (a run still in progress). */
  readonly attribution: AssessmentAttribution | null;
  readonly external: boolean;
  readonly actorsIdentified: boolean;
}

/** Everything recorded besides the ratings: what the level and the requirements rest on. */
export interface CaseFacts extends RequirementFacts {
  readonly attempt: { readonly potential: Ratings } | null;
  readonly targets: readonly TargetKind[];
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

const isStateSponsored = (attribution: AssessmentAttribution | null): boolean =>
  attribution?.status === 'attributed' && attribution.actorType === 'state-sponsored';

/** Identified means named: recorded as identified, or named by the attribution. */
export interface Identification {
  readonly identified: boolean;
  readonly recorded: boolean;
  readonly named: boolean;
}

export function identificationOf(facts: RequirementFacts): Identification {
  const named = facts.attribution?.status === 'attributed' && facts.attribution.actorNamed === true;
  return { identified: facts.actorsIdentified || named, recorded: facts.actorsIdentified, named };
}

export function hasIdentifiedActors(facts: RequirementFacts): boolean {
  return identificationOf(facts).identified;
}

function whyNoOneIsNamed(attribution: AssessmentAttribution | null): string {
  if (attribution === null) return 'attribution has been neither made nor skipped yet';
  switch (attribution.status) {
    case 'skipped':
      return 'there is no attribution that could name anyone (it was skipped)';
    case 'attributed':
      return attribution.actorNamed === false ? 'the attribution names no one' : 'the attribution does not say that it names the actor';
    default:
      return assertNever(attribution, 'attribution');
  }
}

/** Who identifies the responsible persons or entities, or why no one does. */
function identificationPhrase(facts: RequirementFacts): string {
  const id = identificationOf(facts);
  if (id.recorded && id.named) return 'the delegation records them as identified, and the attribution names the actor';
  if (id.recorded) return 'the delegation records them as identified';
  if (id.named) return 'the attribution names the actor';
  return `no one is recorded as identified, and ${whyNoOneIsNamed(facts.attribution)}`;
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
      if (attribution.actorNamed === false) {
        return attribution.actorType === 'state-sponsored'
          ? `${lead}: the activity was attributed to a State-sponsored actor without naming the actor, so the statement should not name a State.`
          : `${lead}: the activity was attributed to a State without naming it, so the statement should not name it either.`;
      }
      return attribution.actorType === 'state-sponsored'
        ? `${lead}: the activity was attributed to a State-sponsored actor, which counts as attribution to a State, so the statement can name the State.`
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
        notes.push(`Responsible persons or entities are identified: ${identificationPhrase(facts)}.`);
      } else {
        problems.push(`${CATEGORIES[measure.category].label} need responsible persons or entities identified: ${identificationPhrase(facts)}.`);
      }
      notes.push('A listing targets persons or entities responsible, involved or associated; it is not the attribution of the attack to a State.');
      break;
    case 'state':
      if (isStateAttribution(facts.attribution)) {
        notes.push(`${measure.label} needs attribution to a State: ${attributionState(facts.attribution)}.`);
        if (isStateSponsored(facts.attribution)) notes.push(STATE_SPONSORED_COUNTS);
      } else {
        const attributed = facts.attribution?.status === 'attributed' && facts.attribution.actorType !== undefined;
        problems.push(`${measure.label} needs attribution to a State; ${attributionState(facts.attribution)}${attributed ? ', not to a State' : ''}.`);
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
// The facts the level and the measures rest on, besides the ratings: shown wherever the
// level is, so that a reader can reproduce it.

const targetLabels = (targets: readonly TargetKind[]): string => listOf(targets.map((t) => TARGETS[t].label));

function attributionFact(attribution: AssessmentAttribution | null): readonly [value: string, brief: string] {
  if (attribution === null) return ['Not decided yet.', 'Not decided'];
  switch (attribution.status) {
    case 'skipped':
      return ['Not attributed: attribution was skipped.', 'Not attributed'];
    case 'attributed': {
      const type = attribution.actorType;
      const named = attribution.actorNamed === undefined ? '' : attribution.actorNamed ? ', named' : ', not named';
      const confidence = attribution.confidence === undefined ? '' : `, with ${CONFIDENCE_LABELS[attribution.confidence].label}`;
      const to = type === undefined ? 'an actor of a type not recorded' : ACTOR_TYPE_LABELS[type].label;
      const state = type === 'state-sponsored' ? ` ${STATE_SPONSORED_COUNTS}` : type === 'non-state' ? ' Not an attribution to a State.' : '';
      const counts = type === 'state-sponsored' ? ' (counts as a State)' : '';
      return [`Attributed to ${to}${named}${confidence}.${state}`, `${upperFirst(to.replace(/^an? /, ''))}${counts}${named}`];
    }
    default:
      return assertNever(attribution, 'attribution');
  }
}

export function levelFacts(facts: CaseFacts): readonly LevelFact[] {
  const potential = facts.attempt;
  const yesNo = (yes: boolean): string => (yes ? 'Yes' : 'No');
  const targets = TARGET_KINDS.filter((t) => facts.targets.includes(t)).map((t) => TARGETS[t].label);
  const values: { readonly [F in LevelFactId]: readonly [value: string, brief: string] } = {
    attribution: attributionFact(facts.attribution),
    identified: [`${yesNo(hasIdentifiedActors(facts))}: ${identificationPhrase(facts)}.`, yesNo(hasIdentifiedActors(facts))],
    external: [
      facts.external
        ? 'Yes: recorded as an external threat to the Union or its member states.'
        : 'No: not recorded as an external threat to the Union or its member states.',
      yesNo(facts.external),
    ],
    attempt: [
      potential === null
        ? 'No: the ratings are of the effect achieved.'
        : `Yes: the potential effect is rated ${DIMENSION_IDS.map((d) => `${dimensionName(d)} ${potential.potential[d]}`).join(', ')}; each rating counts as the higher of achieved and potential.`,
      yesNo(potential !== null),
    ],
    targets: targets.length === 0 ? ['None recorded.', 'None'] : [`${upperFirst(listOf(targets))}.`, upperFirst(targets.join('; '))],
  };
  return LEVEL_FACT_IDS.map((id) => ({ id, label: LEVEL_FACT_LABELS[id], value: values[id][0], brief: values[id][1] }));
}

export function caseFactsOfInput(input: AssessmentInput): CaseFacts {
  return {
    attribution: input.attribution,
    external: input.external === true,
    actorsIdentified: input.actorsIdentified === true,
    attempt: input.attempt ?? null,
    targets: input.targets ?? [],
  };
}

// ---------------------------------------------------------------------------------------
// The formula. Reasons name the dimensions with their ratings so that a reader can check them.

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

function fromLevelPhrase(id: CategoryId): string {
  const from = LEVEL_RULES.categoryFrom[id];
  return from === 0 ? `Every level suggests ${categoryPhrase(id)}` : `Level ${from} and above suggests ${categoryPhrase(id)}`;
}

const PART_NAMES: { readonly [P in LevelPartId]: string } = {
  average: '(1) the average',
  severity: '(2) severity',
  targets: '(3) the targets',
  'sanctions-floor': "(4) the cyber sanctions regime's floor",
};

const SANCTIONS_LAW = 'Council Decision (CFSP) 2019/797, Art. 1';

function effectPhrase(c: LevelComputation): string {
  const name = dimensionName(LEVEL_RULES.sanctionsRegime.effect);
  return c.attempt ? `${name} ${c.sanctions.effect}, the higher of achieved and potential` : `${name} ${c.sanctions.effect}`;
}

function listingReason(c: LevelComputation): string {
  return (
    `${upperFirst(listOf(SANCTIONS_CATEGORIES.map(categoryPhrase)))} are suggested whatever the level: an external cyber-attack ` +
    `with a significant effect (${effectPhrase(c)}) on ${targetLabels(c.sanctions.listingTargets)} is within the cyber sanctions regime where the CFSP's objectives call for it (${SANCTIONS_LAW}).`
  );
}

function floorText(c: LevelComputation): string {
  const regime = LEVEL_RULES.sanctionsRegime;
  const s = c.sanctions;
  if (s.floorApplies) {
    return (
      `(4) The cyber sanctions regime's floor: an external cyber-attack with a significant effect (${effectPhrase(c)}; significant from ${regime.significantFrom}) ` +
      `on ${targetLabels(s.floorTargets)} is a threat to the Union or its member states (${SANCTIONS_LAW}), so at least ${SANCTIONS_FLOOR}.`
    );
  }
  const missing = [
    ...(s.external ? [] : ['the activity is not recorded as an external threat']),
    ...(s.significant ? [] : [`its effect is not significant (${effectPhrase(c)}; the floor needs ${regime.significantFrom} or more)`]),
    ...(s.floorTargets.length > 0 ? [] : [`none of its targets is one the floor covers (${targetLabels(regime.floorTargets)})`]),
  ];
  return `(4) The cyber sanctions regime's floor does not apply, so 0: ${listOf(missing)}.`;
}

function partTexts(c: LevelComputation): { readonly [P in LevelPartId]: string } {
  const { profile, average, severity } = c;
  const terms = profile.map((p) => {
    const w = LEVEL_RULES.weights[p.id];
    return `${dimensionName(p.id)} ${p.effective}${w === 1 ? '' : ` ×${w}`}`;
  });
  const sevTerms = LEVEL_RULES.severity.map((id) => `${dimensionName(id)} ${profile.find((q) => q.id === id)?.effective ?? 0}`);
  return {
    average:
      `(1) The average of the ${inWords(DIMENSION_IDS.length)} ratings: (${terms.join(' + ')}) / ${average.total} = ${fmt(average.sum / average.total)}, ` +
      `rounded to the nearest whole number (halves up): ${average.level}.`,
    severity: `(2) Severity, the average of ${listOf(sevTerms)}: ${fmt(severity.sum / Math.max(1, severity.count))}, rounded down: ${severity.level}.`,
    targets:
      c.targets.length === 0
        ? '(3) The least level the targets warrant: no target recorded, so 0.'
        : `(3) The least level the targets warrant: ${c.targets.map((t) => `${TARGETS[t].label} ${LEVEL_RULES.targetFloors[t]}`).join(', ')}; the highest is ${c.targetFloor}.`,
    'sanctions-floor': floorText(c),
  };
}

/** What the rest of the level gives: the ratings and the targets, without the floor. */
const withoutFloor = (c: LevelComputation): Level => Math.max(c.parts.average, c.parts.severity, c.parts.targets) as Level;

function headline(c: LevelComputation): string {
  const decisive = decisiveParts(c);
  const lead = `Overall level ${c.level}, the highest of ${inWords(LEVEL_PART_IDS.length)} figures`;
  if (c.level === 0) return `${lead}, all 0.`;
  const from = listOf(decisive.map((p) => PART_NAMES[p]));
  return decisive.length === 1 && decisive[0] === 'sanctions-floor'
    ? `${lead}, from ${from}; without it, (1) to (3) give ${withoutFloor(c)}.`
    : `${lead}, from ${from}.`;
}

/** "the overall level is 3, from ...": where the level comes from, with every rating. */
function levelSource(c: LevelComputation): string {
  const ratings = `the ratings ${profilePhrase(c.profile)}`;
  const byRatings = Math.max(c.parts.average, c.parts.severity);
  if (byRatings === c.level) return `the overall level is ${c.level}, from ${ratings}`;
  const source = c.parts['sanctions-floor'] === c.level ? "the cyber sanctions regime's floor" : 'the targets hit';
  return `the overall level is ${c.level}, from ${source} (${ratings} give ${byRatings})`;
}

function formulaOf(c: LevelComputation, parts: readonly LevelPart[], suggested: readonly CategoryId[]): string {
  const sentences = [headline(c)];
  if (c.attempt) {
    const raised = c.profile.filter((p) => p.potential !== null && p.potential > p.achieved);
    sentences.push(
      raised.length === 0
        ? 'Attempt: each rating counts as the higher of the effect achieved and the potential effect; no potential rating exceeds the achieved one.'
        : 'Attempt: each rating counts as the higher of the effect achieved and the potential effect: ' +
            raised.map((p) => `${dimensionName(p.id)} max(${p.achieved}, ${p.potential}) = ${p.effective}`).join(', ') +
            (raised.length < c.profile.length ? '; the other ratings are the achieved ones.' : '.'),
    );
  }
  sentences.push(...parts.map((p) => p.text));
  sentences.push(`Level ${c.level} suggests ${listOf(suggested.map(categoryPhrase))}.`);
  const byReach = SANCTIONS_CATEGORIES.filter((id) => c.proportionate[id] && !suggestedByLevel(c, id));
  if (byReach.length > 0) sentences.push(listingReason(c));
  return sentences.join(' ');
}

// ---------------------------------------------------------------------------------------

export function assess(input: AssessmentInput): Assessment {
  const c = computeLevel(input);
  const level = c.level;
  const facts = caseFactsOfInput(input);
  const levelText = levelSource(c);

  const byLevel = (id: CategoryId): boolean => suggestedByLevel(c, id);
  const byReach = (id: CategoryId): boolean => c.proportionate[id] && !byLevel(id);

  const checks = new Map(MEASURE_IDS.map((id) => [id, checkRequirement(id, facts)] as const));

  const categories = CATEGORY_IDS.map((id): CategoryAssessment => {
    const reasons = [byLevel(id) ? `${fromLevelPhrase(id)}, and ${levelText}.` : `${fromLevelPhrase(id)}; ${levelText}.`];
    if (byReach(id)) reasons.push(listingReason(c));
    // A requirement every measure of the category lacks is worth saying at category level.
    const inCategory = MEASURE_IDS.filter((m) => MEASURES[m].category === id);
    const problemsPerMeasure = inCategory.map((m) => checks.get(m)?.problems ?? []);
    const shared = (problemsPerMeasure[0] ?? []).filter((p) => problemsPerMeasure.every((ps) => ps.includes(p)));
    reasons.push(...shared);
    const available = inCategory.some((m) => checks.get(m)?.met === true);
    return { id, proportionate: c.proportionate[id], available, reasons };
  });

  const measures = MEASURE_IDS.map((id): MeasureAssessment => {
    const category = MEASURES[id].category;
    const check = checks.get(id) ?? checkRequirement(id, facts);
    const suggestion = byLevel(category)
      ? `Within the suggestion: ${lowerFirst(fromLevelPhrase(category))}, and ${levelText}.`
      : byReach(category)
        ? `Within the suggestion: ${lowerFirst(listingReason(c))}`
        : `Outside the suggestion: ${lowerFirst(fromLevelPhrase(category))}; ${levelText}. The delegation may still choose it, with a rationale.`;
    return { id, category, allowed: check.met, reasons: [suggestion, ...check.reasons] };
  });

  const decisive = decisiveParts(c);
  const texts = partTexts(c);
  const parts = LEVEL_PART_IDS.map((id): LevelPart => ({ id, level: c.parts[id], decisive: decisive.includes(id), text: texts[id] }));
  return {
    level,
    formula: formulaOf(c, parts, CATEGORY_IDS.filter(byLevel)),
    parts,
    facts: levelFacts(facts),
    whatWouldChange: whatWouldChange(input),
    profile: c.profile,
    categories,
    measures,
  };
}
