import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, USAGE } from '../../../../electron/cli/run';
import { openWorkbench } from '../../../../electron/workbench';
import { plenaryExercise, SOUTH_DECLARATION, SOUTH_OBJECTION } from '../../../support/consensus';
import { SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';
import { MEASURE_IDS } from '../../../../shared/framework/catalogue';

const temp = tempDir();
afterAll(temp.cleanup);
const db = join(temp.dir, 'plenary.sqlite');

function cli(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli([...args, '--db', db], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

beforeAll(() => {
  const wb = openWorkbench(db, SEEDS_DIR, SCENARIOS_DIR);
  plenaryExercise(wb.db, { name: 'Cold Ward plenary' });
  wb.close();
});

describe('cdt exercise positions and decide', () => {
  it('prints the table of positions for a terminal, and as JSON', () => {
    const text = cli('exercise', 'positions', 'Cold Ward plenary');
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('Positions in "Cold Ward plenary": 3 delegation(s); unanimity holds on 10 of 11 measures, fails on 1.');
    expect(text.out).toContain('Delegation North: decided, overall level');
    expect(text.out).toContain('Delegation East: not decided, no overall level yet');
    expect(text.out).toContain('(travel-ban; restrictive measures, decided by unanimity): unanimity fails: Delegation South blocks');
    expect(text.out).toContain(`  Delegation South  Opposes: ${SOUTH_OBJECTION}`);
    expect(text.out).toContain(`  Delegation South  Abstains constructively: ${SOUTH_DECLARATION}`);
    expect(text.out).toContain('The joint decision has no entry yet.');
    const view = JSON.parse(cli('exercise', 'positions', 'Cold Ward plenary', '--json').out);
    expect(view.table.measures.map((m: { measureId: string }) => m.measureId)).toEqual([...MEASURE_IDS]);
    expect(view).toMatchObject({ exerciseName: 'Cold Ward plenary', roomShowsPositions: false, joint: { entries: [], verification: { intact: true } } });
  });

  it('records the plenary entry by entry, and refuses an adoption over an objection with the names', () => {
    const refused = cli('exercise', 'decide', 'Cold Ward plenary', 'adopt', 'travel-ban');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('cannot be adopted while Delegation South opposes it');
    expect(refused.err).not.toContain('    at ');

    const adopted = cli('exercise', 'decide', 'Cold Ward plenary', 'adopt', 'council-conclusions', '--note', 'First reading.');
    expect(adopted.code, adopted.err).toBe(0);
    expect(adopted.out).toContain(`Recorded in the joint decision of "Cold Ward plenary": entry 1, `);
    expect(adopted.out).toContain(`adopted Council conclusions; abstaining: Delegation South ("${SOUTH_DECLARATION}"). First reading.`);
    const blocked = JSON.parse(cli('exercise', 'decide', 'Cold Ward plenary', 'block', 'travel-ban', '--json').out);
    expect(blocked).toMatchObject({ seq: 2, entry: { kind: 'block', blockedBy: [{ reason: SOUTH_OBJECTION }] }, verified: true });
    expect(cli('exercise', 'decide', 'Cold Ward plenary', 'statement', '--text', 'The EU condemns the attacks.').code).toBe(0);
    expect(cli('exercise', 'decide', 'Cold Ward plenary', 'withdraw', '1', '--reason', 'Mistake')).toMatchObject({ code: 1, err: expect.stringContaining('withdraw it first') });

    const table = cli('exercise', 'positions', 'Cold Ward plenary').out;
    expect(table).toContain('[adopted in the joint decision, entry 1]');
    expect(table).toContain('[blocked in the joint decision, entry 2]');
    expect(table).toMatch(/ {2}3\. .*: statement on Council conclusions: "The EU condemns the attacks\."/);
  });

  it('says how to use it when a word or an option is wrong', () => {
    expect(cli('exercise', 'decide', 'Cold Ward plenary')).toMatchObject({ code: 2, err: expect.stringContaining('adopt, block, statement or withdraw') });
    expect(cli('exercise', 'decide', 'Cold Ward plenary', 'adopt', 'carpet-bombing')).toMatchObject({ code: 2, err: expect.stringContaining('is not a measure id') });
    expect(cli('exercise', 'decide', 'Cold Ward plenary', 'statement')).toMatchObject({ code: 2, err: expect.stringContaining('--text') });
    expect(cli('exercise', 'decide', 'Cold Ward plenary', 'adopt', 'dialogue', '--text', 'x')).toMatchObject({ code: 2, err: expect.stringContaining('--text does not apply') });
    expect(cli('exercise', 'decide', 'Cold Ward plenary', 'withdraw', 'two', '--reason', 'x')).toMatchObject({ code: 2 });
    expect(cli('exercise', 'positions')).toMatchObject({ code: 2 });
    expect(cli('exercise', 'positions', 'Nowhere')).toMatchObject({ code: 1, err: expect.stringContaining('There is no exercise with id or name "Nowhere"') });
    expect(USAGE).toContain('exercise positions <exercise> [--json]');
    expect(USAGE).toContain('exercise decide <exercise> adopt|block <measure id> [--note TEXT] [--json]');
  });
});
