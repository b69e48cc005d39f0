import { problemText } from '../../../../shared/errors';
import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS } from '../../../../shared/framework/catalogue';
import { assessmentInputSchema, parseAssessmentInput } from '../../../../shared/framework/assessment-schema';
import { formatIssues } from '../../../../shared/validation';
import { assess } from '../../../../shared/framework/proportionality';

const seven = (v: unknown) => Object.fromEntries(DIMENSION_IDS.map((d) => [d, v]));
const valid = {
  dimensions: seven(2),
  attribution: { status: 'attributed', actorType: 'state-sponsored', actorNamed: false, confidence: 'moderate' },
  attempt: { potential: seven(3) },
  external: true,
  actorsIdentified: true,
  targets: ['state-functions', 'eu-institutions'],
};

const errorsOf = (value: unknown): readonly string[] => {
  const r = parseAssessmentInput(value);
  return r.ok ? [] : r.errors.map(problemText);
};

describe('assessmentInputSchema', () => {
  it('accepts the cdt assess input shape and its minimal form', () => {
    const r = parseAssessmentInput(valid);
    expect(r.ok).toBe(true);
    if (r.ok) expect(assess(r.value).level).toBeGreaterThanOrEqual(3);
    expect(parseAssessmentInput({ dimensions: seven(0), attribution: { status: 'skipped' } }).ok).toBe(true);
  });

  it('names the field and what was expected', () => {
    expect(errorsOf({ ...valid, dimensions: { ...seven(1), scope: 7 } })).toEqual([
      'dimensions.scope: expected an integer from 0 to 4, got 7',
    ]);
    expect(errorsOf({ ...valid, dimensions: { ...seven(1), impact: 2.5 } })).toEqual([
      'dimensions.impact: expected an integer from 0 to 4, got 2.5',
    ]);
    const { duration: _d, ...sixOnly } = seven(1);
    expect(errorsOf({ ...valid, dimensions: sixOnly })).toEqual(['dimensions.duration: expected an integer from 0 to 4, got nothing']);
    expect(errorsOf({ ...valid, attempt: { potential: { ...seven(1), scale: '3' } } })).toEqual([
      'attempt.potential.scale: expected an integer from 0 to 4, got "3"',
    ]);
  });

  it('reports unknown fields, enums and discriminators', () => {
    expect(errorsOf({ ...valid, dimensions: { ...seven(1), scop: 1 } })).toEqual(['dimensions: unknown field "scop"']);
    expect(errorsOf({ ...valid, attribution: { status: 'maybe' } })).toEqual([
      'attribution.status: expected "attributed" or "skipped", got "maybe"',
    ]);
    expect(errorsOf({ ...valid, attribution: { status: 'attributed', actorType: 'hacker' } })).toEqual([
      'attribution.actorType: expected one of "state", "state-sponsored", "non-state", got "hacker"',
    ]);
    expect(errorsOf({ ...valid, targets: ['state-functions', 'banks'] })[0]).toMatch(/^targets\[1\]: expected one of "critical-infrastructure", .*got "banks"$/);
    expect(errorsOf({ ...valid, external: 'yes' })).toEqual(['external: expected true or false, got "yes"']);
    expect(errorsOf({ ...valid, extra: 1 })).toEqual(['(input): unknown field "extra"']);
    expect(errorsOf(null)).toEqual(['(input): expected an assessment object, got null']);
  });

  it('reports every problem at once, one line each', () => {
    const r = assessmentInputSchema.safeParse({ dimensions: { ...seven(1), scope: -1, scale: 9 }, attribution: {} });
    expect(r.success).toBe(false);
    if (!r.success) {
      const lines = formatIssues(r.error).map(problemText);
      expect(lines).toContain('dimensions.scope: expected an integer from 0 to 4, got -1');
      expect(lines).toContain('dimensions.scale: expected an integer from 0 to 4, got 9');
      expect(lines.some((l) => l.startsWith('attribution.status: expected "attributed" or "skipped"'))).toBe(true);
    }
  });
});
