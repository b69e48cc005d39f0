import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, USAGE } from '../../../../electron/cli/run';
import { openWorkbench } from '../../../../electron/workbench';
import { populatedExercise } from '../../../support/exercise';
import { SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);
const sourceDb = join(temp.dir, 'source.sqlite');
const targetDb = join(temp.dir, 'target.sqlite');

function cli(db: string, ...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli([...args, '--db', db], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

describe('cdt scenario and exercise commands', () => {
  it('validates the bundled scenarios, and names file, path and problem for a bad one', () => {
    const file = join(SCENARIOS_DIR, 'election-intrusion.json');
    expect(cli(sourceDb, 'scenario', 'validate', file)).toMatchObject({ code: 0, out: expect.stringContaining('valid scenario "election-intrusion"') });
    const bad = join(temp.dir, 'bad-scenario.json');
    const scenario = JSON.parse(readFileSync(file, 'utf8'));
    scenario.injects[2].kind = 'rumour';
    delete scenario.incident;
    writeFileSync(bad, JSON.stringify(scenario));
    const { code, err } = cli(sourceDb, 'scenario', 'validate', bad);
    expect(code).toBe(1);
    expect(err).toContain(`${bad}: incident: `);
    expect(err).toContain(`${bad}: injects[2].kind: `);
    expect(cli(sourceDb, 'scenario', 'validate', join(temp.dir, 'missing.json'))).toMatchObject({ code: 1, err: expect.stringContaining('there is no such file') });
    expect(cli(sourceDb, 'scenario')).toMatchObject({ code: 2, err: expect.stringContaining('scenario needs a subcommand') });
  });

  it('lists, exports and imports exercises; a second import changes nothing; a damaged file is refused', () => {
    const wb = openWorkbench(sourceDb, SEEDS_DIR, SCENARIOS_DIR);
    const view = populatedExercise(wb.db);
    wb.close();

    const listed = cli(sourceDb, 'exercise', 'list', '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out)).toEqual([expect.objectContaining({ id: view.id, name: 'Cold Ward, table 1', delegationCount: 2, clock: expect.objectContaining({ status: 'paused' }) })]);
    expect(cli(sourceDb, 'exercise', 'list').out).toContain(`${view.id}  Cold Ward, table 1 (scenario hospital-ransomware, 2 delegations, clock paused at 49 min)`);

    const file = join(temp.dir, 'cold-ward.cdt-exercise.json');
    expect(cli(sourceDb, 'exercise', 'export', view.id, '--out', file)).toMatchObject({ code: 0, out: expect.stringContaining(`to ${file}`) });
    expect(cli(sourceDb, 'exercise', 'export', view.id)).toMatchObject({ code: 2, err: expect.stringContaining('--out FILE') });
    expect(cli(sourceDb, 'exercise', 'export', 'nope', '--out', file)).toMatchObject({ code: 1, err: expect.stringContaining('There is no exercise with id nope.') });

    expect(cli(targetDb, 'exercise', 'import', file)).toMatchObject({ code: 0, out: expect.stringContaining('Imported "Cold Ward, table 1"') });
    expect(cli(targetDb, 'exercise', 'import', file)).toMatchObject({ code: 0, out: expect.stringContaining('Already imported') });
    expect(JSON.parse(cli(targetDb, 'exercise', 'list', '--json').out)).toHaveLength(1);

    const damaged = join(temp.dir, 'damaged.json');
    writeFileSync(damaged, readFileSync(file, 'utf8').replace('Break for coffee.', 'Break for tea.'));
    const refused = cli(join(temp.dir, 'third.sqlite'), 'exercise', 'import', damaged);
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining(`${damaged}: manifest.sections.exercise: the SHA-256`) });
    expect(JSON.parse(cli(join(temp.dir, 'third.sqlite'), 'exercise', 'list', '--json').out)).toEqual([]);
    expect(cli(targetDb, 'exercise', 'frob')).toMatchObject({ code: 2, err: expect.stringContaining('Unknown exercise subcommand "frob"') });
  });

  it('documents the commands in its usage', () => {
    expect(USAGE).toContain('scenario validate <file>');
    expect(USAGE).toContain('exercise export <id> --out FILE');
    // The report's languages are the corpus's, plus all of them.
    expect(USAGE).toContain('--format pdf|md|json --out FILE [--lang nl|lv|da|all]');
  });
});
