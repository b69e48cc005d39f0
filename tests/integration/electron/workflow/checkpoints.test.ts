import { WORKFLOW_MACHINE_VERSION } from '../../../../shared/workflow/machine';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/db/open';
import { canonicalJson, eventHash, genesisHash, type ChainedEvent } from '../../../../electron/workflow/chain';
import {
  createRun, getRun, insertVerifiedRun, listRuns, replayChecked, replayRun, runHistory, sendEvent, verifyRun,
} from '../../../../electron/workflow/runs';
import { stampEvent, type IncomingEvent, type WorkflowEvent } from '../../../../shared/workflow/event-schema';
import { TO_DECISION } from '../../../support/workflow';
import { tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;

function checkpointedDb(path = join(temp.dir, `checkpoints-${n++}.sqlite`)): Db {
  return openDatabase(path);
}

const note = (i: number): IncomingEvent => ({ type: 'NOTE.ADD', id: `n-${i}`, text: `Remark ${i} on the proportionality of the response` });

function accept(db: Db, id: string, event: IncomingEvent) {
  const result = sendEvent(db, id, event);
  if (!result.accepted) throw new Error(`refused ${event.type}: ${result.reasons.join(' ')}`);
  return result.run;
}

/** A run of `length` events stored as an import stores it, without sending each. */
function storedRun(db: Db, id: string, length: number): void {
  const events: WorkflowEvent[] = [...TO_DECISION, ...Array.from({ length: length - TO_DECISION.length }, (_, i) => note(i))].map((e, i) =>
    stampEvent(e, new Date(Date.UTC(2026, 2, 10, 9) + i * 1000).toISOString()),
  );
  const replay = replayChecked(events, WORKFLOW_MACHINE_VERSION);
  if (!replay.ok) throw new Error(replay.reasons.join(' '));
  let prev = genesisHash(id);
  const chain = events.map((event, i): ChainedEvent => {
    const at = new Date(Date.UTC(2026, 2, 10, 9) + i * 1000).toISOString();
    const e = { seq: i + 1, at, event: canonicalJson(event), prevHash: prev, hash: eventHash(prev, i + 1, at, canonicalJson(event)) };
    prev = e.hash;
    return e;
  });
  db.transaction(() => insertVerifiedRun(db, { id, name: `Run ${id}`, createdAt: chain[0]!.at, machineVersion: WORKFLOW_MACHINE_VERSION }, chain, replay.snapshot))();
}

/**
 * The database as the run service sees it, counting what its statements read and write:
 * the characters of every value returned and of every value bound to a write.
 */
function counted(db: Db): { readonly db: Db; readonly read: () => number; readonly written: () => number; readonly reset: () => void } {
  let read = 0;
  let written = 0;
  const size = (v: unknown): number => (typeof v === 'string' ? v.length : 8);
  const rowSize = (row: unknown): number => (row && typeof row === 'object' ? Object.values(row).reduce((s: number, v) => s + size(v), 0) : 0);
  const wrap = (stmt: Database.Statement): Database.Statement =>
    new Proxy(stmt, {
      get(target, key) {
        if (key === 'get') return (...args: unknown[]) => { const row = target.get(...args); read += rowSize(row); return row; };
        if (key === 'all') return (...args: unknown[]) => { const rows = target.all(...args); for (const r of rows) read += rowSize(r); return rows; };
        if (key === 'run') return (...args: unknown[]) => { for (const a of args) written += size(a); return target.run(...args); };
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  const proxy = new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') return (sql: string) => wrap(target.prepare(sql));
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: proxy, read: () => read, written: () => written, reset: () => { read = 0; written = 0; } };
}

describe('runs with checkpoints', () => {
  it('shows the state the log gives, to this connection and to a new one, and verifies', () => {
    const path = join(temp.dir, `checkpoints-${n++}.sqlite`);
    const db = checkpointedDb(path);
    const { id } = createRun(db, 'Long discussion');
    for (const event of TO_DECISION) accept(db, id, event);
    let run = getRun(db, id);
    for (let i = 0; i < 300; i++) run = accept(db, id, note(i));
    const replayed = replayRun(runHistory(db, id).map((e) => e.event));
    expect(run.snapshot).toEqual(replayed);
    expect(getRun(db, id)).toEqual(run);
    const checkpoint = db.prepare('SELECT seq FROM run_checkpoints WHERE run_id = ?').get(id) as { seq: number };
    expect(checkpoint.seq).toBeLessThan(run.eventCount);
    db.close();

    const other = checkpointedDb(path);
    expect(getRun(other, id)).toEqual(run);
    expect(listRuns(other).find((r) => r.id === id)).toMatchObject({ step: 'decided', eventCount: run.eventCount });
    expect(verifyRun(other, id)).toMatchObject({ intact: true, events: run.eventCount, replayMatches: true });
    other.close();
  });

  it('sees another connection\'s appends (the cache is keyed by the head hash)', () => {
    const path = join(temp.dir, `checkpoints-${n++}.sqlite`);
    const a = checkpointedDb(path);
    const b = checkpointedDb(path);
    const { id } = createRun(a, 'Two writers');
    accept(a, id, TO_DECISION[0]!);
    accept(b, id, note(1));
    const run = accept(a, id, note(2));
    expect(run.snapshot.context.notes.map((x) => x.id)).toEqual(['n-1', 'n-2']);
    expect(getRun(b, id)).toEqual(run);
    a.close();
    b.close();
  });

  it('names a checkpoint that does not match its log', () => {
    const db = checkpointedDb();
    const { id } = createRun(db, 'Tampered checkpoint');
    for (const event of TO_DECISION) accept(db, id, event);
    db.prepare("UPDATE run_checkpoints SET snapshot = replace(snapshot, 'council-conclusions', 'asset-freeze') WHERE run_id = ?").run(id);
    expect(verifyRun(db, id)).toMatchObject({ intact: true, replayMatches: false });
  });

  // The shape of the cost, not its time: what an append reads and writes must not grow with the run.
  it('appends without reading or rewriting the run\'s log or snapshot, whatever its length', () => {
    const db = checkpointedDb();
    storedRun(db, 'short', 40);
    storedRun(db, 'long', 4_000);
    const io = counted(db);
    const measure = (id: string, from: number, count: number): { read: number; written: number } => {
      const reads: number[] = [];
      const writes: number[] = [];
      for (let i = 0; i < count; i++) {
        io.reset();
        accept(io.db, id, note(from + i));
        reads.push(io.read());
        writes.push(io.written());
      }
      const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
      return { read: median(reads), written: median(writes) };
    };
    // The first append restores the run (a cache miss): leave it out.
    accept(io.db, 'short', note(100_000));
    accept(io.db, 'long', note(100_000));
    const short = measure('short', 200_000, 20);
    const long = measure('long', 200_000, 200);
    // Ids and names differ by a few characters; the long run's snapshot alone is hundreds of thousands.
    const snapshotSize = (db.prepare("SELECT length(snapshot) AS n FROM run_checkpoints WHERE run_id = 'long'").get() as { n: number }).n;
    expect(snapshotSize).toBeGreaterThan(300_000);
    expect(long.read).toBeLessThan(short.read + 50);
    expect(long.written).toBeLessThan(short.written + 50);
    // A checkpoint comes after a quarter of the events its predecessor covers: none in these 200.
    expect((db.prepare("SELECT seq FROM run_checkpoints WHERE run_id = 'long'").get() as { seq: number }).seq).toBe(4_000);
  });
});
