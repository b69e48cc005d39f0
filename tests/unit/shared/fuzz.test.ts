import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAssessmentInput } from '../../../shared/framework/assessment-schema';
import { DIMENSION_IDS } from '../../../shared/framework/catalogue';
import { assess } from '../../../shared/framework/proportionality';
import { parseScenario } from '../../../shared/exercise/scenario';
import { SCENARIOS_DIR } from '../../support/temp';
import { pathsOf, type Json, type Path } from '../../support/json-paths';

/**
 * Whatever a file holds, the schemas answer with a value or with problems at paths; they never
 * throw, and what they accept the rest of the app can use (an assessment can be assessed).
 */

fc.configureGlobal({ seed: Number(process.env.CDT_FUZZ_SEED ?? 20261014), numRuns: Number(process.env.CDT_FUZZ_RUNS ?? 200) });


/** A copy of `root` with the value at `path` replaced (or, with `undefined`, removed). */
function replaced(root: Json, path: Path, value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const copy = structuredClone(root);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

const leaf: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer({ min: -10, max: 10 }), fc.double(), fc.string({ maxLength: 12 }),
  fc.constantFrom('attributed', 'skipped', 'state-sponsored', 'high', '\u202e', 'a\u0000b', '\ud800', ' padded '),
);
const value: fc.Arbitrary<Json> = fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), leaf, { maxKeys: 3 }));
const edits = (paths: readonly Path[]) =>
  fc.array(fc.record({ path: fc.nat({ max: paths.length - 1 }), value: fc.option(value, { nil: undefined }) }), { minLength: 1, maxLength: 3 });

function mutate(root: Json, list: readonly { path: number; value: Json | undefined }[]): Json {
  let current = root;
  for (const edit of list) {
    const paths = pathsOf(current);
    current = replaced(current, paths[edit.path % paths.length]!, edit.value);
  }
  return current;
}

const wellFormedProblems = (errors: readonly { path: string; message: string }[]) => {
  expect(errors.length).toBeGreaterThan(0);
  for (const p of errors) {
    expect(typeof p.path).toBe('string');
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
  }
};

describe('assessment files as cdt assess reads them (fuzz)', () => {
  const seven = (v: number) => Object.fromEntries(DIMENSION_IDS.map((d) => [d, v]));
  const valid: Json = {
    dimensions: seven(2),
    attribution: { status: 'attributed', actorType: 'state-sponsored', actorNamed: false, confidence: 'moderate' },
    attempt: { potential: seven(3) },
    external: true,
    actorsIdentified: true,
    targets: ['state-functions'],
  };

  it('are assessed or refused with problems at paths, never an exception', () => {
    const paths = pathsOf(valid);
    fc.assert(
      fc.property(edits(paths), (list) => {
        // Through JSON text, as the command reads a file.
        const input = JSON.parse(JSON.stringify(mutate(valid, list))) as unknown;
        const parsed = parseAssessmentInput(input);
        if (parsed.ok) expect(assess(parsed.value).level).toBeGreaterThanOrEqual(0);
        else wellFormedProblems(parsed.errors);
      }),
    );
  });
});

describe('scenarios with random damage (fuzz)', () => {
  const scenario = JSON.parse(readFileSync(join(SCENARIOS_DIR, 'election-intrusion.json'), 'utf8')) as Json;

  it('parse to exactly themselves or are refused with problems at paths, never an exception', () => {
    const paths = pathsOf(scenario);
    fc.assert(
      fc.property(edits(paths), (list) => {
        const input = mutate(scenario, list);
        const parsed = parseScenario(input);
        if (parsed.ok) expect(parsed.value).toEqual(input);
        else wellFormedProblems(parsed.errors);
      }),
    );
  });
});
