import { expect } from 'vitest';
import type { Db } from '../../electron/db/open';
import { PackageError } from '../../electron/exercise/errors';
import { importExercisePackage, packageText } from '../../electron/exercise/package';
import type { ExercisePackage } from '../../shared/exercise/package';
import { dumpDatabase } from './db';
import { at } from './exercise';

/** The refusal's text of importing `forged` as `file`, having checked that nothing at all was written. */
export function importRefusal(db: Db, forged: ExercisePackage | string, file: string): string {
  const before = dumpDatabase(db);
  try {
    importExercisePackage(db, typeof forged === 'string' ? forged : packageText(forged), file, at(100));
  } catch (error) {
    expect(error).toBeInstanceOf(PackageError);
    expect(dumpDatabase(db)).toBe(before);
    return (error as Error).message;
  }
  throw new Error('the package was imported, but a refusal was expected');
}
