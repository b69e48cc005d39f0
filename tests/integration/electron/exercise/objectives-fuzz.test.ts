import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/db/open';
import { PackageError } from '../../../../electron/exercise/errors';
import { exportExercise, importExercisePackage, packageText } from '../../../../electron/exercise/package';
import { rateObjective } from '../../../../electron/exercise/objectives';
import { saveReportDetails } from '../../../../electron/exercise/plan';
import { syncBundledScenarios } from '../../../../electron/exercise/scenarios';
import type { ExercisePackage } from '../../../../shared/exercise/package';
import { at, databaseBytes, populatedExercise, reseal } from '../../../support/exercise';
import { saveScenarioWithObjectives } from '../../../support/objectives';
import { pathsOf, type Json, type Path } from '../../../support/json-paths';
import { SCENARIOS_DIR, tempDir } from '../../../support/temp';

/**
 * A package's evaluation damaged and resealed, as a forger who knows the format would: every
 * damage below breaks a relation the app makes true, so the file must be refused whole,
 * naming it, the database byte for byte as it was; any other change of a value is imported
 * whole (and exports to the same file) or refused the same way, never with a fault.
 */
fc.configureGlobal({ seed: Number(process.env.CDT_FUZZ_SEED ?? 20261202), numRuns: Number(process.env.CDT_FUZZ_RUNS ?? 60) });

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;
function fileDb(): { db: Db; file: string } {
  const file = join(temp.dir, `objectives-fuzz-${n++}.sqlite`);
  return { db: openDatabase(file), file };
}

let pkg: ExercisePackage;
beforeAll(() => {
  const { db } = fileDb();
  syncBundledScenarios(db, SCENARIOS_DIR, at(0));
  saveScenarioWithObjectives(db);
  const exercise = populatedExercise(db, { scenarioId: 'hospital-objectives' });
  const [north, south] = exercise.delegations;
  rateObjective(db, exercise.id, {
    objectiveId: 'shared-picture', rating: 'S', observations: 'North agreed at once.',
    entries: [`run:${north!.runId}:2`, `note:${exercise.id}-note-1`, `release:${south!.id}:press-patient-impact`],
  }, at(52));
  rateObjective(db, exercise.id, { objectiveId: 'consensus', rating: 'U', observations: 'No plenary.', entries: [`run:${south!.runId}:4`] }, at(53));
  saveReportDetails(db, exercise.id, { facilitator: 'F', improvementPlan: [{ id: 'i1', issue: 'Slow', correctiveAction: '', owner: '', dueDate: '', objectiveId: 'consensus', priority: 'low' }] });
  pkg = exportExercise(db, exercise.id, at(60));
  db.close();
});

type Ratings = NonNullable<ExercisePackage['exercise']['objectiveRatings']>;
interface Choice {
  readonly picks: readonly number[];
  readonly delta: number;
  readonly word: string;
}
const pick = <X>(items: readonly X[], k: number): X => items[k % items.length]!;
const slug = (word: string) => `x${word.toLowerCase().replace(/[^a-z0-9]+/g, '')}`;

const DAMAGE: Record<string, (ratings: Ratings, p: ExercisePackage, c: Choice) => void> = {
  'an event beyond its run'(ratings, p, c) {
    const run = pick(p.runs, c.picks[0]!);
    pick(ratings, c.picks[1]!).entries.push(`run:${run.id}:${run.events.length + c.delta}`);
  },
  'a note the package does not hold'(ratings, _p, c) {
    pick(ratings, c.picks[0]!).entries.push(`note:${slug(c.word)}-not-a-note`);
  },
  'a release that never was'(ratings, p, c) {
    const released = new Set(p.exercise.releases.map((r) => `${r.delegationId} ${r.injectId}`));
    const open = p.scenario.injects.flatMap((i) => p.exercise.delegations.map((d) => [d.id, i.id] as const)).filter(([d, i]) => !released.has(`${d} ${i}`));
    const [delegationId, injectId] = pick(open, c.picks[0]!);
    pick(ratings, c.picks[1]!).entries.push(`release:${delegationId}:${injectId}`);
  },
  'a rating off the scale'(ratings, _p, c) {
    const letter = ['A', 'B', 'p', 's', '1', 'PS', '', c.word.slice(0, 3)].filter((l) => !['P', 'S', 'M', 'U'].includes(l));
    (pick(ratings, c.picks[0]!) as { rating: string }).rating = pick(letter, c.picks[1]!);
  },
  'an objective the scenario lacks'(ratings, _p, c) {
    pick(ratings, c.picks[0]!).objectiveId = `${slug(c.word)}-not-an-objective`;
  },
  'an entry linked twice'(ratings, _p, c) {
    const withEntries = ratings.filter((r) => r.entries.length > 0);
    const rating = pick(withEntries, c.picks[0]!);
    rating.entries.push(pick(rating.entries, c.picks[1]!));
  },
  'rated after the package was made'(ratings, p, c) {
    pick(ratings, c.picks[0]!).ratedAt = new Date(Date.parse(p.manifest.createdAt) + c.delta).toISOString();
  },
  'ratings out of order, or two of one objective'(ratings, _p, c) {
    if (c.picks[0]! % 2 === 0) ratings.reverse();
    else ratings[1]!.objectiveId = ratings[0]!.objectiveId;
  },
  'an improvement item for an objective the scenario lacks'(_ratings, p, c) {
    p.exercise.improvementPlan![0]!.objectiveId = `${slug(c.word)}-not-an-objective`;
  },
};

const choice = fc.record({ picks: fc.array(fc.nat(), { minLength: 2, maxLength: 2 }), delta: fc.integer({ min: 1, max: 100_000 }), word: fc.string({ minLength: 1, maxLength: 8 }) });

function refusedWhole(text: string): string {
  const { db, file } = fileDb();
  const before = databaseBytes(db, file);
  try {
    importExercisePackage(db, text, 'forged.cdt-exercise.json', at(100));
  } catch (error) {
    expect(error).toBeInstanceOf(PackageError);
    expect(databaseBytes(db, file).equals(before)).toBe(true);
    return (error as Error).message;
  } finally {
    db.close();
  }
  throw new Error('the damaged package was imported');
}

describe("a package's evaluation, damaged and resealed", () => {
  for (const [name, damage] of Object.entries(DAMAGE)) {
    it(`is refused whole for ${name}`, () => {
      fc.assert(
        fc.property(choice, (c) => {
          const forged = structuredClone(pkg);
          damage(forged.exercise.objectiveRatings!, forged, c);
          expect(refusedWhole(packageText(reseal(forged)))).toMatch(/^forged\.cdt-exercise\.json: exercise\.(objectiveRatings|improvementPlan)\[/m);
        }),
        { numRuns: 15 },
      );
    });
  }

  it('is imported whole, or refused naming the file, whatever value of it is changed', () => {
    const root = pkg.exercise as unknown as Json;
    const paths = pathsOf(root).filter((p) => p[0] === 'objectiveRatings' || p[0] === 'improvementPlan');
    const values = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null), fc.boolean(), fc.constantFrom('P', 'S', 'M', 'U', 'run:x:1', ' padded ', ''));
    fc.assert(
      fc.property(fc.nat(), values, (k, value) => {
        const forged = structuredClone(pkg);
        const path: Path = pick(paths, k);
        if (path.length < 2) return;
        let parent = forged.exercise as unknown as Record<string | number, Json>;
        for (const step of path.slice(0, -1)) parent = parent[step] as unknown as Record<string | number, Json>;
        parent[path.at(-1)!] = value as Json;
        const text = packageText(reseal(forged));
        const { db, file } = fileDb();
        const before = databaseBytes(db, file);
        try {
          importExercisePackage(db, text, 'changed.cdt-exercise.json', at(100));
          expect(exportExercise(db, pkg.exercise.id, pkg.manifest.createdAt)).toEqual(JSON.parse(text));
        } catch (error) {
          expect(error).toBeInstanceOf(PackageError);
          expect((error as Error).message).toMatch(/^changed\.cdt-exercise\.json: /m);
          expect(databaseBytes(db, file).equals(before)).toBe(true);
        } finally {
          db.close();
        }
      }),
    );
  });
});
