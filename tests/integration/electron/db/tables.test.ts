import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { openDatabase, type Db } from '../../../../electron/db/open';
import { deleteRun, runExists } from '../../../../electron/db/tables/runs';
import { ownerOfRun } from '../../../../electron/db/tables/delegations';
import { syncBundledScenarios } from '../../../../electron/exercise/scenarios';
import { createRun } from '../../../../electron/workflow/runs';
import { at, populatedExercise } from '../../../support/exercise';
import { SCENARIOS_DIR, tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;
function freshDb(): Db {
  const db = openDatabase(join(temp.dir, `tables-${n++}.sqlite`));
  syncBundledScenarios(db, SCENARIOS_DIR, at(0));
  return db;
}

describe('the owner of the runs table', () => {
  it("refuses to delete a delegation's run whoever asks, and deletes a run of its own", () => {
    const db = freshDb();
    const view = populatedExercise(db);
    const runId = view.delegations[0]!.runId;
    expect(ownerOfRun(db, runId)).toMatchObject({ id: view.id, name: 'Cold Ward, table 1', delegation: 'Delegation North' });
    expect(() => deleteRun(db, runId)).toThrow(
      'This run is the work of Delegation North in the exercise "Cold Ward, table 1"; delete the exercise to remove it.',
    );
    expect(runExists(db, runId)).toBe(true);

    const own = createRun(db, 'On its own', { now: at(0) });
    expect(ownerOfRun(db, own.id)).toBeUndefined();
    deleteRun(db, own.id);
    expect(runExists(db, own.id)).toBe(false);
  });
});

describe('SQL outside electron/db/', () => {
  const eslint = new ESLint();
  const problems = async (code: string, filePath: string) =>
    (await eslint.lintText(code, { filePath })).flatMap((r) => r.messages.map((m) => m.message));
  const sql = [
    "import { statement } from '../db/statements';",
    "export const f = (db: import('../db/open').Db) => statement(db, 'SELECT 1 FROM runs WHERE id = ?').get('x');",
    "export const g = (db: import('../db/open').Db) => db.prepare(`DELETE FROM runs`).run();",
  ].join('\n');

  it('is refused in a service and allowed in a table module', async () => {
    const refused = await problems(sql, 'electron/exercise/sql-probe.ts');
    expect(refused.filter((m) => m.startsWith('SQL belongs in electron/db/tables/')).length).toBeGreaterThanOrEqual(3);
    expect(await problems(sql, 'electron/db/tables/sql-probe.ts')).toEqual([]);
  }, 60_000);

  it('leaves regular expressions and words in capitals alone', async () => {
    expect(await problems("export const m = /x/.exec('x'); export const w = 'SELECTED items';", 'electron/exercise/sql-probe.ts')).toEqual([]);
  }, 60_000);
});
