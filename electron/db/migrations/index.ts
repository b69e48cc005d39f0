import type { Migration } from './migration';
import { corpusTables } from './001-corpus';
import { runTables } from './002-runs';
import { evidenceTables } from './003-evidence';
import { exerciseTables } from './004-exercises';
import { reportTables } from './005-report';
import { runCheckpoints } from './006-run-checkpoints';
import { footnotePlaces } from './007-footnote-places';
import { searchIndex } from './008-search-index';
import { dropOldSearch } from './009-drop-old-search';
import { exchangeTables } from './010-exchange';
import { liveRoomTables } from './011-live-room';
import { evaluationTables } from './012-evaluation';

/** The registry: a migration's version is its place in this list, never reused or reordered. */
export const MIGRATIONS: readonly Migration[] = [corpusTables, runTables, evidenceTables, exerciseTables, reportTables, runCheckpoints, footnotePlaces, searchIndex, dropOldSearch, exchangeTables, liveRoomTables, evaluationTables];

for (const [index, migration] of MIGRATIONS.entries()) {
  if (migration.version !== index + 1) {
    throw new Error(`Migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
  }
}
