import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTOR_TYPES,
  CATEGORY_IDS,
  STATE_SPONSORED_COUNTS,
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
import { LEVEL_RULES, SANCTIONS_FLOOR, levelOf } from '../../../../shared/framework/level';
import {
  assess,
  checkRequirement,
  levelFacts,
  caseFactsOfInput,
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

// Every way to make the case "more serious": a higher rating or potential, one more target,
// the threat external, an attempt's potential effect counted; and the facts that must not
// move the level at all: who is identified, and what attribution says.
type Bump =
  | { readonly kind: 'achieved'; readonly dimension: DimensionId }
  | { readonly kind: 'potential'; readonly dimension: DimensionId }
  | { readonly kind: 'target'; readonly target: TargetKind }
  | { readonly kind: 'external' }
  | { readonly kind: 'attempt'; readonly potential: Ratings }
  | { readonly kind: 'identified' }
  | { readonly kind: 'attribution'; readonly attribution: AssessmentAttribution };

const bumpArb: fc.Arbitrary<Bump> = fc.oneof(
  fc.record({ kind: fc.constant('achieved' as const), dimension: fc.constantFrom(...DIMENSION_IDS) }),
  fc.record({ kind: fc.constant('potential' as const), dimension: fc.constantFrom(...DIMENSION_IDS) }),
  fc.record({ kind: fc.constant('target' as const), target: fc.constantFrom(...TARGET_KINDS) }),
  fc.constant({ kind: 'external' as const }),
  fc.record({ kind: fc.constant('attempt' as const), potential: ratingsArb }),
  fc.constant({ kind: 'identified' as const }),
  fc.record({ kind: fc.constant('attribution' as const), attribution: attributionArb }),
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
    case 'external':
      return { ...input, external: true };
    case 'attempt':
      return input.attempt === undefined ? { ...input, attempt: { potential: bump.potential } } : input;
    case 'identified':
      return { ...input, actorsIdentified: true };
    case 'attribution':
      return { ...input, attribution: bump.attribution };
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

  it('is monotone over ratings, attempts, potentials, targets and the external threat, and ignores attribution (property)', () => {
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
    expect(a.level).toBe(levelOf({ dimensions: ratings([3, 1, 1, 2, 2, 3, 3]) }));
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
    expect(a.formula).toMatch(/^Overall level 3, the highest of four figures, from \(1\) the average and \(2\) severity\./);
    expect(a.parts.filter((p) => p.decisive).map((p) => p.id)).toEqual(['average', 'severity']);
  });

  it('takes each of its four figures from LEVEL_RULES', () => {
    // Average: 2.43 rounds to 2.
    expect(levelOf({ dimensions: ratings([3, 3, 2, 2, 3, 2, 2]) })).toBe(2);
    // Average: 2.57 rounds to 3.
    expect(levelOf({ dimensions: ratings([3, 3, 3, 2, 3, 2, 2]) })).toBe(3);
    // Severity: intensity 4 and impact 4 with everything else 0 gives 4.
    expect(levelOf({ dimensions: ratings([0, 0, 0, 4, 0, 0, 4]) })).toBe(4);
    // Target floor.
    for (const t of TARGET_KINDS) {
      expect(levelOf({ dimensions: uniform(0), targets: [t] })).toBe(LEVEL_RULES.targetFloors[t]);
    }
    // The sanctions floor, from the regime's effect rating.
    expect(levelOf({ dimensions: { ...uniform(0), intensity: 2 }, external: true, targets: ['eu-institutions'] })).toBe(SANCTIONS_FLOOR);
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

describe("the cyber sanctions regime's floor", () => {
  // The Bundestag in 2015: an external intrusion into a parliament that stole data and
  // destroyed nothing. The rubric alone gives 2; the EU listed persons and an entity for it.
  const parliament: AssessmentInput = {
    dimensions: ratings([1, 1, 2, 2, 2, 2, 2]),
    attribution: { status: 'attributed', actorType: 'state', actorNamed: true, confidence: 'high' },
    external: true,
    targets: ['state-functions'],
  };

  it('raises an external attack with a significant effect on a critical State function to the level of listings', () => {
    expect(levelOf({ ...parliament, external: false })).toBe(2);
    const a = assess(parliament);
    expect(a.level).toBe(SANCTIONS_FLOOR);
    expect(SANCTIONS_FLOOR).toBe(LEVEL_RULES.categoryFrom.restrictive);
    expect(category(a, 'restrictive').proportionate).toBe(true);
    // The formula says that the floor, not the rubric, gave the level.
    expect(a.formula).toMatch(/^Overall level 3, the highest of four figures, from \(4\) the cyber sanctions regime's floor; without it, \(1\) to \(3\) give 2\./);
    expect(a.formula).toContain("(4) The cyber sanctions regime's floor: an external cyber-attack with a significant effect (intensity 2; significant from 2) on critical State functions");
    expect(a.parts.find((p) => p.id === 'sanctions-floor')).toMatchObject({ level: 3, decisive: true });
    expect(category(a, 'restrictive').reasons[0]).toContain("from the cyber sanctions regime's floor (the ratings scope 1, scale 1");
  });

  it('covers exactly the targets Article 1 names, and international organisations only as a listing', () => {
    for (const t of TARGET_KINDS) {
      const a = assess({ ...parliament, targets: [t] });
      const floored = LEVEL_RULES.sanctionsRegime.floorTargets.includes(t);
      const listed = LEVEL_RULES.sanctionsRegime.listingTargets.includes(t);
      expect(a.level >= SANCTIONS_FLOOR, t).toBe(floored);
      expect(category(a, 'restrictive').proportionate, t).toBe(floored || listed);
    }
    expect([...LEVEL_RULES.sanctionsRegime.floorTargets].sort()).toEqual([
      'classified-information', 'critical-infrastructure', 'emergency-response', 'eu-institutions', 'state-functions',
    ]);
    const io = assess({ ...parliament, targets: ['international-organisations'] });
    expect(io.level).toBe(2);
    expect(category(io, 'restrictive').reasons.join(' ')).toContain('are suggested whatever the level: an external cyber-attack with a significant effect');
    expect(measure(io, 'travel-ban').reasons[0]).toMatch(/^Within the suggestion: restrictive measures are suggested whatever the level/);
  });

  it('opens no listing for a minor incident or one that is not external, and says which condition failed', () => {
    const minor = assess({ ...parliament, dimensions: { ...parliament.dimensions, intensity: 1 } });
    expect(minor.level).toBeLessThan(SANCTIONS_FLOOR);
    expect(category(minor, 'restrictive').proportionate).toBe(false);
    expect(minor.formula).toContain("(4) The cyber sanctions regime's floor does not apply, so 0: its effect is not significant (intensity 1; the floor needs 2 or more).");
    const internal = assess({ ...parliament, external: false });
    expect(category(internal, 'restrictive').proportionate).toBe(false);
    expect(internal.formula).toContain('does not apply, so 0: the activity is not recorded as an external threat.');
    const elsewhere = assess({ ...parliament, targets: ['essential-services'] });
    expect(elsewhere.formula).toContain('none of its targets is one the floor covers');
  });

  it("counts an attempt's potential effect, so an attempt can warrant a listing although its achieved effect was small", () => {
    const small = ratings([1, 0, 0, 1, 1, 1, 0]);
    const attempt: AssessmentInput = {
      dimensions: small,
      attribution: { status: 'skipped' },
      attempt: { potential: { ...small, intensity: 2 } },
      external: true,
      actorsIdentified: true,
      targets: ['state-functions'],
    };
    const a = assess(attempt);
    expect(a.level).toBe(SANCTIONS_FLOOR);
    expect(a.formula).toContain('(intensity 2, the higher of achieved and potential; significant from 2)');
    expect(measure(a, 'travel-ban').allowed).toBe(true);
    // An attempt whose potential effect was minor too opens nothing.
    const minor = assess({ ...attempt, attempt: { potential: small } });
    expect(category(minor, 'restrictive').proportionate).toBe(false);
    // The same effect achieved weighs at least as much as attempted.
    const { attempt: _attempt, ...achieved } = attempt;
    expect(levelOf({ ...achieved, dimensions: { ...small, intensity: 2 } })).toBe(SANCTIONS_FLOOR);
  });

  it('needs an external threat for a listing', () => {
    for (const external of [false, undefined]) {
      const a = assess({ ...parliament, dimensions: uniform(3), external, actorsIdentified: true });
      expect(measure(a, 'travel-ban').allowed).toBe(false);
      expect(measure(a, 'travel-ban').reasons.join(' ')).toContain('need an external threat to the Union or its member states');
    }
  });
});

describe('identified means named', () => {
  const base: AssessmentInput = { dimensions: uniform(3), attribution: skipped, external: true };
  const unnamedState: AssessmentAttribution = { status: 'attributed', actorType: 'state', actorNamed: false, confidence: 'high' };
  const NOT_NAMED = 'Restrictive measures need responsible persons or entities identified: no one is recorded as identified, and the attribution names no one.';

  it('an attribution that names no one identifies no one to list, whatever its actor type and confidence', () => {
    for (const actorType of ACTOR_TYPES) {
      for (const confidence of CONFIDENCE_LEVELS) {
        const a = assess({ ...base, attribution: { status: 'attributed', actorType, actorNamed: false, confidence } });
        for (const id of ['travel-ban', 'asset-freeze'] as const) {
          expect(measure(a, id).allowed, `${actorType} ${confidence}`).toBe(false);
          expect(measure(a, id).reasons).toContain(NOT_NAMED);
          expect(measure(a, id).reasons.join(' ')).not.toContain('Responsible persons or entities are identified');
        }
      }
    }
  });

  it('a named actor or the actorsIdentified fact opens listings, with or without attribution to a State', () => {
    const cases: [AssessmentAttribution, boolean, boolean][] = [
      [skipped, false, false],
      [skipped, true, true],
      [unnamedState, false, false],
      [unnamedState, true, true],
      [{ status: 'attributed', actorType: 'non-state', actorNamed: true }, false, true],
      [{ status: 'attributed', actorType: 'state-sponsored', actorNamed: true }, false, true],
      // Saying nothing about a name is not naming.
      [{ status: 'attributed', actorType: 'state' }, false, false],
    ];
    for (const [attribution, actorsIdentified, allowed] of cases) {
      const a = assess({ ...base, attribution, actorsIdentified });
      expect(measure(a, 'travel-ban').allowed, JSON.stringify([attribution, actorsIdentified])).toBe(allowed);
      expect(measure(a, 'travel-ban').reasons.join(' ')).toContain('not the attribution of the attack to a State');
    }
    expect(measure(assess({ ...base, actorsIdentified: true }), 'asset-freeze').reasons).toContain(
      'Responsible persons or entities are identified: the delegation records them as identified.',
    );
    expect(measure(assess({ ...base, attribution: { status: 'attributed', actorType: 'non-state', actorNamed: true } }), 'asset-freeze').reasons).toContain(
      'Responsible persons or entities are identified: the attribution names the actor.',
    );
  });

  it('names the fact that is missing, not the attribution decision', () => {
    const why = (attribution: AssessmentAttribution) => measure(assess({ ...base, attribution }), 'travel-ban').reasons[1];
    expect(why(skipped)).toBe(
      'Restrictive measures need responsible persons or entities identified: no one is recorded as identified, and there is no attribution that could name anyone (it was skipped).',
    );
    expect(why(unnamedState)).toBe(NOT_NAMED);
    expect(why({ status: 'attributed', actorType: 'state' })).toBe(
      'Restrictive measures need responsible persons or entities identified: no one is recorded as identified, and the attribution does not say that it names the actor.',
    );
  });

  it('keeps a suggested category coherent: suggested, not available, and why, at category level', () => {
    const a = assess({ ...base, attribution: unnamedState });
    const restrictive = category(a, 'restrictive');
    expect(restrictive).toMatchObject({ proportionate: true, available: false });
    expect(restrictive.reasons).toContain(NOT_NAMED);
    expect(restrictive.reasons.join(' ')).not.toMatch(/attribution was skipped/);
    expect(category(assess({ ...base, actorsIdentified: true }), 'restrictive')).toMatchObject({ proportionate: true, available: true });
    // A category is available when any of its measures is.
    for (const c of a.categories) expect(c.available).toBe(a.measures.some((m) => m.category === c.id && m.allowed));
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

  it('counts a State-sponsored actor as a State, and says so wherever it applies', () => {
    const sponsored: AssessmentAttribution = { status: 'attributed', actorType: 'state-sponsored', actorNamed: true, confidence: 'moderate' };
    const a = assess({ dimensions: high, attribution: sponsored });
    const support = measure(a, 'support-lawful-responses');
    expect(support.allowed).toBe(true);
    expect(support.reasons).toContain(STATE_SPONSORED_COUNTS);
    expect(measure(a, 'hr-statement').reasons).toContain(
      'Naming a State in the statement is attribution, a sovereign political decision (10474/17 §4): the activity was attributed to a State-sponsored actor, which counts as attribution to a State, so the statement can name the State.',
    );
    expect(a.facts.find((f) => f.id === 'attribution')?.value).toBe(`Attributed to a State-sponsored actor, named, with moderate confidence. ${STATE_SPONSORED_COUNTS}`);
    // Not where it does not apply: an attribution to a State needs no such note.
    expect(measure(assess({ dimensions: high, attribution: stateAttributed }), 'support-lawful-responses').reasons).not.toContain(STATE_SPONSORED_COUNTS);
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

  it('carry the facts the level rests on, so a reader can reproduce it', () => {
    const input: AssessmentInput = {
      dimensions: ratings([1, 0, 0, 1, 1, 1, 0]),
      attribution: { status: 'attributed', actorType: 'state', actorNamed: false, confidence: 'high' },
      attempt: { potential: ratings([2, 1, 0, 3, 1, 1, 2]) },
      external: true,
      targets: ['eu-institutions', 'critical-infrastructure'],
    };
    const facts = Object.fromEntries(assess(input).facts.map((f) => [f.id, f.value]));
    expect(facts).toEqual({
      attribution: 'Attributed to a State, not named, with high confidence.',
      identified: 'No: no one is recorded as identified, and the attribution names no one.',
      external: 'Yes: recorded as an external threat to the Union or its member states.',
      attempt:
        'Yes: the potential effect is rated scope 2, scale 1, duration 0, intensity 3, complexity 1, sophistication 1, impact 2; each rating counts as the higher of achieved and potential.',
      targets: 'Critical infrastructure and EU institutions and bodies.',
    });
    expect(levelFacts(caseFactsOfInput(input))).toEqual(assess(input).facts);
    expect(assess(input).facts.map((f) => f.brief)).toEqual(['State, not named', 'No', 'Yes', 'Yes', 'Critical infrastructure; EU institutions and bodies']);
  });

  it('are English sentences', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const a = assess(input);
        const shifts = [a.whatWouldChange.open, a.whatWouldChange.close].flatMap((x) => (x ? [x.text] : []));
        for (const r of [
          ...a.categories.flatMap((c) => c.reasons),
          ...a.measures.flatMap((m) => m.reasons),
          ...a.parts.map((p) => p.text),
          ...a.facts.map((f) => f.value),
          ...shifts,
        ]) {
          expect(r).toMatch(/^[A-Z(].*\.$/s);
          expect(r).not.toMatch(/undefined|null|NaN|\[object/);
        }
        expect(a.formula).not.toMatch(/undefined|null|NaN|\[object/);
      }),
      { numRuns: 200 },
    );
  });

  it('returns the cdt assess output shape exactly', () => {
    const a = assess({ dimensions: uniform(2), attribution: skipped });
    expect(Object.keys(a).sort()).toEqual(['categories', 'facts', 'formula', 'level', 'measures', 'parts', 'profile', 'whatWouldChange']);
    expect(a.categories.map((c) => c.id)).toEqual([...CATEGORY_IDS]);
    expect(a.measures.map((m) => m.id)).toEqual([...MEASURE_IDS]);
    expect(a.parts.map((p) => p.id)).toEqual(['average', 'severity', 'targets', 'sanctions-floor']);
    expect(a.facts.map((f) => f.id)).toEqual(['attribution', 'identified', 'external', 'attempt', 'targets']);
    for (const c of a.categories) expect(Object.keys(c).sort()).toEqual(['available', 'id', 'proportionate', 'reasons']);
    for (const m of a.measures) expect(Object.keys(m).sort()).toEqual(['allowed', 'category', 'id', 'reasons']);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});
