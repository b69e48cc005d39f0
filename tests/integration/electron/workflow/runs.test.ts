import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/db/open';
import {
  createRun, deleteRun, getRun, listRuns, renameRun, replayRun, runHistory, sendEvent, verifyRun, RunNotFoundError,
} from '../../../../electron/workflow/runs';
import type { IncomingEvent } from '../../../../shared/workflow/event-schema';
import { TO_DECISION } from '../../../support/workflow';
import { tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;
const freshDb = (): Db => openDatabase(join(temp.dir, `runs-${n++}.sqlite`));

const dump = (db: Db): string =>
  JSON.stringify([db.prepare('SELECT * FROM runs ORDER BY id').all(), db.prepare('SELECT * FROM run_events ORDER BY run_id, seq').all()]);

function accept(db: Db, id: string, event: IncomingEvent) {
  const result = sendEvent(db, id, event);
  if (!result.accepted) throw new Error(`refused ${event.type}: ${result.reasons.join(' ')}`);
  return result.run;
}

describe('runs', () => {
  it('creates, lists, renames and deletes runs', () => {
    const db = freshDb();
    const run = createRun(db, '  Exercise Aurora  ');
    expect(run).toMatchObject({ name: 'Exercise Aurora', step: 'awareness', eventCount: 0 });
    expect(listRuns(db).map((r) => r.id)).toEqual([run.id]);
    expect(renameRun(db, run.id, 'Aurora, day 2').name).toBe('Aurora, day 2');
    expect(() => renameRun(db, run.id, '   ')).toThrow(/needs a name/);
    // Only a name an export can carry: a bidirectional control could make it read reversed.
    expect(() => renameRun(db, run.id, 'Aurora \u202e2 yad')).toThrow(/A run's name contains a bidirectional control \(U\+202E\)/);
    expect(renameRun(db, run.id, '  Aurora, day 3  ').name).toBe('Aurora, day 3');
    deleteRun(db, run.id);
    expect(listRuns(db)).toEqual([]);
    expect(() => getRun(db, run.id)).toThrow(RunNotFoundError);
  });

  it('takes a run to a decision, with every event recorded and the chain intact', () => {
    const db = freshDb();
    const { id } = createRun(db, 'Hospitals');
    let run = getRun(db, id);
    for (const event of TO_DECISION) run = accept(db, id, event);
    expect(run.step).toBe('decided');
    expect(run.stepsDone).toEqual(['awareness', 'attribution', 'proportionality', 'measures', 'decided']);
    expect(runHistory(db, id).map((e) => e.event.type)).toEqual(TO_DECISION.map((e) => e.type));
    expect(verifyRun(db, id)).toMatchObject({ intact: true, events: TO_DECISION.length, replayMatches: true });
  });

  it('stamps times itself: the decision carries the time the main process accepted it', () => {
    const db = freshDb();
    const { id } = createRun(db, 'Times');
    for (const event of TO_DECISION.slice(0, -1)) accept(db, id, event);
    const result = sendEvent(db, id, TO_DECISION.at(-1)!, '2026-11-22T12:00:00.000Z');
    expect(result.accepted && result.run.snapshot.context.decision?.at).toBe('2026-11-22T12:00:00.000Z');
  });

  it('refuses what the machine does not accept, says why, and writes nothing', () => {
    const db = freshDb();
    const { id } = createRun(db, 'Refusals');
    accept(db, id, TO_DECISION[0]!);
    const before = dump(db);
    const early = sendEvent(db, id, { type: 'MEASURE.SELECT', measureId: 'hr-statement', rationale: 'too early' });
    expect(early).toMatchObject({ accepted: false, reasons: [expect.stringMatching(/measure/i)] });
    expect(dump(db)).toBe(before);
  });

  it('refuses a measure whose requirement is unmet after attribution was skipped, naming the requirement', () => {
    const db = freshDb();
    const { id } = createRun(db, 'Support without attribution');
    for (const event of TO_DECISION.slice(0, 11)) accept(db, id, event);
    expect(getRun(db, id).step).toBe('measures');
    const before = dump(db);
    const refused = sendEvent(db, id, { type: 'MEASURE.SELECT', measureId: 'support-lawful-responses', rationale: 'solidarity' });
    expect(refused.accepted).toBe(false);
    expect(!refused.accepted && refused.reasons.join(' ')).toMatch(/attribution to a State/i);
    expect(dump(db)).toBe(before);
  });

  it('keeps everything when new information sends the run back to awareness', () => {
    const db = freshDb();
    const { id } = createRun(db, 'Inject');
    for (const event of TO_DECISION.slice(0, 12)) accept(db, id, event);
    const run = accept(db, id, { type: 'INJECT.RECEIVE', id: 'inj-1', title: 'New intelligence', body: 'The group is linked to a State.' });
    expect(run.step).toBe('awareness');
    expect(run.snapshot.context.measures).toHaveLength(1);
    expect(Object.keys(run.snapshot.context.ratings)).toHaveLength(7);
    expect(run.snapshot.context.injects.map((i) => i.title)).toEqual(['New intelligence']);
  });

  it('names the event that was edited in the database', () => {
    const db = freshDb();
    const { id } = createRun(db, 'Tamper');
    for (const event of TO_DECISION) accept(db, id, event);
    db.prepare("UPDATE run_events SET event = replace(event, 'council-conclusions', 'asset-freeze') WHERE run_id = ? AND seq = 12").run(id);
    expect(verifyRun(db, id)).toMatchObject({ intact: false, firstBroken: 12, reason: expect.stringMatching(/event 12 was changed/) });
  });
});

describe('persistence under SIGKILL', () => {
  const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../../../../node_modules/tsx/dist/loader.mjs', import.meta.url));

  /** Starts the writer, lets it acknowledge some events, kills it; resolves with the last acknowledged seq. */
  function writeAndKill(dbPath: string, runId: string, killAfterAcks: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', tsx, writer, dbPath, runId], { stdio: ['ignore', 'pipe', 'pipe'] });
      let lastAck = 0;
      let acks = 0;
      let buffer = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) {
          const seq = Number(line.split(' ')[1]);
          if (seq > lastAck) lastAck = seq;
          if (++acks === killAfterAcks) child.kill('SIGKILL');
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(lastAck) : reject(new Error(`writer exited: ${stderr}`))));
    });
  }

  it('keeps every acknowledged event, an intact chain and a sound database after each of many kills', async () => {
    const dbPath = join(temp.dir, 'crash.sqlite');
    const setup = openDatabase(dbPath);
    const { id } = createRun(setup, 'Crash');
    setup.close();
    const kills = process.env.CI ? 12 : 8;
    for (let k = 0; k < kills; k++) {
      const acknowledged = await writeAndKill(dbPath, id, 20 + ((k * 37) % 90));
      const check = new Database(dbPath);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
      const db = openDatabase(dbPath);
      const verification = verifyRun(db, id);
      expect(verification).toMatchObject({ intact: true, replayMatches: true });
      expect(verification.events).toBeGreaterThanOrEqual(acknowledged);
      // The state shown is the log's, whichever checkpoint the kill left behind.
      expect(getRun(db, id).snapshot).toEqual(replayRun(runHistory(db, id).map((e) => e.event)));
      db.close();
    }
  }, 180_000);
});
