import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase, type Db } from './db/open';
import { ensureCorpus, type IngestResult } from './corpus/ingest';
import { syncEvidence } from './workflow/evidence';

export interface Workbench {
  readonly db: Db;
  readonly corpus: IngestResult;
  close(): void;
}

/** Opens the database and brings the corpus and evidence map up to date: what main, the CLI and the tests share. */
export function openWorkbench(dbPath: string, seedsDir: string): Workbench {
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = openDatabase(dbPath);
  try {
    const corpus = ensureCorpus(db, seedsDir);
    syncEvidence(db);
    return { db, corpus, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}
