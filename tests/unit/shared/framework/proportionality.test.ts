import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTOR_TYPES,
  CATEGORY_IDS,
  CONFIDENCE_LEVELS,
  DIMENSION_IDS,
  MEASURE_IDS,
  TARGET_KINDS,
  type CategoryId,
  type DimensionId,
  type RatingValue,
  type Ratings,
  type TargetKind,
} from '../../../../shared/framework/catalogue';
import {
  LEVEL_RULES,
  assess,
  checkRequirement,
  levelOf,
  type Assessment,
  type AssessmentAttribution,
  type AssessmentInput,
} from '../../../../shared/framework/proportionality';

const uniform = (v: RatingValue): Ratings => Object.fromEntries(DIMENSION_IDS.map((d) => [d, v])) as unknown as Ratings;
const ratings = (values: readonly number[]): Ratings =>
  Object.fromEntries(DIMENSION_IDS.map((d, i) => [d, values[i] ?? 0])) as unknown as Ratings;
const skipped: AssessmentAttribution = { status: 'skipped' };
const stateAttributed: AssessmentAttribution = { status: 'attributed', actorType: 'state', actorNamed: true, confidence: 'high' };

const category = (a: Assessment, id: CategoryId) => {
  const c = a.categories.find((x) => x.id === id);
  if (c === undefined) throw new Error(id);
  return c;
};
const measure = (a: Assessment, id: (typeof MEASURE_IDS)[number]) => {
  const m = a.measures.find((x) => x.id === id);
  if (m === undefined) throw new Error(id);
  return m;
};
const proportionateSet = (a: Assessment): CategoryId[] => a.categories.filter((c) => c.proportionate).map((c) => c.id);

// Arbitraries for the property tests.
const ratingArb = fc.constantFrom<RatingValue>(0, 1, 2, 3, 4);
const ratingsArb = fc.tuple(...DIMENSION_IDS.map(() => ratingArb)).map(ratings);
const attributionArb: fc.Arbitrary<AssessmentAttribution> = fc.oneof(
  fc.constant(skipped),
  fc.record(
    {
      status: fc.constant('attributed' as const),
      actorType: fc.constantFrom(...ACTOR_TYPES),
      actorNamed: fc.boolean(),
      confidence: fc.constantFrom(...CONFIDENCE_LEVELS),
    },
    { requiredKeys: ['status'] },
  ),
);
const inputArb: fc.Arbitrary<AssessmentInput> = fc.record(
  {
    dimensions: ratingsArb,
    attribution: attributionArb,
    attempt: fc.record({ potential: ratingsArb }),
    external: fc.boolean(),
    actorsIdentified: fc.boolean(),
    targets: fc.subarray([...TARGET_KINDS]),
  },
  { requiredKeys: ['dimensions', 'attribution'] },
);

type Bump =
  | { readonly kind: 'achieved'; readonly dimension: DimensionId }
  | { readonly kind: 'potential'; readonly dimension: DimensionId }
  | { readonly kind: 'target'; readonly target: TargetKind };

const bumpArb: fc.Arbitrary<Bump> = fc.oneof(
  fc.record({ kind: fc.constant('achieved' as const), dimension: fc.constantFrom(...DIMENSION_IDS) }),
  fc.record({ kind: fc.constant('potential' as const), dimension: fc.constantFrom(...DIMENSION_IDS) }),
  fc.record({ kind: fc.constant('target' as const), target: fc.constantFrom(...TARGET_KINDS) }),
);

const raise = (r: Ratings, d: DimensionId): Ratings => ({ ...r, [d]: Math.min(4, r[d] + 1) as RatingValue });

function bumped(input: AssessmentInput, bump: Bump): AssessmentInput {
  switch (bump.kind) {
    case 'achieved':
      return { ...input, dimensions: raise(input.dimensions, bump.dimension) };
    case 'potential':
      return input.attempt === undefined ? input : { ...input, attempt: { potential: raise(input.attempt.potential, bump.dimension) } };
    case 'target':
      return { ...input, targets: [...(input.targets ?? []), bump.target] };
  }
}

describe('the overall level', () => {
  it('is monotone: exhaustively, raising any one rating never lowers it', () => {
    const values = [0, 1, 2, 3, 4] as const;
    let checked = 0;
    const current = [0, 0, 0, 0, 0, 0, 0];
    const visit = (i: number): void => {
      if (i === DIMENSION_IDS.length) {
        const base: AssessmentInput = { dimensions: ratings(current), attribution: skipped };
        const level = levelOf(base);
        for (const d of DIMENSION_IDS) {
          if (base.dimensions[d] < 4 && levelOf({ ...base, dimensions: raise(base.dimensions, d) }) < level) {
            throw new Error(`raising ${d} lowered the level from ${JSON.stringify(base.dimensions)}`);
          }
        }
        checked++;
        return;
      }
      for (const v of values) {
        current[i] = v;
        visit(i + 1);
      }
    };
    visit(0);
    expect(checked).toBe(5 ** 7);
  });

  it('is monotone over attempts, potentials and targets (property)', () => {
    fc.assert(
      fc.property(inputArb, bumpArb, (input, bump) => {
        const before = assess(input);
        const after = assess(bumped(input, bump));
        expect(after.level).toBeGreaterThanOrEqual(before.level);
        // And no suggested category is withdrawn.
        for (const id of proportionateSet(before)) expect(proportionateSet(after)).toContain(id);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts an attempt at the higher of achieved and potential, visibly', () => {
    const input: AssessmentInput = {
      dimensions: ratings([1, 0, 0, 1, 2, 3, 1]),
      attribution: skipped,
      attempt: { potential: ratings([3, 1, 1, 2, 2, 1, 3]) },
    };
    const a = assess(input);
    expect(a.profile.map((p) => p.effective)).toEqual([3, 1, 1, 2, 2, 3, 3]);
    expect(a.profile[0]).toEqual({ id: 'scope', achieved: 1, potential: 3, effective: 3 });
    expect(a.profile[5]).toEqual({ id: 'sophistication', achieved: 3, potential: 1, effective: 3 });
    expect(a.formula).toContain('scope max(1, 3) = 3');
    expect(a.level).toBe(levelOf({ dimensions: ratings([3, 1, 1, 2, 2, 3, 3]), attribution: skipped }));
    expect(assess({ dimensions: input.dimensions, attribution: skipped }).profile[0]?.potential).toBeNull();
  });

  it('explains itself with the actual numbers', () => {
    const a = assess({ dimensions: ratings([4, 4, 3, 3, 2, 3, 4]), attribution: skipped, targets: ['state-functions'] });
    expect(a.level).toBe(3);
    expect(a.formula).toContain('Overall level 3');
    expect(a.formula).toContain(
      '(scope 4 + scale 4 + duration 3 + intensity 3 + complexity 2 + sophistication 3 + impact 4) / 7 = 3.29',
    );
    expect(a.formula).toContain('the average of intensity 3 and impact 4: 3.5, rounded down: 3');
    expect(a.formula).toContain('critical State functions');
  });

  it('takes each of its three figures from LEVEL_RULES', () => {
    // Average: 2.43 rounds to 2.
    expect(levelOf({ dimensions: ratings([3, 3, 2, 2, 3, 2, 2]), attribution: skipped })).toBe(2);
    // Average: 2.57 rounds to 3.
    expect(levelOf({ dimensions: ratings([3, 3, 3, 2, 3, 2, 2]), attribution: skipped })).toBe(3);
    // Severity: intensity 4 and impact 4 with everything else 0 gives 4.
    expect(levelOf({ dimensions: ratings([0, 0, 0, 4, 0, 0, 4]), attribution: skipped })).toBe(4);
    // Target floor.
    for (const t of TARGET_KINDS) {
      expect(levelOf({ dimensions: uniform(0), attribution: skipped, targets: [t] })).toBe(LEVEL_RULES.targetFloors[t]);
    }
  });
});

describe('the ceilings', () => {
  const expected: Record<RatingValue, CategoryId[]> = {
    0: ['preventive', 'cooperative'],
    1: ['preventive', 'cooperative'],
    2: ['preventive', 'cooperative', 'stabilising'],
    3: ['preventive', 'cooperative', 'stabilising', 'restrictive'],
    4: ['preventive', 'cooperative', 'stabilising', 'restrictive', 'support'],
  };
  for (const level of [0, 1, 2, 3, 4] as const) {
    it(`level ${level} opens ${expected[level].join(', ')}`, () => {
      const a = assess({ dimensions: uniform(level), attribution: stateAttributed, external: true });
      expect(a.level).toBe(level);
      expect(proportionateSet(a)).toEqual(expected[level]);
    });
  }

  it('keeps the ceilings as data', () => {
    expect(LEVEL_RULES.categoryFrom).toEqual({ preventive: 0, cooperative: 0, stabilising: 2, restrictive: 3, support: 4 });
    expect(CATEGORY_IDS.map((c) => LEVEL_RULES.categoryFrom[c])).toEqual([0, 0, 2, 3, 4]);
  });

  it('marks measures outside the suggestion but leaves them allowed', () => {
    const a = assess({ dimensions: uniform(1), attribution: stateAttributed });
    const support = measure(a, 'support-lawful-responses');
    expect(support.allowed).toBe(true);
    expect(support.reasons[0]).toMatch(/^Outside the suggestion: level 4 and above suggests support/);
    expect(measure(a, 'cbm').reasons[0]).toMatch(/^Within the suggestion/);
  });
});

describe('the cyber sanctions regime', () => {
  const small = ratings([1, 0, 0, 1, 1, 1, 0]);
  const listing: AssessmentInput = {
    dimensions: small,
    attribution: skipped,
    attempt: { potential: small },
    external: true,
    actorsIdentified: true,
    targets: ['state-functions'],
  };

  it('makes restrictive measures proportionate after an attempt on a critical State function, although its effect was small', () => {
    const a = assess(listing);
    expect(a.level).toBeLessThan(LEVEL_RULES.categoryFrom.restrictive);
    const restrictive = category(a, 'restrictive');
    expect(restrictive.proportionate).toBe(true);
    expect(restrictive.reasons.join(' ')).toContain('An attempt on critical State functions');
    expect(restrictive.reasons.join(' ')).toContain('although its achieved effect was small');
    expect(measure(a, 'travel-ban').allowed).toBe(true);
    expect(measure(a, 'travel-ban').reasons[0]).toMatch(/^Within the suggestion: an attempt on critical State functions/);
    expect(a.formula).toContain('Restrictive measures are suggested as well');
  });

  it('does the same for classified information and international organisations, not for other targets', () => {
    for (const t of TARGET_KINDS) {
      const a = assess({ ...listing, targets: [t] });
      expect(category(a, 'restrictive').proportionate, t).toBe(LEVEL_RULES.attemptListingTargets.includes(t));
    }
    expect([...LEVEL_RULES.attemptListingTargets].sort()).toEqual(['classified-information', 'international-organisations', 'state-functions']);
  });

  it('does not apply to an achieved attack with the same small effect', () => {
    const { attempt: _attempt, ...achieved } = listing;
    expect(category(assess(achieved), 'restrictive').proportionate).toBe(false);
  });

  it('needs responsible persons or entities identified for a listing; attribution to a State is not required', () => {
    const a = assess({ ...listing, actorsIdentified: false });
    for (const id of ['travel-ban', 'asset-freeze'] as const) {
      expect(measure(a, id).allowed).toBe(false);
      expect(measure(a, id).reasons).toContain('Restrictive measures need responsible persons or entities identified; attribution was skipped.');
    }
    expect(category(a, 'restrictive').reasons).toContain(
      'Restrictive measures need responsible persons or entities identified; attribution was skipped.',
    );
    // Attribution to a non-state actor identifies the actors too.
    const nonState = assess({ ...listing, actorsIdentified: false, attribution: { status: 'attributed', actorType: 'non-state' } });
    expect(measure(nonState, 'asset-freeze').allowed).toBe(true);
    expect(measure(nonState, 'asset-freeze').reasons.join(' ')).toContain('not the attribution of the attack to a State');
  });

  it('needs an external threat for a listing', () => {
    for (const external of [false, undefined]) {
      const a = assess({ ...listing, external });
      expect(measure(a, 'travel-ban').allowed).toBe(false);
      expect(measure(a, 'travel-ban').reasons.join(' ')).toContain('need an external threat to the Union or its member states');
    }
  });
});

describe('support to member states and statements', () => {
  const high = uniform(4);

  it('support needs attribution to a State', () => {
    const cases: [AssessmentAttribution, boolean][] = [
      [skipped, false],
      [{ status: 'attributed' }, false],
      [{ status: 'attributed', actorType: 'non-state' }, false],
      [{ status: 'attributed', actorType: 'state' }, true],
      [{ status: 'attributed', actorType: 'state-sponsored', actorNamed: false }, true],
    ];
    for (const [attribution, allowed] of cases) {
      const m = measure(assess({ dimensions: high, attribution }), 'support-lawful-responses');
      expect(m.allowed, JSON.stringify(attribution)).toBe(allowed);
    }
    const m = measure(assess({ dimensions: high, attribution: skipped }), 'support-lawful-responses');
    expect(m.reasons).toContain("Support to member states' lawful responses needs attribution to a State; attribution was skipped.");
    const ns = measure(assess({ dimensions: high, attribution: { status: 'attributed', actorType: 'non-state' } }), 'support-lawful-responses');
    expect(ns.reasons.join(' ')).toContain('attributed to a non-state actor');
  });

  it('a statement needs nothing, but naming a State in it is attribution', () => {
    for (const attribution of [skipped, stateAttributed, { status: 'attributed', actorType: 'non-state' } as const]) {
      const m = measure(assess({ dimensions: high, attribution }), 'hr-statement');
      expect(m.allowed).toBe(true);
      expect(m.reasons.join(' ')).toContain('Naming a State in the statement is attribution');
    }
    expect(measure(assess({ dimensions: high, attribution: skipped }), 'hr-statement').reasons.join(' ')).toContain(
      'must not name a State',
    );
    expect(measure(assess({ dimensions: high, attribution: stateAttributed }), 'hr-statement').reasons.join(' ')).toContain(
      'can name it',
    );
  });

  it('shares its requirement logic: checkRequirement gives the same verdict as assess', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const a = assess(input);
        for (const id of MEASURE_IDS) {
          const check = checkRequirement(id, {
            attribution: input.attribution,
            external: input.external === true,
            actorsIdentified: input.actorsIdentified === true,
          });
          expect(measure(a, id).allowed).toBe(check.met);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('reasons', () => {
  it('name every dimension with its rating', () => {
    const a = assess({ dimensions: ratings([2, 1, 0, 3, 2, 4, 1]), attribution: skipped });
    const expectedNames = ['scope 2', 'scale 1', 'duration 0', 'intensity 3', 'complexity 2', 'sophistication 4', 'impact 1'];
    for (const c of a.categories) for (const n of expectedNames) expect(c.reasons[0]).toContain(n);
    for (const n of expectedNames) expect(measure(a, 'support-lawful-responses').reasons[0]).toContain(n);
  });

  it('mark potential ratings of an attempt', () => {
    const a = assess({ dimensions: uniform(0), attribution: skipped, attempt: { potential: ratings([3]) } });
    expect(category(a, 'stabilising').reasons[0]).toContain('scope 3 (potential; achieved 0)');
  });

  it('are English sentences', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const a = assess(input);
        for (const r of [...a.categories.flatMap((c) => c.reasons), ...a.measures.flatMap((m) => m.reasons)]) {
          expect(r).toMatch(/^[A-Z].*\.$/s);
          expect(r).not.toMatch(/undefined|null|NaN|\[object/);
        }
        expect(a.formula).not.toMatch(/undefined|null|NaN|\[object/);
      }),
      { numRuns: 200 },
    );
  });

  it('returns the cdt assess output shape exactly', () => {
    const a = assess({ dimensions: uniform(2), attribution: skipped });
    expect(Object.keys(a).sort()).toEqual(['categories', 'formula', 'level', 'measures', 'profile']);
    expect(a.categories.map((c) => c.id)).toEqual([...CATEGORY_IDS]);
    expect(a.measures.map((m) => m.id)).toEqual([...MEASURE_IDS]);
    for (const c of a.categories) expect(Object.keys(c).sort()).toEqual(['id', 'proportionate', 'reasons']);
    for (const m of a.measures) expect(Object.keys(m).sort()).toEqual(['allowed', 'category', 'id', 'reasons']);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});
