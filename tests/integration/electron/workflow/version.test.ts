import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/db/open';
import { importExercisePackage } from '../../../../electron/exercise/package';
import { PackageError } from '../../../../electron/exercise/errors';
import { exerciseReport } from '../../../../electron/report/collect';
import {
  createRun, deleteRun, getRun, listRuns, renameRun, runHistory, sendEvent, verifyRun,
} from '../../../../electron/workflow/runs';
import { UserError } from '../../../../shared/errors';
import { WORKFLOW_MACHINE_VERSION } from '../../../../shared/workflow/machine';
import { TO_DECISION } from '../../../support/workflow';
import type { ExercisePackage } from '../../../../shared/exercise/package';
import { at, reseal } from '../../../support/exercise';
import { SAMPLE_EXERCISE, tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;
const freshDb = (): Db => openDatabase(join(temp.dir, `version-${n++}.sqlite`));

/** A version other than this one: a run a newer app recorded. */
const OTHER = WORKFLOW_MACHINE_VERSION + 1;
const REFUSAL = `This run was recorded by workflow version ${OTHER}; this version of CDT Workbench replays versions 2 and 3. Open it with the version that recorded it.`;

const dump = (db: Db): string =>
  JSON.stringify([
    db.prepare('SELECT * FROM runs ORDER BY id').all(),
    db.prepare('SELECT * FROM run_events ORDER BY run_id, seq').all(),
    db.prepare('SELECT * FROM run_checkpoints ORDER BY run_id').all(),
  ]);

function refusal(action: () => unknown): UserError {
  try {
    action();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A run taken into the attribution step, then marked as recorded by another workflow version, as a newer app would have. */
function recordedByAnotherVersion(db: Db): string {
  const { id } = createRun(db, 'Recorded elsewhere');
  for (const event of TO_DECISION.slice(0, 2)) expect(sendEvent(db, id, event).accepted).toBe(true);
  db.prepare('UPDATE runs SET machine_version = ? WHERE id = ?').run(OTHER, id);
  return id;
}

/** A run as version 2 stored it: its version, and a checkpoint without the fields version 3 added. */
function recordedByVersion2(db: Db): string {
  const { id } = createRun(db, 'Recorded by version 2');
  for (const event of TO_DECISION.slice(0, 3)) expect(sendEvent(db, id, event).accepted).toBe(true);
  db.prepare('UPDATE runs SET machine_version = 2 WHERE id = ?').run(id);
  db.prepare("UPDATE run_checkpoints SET snapshot = json_remove(snapshot, '$.context.positions', '$.context.hotWash') WHERE run_id = ?").run(id);
  return id;
}

const version = (db: Db, id: string): number => (db.prepare('SELECT machine_version AS v FROM runs WHERE id = ?').get(id) as { v: number }).v;

describe('a run recorded by workflow version 2', () => {
  it('opens, verifies and goes on here, and stays version 2 until it holds an event only version 3 knows', () => {
    expect(WORKFLOW_MACHINE_VERSION).toBe(3);
    const db = freshDb();
    const id = recordedByVersion2(db);
    expect((db.prepare('SELECT snapshot FROM run_checkpoints WHERE run_id = ?').get(id) as { snapshot: string }).snapshot).not.toContain('hotWash');
    expect(getRun(db, id).snapshot.context).toMatchObject({ positions: {}, hotWash: null });
    expect(verifyRun(db, id)).toMatchObject({ intact: true, replayMatches: true });
    expect(listRuns(db).find((r) => r.id === id)).not.toHaveProperty('readable');
    expect(sendEvent(db, id, { type: 'NOTE.ADD', id: 'n-v2', text: 'Still version 2' }).accepted).toBe(true);
    expect(version(db, id)).toBe(2);
    const hotWash = { type: 'HOTWASH.SUBMIT', strengths: 'Clear roles', improvements: '', ratings: { scenario: 4 }, comments: '', source: 'delegation' } as const;
    expect(sendEvent(db, id, hotWash).accepted).toBe(true);
    expect(version(db, id)).toBe(3);
    expect(verifyRun(db, id)).toMatchObject({ intact: true, replayMatches: true });
    db.close();
  });
});

describe('a package of the release before, its runs recorded by version 2', () => {
  /** The sample as that release exported it: no positions or hot wash in the runs, no joint decision or ratings, every run version 2. */
  const version2Package = (): ExercisePackage => {
    const pkg = JSON.parse(readFileSync(SAMPLE_EXERCISE, 'utf8')) as ExercisePackage;
    const { jointDecision: _joint, objectiveRatings: _ratings, ...exercise } = pkg.exercise;
    const runs = pkg.runs.map((r) => ({ ...r, machineVersion: 2, events: r.events.filter((e) => !['POSITION.SET', 'POSITION.WITHDRAW', 'HOTWASH.SUBMIT'].includes(e.event.type)) }));
    return reseal({ ...pkg, exercise, runs });
  };

  it('imports with its runs kept at version 2, opened and verified here, and its report made', () => {
    const db = freshDb();
    const pkg = version2Package();
    importExercisePackage(db, JSON.stringify(pkg), 'before.cdt-exercise.json', at(300));
    for (const run of pkg.runs) {
      expect(version(db, run.id)).toBe(2);
      expect(getRun(db, run.id).snapshot.context).toMatchObject({ positions: {}, hotWash: null });
      expect(verifyRun(db, run.id)).toMatchObject({ intact: true, replayMatches: true });
    }
    expect(exerciseReport(db, pkg.exercise.id, { quoteLanguages: 'all' }).delegations.every((d) => d.chain.intact)).toBe(true);
    db.close();
  });

  it('is refused, naming the event, when a run it calls version 2 holds an event of version 3', () => {
    const pkg = JSON.parse(readFileSync(SAMPLE_EXERCISE, 'utf8')) as ExercisePackage;
    const forged = reseal({ ...pkg, runs: pkg.runs.map((r) => ({ ...r, machineVersion: 2 })) });
    const db = freshDb();
    let error: unknown;
    try {
      importExercisePackage(db, JSON.stringify(forged), 'forged.cdt-exercise.json', at(300));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PackageError);
    const index = pkg.runs[0]!.events.findIndex((e) => e.event.type === 'POSITION.SET');
    expect((error as PackageError).problems).toContainEqual({
      path: `runs[0].events[${index}]`,
      message: expect.stringContaining("Recording the delegation's position on a measure came with workflow version 3; a run recorded by version 2 cannot hold it."),
    });
    expect(listRuns(db)).toEqual([]);
    db.close();
  });
});

describe('a run recorded by another workflow version', () => {
  it('is neither opened, changed, verified nor shown event by event, and nothing is written', () => {
    const db = freshDb();
    const id = recordedByAnotherVersion(db);
    const before = dump(db);
    for (const action of [
      () => getRun(db, id),
      () => sendEvent(db, id, TO_DECISION[2]!),
      () => verifyRun(db, id),
      () => runHistory(db, id),
      () => renameRun(db, id, 'Renamed'),
    ]) {
      const error = refusal(action);
      expect(error.headline).toBe(REFUSAL);
      expect(error.problems).toEqual([]);
    }
    expect(dump(db)).toBe(before);
    db.close();
  });

  it('is listed with the step it was stored in, marked unreadable, beside the runs this version opens', () => {
    const db = freshDb();
    const mine = createRun(db, 'Recorded here', { now: '2025-01-01T00:00:00.000Z' });
    const id = recordedByAnotherVersion(db);
    const runs = listRuns(db);
    expect(runs.find((r) => r.id === id)).toEqual({
      id, name: 'Recorded elsewhere', createdAt: expect.any(String), updatedAt: expect.any(String),
      step: 'attribution', stepsDone: [], eventCount: 2, readable: false,
    });
    const listedMine = runs.find((r) => r.id === mine.id);
    expect(listedMine).toMatchObject({ step: 'awareness', eventCount: 0 });
    expect(listedMine).not.toHaveProperty('readable');
    // Removing it needs no replay, so it stays possible.
    deleteRun(db, id);
    expect(listRuns(db).map((r) => r.id)).toEqual([mine.id]);
    db.close();
  });

  it('is refused by the import with the same words', () => {
    const pkg = JSON.parse(readFileSync(SAMPLE_EXERCISE, 'utf8')) as ExercisePackage;
    const [first, ...rest] = pkg.runs;
    const forged = reseal({ ...pkg, runs: [{ ...first!, machineVersion: OTHER }, ...rest] });
    const target = freshDb();
    let error: unknown;
    try {
      importExercisePackage(target, JSON.stringify(forged), 'newer.cdt-exercise.json', at(300));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PackageError);
    expect((error as PackageError).problems).toEqual([
      {
        path: 'runs[0].machineVersion',
        message: `the run was recorded by workflow version ${OTHER}; this version of CDT Workbench replays versions 2 and 3. Import it with the version that recorded it.`,
      },
    ]);
    expect(listRuns(target)).toEqual([]);
    target.close();
  });

  it('is refused in an after-action report, before its log is replayed', () => {
    const db = freshDb();
    const pkg = JSON.parse(readFileSync(SAMPLE_EXERCISE, 'utf8')) as ExercisePackage;
    importExercisePackage(db, JSON.stringify(pkg), 'sample.cdt-exercise.json', at(300));
    db.prepare('UPDATE runs SET machine_version = ? WHERE id = ?').run(OTHER, pkg.runs[0]!.id);
    expect(refusal(() => exerciseReport(db, pkg.exercise.id, { quoteLanguages: 'all' })).headline).toBe(REFUSAL);
    db.close();
  });
});
