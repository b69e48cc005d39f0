import { openDatabaseFile, type DatabaseOpening, type Db, type OpenOptions } from './db/open';
import { ensureCorpus, type IngestResult } from './corpus/ingest';
import { syncEvidence } from './workflow/evidence';
import { syncBundledScenarios } from './exercise/scenarios';

export interface Workbench {
  readonly db: Db;
  /** What opening did (created, migrated with its backup, read-only), for the caller to say. */
  readonly opening: DatabaseOpening;
  readonly corpus: IngestResult;
  close(): void;
}

/** readOnly for commands that only read; createFolder only for the app's own user-data folder. */
export type WorkbenchOptions = Pick<OpenOptions, 'readOnly' | 'createFolder' | 'onProgress'>;

/**
 * Opens the database and brings the corpus, the evidence map and (given their folder) the
 * bundled example scenarios up to date: what main, the CLI and the tests share. Each of
 * them writes only when its content differs, so opening an up-to-date database writes
 * nothing; a read-only open changes none of them (a corpus built from other seeds says so
 * in `corpus.current`).
 */
export function openWorkbench(dbPath: string, seedsDir: string, scenariosDir?: string, options: WorkbenchOptions = {}): Workbench {
  const { db, opening } = openDatabaseFile(dbPath, options);
  try {
    const corpus = ensureCorpus(db, seedsDir, { readOnly: opening.readOnly });
    if (!opening.readOnly) {
      syncEvidence(db);
      if (scenariosDir !== undefined) syncBundledScenarios(db, scenariosDir);
    }
    return { db, opening, corpus, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}
