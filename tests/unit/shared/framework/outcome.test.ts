import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, DIMENSION_IDS, TARGET_KINDS, type RatingValue, type Ratings } from '../../../../shared/framework/catalogue';
import { computeLevel, type LevelInput } from '../../../../shared/framework/level';
import { whatWouldChange, type OutcomeChange } from '../../../../shared/framework/outcome';
import { assess } from '../../../../shared/framework/proportionality';

const ratings = (values: readonly number[]): Ratings =>
  Object.fromEntries(DIMENSION_IDS.map((d, i) => [d, values[i] ?? 0])) as unknown as Ratings;
const uniform = (v: RatingValue): Ratings => ratings(DIMENSION_IDS.map(() => v));

const ratingArb = fc.constantFrom<RatingValue>(0, 1, 2, 3, 4);
const ratingsArb = fc.tuple(...DIMENSION_IDS.map(() => ratingArb)).map(ratings);
const inputArb: fc.Arbitrary<LevelInput> = fc.record(
  {
    dimensions: ratingsArb,
    attempt: fc.record({ potential: ratingsArb }),
    external: fc.boolean(),
    targets: fc.subarray([...TARGET_KINDS]),
  },
  { requiredKeys: ['dimensions'] },
);

/** The change applied the way a delegation would record it, independently of the module. */
function apply(input: LevelInput, change: OutcomeChange): LevelInput {
  switch (change.kind) {
    case 'rating':
      return change.effect === 'achieved'
        ? { ...input, dimensions: { ...input.dimensions, [change.dimension]: change.to } }
        : { ...input, attempt: { potential: { ...input.attempt!.potential, [change.dimension]: change.to } } };
    case 'external':
      return { ...input, external: change.to };
    case 'target':
      return { ...input, targets: change.to ? [...(input.targets ?? []), change.target] : (input.targets ?? []).filter((t) => t !== change.target) };
    case 'attempt':
      return { dimensions: input.dimensions, external: input.external, targets: input.targets };
  }
}

describe('what would change the outcome', () => {
  it('names the one rating a disagreement about listings turns on', () => {
    // An external intrusion into a ministry: whether data theft was "significant" (intensity 2)
    // decides whether the sanctions floor applies.
    const input: LevelInput = { dimensions: ratings([1, 1, 2, 1, 2, 2, 1]), external: true, targets: ['state-functions'] };
    const { open } = whatWouldChange(input);
    expect(open).toMatchObject({ direction: 'open', category: 'restrictive', size: 1 });
    expect(open?.options).toEqual([{ change: { kind: 'rating', dimension: 'intensity', effect: 'achieved', from: 1, to: 2 }, level: 3 }]);
    expect(open?.text).toBe('Restrictive measures would be suggested with this one change: intensity 2 instead of 1 (level 3).');
  });

  it('lists every change of the least size, facts included, and how far a rating must move', () => {
    // Level 2 from the ratings alone: no fact is recorded, so only a rating raised by two opens restrictive measures.
    const flat = whatWouldChange({ dimensions: uniform(2) });
    expect(flat.open?.size).toBe(2);
    expect(flat.open?.options.map((o) => o.change)).toEqual([
      { kind: 'rating', dimension: 'intensity', effect: 'achieved', from: 2, to: 4 },
      { kind: 'rating', dimension: 'impact', effect: 'achieved', from: 2, to: 4 },
    ]);
    // With an external threat recorded, one target kind of the floor is enough.
    const external = whatWouldChange({ dimensions: uniform(2), external: true });
    expect(external.open?.size).toBe(1);
    expect(external.open?.options.map((o) => o.change)).toEqual(
      ['critical-infrastructure', 'state-functions', 'classified-information', 'emergency-response', 'eu-institutions', 'international-organisations'].map(
        (target) => ({ kind: 'target', target, to: true }),
      ),
    );
    expect(external.open?.options.find((o) => o.change.kind === 'target' && o.change.target === 'international-organisations')?.level).toBe(2);
  });

  it('says what would close the highest open category, and counts an attempt turned into an achieved effect', () => {
    const attempt: LevelInput = {
      dimensions: ratings([1, 1, 1, 1, 1, 1, 1]),
      attempt: { potential: ratings([1, 1, 1, 2, 1, 1, 1]) },
      external: true,
      targets: ['classified-information'],
    };
    const { close } = whatWouldChange(attempt);
    expect(close).toMatchObject({ direction: 'close', category: 'restrictive', size: 1 });
    expect(close?.options.map((o) => o.change)).toEqual([
      { kind: 'rating', dimension: 'intensity', effect: 'potential', from: 2, to: 1 },
      { kind: 'external', to: false },
      { kind: 'target', target: 'classified-information', to: false },
      { kind: 'attempt', to: false },
    ]);
    expect(close?.text).toContain('potential intensity 1 instead of 2 (level 2); the activity not recorded as an external threat (level 2);');
    expect(close?.text).toContain('the activity recorded as achieved, not as an attempt (its potential effect no longer counted) (level 2).');
  });

  it('has nothing to open at level 4 and nothing to close where only what every level suggests is open', () => {
    expect(whatWouldChange({ dimensions: uniform(4) }).open).toBeNull();
    expect(whatWouldChange({ dimensions: uniform(4) }).close?.category).toBe('support');
    expect(whatWouldChange({ dimensions: uniform(0) }).close).toBeNull();
    expect(whatWouldChange({ dimensions: uniform(0) }).open?.category).toBe('stabilising');
  });

  it('says so when no single change would do', () => {
    const far = whatWouldChange({ dimensions: ratings([1, 1, 2, 2, 2, 2, 2]), external: true, targets: ['state-functions'] });
    expect(far.open).toMatchObject({ category: 'support', size: null, options: [] });
    expect(far.open?.text).toBe("No change of one rating or one fact would make support to member states' lawful responses suggested: that needs level 4.");
  });

  it('is right and smallest for any profile (property)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const before = computeLevel(input);
        const { open, close } = whatWouldChange(input);
        expect(open?.category ?? null).toBe(CATEGORY_IDS.find((c) => !before.proportionate[c]) ?? null);
        for (const shift of [open, close]) {
          if (shift === null) continue;
          const wanted = shift.direction === 'open';
          for (const o of shift.options) {
            const after = computeLevel(apply(input, o.change));
            expect(after.proportionate[shift.category]).toBe(wanted);
            expect(after.level).toBe(o.level);
            // Monotone: what opens only raises, what closes only lowers.
            expect(wanted ? after.level >= before.level : after.level <= before.level).toBe(true);
          }
          // No smaller change of a rating does it.
          const size = shift.size ?? 5;
          for (const d of DIMENSION_IDS) {
            for (const [effect, values] of [['achieved', input.dimensions], ['potential', input.attempt?.potential]] as const) {
              if (values === undefined) continue;
              for (let to = 0; to <= 4; to++) {
                if (to === values[d] || Math.abs(to - values[d]) >= size) continue;
                const change: OutcomeChange = { kind: 'rating', dimension: d, effect, from: values[d], to: to as RatingValue };
                expect(computeLevel(apply(input, change)).proportionate[shift.category]).toBe(!wanted);
              }
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is part of the assessment, as cdt assess prints it', () => {
    const a = assess({ dimensions: uniform(2), attribution: { status: 'skipped' } });
    expect(a.whatWouldChange).toEqual(whatWouldChange({ dimensions: uniform(2) }));
    expect(JSON.parse(JSON.stringify(a.whatWouldChange))).toEqual(a.whatWouldChange);
  });
});
