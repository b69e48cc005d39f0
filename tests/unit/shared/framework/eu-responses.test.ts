import { describe, expect, it } from 'vitest';
import { MEASURES, type MeasureId, type Ratings, type TargetKind } from '../../../../shared/framework/catalogue';
import { assess, type AssessmentInput } from '../../../../shared/framework/proportionality';

// The EU's own responses to cyber-attacks, 2017-2026, from the public record (Council
// decisions listing persons and entities under Decision (CFSP) 2019/797, and declarations by
// the High Representative on behalf of the EU). Each profile was rated on the rubric of
// FRAMEWORK.md §2 from what was publicly known of the activity, before the level was
// computed, and is not to be tuned to the result: the test asks whether the rules give the
// EU's own strongest measure as proportionate and allowed.

/** scope, scale, duration, intensity, complexity, sophistication, impact */
const r = (...v: [number, number, number, number, number, number, number]): Ratings => {
  const [scope, scale, duration, intensity, complexity, sophistication, impact] = v as Ratings[keyof Ratings][];
  return { scope, scale, duration, intensity, complexity, sophistication, impact } as Ratings;
};

interface EuResponse {
  readonly name: string;
  /** The strongest measure the EU took. */
  readonly measure: MeasureId;
  readonly input: AssessmentInput;
}

const listed = (targets: readonly TargetKind[], dimensions: Ratings, attempt?: Ratings): AssessmentInput => ({
  dimensions,
  ...(attempt ? { attempt: { potential: attempt } } : {}),
  external: true,
  targets,
  // A listing is not attribution: the Council named persons and entities, not a State.
  attribution: { status: 'skipped' },
  actorsIdentified: true,
});

const declared = (targets: readonly TargetKind[], dimensions: Ratings, namesState: boolean): AssessmentInput => ({
  dimensions,
  external: true,
  targets,
  attribution: namesState ? { status: 'attributed', actorType: 'state', actorNamed: true, confidence: 'high' } : { status: 'skipped' },
});

const EU_RESPONSES: readonly EuResponse[] = [
  // Listings of 30 July 2020 (Decision (CFSP) 2020/1127).
  { name: 'WannaCry (2017)', measure: 'asset-freeze', input: listed(['critical-infrastructure', 'essential-services'], r(4, 4, 1, 3, 1, 2, 3)) },
  { name: 'NotPetya (2017)', measure: 'asset-freeze', input: listed(['critical-infrastructure', 'essential-services'], r(4, 4, 2, 3, 3, 3, 4)) },
  { name: 'Operation Cloud Hopper (2014-2017)', measure: 'asset-freeze', input: listed(['critical-infrastructure'], r(3, 2, 4, 2, 3, 3, 2)) },
  {
    name: 'Attempted intrusion into the OPCW (2018)',
    measure: 'travel-ban',
    input: listed(['international-organisations'], r(0, 0, 0, 0, 1, 2, 1), r(2, 1, 1, 2, 2, 2, 3)),
  },
  // Listing of 22 October 2020: the intrusion into the German Bundestag (2015).
  { name: 'German Bundestag (2015)', measure: 'asset-freeze', input: listed(['state-functions'], r(2, 2, 2, 2, 2, 2, 2)) },
  // Listings of 24 June 2024.
  { name: 'Conti / Wizard Spider ransomware', measure: 'asset-freeze', input: listed(['critical-infrastructure', 'essential-services'], r(3, 3, 4, 3, 2, 2, 3)) },
  { name: 'Callisto Group (FSB) phishing of governments', measure: 'asset-freeze', input: listed(['state-functions'], r(3, 1, 4, 2, 2, 1, 2)) },
  { name: 'Armageddon (FSB) against governments', measure: 'asset-freeze', input: listed(['state-functions', 'third-states'], r(3, 2, 4, 2, 2, 2, 2)) },
  // Listing of 27 January 2025: GRU Unit 29155's intrusion into Estonian ministries (2020).
  { name: 'Estonian ministries (2020)', measure: 'travel-ban', input: listed(['state-functions'], r(2, 1, 2, 2, 2, 2, 2)) },
  // Declarations by the High Representative on behalf of the EU.
  { name: 'COVID-19: attacks on the health sector (April 2020)', measure: 'hr-statement', input: declared(['essential-services', 'critical-infrastructure'], r(3, 1, 2, 2, 1, 1, 2), false) },
  { name: 'SolarWinds (April 2021)', measure: 'hr-statement', input: declared(['state-functions', 'third-states'], r(3, 3, 3, 2, 3, 4, 3), false) },
  { name: 'Microsoft Exchange (July 2021)', measure: 'hr-statement', input: declared(['critical-infrastructure', 'state-functions'], r(3, 4, 2, 2, 2, 3, 3), false) },
  { name: 'Ghostwriter (September 2021)', measure: 'hr-statement', input: declared(['state-functions'], r(3, 1, 3, 1, 4, 1, 2), true) },
  { name: 'Viasat KA-SAT (May 2022)', measure: 'hr-statement', input: declared(['critical-infrastructure', 'third-states'], r(3, 3, 2, 3, 2, 3, 3), true) },
  { name: 'APT28 against parties and ministries (May 2024)', measure: 'hr-statement', input: declared(['state-functions'], r(3, 2, 3, 2, 2, 3, 2), true) },
  { name: 'APT31 against the Czech foreign ministry (May 2025)', measure: 'hr-statement', input: declared(['state-functions'], r(2, 1, 4, 2, 2, 2, 2), true) },
];

// Minor incidents on the same kinds of target: none of them may open a listing.
const MINOR: readonly { readonly name: string; readonly input: AssessmentInput }[] = [
  { name: 'a foreign group defaces a ministry website', input: { ...listed(['state-functions'], r(0, 0, 0, 0, 0, 0, 1)) } },
  { name: 'a denial of service takes a parliament website down for hours', input: { ...listed(['state-functions'], r(1, 1, 0, 1, 0, 0, 1)) } },
  { name: 'a blocked phishing attempt on an EU institution that could have read mail', input: listed(['eu-institutions'], r(0, 0, 0, 0, 0, 1, 0), r(1, 0, 0, 1, 1, 1, 1)) },
  {
    name: 'an insider inside the Union copies a ministry’s data',
    input: { ...listed(['state-functions'], r(1, 1, 1, 2, 0, 0, 2)), external: false },
  },
];

describe('the EU’s own responses, rated blind on the rubric', () => {
  const outcomes = EU_RESPONSES.map(({ name, measure, input }) => {
    const a = assess(input);
    const category = a.categories.find((c) => c.id === MEASURES[measure].category);
    const allowed = a.measures.find((m) => m.id === measure)?.allowed === true;
    return { name, level: a.level, proportionate: category?.proportionate === true, allowed };
  });

  it('gives the EU’s strongest measure as proportionate and allowed in at least 90% of them', () => {
    const fits = outcomes.filter((o) => o.proportionate && o.allowed);
    expect(fits.length / outcomes.length, JSON.stringify(outcomes.filter((o) => !fits.includes(o)), null, 1)).toBeGreaterThanOrEqual(0.9);
  });

  it('makes every listing the Council adopted allowed: the persons and entities were named', () => {
    for (const o of outcomes.filter((_, i) => MEASURES[EU_RESPONSES[i]!.measure].category === 'restrictive')) {
      expect(o.allowed, o.name).toBe(true);
    }
  });

  it.each(MINOR.map((m) => [m.name, m.input] as const))('%s: opens no listing', (_name, input) => {
    const a = assess(input);
    expect(a.categories.find((c) => c.id === 'restrictive')?.proportionate).toBe(false);
  });
});
