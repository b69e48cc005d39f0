import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/db/open';
import { PackageError } from '../../../../electron/exercise/errors';
import { deleteExercise, getExercise, listExercises } from '../../../../electron/exercise/exercises';
import { contentHash } from '../../../../electron/exercise/hash';
import { exportExercise, importExercisePackage, packageText } from '../../../../electron/exercise/package';
import { deleteScenario, listScenarios, syncBundledScenarios } from '../../../../electron/exercise/scenarios';
import { genesisHash } from '../../../../electron/workflow/chain';
import { listRuns, verifyRun } from '../../../../electron/workflow/runs';
import { MAX_PACKAGE_BYTES, type ExercisePackage } from '../../../../shared/exercise/package';
import { importRefusal } from '../../../support/package-refusal';
import { dumpDatabase } from '../../../support/db';
import { accept, at, populatedExercise, reseal } from '../../../support/exercise';
import { SCENARIOS_DIR, tempDir } from '../../../support/temp';
import { pathsOf, type Json, type Path } from '../../../support/json-paths';

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;
const emptyDb = (): Db => openDatabase(join(temp.dir, `package-${n++}.sqlite`));
function sourceDb(): Db {
  const db = emptyDb();
  syncBundledScenarios(db, SCENARIOS_DIR, at(0));
  return db;
}

const clone = <T>(value: T): T => structuredClone(value);

const refusal = (db: Db, text: string, file = 'aurora.cdt-exercise.json'): string => importRefusal(db, text, file);

let source: Db;
let pkg: ExercisePackage;
let exerciseId: string;

beforeAll(() => {
  source = sourceDb();
  exerciseId = populatedExercise(source).id;
  pkg = exportExercise(source, exerciseId, at(60));
});

describe('exercise packages: round trip', () => {
  it('exports the documented shape with a manifest of section hashes', () => {
    expect(Object.keys(pkg)).toEqual(['format', 'version', 'manifest', 'scenario', 'exercise', 'runs']);
    expect(pkg.manifest).toEqual({
      createdAt: at(60),
      exerciseId,
      sections: { scenario: expect.stringMatching(/^[0-9a-f]{64}$/), exercise: expect.stringMatching(/^[0-9a-f]{64}$/), runs: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(pkg.exercise.delegations).toHaveLength(2);
    expect(pkg.exercise.releases).toHaveLength(3);
    expect(pkg.exercise.notes).toHaveLength(2);
    expect(pkg.exercise.clock).toEqual({ status: 'paused', accumulatedMs: 49 * 60_000, runningSince: null });
    expect(pkg.runs.map((r) => r.events.length)).toEqual([expect.any(Number), 4]);
    expect(pkg.runs[0]!.events[0]).toEqual({ seq: 1, at: expect.any(String), event: expect.objectContaining({ type: 'FINDING.ADD' }), prevHash: genesisHash(pkg.runs[0]!.id), hash: expect.any(String) });
  });

  it('imports into an empty database and exports again to the same content; the chains verify', () => {
    const target = emptyDb();
    const result = importExercisePackage(target, packageText(pkg), 'cold-ward.json', at(70));
    expect(result).toMatchObject({ status: 'imported', exercise: { id: exerciseId, name: 'Cold Ward, table 1', delegationCount: 2 } });
    expect(exportExercise(target, exerciseId, at(60))).toEqual(pkg);
    for (const run of listRuns(target)) expect(verifyRun(target, run.id)).toMatchObject({ intact: true, replayMatches: true });
    const original = getExercise(source, exerciseId, at(80));
    const copy = getExercise(target, exerciseId, at(80));
    expect(copy).toEqual(original);
    // The scenario came along into the library, for the next exercise on this laptop.
    expect(listScenarios(target).map((s) => [s.id, s.origin])).toEqual([['hospital-ransomware', 'imported']]);
  });

  it('leaves a scenario the library already has alone', () => {
    const target = sourceDb();
    importExercisePackage(target, packageText(pkg), 'cold-ward.json', at(70));
    expect(listScenarios(target).find((s) => s.id === 'hospital-ransomware')?.origin).toBe('bundled');
  });

  it('importing the same package twice changes nothing the second time', () => {
    const target = emptyDb();
    importExercisePackage(target, packageText(pkg), 'a.json', at(70));
    const before = dumpDatabase(target);
    // Key order and indentation do not matter: the content is the same.
    const reformatted = JSON.stringify(JSON.parse(JSON.stringify(pkg)), null, 4);
    expect(importExercisePackage(target, reformatted, 'b.json', at(71))).toMatchObject({ status: 'already-imported', exercise: { id: exerciseId } });
    expect(dumpDatabase(target)).toBe(before);
  });

  it('refuses the same exercise id with different content, and writes nothing', () => {
    const target = emptyDb();
    importExercisePackage(target, packageText(pkg), 'a.json', at(70));
    const later = sourceDb();
    const laterId = populatedExercise(later, { id: exerciseId }).id;
    const runId = getExercise(later, laterId).delegations[1]!.runId;
    accept(later, runId, { type: 'NOTE.ADD', id: 'n2', text: 'More discussion after the export.' }, at(70));
    const message = refusal(target, packageText(exportExercise(later, laterId, at(80))), 'cold-ward-v2.json');
    expect(message).toMatch(/^cold-ward-v2\.json: exercise\.id: this database already has the exercise .* with different content/);
  });
});

describe('exercise packages: refusals name the file, the field and the problem', () => {
  let target: Db;
  beforeAll(() => {
    target = emptyDb();
  });

  it('checks the size before parsing', () => {
    const huge = `{"format":"cdt-exercise-package","pad":"${'x'.repeat(MAX_PACKAGE_BYTES)}"}`;
    // The wording is the file reader's (electron/files/read.ts); what matters here is that the size comes first.
    expect(refusal(target, huge, 'big.json')).toMatch(/^big\.json: the file is (20\.0 MB; it can be at most|larger than) 20 MB/);
  });

  it('reports JSON syntax errors with the file name', () => {
    expect(refusal(target, packageText(pkg).slice(0, 500), 'cut.json')).toMatch(/^cut\.json: not valid JSON[ :]/);
  });

  it('says what kind of file it expected, and when a file comes from a newer version', () => {
    expect(refusal(target, JSON.stringify(pkg.scenario))).toMatch(/format: expected "cdt-exercise-package", got "cdt-scenario"/);
    expect(refusal(target, JSON.stringify({ ...pkg, version: 2 }))).toMatch(/version: this file has format version 2, written by a newer CDT Workbench/);
  });

  it('validates every field with its path', () => {
    const bad = clone(pkg) as unknown as { runs: { events: { event: Record<string, unknown> }[] }[]; exercise: { notes: { text: string }[] } };
    bad.runs[1]!.events[0]!.event.confidence = 'certain';
    bad.exercise.notes[0]!.text = 'y'.repeat(20_001);
    const message = refusal(target, JSON.stringify(bad));
    expect(message).toContain('aurora.cdt-exercise.json: runs[1].events[0].event');
    expect(message).toContain('aurora.cdt-exercise.json: exercise.notes[0].text: ');
  });

  it('checks every manifest hash', () => {
    const bad = clone(pkg);
    bad.exercise.notes[1]!.text = 'Break for tea.';
    expect(refusal(target, JSON.stringify(bad))).toBe(
      'aurora.cdt-exercise.json: manifest.sections.exercise: the SHA-256 of the exercise section does not match; the file was changed or damaged after it was exported.',
    );
  });

  it('verifies every run\'s chain, even when the manifest was recomputed', () => {
    const bad = clone(pkg);
    const events = bad.runs[0]!.events;
    [events[1], events[2]] = [events[2]!, events[1]!];
    bad.manifest.sections.runs = contentHash(bad.runs);
    expect(refusal(target, JSON.stringify(bad))).toMatch(/runs\[0\]\.events\[1\]: the hash chain is broken: event 3 stands where event 2 should be/);
    const edited = clone(pkg);
    (edited.runs[1]!.events[0]!.event as { text: string }).text = 'Rewritten finding';
    edited.manifest.sections.runs = contentHash(edited.runs);
    expect(refusal(target, JSON.stringify(edited))).toMatch(/runs\[1\]\.events\[0\]: the hash chain is broken: event 1 was changed after it was recorded/);
  });

  it('replays every run: a well-chained log of events the workflow would refuse is refused', () => {
    const bad = clone(pkg);
    bad.runs[1]!.events.unshift({ ...bad.runs[1]!.events[0]!, event: { type: 'PROPORTIONALITY.CONFIRM' } });
    expect(refusal(target, JSON.stringify(reseal(bad)))).toMatch(/runs\[1\]\.events\[0\]: the workflow does not accept this PROPORTIONALITY\.CONFIRM event here: /);
  });

  it('cross-checks releases, delegations and runs', () => {
    const bad = clone(pkg);
    bad.exercise.releases.push({ injectId: 'leak-publication', delegationId: bad.exercise.delegations[0]!.id, releasedAt: at(55), elapsedMs: 1 });
    bad.exercise.delegations[1]!.runId = bad.exercise.delegations[0]!.runId;
    const message = refusal(target, JSON.stringify(reseal(bad)));
    expect(message).toContain('exercise.delegations[1].runId: duplicate run id');
    expect(message).toContain(`runs[1].id: the run "${pkg.runs[1]!.id}" belongs to no delegation.`);
    expect(message).toContain('exercise.releases[3]: the run of Delegation North never received the inject "leak-publication".');
  });

  it('refuses a package whose runs already exist here under another exercise', () => {
    const db = emptyDb();
    const other = reseal({ ...clone(pkg), exercise: { ...clone(pkg.exercise), id: 'other-exercise' }, manifest: { ...pkg.manifest, exerciseId: 'other-exercise' } });
    importExercisePackage(db, JSON.stringify(pkg), 'first.json', at(70));
    expect(refusal(db, JSON.stringify(other))).toMatch(/runs\[0\]\.id: a run with id .* already exists in this database/);
  });
});

// ---------------------------------------------------------------------------------------
// Property: whatever is done to a real package, it is imported whole or refused with a
// PackageError, and a refusal leaves the database byte-for-byte as it was.


function edit(root: Json, path: Path, change: (parent: Json[] | Record<string, Json>, key: string | number) => void): Json {
  const copy = clone(root);
  if (path.length === 0) return copy;
  let node = copy as Json;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, Json>)[key as string]!;
  change(node as Json[] | Record<string, Json>, path[path.length - 1]!);
  return copy;
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; char: string }
  | { kind: 'drop'; path: number }
  | { kind: 'replace'; path: number; value: Json }
  | { kind: 'oversize'; path: number }
  | { kind: 'hash'; section: 'scenario' | 'exercise' | 'runs'; hex: string }
  | { kind: 'reorder'; run: number; a: number; b: number }
  | { kind: 'resealed-replace'; path: number; value: Json }
  | { kind: 'reformat'; indent: number };

const HEX = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });

function apply(original: ExercisePackage, text: string, paths: Path[], m: Mutation): string {
  const json = original as unknown as Json;
  const pathAt = (i: number): Path => paths[i % paths.length]!;
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, m.at % text.length);
    case 'flip': {
      const i = m.at % text.length;
      return text.slice(0, i) + m.char + text.slice(i + 1);
    }
    case 'drop':
      return JSON.stringify(edit(json, pathAt(m.path), (p, k) => (Array.isArray(p) ? p.splice(k as number, 1) : delete p[k as string])));
    case 'replace':
      return JSON.stringify(edit(json, pathAt(m.path), (p, k) => ((p as Record<string | number, Json>)[k] = m.value)));
    case 'oversize':
      return JSON.stringify(edit(json, pathAt(m.path), (p, k) => ((p as Record<string | number, Json>)[k] = 'z'.repeat(25_000))));
    case 'hash': {
      const copy = clone(original);
      copy.manifest.sections[m.section] = m.hex;
      return JSON.stringify(copy);
    }
    case 'reorder': {
      const copy = clone(original);
      const events = copy.runs[m.run % copy.runs.length]!.events;
      const a = m.a % events.length;
      const b = m.b % events.length;
      [events[a], events[b]] = [events[b]!, events[a]!];
      return JSON.stringify(copy);
    }
    case 'resealed-replace': {
      const changed = edit(json, pathAt(m.path), (p, k) => ((p as Record<string | number, Json>)[k] = m.value)) as unknown as ExercisePackage;
      try {
        return JSON.stringify(reseal(changed));
      } catch {
        return JSON.stringify(changed); // the edit broke the shape reseal needs: import must refuse it anyway
      }
    }
    case 'reformat':
      return JSON.stringify(original, null, m.indent);
  }
}

describe('exercise packages: generated and mutated packages (property)', () => {
  it('are imported whole or refused, and a refusal writes nothing', () => {
    const text = packageText(pkg);
    const paths = pathsOf(pkg as unknown as Json);
    const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 20 }), fc.constant('TLP:RED'), fc.constant(at(3)));
    const value: fc.Arbitrary<Json> = fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), leaf, { maxKeys: 2 }));
    const mutation: fc.Arbitrary<Mutation> = fc.oneof(
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), char: fc.string({ minLength: 1, maxLength: 1 }) }),
      fc.record({ kind: fc.constant('drop' as const), path: fc.nat() }),
      fc.record({ kind: fc.constant('replace' as const), path: fc.nat(), value }),
      fc.record({ kind: fc.constant('oversize' as const), path: fc.nat() }),
      fc.record({ kind: fc.constant('hash' as const), section: fc.constantFrom('scenario' as const, 'exercise' as const, 'runs' as const), hex: HEX }),
      fc.record({ kind: fc.constant('reorder' as const), run: fc.nat(), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('resealed-replace' as const), path: fc.nat(), value }),
      fc.record({ kind: fc.constant('reformat' as const), indent: fc.integer({ min: 0, max: 8 }) }),
    );

    const db = emptyDb();
    const empty = dumpDatabase(db);
    const outcomes = { imported: 0, refused: 0 };
    fc.assert(
      fc.property(mutation, (m) => {
        const mutated = apply(pkg, text, paths, m);
        let result;
        try {
          result = importExercisePackage(db, mutated, 'mutant.json', at(100));
        } catch (error) {
          if (!(error instanceof PackageError)) throw error;
          if (!error.message.startsWith('mutant.json: ')) throw new Error(`the error does not name the file: ${error.message}`);
          if (dumpDatabase(db) !== empty) throw new Error(`a refused import changed the database (${m.kind})`);
          outcomes.refused++;
          return;
        }
        // Imported: whole, consistent, and it exports to exactly what the file said.
        outcomes.imported++;
        expect(result.status).toBe('imported');
        const parsed = JSON.parse(mutated) as ExercisePackage;
        const again = exportExercise(db, parsed.exercise.id, parsed.manifest.createdAt);
        expect(again.manifest.sections).toEqual(parsed.manifest.sections);
        for (const run of listRuns(db)) expect(verifyRun(db, run.id)).toMatchObject({ intact: true, replayMatches: true });
        deleteExercise(db, parsed.exercise.id);
        expect(listExercises(db)).toEqual([]);
        // The import also put the scenario in the library; it stays there until deleted.
        expect(listScenarios(db).map((s) => s.id)).toEqual([parsed.scenario.id]);
        deleteScenario(db, parsed.scenario.id);
        expect(dumpDatabase(db)).toBe(empty);
      }),
      { numRuns: Number(process.env.CDT_PROPERTY_RUNS ?? 500), seed: Number(process.env.CDT_PROPERTY_SEED ?? 20250310) },
    );
    // Both paths were exercised: some mutations are harmless (reformatting), most are not.
    expect(outcomes.imported).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(outcomes.imported);
  });
});

describe('exercise packages: what is stored is what was hashed', () => {
  let target: Db;
  beforeAll(() => {
    target = emptyDb();
  });
  const forged = (change: (p: ExercisePackage) => void): string => {
    const copy = clone(pkg);
    change(copy);
    return JSON.stringify(reseal(copy));
  };

  it('refuses names the import would have had to trim or re-encode, naming the field', () => {
    expect(refusal(target, forged((p) => void (p.exercise.name = ' Cold Ward')))).toContain('exercise.name: must not start or end with whitespace');
    expect(refusal(target, forged((p) => void (p.exercise.delegations[0]!.name = 'North\ud800')))).toContain('exercise.delegations[0].name: contains a lone surrogate (U+D800)');
    expect(refusal(target, forged((p) => void (p.runs[1]!.name = `${p.runs[1]!.name}\u202e`)))).toContain('runs[1].name: contains a bidirectional control (U+202E)');
    expect(refusal(target, forged((p) => void (p.exercise.notes[0]!.text = 'Tea\r\nbreak')))).toContain('exercise.notes[0].text: contains a control character (U+000D)');
    expect(refusal(target, forged((p) => void (p.scenario.classification.marking = 'EXERCISE\f}body{display:none')))).toContain('scenario.classification.marking: contains a control character (U+000C)');
  });

  it('uses the limits the app uses', () => {
    expect(refusal(target, forged((p) => void (p.exercise.name = 'x'.repeat(101))))).toContain('exercise.name: ');
    expect(refusal(target, forged((p) => void (p.exercise.delegations[0]!.name = 'x'.repeat(81))))).toContain('exercise.delegations[0].name: ');
  });

  it('refuses report details an export would leave out or the app would trim', () => {
    expect(refusal(target, forged((p) => void (p.exercise.facilitator = '')))).toContain('exercise.facilitator: must not be empty');
    expect(refusal(target, forged((p) => void (p.exercise.improvementPlan = [])))).toContain('exercise.improvementPlan: ');
  });

  it('refuses a package that contradicts itself, whatever its hashes say', () => {
    const north = (p: ExercisePackage) => p.runs[0]!;
    expect(refusal(target, forged((p) => void (north(p).events[1]!.at = at(1))))).toMatch(/runs\[0\]\.events\[1\]\.at: the event was recorded at .*, before the event before it/);
    expect(refusal(target, forged((p) => void (north(p).createdAt = at(-1))))).toContain(`runs[0].createdAt: a delegation's run is created with its exercise, at ${at(0)}`);
    expect(refusal(target, forged((p) => void p.exercise.releases.splice(0, 1)))).toMatch(/runs\[\d\]\.events\[\d+\]: the run of Delegation North received the inject "csirt-technical-summary", but the exercise never released it/);
    expect(refusal(target, forged((p) => void (p.exercise.releases[2]!.elapsedMs = 60 * 60_000)))).toContain('exercise.releases[2].elapsedMs: ');
    expect(refusal(target, forged((p) => void (p.exercise.clock.accumulatedMs = 61 * 60_000)))).toContain("exercise.clock.accumulatedMs: 3660000 ms were counted, but only 3600000 ms passed between the exercise's creation and the making of the package.");
    expect(refusal(target, forged((p) => void (p.manifest.createdAt = at(50))))).toContain('exercise.notes[1].at: written at');
    expect(refusal(target, forged((p) => void p.exercise.releases.reverse()))).toContain('exercise.releases[1]: the releases are out of order');
  });
});
