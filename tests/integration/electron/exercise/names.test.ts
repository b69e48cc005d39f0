import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/db/open';
import { ExerciseError } from '../../../../electron/exercise/errors';
import { createExercise, renameDelegation } from '../../../../electron/exercise/exercises';
import { exportExercise, importExercisePackage } from '../../../../electron/exercise/package';
import { syncBundledScenarios } from '../../../../electron/exercise/scenarios';
import { EXERCISE_LIMITS } from '../../../../shared/exercise/limits';
import { at } from '../../../support/exercise';
import { SCENARIOS_DIR, tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;
function freshDb(): Db {
  const db = openDatabase(join(temp.dir, `names-${n++}.sqlite`));
  syncBundledScenarios(db, SCENARIOS_DIR, at(0));
  return db;
}
const create = (db: Db, name: string, delegationNames: string[]) =>
  createExercise(db, { name, scenarioId: 'hospital-ransomware', delegationNames, now: at(0) });

describe('names the app stores are names a package may carry', () => {
  it('trims what was typed, and refuses control and bidi characters rather than storing them', () => {
    const db = freshDb();
    expect(create(db, '  Cold Ward  ', [' North ']).delegations.map((d) => d.name)).toEqual(['North']);
    expect(() => create(db, 'Cold\u202eWard', ['North'])).toThrow(/An exercise's name contains a bidirectional control \(U\+202E\)/);
    expect(() => create(db, 'Cold Ward', ['North\nSouth'])).toThrow(/A delegation's name contains a control character \(U\+000A\)/);
    expect(() => create(db, 'Cold Ward', ['North\ud800'])).toThrow(ExerciseError);
    expect(() => create(db, 'x'.repeat(EXERCISE_LIMITS.exerciseName + 1), ['North'])).toThrow(/at most 100 characters/);
    expect(() => create(db, 'Cold Ward', ['x'.repeat(EXERCISE_LIMITS.delegationName + 1)])).toThrow(/at most 80 characters/);
  });

  it('one name under normalisation and case folding is one delegation, when creating and when renaming', () => {
    const db = freshDb();
    expect(() => create(db, 'Cold Ward', ['Cura\u00e7ao', 'CURAC\u0327AO'])).toThrow(/listed twice/);
    expect(() => create(db, 'Cold Ward', ['Stra\u00dfe', 'STRASSE'])).toThrow(/listed twice/);
    const exercise = create(db, 'Cold Ward', ['Cura\u00e7ao', 'Aruba']);
    expect(() => renameDelegation(db, exercise.id, exercise.delegations[1]!.id, 'curac\u0327ao', at(1))).toThrow(/already has a delegation named "Curaçao"/);
    // Its own name in another spelling is no clash.
    expect(renameDelegation(db, exercise.id, exercise.delegations[0]!.id, 'CURAÇAO', at(1)).delegations[0]!.name).toBe('CURAÇAO');
  });

  it('whatever it stores exports and imports again to the same hashes', () => {
    const db = freshDb();
    const exercise = create(db, 'Tábla 1 — 中文 😀', ['Délégation Nord', 'e\u0301quipe']);
    const pkg = exportExercise(db, exercise.id, at(5));
    const copy = freshDb();
    expect(importExercisePackage(copy, JSON.stringify(pkg), 'x.json', at(6)).status).toBe('imported');
    expect(exportExercise(copy, exercise.id, at(5)).manifest.sections).toEqual(pkg.manifest.sections);
  });
});
