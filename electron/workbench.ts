import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase, type Db } from './db/open';
import { ensureCorpus, type IngestResult } from './corpus/ingest';
import { syncEvidence } from './workflow/evidence';
import { syncBundledScenarios } from './exercise/scenarios';

export interface Workbench {
  readonly db: Db;
  readonly corpus: IngestResult;
  close(): void;
}

/**
 * Opens the database and brings the corpus, the evidence map and (given their folder) the
 * bundled example scenarios up to date: what main, the CLI and the tests share.
 */
export function openWorkbench(dbPath: string, seedsDir: string, scenariosDir?: string): Workbench {
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = openDatabase(dbPath);
  try {
    const corpus = ensureCorpus(db, seedsDir);
    syncEvidence(db);
    if (scenariosDir !== undefined) syncBundledScenarios(db, scenariosDir);
    return { db, corpus, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}
