import { problemText } from '../../../../shared/errors';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INJECT_KINDS, parseScenario, SCENARIO_LIMITS, type Scenario } from '../../../../shared/exercise/scenario';
import { SCENARIOS_DIR } from '../../../support/temp';

const bundled = readdirSync(SCENARIOS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(SCENARIOS_DIR, f), 'utf8')) as Scenario] as const);

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

describe('scenario format', () => {
  it('ships three bundled scenarios, all valid, each with 4-6 injects of mixed kinds and questions for every step', () => {
    expect(bundled.map(([f]) => f).sort()).toEqual(['election-intrusion.json', 'hospital-ransomware.json', 'supply-chain-espionage.json']);
    for (const [file, scenario] of bundled) {
      expect(errorsOf(scenario), file).toEqual([]);
      expect(`${scenario.id}.json`).toBe(file);
      expect(scenario.injects.length).toBeGreaterThanOrEqual(4);
      expect(scenario.injects.length).toBeLessThanOrEqual(6);
      expect(new Set(scenario.injects.map((i) => i.kind)).size).toBeGreaterThanOrEqual(3);
      expect(Object.keys(scenario.questions).sort()).toEqual(['attribution', 'awareness', 'decided', 'measures', 'proportionality']);
      expect(scenario.facilitatorNotes.length).toBeGreaterThan(100);
      // Offsets are the planned order of release.
      const offsets = scenario.injects.map((i) => i.offsetMinutes);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    }
    expect(new Set(bundled.map(([, s]) => s.classification.tlp)).size).toBe(3);
  });

  it('accepts a minimal scenario and parses it to exactly itself (no transforms: the hash is stable)', () => {
    const parsed = parseScenario(minimal());
    expect(parsed).toEqual({ ok: true, value: minimal() });
  });

  it('reports every problem as "<path>: <problem>"', () => {
    const bad = {
      ...minimal(),
      id: 'Not A Slug',
      title: '   ',
      classification: { marking: 'x', tlp: 'TLP:WHITE', colour: 'red' },
      injects: [{ id: 'a', offsetMinutes: 1.5, title: 't', body: 'b', kind: 'tweet' }],
      questions: { awareness: [''], debrief: [] },
    };
    const errors = errorsOf(bad);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^id: expected a slug/),
        'title: must not be empty',
        expect.stringMatching(/^classification\.tlp: /),
        expect.stringMatching(/^classification: unknown field "colour": not part of this format/),
        expect.stringMatching(/^injects\[0\]\.offsetMinutes: /),
        expect.stringMatching(/^injects\[0\]\.kind: /),
        'questions.awareness[0]: must not be empty',
        expect.stringMatching(/^questions: unknown field "debrief"/),
      ]),
    );
  });

  it('refuses duplicate inject ids, naming both places', () => {
    const s = minimal();
    const errors = errorsOf({ ...s, injects: [...s.injects, { ...s.injects[0]!, title: 'Again' }] });
    expect(errors).toEqual(['injects[1].id: duplicate inject id "first" (also injects[0])']);
  });

  it('bounds strings and lists, and needs at least one inject', () => {
    const s = minimal();
    expect(errorsOf({ ...s, incident: 'x'.repeat(SCENARIO_LIMITS.longText + 1) })[0]).toMatch(/^incident: /);
    expect(errorsOf({ ...s, injects: [] })[0]).toMatch(/^injects: /);
    const many = Array.from({ length: SCENARIO_LIMITS.injects + 1 }, (_, i) => ({ ...s.injects[0]!, id: `i${i}` }));
    expect(errorsOf({ ...s, injects: many })[0]).toMatch(/^injects: /);
    expect(errorsOf({ ...s, injects: [{ ...s.injects[0]!, offsetMinutes: SCENARIO_LIMITS.offsetMinutes + 1 }] })[0]).toMatch(/^injects\[0\]\.offsetMinutes/);
  });

  it('knows its version and format', () => {
    expect(errorsOf({ ...minimal(), version: 2 })[0]).toMatch(/^version: /);
    expect(errorsOf({ ...minimal(), format: 'cdt-exercise-package' })[0]).toMatch(/^format: /);
    expect(errorsOf('a string')[0]).toMatch(/^\(input\): /);
    expect(INJECT_KINDS).toContain('intelligence-report');
  });
});
