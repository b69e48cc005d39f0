import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { adjustClock, exerciseClock, getExercise, releaseInject } from '../../../../electron/exercise/exercises';
import { exportExercise, importExercisePackage, packageText } from '../../../../electron/exercise/package';
import { openWorkbench } from '../../../../electron/workbench';
import { at, populatedExercise, reseal } from '../../../support/exercise';
import { SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);
const open = (name: string) => openWorkbench(join(temp.dir, name), SEEDS_DIR, SCENARIOS_DIR);

describe("the exercise clock's end and adjustments", () => {
  it('ends for good, keeps its reading, and refuses to resume or release', () => {
    const wb = open('end.sqlite');
    const exercise = populatedExercise(wb.db);
    exerciseClock(wb.db, exercise.id, 'resume', at(60));
    const ended = exerciseClock(wb.db, exercise.id, 'end', at(70));
    expect(ended.clock).toMatchObject({ status: 'ended', endedAt: at(70), runningSince: null });
    const elapsed = ended.clock.elapsedMs;
    expect(getExercise(wb.db, exercise.id, at(500)).clock.elapsedMs).toBe(elapsed);
    expect(() => exerciseClock(wb.db, exercise.id, 'resume', at(71))).toThrow(/it has ended/);
    expect(() => releaseInject(wb.db, exercise.id, 'europol-assessment', 'all', at(72))).toThrow(/has ended/);
    expect(getExercise(wb.db, exercise.id, at(500)).dueInjectIds).toEqual([]);
    wb.close();
  });

  it('moves by an adjustment with its reason, never before the start, and an exported exercise imports with both', () => {
    const wb = open('adjust.sqlite');
    const exercise = populatedExercise(wb.db);
    expect(() => adjustClock(wb.db, exercise.id, 60_000, '   ', at(52))).toThrow(/Say why/);
    expect(() => adjustClock(wb.db, exercise.id, -10_000_000, 'Too far', at(52))).toThrow(/cannot go back further than its start/);
    const before = getExercise(wb.db, exercise.id, at(52)).clock.elapsedMs;
    const adjusted = adjustClock(wb.db, exercise.id, 5 * 60_000, 'Started five minutes late', at(52));
    expect(adjusted.clock.elapsedMs).toBe(before + 5 * 60_000);
    expect(adjusted.clockAdjustments).toEqual([{ at: at(52), elapsedBeforeMs: before, deltaMs: 300_000, reason: 'Started five minutes late' }]);
    exerciseClock(wb.db, exercise.id, 'resume', at(53));
    const back = adjustClock(wb.db, exercise.id, -2 * 60_000, 'The coffee break ran on', at(55));
    expect(back.clock.elapsedMs).toBe(before + 5 * 60_000 + 2 * 60_000 - 2 * 60_000);
    expect(back.clock.status).toBe('running');
    releaseInject(wb.db, exercise.id, 'europol-assessment', 'all', at(56));
    exerciseClock(wb.db, exercise.id, 'end', at(58));
    const pkg = exportExercise(wb.db, exercise.id, at(59));
    const other = open('adjust-other.sqlite');
    expect(importExercisePackage(other.db, packageText(pkg), 'adjusted.json', at(60)).status).toBe('imported');
    expect(getExercise(other.db, exercise.id, at(60)).clock).toEqual(getExercise(wb.db, exercise.id, at(60)).clock);
    // A forger's adjustment that hides a clock running faster than time is refused.
    const forged = structuredClone(pkg);
    forged.exercise.clock.adjustments![0] = { ...forged.exercise.clock.adjustments![0]!, deltaMs: 60_000 };
    expect(() => importExercisePackage(open('forged.sqlite').db, packageText(reseal(forged)), 'forged.json', at(60))).toThrow(/forged.json/);
    other.close();
    wb.close();
  });

  it('ends from the command line, after which the list says ended', () => {
    const db = join(temp.dir, 'cli.sqlite');
    const cli = (...args: string[]) => {
      let out = '';
      let err = '';
      const code = runCli([...args, '--db', db], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
      return { code, out, err };
    };
    const created = cli('exercise', 'create', '--scenario', 'hospital-ransomware', '--name', 'Cold Ward', '--delegation', 'North', '--json');
    const { id } = JSON.parse(created.out) as { id: string };
    expect(cli('exercise', 'end', id).code).toBe(1);
    expect(cli('exercise', 'clock', id, 'start').code).toBe(0);
    expect(cli('exercise', 'clock', id, 'adjust', '--minutes', '+3', '--reason', 'Late start').code).toBe(0);
    const ended = cli('exercise', 'end', 'Cold Ward');
    expect(ended.code, ended.err).toBe(0);
    const list = JSON.parse(cli('exercise', 'list', '--json').out) as { clock: { status: string; elapsedMs: number } }[];
    expect(list[0]!.clock.status).toBe('ended');
    expect(list[0]!.clock.elapsedMs).toBeGreaterThanOrEqual(180_000);
    expect(cli('exercise', 'clock', id, 'resume').err).toContain('it has ended');
  });
});
