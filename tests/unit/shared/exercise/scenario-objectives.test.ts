import { describe, expect, it } from 'vitest';
import { problemText } from '../../../../shared/errors';
import { parseScenario, SCENARIO_LIMITS, type Scenario } from '../../../../shared/exercise/scenario';
import { contentHash } from '../../../../electron/exercise/hash';

const minimal = (): Scenario => ({
  format: 'cdt-scenario',
  version: 1,
  id: 'minimal',
  title: 'Minimal',
  classification: { marking: '', tlp: 'TLP:CLEAR' },
  background: '',
  incident: 'Something happened.',
  injects: [{ id: 'first', offsetMinutes: 0, title: 'First', body: 'Body', kind: 'other' }],
  questions: {},
  facilitatorNotes: '',
});

const errorsOf = (value: unknown): readonly string[] => {
  const parsed = parseScenario(value);
  return parsed.ok ? [] : parsed.errors.map(problemText);
};

const withObjectives = (objectives: unknown): unknown => ({ ...minimal(), objectives });

describe('scenario objectives', () => {
  it('accepts objectives tied to a step or a capability, and parses them to exactly themselves', () => {
    const scenario: Scenario = {
      ...minimal(),
      objectives: [
        { id: 'shared-picture', title: 'Agree a shared picture within the hour', tiedTo: 'awareness', description: 'From the CSIRTs Network summary.\nIn plenary.' },
        { id: 'consensus', title: 'Reach the Council’s decision by consensus', tiedTo: 'consensus' },
      ],
    };
    expect(parseScenario(scenario)).toEqual({ ok: true, value: scenario });
  });

  it('keeps a scenario without objectives valid with the hash it always had', () => {
    const old = minimal();
    const parsed = parseScenario(old);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && 'objectives' in parsed.value).toBe(false);
    expect(contentHash(parsed.ok ? parsed.value : null)).toBe(contentHash(old));
  });

  it('refuses a duplicate objective id, naming both places', () => {
    expect(errorsOf(withObjectives([
      { id: 'a', title: 'One', tiedTo: 'awareness' },
      { id: 'b', title: 'Two', tiedTo: 'measures' },
      { id: 'a', title: 'Three', tiedTo: 'principles' },
    ]))).toEqual(['objectives[2].id: duplicate objective id "a" (also objectives[0])']);
  });

  it('refuses a tie that is neither a step nor a capability, listing what it can be', () => {
    const [problem, ...rest] = errorsOf(withObjectives([{ id: 'a', title: 'One', tiedTo: 'diplomacy' }]));
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^objectives\[0\]\.tiedTo: expected one of "awareness", "attribution", .*"consensus", "sanctions-regime", "communication"$/);
  });

  it('bounds titles, ids and the number of objectives, and refuses unknown fields and empty titles', () => {
    expect(errorsOf(withObjectives([{ id: 'a', title: 'x'.repeat(SCENARIO_LIMITS.objectiveTitle + 1), tiedTo: 'awareness' }]))).toEqual([
      `objectives[0].title: at most ${SCENARIO_LIMITS.objectiveTitle} characters`,
    ]);
    const problems = errorsOf(withObjectives([{ id: 'Not a slug', title: ' ', tiedTo: 'awareness', weight: 2 }]));
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(expect.arrayContaining([
      'objectives[0]: unknown field "weight": not part of this format',
      expect.stringMatching(/^objectives\[0\]\.id: expected a slug/),
      'objectives[0].title: must not be empty',
    ]));
    const many = Array.from({ length: SCENARIO_LIMITS.objectives + 1 }, (_, i) => ({ id: `o-${i}`, title: `Objective ${i}`, tiedTo: 'awareness' }));
    expect(errorsOf(withObjectives(many))).toEqual([`objectives: at most ${SCENARIO_LIMITS.objectives} items`]);
    expect(errorsOf(withObjectives([{ id: 'a', title: 'One', tiedTo: 'awareness', description: 'bell\u0007' }]))).toEqual([
      expect.stringMatching(/^objectives\[0\]\.description: contains a control character \(U\+0007\)/),
    ]);
  });
});
