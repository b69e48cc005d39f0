// The framework of 10474/17 as data: the ids here are the ones the database, the CLI,
// the tests and the UI share (FRAMEWORK.md §2). Order in the *_IDS arrays is display order.
// English only: the UI translates by id; a dimension's terms are the conclusions' own words.

import { LANGS, type Lang } from '../corpus';

export const STEP_IDS = ['awareness', 'attribution', 'proportionality', 'measures', 'decided'] as const;
export type StepId = (typeof STEP_IDS)[number];

export const DIMENSION_IDS = [
  'scope',
  'scale',
  'duration',
  'intensity',
  'complexity',
  'sophistication',
  'impact',
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

export const RATING_VALUES = [0, 1, 2, 3, 4] as const;
export type RatingValue = (typeof RATING_VALUES)[number];

/** A full profile: one rating per dimension. */
export type Ratings = { readonly [D in DimensionId]: RatingValue };

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/**
 * A count as English prose writes it ("the seven characteristics"), so that text about the
 * catalogue follows the catalogue when it changes; beyond twelve, in digits.
 */
export const inWords = (n: number): string => NUMBER_WORDS[n] ?? String(n);

export const PRINCIPLE_IDS = [
  'integrity',
  'external-relations',
  'cfsp-objectives',
  'shared-awareness',
  'proportionality',
  'international-law',
] as const;
export type PrincipleId = (typeof PRINCIPLE_IDS)[number];

export const PRINCIPLE_STATUSES = ['met', 'not-met', 'unclear'] as const;
export type PrincipleStatus = (typeof PRINCIPLE_STATUSES)[number];

export const CATEGORY_IDS = ['preventive', 'cooperative', 'stabilising', 'restrictive', 'support'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export const MEASURE_IDS = [
  'cbm',
  'awareness-raising',
  'capacity-building',
  'dialogue',
  'demarche-cooperative',
  'hr-statement',
  'council-conclusions',
  'demarche-stabilising',
  'travel-ban',
  'asset-freeze',
  'support-lawful-responses',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

/**
 * none    fits without attribution (10474/17 §4: not every measure needs it)
 * actors  responsible persons or entities identified, as a listing needs; not attribution to a State
 * state   attribution to a State
 */
export const REQUIREMENT_IDS = ['none', 'actors', 'state'] as const;
export type RequirementId = (typeof REQUIREMENT_IDS)[number];

export const TARGET_KINDS = [
  'critical-infrastructure',
  'essential-services',
  'state-functions',
  'classified-information',
  'emergency-response',
  'eu-institutions',
  'international-organisations',
  'third-states',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const ACTOR_TYPES = ['state', 'state-sponsored', 'non-state'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const CONFIDENCE_LEVELS = ['low', 'moderate', 'high'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export type Rubric = readonly [string, string, string, string, string];

export interface Step {
  readonly id: StepId;
  readonly label: string;
  readonly description: string;
  readonly optional: boolean;
}

export interface Dimension {
  readonly id: DimensionId;
  readonly label: string;
  /**
   * The words of 10474/17 §2 and §5 in each language version. Only the conclusions' own
   * words: a language whose documents do not name the characteristics (the Danish 7290/21
   * does not) has none, and is left out where terms are shown (termsOf).
   */
  readonly terms: { readonly [L in Lang]?: string };
  /** Descriptor of each level, index = rating 0..4. */
  readonly rubric: Rubric;
}

export interface Principle {
  readonly id: PrincipleId;
  /** Its indent in 10474/17 §5 (1-6). */
  readonly indent: 1 | 2 | 3 | 4 | 5 | 6;
  readonly label: string;
  /** Completes "The response ...". */
  readonly text: string;
}

export interface Category {
  readonly id: CategoryId;
  readonly label: string;
  readonly description: string;
}

export interface Measure {
  readonly id: MeasureId;
  readonly category: CategoryId;
  /** Reads as a singular subject: reasons say "<label> needs ...". */
  readonly label: string;
  readonly requires: RequirementId;
  /** A listing under the cyber sanctions regime: needs an external threat (Decision (CFSP) 2019/797). */
  readonly sanctionsRegime: boolean;
}

export interface TargetKindInfo {
  readonly id: TargetKind;
  readonly label: string;
}

export interface Labelled<T extends string> {
  readonly id: T;
  readonly label: string;
}

export const STEPS: { readonly [K in StepId]: Step & { readonly id: K } } = {
  awareness: {
    id: 'awareness',
    label: 'Shared situational awareness',
    description:
      'Collect findings about the incident (what happened, source, confidence) until the member states agree a shared assessment.',
    optional: false,
  },
  attribution: {
    id: 'attribution',
    label: 'Attribution',
    description:
      'Optionally attribute the activity to a State or a non-state actor: a sovereign political decision based on all-source intelligence, or skip it with a reason.',
    optional: true,
  },
  proportionality: {
    id: 'proportionality',
    label: 'Proportionality',
    description:
      `Rate the ${inWords(DIMENSION_IDS.length)} characteristics of the activity 0-4 with a rationale, and record the facts the cyber sanctions regime asks for.`,
    optional: false,
  },
  measures: {
    id: 'measures',
    label: 'Measures',
    description: `Choose the measures, each with a rationale, and check the ${inWords(PRINCIPLE_IDS.length)} principles one by one.`,
    optional: false,
  },
  decided: {
    id: 'decided',
    label: 'Decision',
    description: 'The decision is recorded; in an exercise it can be reopened.',
    optional: false,
  },
};

export const DIMENSIONS: { readonly [K in DimensionId]: Dimension & { readonly id: K } } = {
  scope: {
    id: 'scope',
    label: 'Scope',
    terms: { nl: 'reikwijdte / omvang', lv: 'joma' },
    rubric: [
      'one non-critical organisation',
      'several organisations in one sector or one member state',
      'several sectors, or an essential service in one member state',
      'critical infrastructure, essential services or government functions in several member states, or an EU institution',
      "EU-wide or systemic: many member states' critical infrastructure, democratic processes, or EU institutions with partners",
    ],
  },
  scale: {
    id: 'scale',
    label: 'Scale',
    terms: { nl: 'omvang / schaal', lv: 'mērogs' },
    rubric: [
      'a handful of systems',
      'tens to hundreds of systems, up to thousands of persons',
      'thousands of systems, or up to a million persons',
      'tens of thousands of systems, or millions of persons',
      'hundreds of thousands of systems, or tens of millions of persons',
    ],
  },
  duration: {
    id: 'duration',
    label: 'Duration',
    terms: { nl: 'duur', lv: 'ilgums' },
    rubric: ['hours', 'days', 'weeks', 'months', 'a campaign over years, or lasting effects'],
  },
  intensity: {
    id: 'intensity',
    label: 'Intensity',
    terms: { nl: 'intensiteit', lv: 'intensitāte' },
    rubric: [
      'reconnaissance, defacement without effect',
      'access to data, a limited outage',
      'significant data theft, or disruption of services',
      'destructive effects (wipers, irreversible loss) or disruption of essential services',
      'physical damage, risk to life, or disruption of critical State functions',
    ],
  },
  complexity: {
    id: 'complexity',
    label: 'Complexity',
    terms: { nl: 'complexiteit', lv: 'kompleksums' },
    rubric: [
      'one vector, one stage',
      'a few vectors',
      'a multi-stage intrusion',
      'a multi-stage campaign across several targets',
      'a coordinated campaign combining cyber with disinformation or other hybrid tools',
    ],
  },
  sophistication: {
    id: 'sophistication',
    label: 'Sophistication',
    terms: { nl: 'verfijning', lv: 'rafinētība' },
    rubric: [
      'commodity tools, known vulnerabilities',
      'adapted commodity tools',
      'custom malware and evasion',
      'zero-days or a supply-chain compromise',
      'novel capabilities with long-term stealth, at the level of a top-tier State programme',
    ],
  },
  impact: {
    id: 'impact',
    label: 'Impact',
    terms: { nl: 'impact', lv: 'ietekme' },
    rubric: [
      'negligible',
      'limited and contained',
      'significant economic loss or political sensitivity in one member state',
      'major: large losses, a compromised government process, an essential service down',
      'severe: loss of life, losses in the billions, an undermined election, or the security of the EU at stake',
    ],
  },
};

export const PRINCIPLES: { readonly [K in PrincipleId]: Principle & { readonly id: K } } = {
  integrity: {
    id: 'integrity',
    indent: 1,
    label: 'Integrity and security',
    text: 'serves to protect the integrity and security of the EU, its member states and their citizens',
  },
  'external-relations': {
    id: 'external-relations',
    indent: 2,
    label: 'External relations',
    text: "takes into account the broader context of the EU's external relations with the State concerned",
  },
  'cfsp-objectives': {
    id: 'cfsp-objectives',
    indent: 3,
    label: 'CFSP objectives',
    text: 'provides for the attainment of the CFSP objectives set out in the TEU and its procedures',
  },
  'shared-awareness': {
    id: 'shared-awareness',
    indent: 4,
    label: 'Shared situational awareness',
    text: "rests on shared situational awareness agreed among member states and meets the situation's needs",
  },
  proportionality: {
    id: 'proportionality',
    indent: 5,
    label: 'Proportionality',
    text: 'is proportionate to the scope, scale, duration, intensity, complexity, sophistication and impact',
  },
  'international-law': {
    id: 'international-law',
    indent: 6,
    label: 'International law',
    text: 'respects applicable international law and does not violate fundamental rights and freedoms',
  },
};

export const CATEGORIES: { readonly [K in CategoryId]: Category & { readonly id: K } } = {
  preventive: {
    id: 'preventive',
    label: 'Preventive measures',
    description: 'Confidence building, awareness raising and capacity building that make malicious activity less likely.',
  },
  cooperative: {
    id: 'cooperative',
    label: 'Cooperative measures',
    description: 'Dialogue and démarches that seek a peaceful resolution with the State concerned.',
  },
  stabilising: {
    id: 'stabilising',
    label: 'Stabilising measures',
    description: 'Statements, conclusions and démarches that signal the likely consequences of further activity.',
  },
  restrictive: {
    id: 'restrictive',
    label: 'Restrictive measures',
    description:
      'Listings under the cyber sanctions regime (Council Decision (CFSP) 2019/797, Regulation (EU) 2019/796): travel ban and asset freeze.',
  },
  support: {
    id: 'support',
    label: "Support to member states' lawful responses",
    description: "EU support to member states' lawful responses, including the links to Art. 42(7) TEU and Art. 222 TFEU.",
  },
};

export const MEASURES: { readonly [K in MeasureId]: Measure & { readonly id: K } } = {
  cbm: {
    id: 'cbm',
    category: 'preventive',
    label: 'Confidence-building measures (e.g. OSCE)',
    requires: 'none',
    sanctionsRegime: false,
  },
  'awareness-raising': {
    id: 'awareness-raising',
    category: 'preventive',
    label: 'Awareness raising on EU policies',
    requires: 'none',
    sanctionsRegime: false,
  },
  'capacity-building': {
    id: 'capacity-building',
    category: 'preventive',
    label: 'Cyber capacity building in third countries',
    requires: 'none',
    sanctionsRegime: false,
  },
  dialogue: {
    id: 'dialogue',
    category: 'cooperative',
    label: 'EU-led political and thematic dialogue',
    requires: 'none',
    sanctionsRegime: false,
  },
  'demarche-cooperative': {
    id: 'demarche-cooperative',
    category: 'cooperative',
    label: 'Démarche by EU delegations',
    requires: 'none',
    sanctionsRegime: false,
  },
  'hr-statement': {
    id: 'hr-statement',
    category: 'stabilising',
    label: 'Statement by the High Representative or declaration on behalf of the EU',
    requires: 'none',
    sanctionsRegime: false,
  },
  'council-conclusions': {
    id: 'council-conclusions',
    category: 'stabilising',
    label: 'Council conclusions',
    requires: 'none',
    sanctionsRegime: false,
  },
  'demarche-stabilising': {
    id: 'demarche-stabilising',
    category: 'stabilising',
    label: 'Diplomatic démarche',
    requires: 'none',
    sanctionsRegime: false,
  },
  'travel-ban': {
    id: 'travel-ban',
    category: 'restrictive',
    label: 'Travel ban (restrictions on admission of listed persons)',
    requires: 'actors',
    sanctionsRegime: true,
  },
  'asset-freeze': {
    id: 'asset-freeze',
    category: 'restrictive',
    label: 'Asset freeze (freezing of funds and economic resources, and a ban on making funds available)',
    requires: 'actors',
    sanctionsRegime: true,
  },
  'support-lawful-responses': {
    id: 'support-lawful-responses',
    category: 'support',
    label: "Support to member states' lawful responses",
    requires: 'state',
    sanctionsRegime: false,
  },
};

export const REQUIREMENTS: { readonly [K in RequirementId]: Labelled<K> } = {
  none: { id: 'none', label: 'Needs neither attribution nor identified persons or entities' },
  actors: { id: 'actors', label: 'Needs the responsible persons or entities identified by name' },
  state: { id: 'state', label: 'Needs attribution to a State' },
};

export const TARGETS: { readonly [K in TargetKind]: TargetKindInfo & { readonly id: K } } = {
  'critical-infrastructure': { id: 'critical-infrastructure', label: 'critical infrastructure' },
  'essential-services': { id: 'essential-services', label: 'services essential to economic and social activities' },
  'state-functions': {
    id: 'state-functions',
    label: 'critical State functions (defence, the functioning of institutions, public elections)',
  },
  'classified-information': { id: 'classified-information', label: 'the storage or processing of classified information' },
  'emergency-response': { id: 'emergency-response', label: 'government emergency response teams' },
  'eu-institutions': { id: 'eu-institutions', label: 'EU institutions and bodies' },
  'international-organisations': { id: 'international-organisations', label: 'international organisations' },
  'third-states': { id: 'third-states', label: 'third States' },
};

export const ACTOR_TYPE_LABELS: { readonly [K in ActorType]: Labelled<K> } = {
  state: { id: 'state', label: 'a State' },
  'state-sponsored': { id: 'state-sponsored', label: 'a State-sponsored actor' },
  'non-state': { id: 'non-state', label: 'a non-state actor' },
};

export const CONFIDENCE_LABELS: { readonly [K in Confidence]: Labelled<K> } = {
  low: { id: 'low', label: 'low confidence' },
  moderate: { id: 'moderate', label: 'moderate confidence' },
  high: { id: 'high', label: 'high confidence' },
};

export const PRINCIPLE_STATUS_LABELS: { readonly [K in PrincipleStatus]: Labelled<K> } = {
  met: { id: 'met', label: 'met' },
  'not-met': { id: 'not-met', label: 'not met' },
  unclear: { id: 'unclear', label: 'unclear' },
};

/** Actor types that make an attribution an attribution to a State. */
export const STATE_ACTOR_TYPES: readonly ActorType[] = ['state', 'state-sponsored'];

/** The product's choice behind STATE_ACTOR_TYPES (FRAMEWORK.md §2), said wherever it applies. */
export const STATE_SPONSORED_COUNTS =
  "A State-sponsored actor counts as attribution to a State: it opens support to member states' lawful responses and lets a statement name the State.";

/** A dimension's terms in the corpus's language order, for the languages that have them. */
export function termsOf(dimension: Pick<Dimension, 'terms'>): readonly { readonly lang: Lang; readonly term: string }[] {
  return LANGS.flatMap((lang) => {
    const term = dimension.terms[lang];
    return term === undefined ? [] : [{ lang, term }];
  });
}

export function measuresIn(category: CategoryId): readonly Measure[] {
  return MEASURE_IDS.map((id) => MEASURES[id]).filter((m) => m.category === category);
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}

// Type guards for untrusted strings (events from the log, JSON files).
const member =
  <T extends string | number>(values: readonly T[]) =>
  (value: unknown): value is T =>
    (values as readonly unknown[]).includes(value);

export const isStepId = member<StepId>(STEP_IDS);
export const isDimensionId = member<DimensionId>(DIMENSION_IDS);
export const isRatingValue = member<RatingValue>(RATING_VALUES);
export const isPrincipleId = member<PrincipleId>(PRINCIPLE_IDS);
export const isPrincipleStatus = member<PrincipleStatus>(PRINCIPLE_STATUSES);
export const isCategoryId = member<CategoryId>(CATEGORY_IDS);
export const isMeasureId = member<MeasureId>(MEASURE_IDS);
export const isTargetKind = member<TargetKind>(TARGET_KINDS);
export const isActorType = member<ActorType>(ACTOR_TYPES);
export const isConfidence = member<Confidence>(CONFIDENCE_LEVELS);
