import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, USAGE } from '../../../../electron/cli/run';
import { openWorkbench } from '../../../../electron/workbench';
import { populatedExercise } from '../../../support/exercise';
import { saveScenarioWithObjectives } from '../../../support/objectives';
import { SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';
import type { ExerciseView } from '../../../../shared/exercise/exercises';

const temp = tempDir();
afterAll(temp.cleanup);
const db = join(temp.dir, 'cli.sqlite');

function cli(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli([...args, '--db', db], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

let exercise: ExerciseView;
beforeAll(() => {
  const wb = openWorkbench(db, SEEDS_DIR, SCENARIOS_DIR);
  saveScenarioWithObjectives(wb.db);
  exercise = populatedExercise(wb.db, { scenarioId: 'hospital-objectives' });
  wb.close();
});

describe('cdt exercise objectives and rate', () => {
  it('lists the objectives unrated and the entries to link, by the exercise name too', () => {
    const listed = cli('exercise', 'objectives', 'Cold Ward, table 1');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('shared-picture  Agree a shared picture of the incident\n  Step: Shared situational awareness\n  not rated');
    expect(listed.out).toContain(`  run:${exercise.delegations[0]!.runId}:2  `);
    expect(listed.out).toContain('Agreed the shared picture: A coordinated destructive attack on health services');
    const asJson = JSON.parse(cli('exercise', 'objectives', exercise.id, '--json').out);
    expect(asJson.objectives.map((o: { objective: { id: string } }) => o.objective.id)).toEqual(['shared-picture', 'principles-checked', 'consensus']);
  });

  it('rates an objective with linked entries, and says so; the listing shows it', () => {
    const north = exercise.delegations[0]!.runId;
    const rated = cli('exercise', 'rate', exercise.id, 'shared-picture', '--rating', 'S', '--observations', 'South waited for the summary.', '--entry', `run:${north}:2`, '--entry', `note:${exercise.id}-note-1`);
    expect(rated).toMatchObject({ code: 0, out: 'Rated "Agree a shared picture of the incident" S (performed with some challenges), with 2 linked entries.\n' });
    const listed = cli('exercise', 'objectives', exercise.id).out;
    expect(listed).toContain(`  S: Performed with some challenges (rated `);
    expect(listed).toContain(`    South waited for the summary.\n    -> run:${north}:2\n    -> note:${exercise.id}-note-1\n`);
    const json = JSON.parse(cli('exercise', 'rate', exercise.id, 'consensus', '--rating', 'U', '--observations', '', '--json').out);
    expect(json).toMatchObject({ objective: { id: 'consensus' }, rating: { rating: 'U', observations: '', entries: [] } });
  });

  it('refuses a bad rating, an unknown objective and an entry beyond the run, one line per problem, and changes nothing', () => {
    const before = cli('exercise', 'objectives', exercise.id, '--json').out;
    const refused = cli('exercise', 'rate', exercise.id, 'speed', '--rating', 'Z', '--observations', 'x', '--entry', `run:${exercise.delegations[1]!.runId}:99`);
    expect(refused.code).toBe(1);
    expect(refused.err.split('\n')).toEqual(expect.arrayContaining([
      'The rating was not saved.',
      expect.stringMatching(/^objectiveId: the scenario of "Cold Ward, table 1" has no objective "speed"/),
      expect.stringMatching(/^rating: expected one of P \(performed without challenges\)/),
      'entries[0]: the run of Delegation South has 4 events; there is no event 99.',
    ]));
    expect(refused.err).not.toMatch(/\n\s+at /);
    expect(cli('exercise', 'objectives', exercise.id, '--json').out).toBe(before);
  });

  it('names what is missing as a usage error, and lists both commands in the usage', () => {
    expect(cli('exercise', 'rate', exercise.id, 'consensus', '--rating', 'P')).toMatchObject({ code: 2, err: expect.stringContaining('exercise rate needs an exercise, an objective id, --rating P|S|M|U and --observations TEXT') });
    expect(cli('exercise', 'objectives')).toMatchObject({ code: 2, err: expect.stringContaining('exercise objectives needs an exercise') });
    expect(cli('exercise', 'rate', exercise.id, 'consensus', '--rating', 'P', '--observations', 'x', '--entries', 'y')).toMatchObject({ code: 2, err: expect.stringContaining('--entries is not an option of cdt exercise rate') });
    expect(USAGE).toContain('exercise objectives <exercise> [--json]');
    expect(USAGE).toContain('exercise rate <exercise> <objective id> --rating P|S|M|U --observations TEXT [--entry REF]... [--json]');
  });

  it('validates the objectives of a scenario file, naming file, path and problem', () => {
    const file = join(temp.dir, 'with-objectives.json');
    const scenario = JSON.parse(readFileSync(join(SCENARIOS_DIR, 'election-intrusion.json'), 'utf8'));
    scenario.objectives = [{ id: 'a', title: 'One', tiedTo: 'awareness' }];
    writeFileSync(file, JSON.stringify(scenario));
    expect(cli('scenario', 'validate', file)).toMatchObject({ code: 0, out: expect.stringContaining(', 1 objective, ') });
    scenario.objectives.push({ id: 'a', title: 'Two', tiedTo: 'consensus' });
    writeFileSync(file, JSON.stringify(scenario));
    expect(cli('scenario', 'validate', file)).toMatchObject({ code: 1, err: expect.stringContaining(`${file}: objectives[1].id: duplicate objective id "a" (also objectives[0])`) });
    scenario.objectives[1] = { id: 'b', title: 'Two', tiedTo: 'diplomacy' };
    writeFileSync(file, JSON.stringify(scenario));
    expect(cli('scenario', 'validate', file)).toMatchObject({ code: 1, err: expect.stringContaining(`${file}: objectives[1].tiedTo: expected one of "awareness"`) });
  });
});
