import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_EXERCISE_FILE } from '../../electron/paths';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds', import.meta.url));
export const SCENARIOS_DIR = fileURLToPath(new URL('../../resources/scenarios', import.meta.url));
export const SAMPLE_EXERCISE = join(fileURLToPath(new URL('../../resources/exercises', import.meta.url)), SAMPLE_EXERCISE_FILE);

/** A fresh folder under the system temp dir, and its removal. */
export function tempDir(prefix = 'cdt-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
