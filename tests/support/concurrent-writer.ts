// The other process on a shared database (the app while the command line runs, or the
// reverse): appends events to one run and adds facilitator notes, each its own IMMEDIATE
// transaction, until the stop file appears or its own bounds run out. Prints "ready" once
// open, then "done <events> <notes>". Any refusal (SQLITE_BUSY included) exits non-zero.
import { existsSync } from 'node:fs';
import { openDatabase } from '../../electron/db/open';
import { addFacilitatorNote } from '../../electron/exercise/exercises';
import { sendEvent } from '../../electron/workflow/runs';

const [dbPath, runId, exerciseId, stopFile, maxMs, maxWrites] = process.argv.slice(2) as [string, string, string, string, string, string];
const db = openDatabase(dbPath);
process.stdout.write('ready\n');
const deadline = Date.now() + Number(maxMs);
let events = 0;
let notes = 0;
// A short pause between writes, as between a user's actions: back to back, SQLite's busy
// handler can keep missing the moments the lock is free, and the other side only waits.
const pause = new Int32Array(new SharedArrayBuffer(4));
for (let i = 0; i < Number(maxWrites) && Date.now() < deadline && !existsSync(stopFile); i++) {
  if (i % 3 === 2) {
    addFacilitatorNote(db, exerciseId, `Note ${i} from the other process`, new Date().toISOString(), `other-${process.pid}-${i}`);
    notes++;
  } else {
    const event =
      i % 3 === 0
        ? ({ type: 'FINDING.ADD', id: `f-${process.pid}-${i}`, text: `Finding ${i}`, source: 'CERT-EU', confidence: 'moderate' } as const)
        : ({ type: 'NOTE.ADD', id: `n-${process.pid}-${i}`, text: `Note ${i}` } as const);
    const result = sendEvent(db, runId, event);
    if (!result.accepted) throw new Error(result.reasons.join(' '));
    events++;
  }
  Atomics.wait(pause, 0, 0, 3);
}
db.close();
process.stdout.write(`done ${events} ${notes}\n`);
