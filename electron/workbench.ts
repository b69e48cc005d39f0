import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase, type Db } from './db/open';
import { ensureCorpus, type IngestResult } from './corpus/ingest';

export interface Workbench {
  readonly db: Db;
  readonly corpus: IngestResult;
  close(): void;
}

/** Opens the database and brings the corpus up to date with seeds/: what main, the CLI and the tests share. */
export function openWorkbench(dbPath: string, seedsDir: string): Workbench {
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = openDatabase(dbPath);
  try {
    const corpus = ensureCorpus(db, seedsDir);
    return { db, corpus, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}
