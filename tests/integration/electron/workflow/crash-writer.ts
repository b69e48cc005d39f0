// Appends events to one run as fast as it can, printing "ack <seq>" only after the main
// process's sendEvent has returned, i.e. after the transaction committed. The test kills it.
import { openDatabase } from '../../../../electron/db/open';
import { sendEvent } from '../../../../electron/workflow/runs';

const [dbPath, runId] = process.argv.slice(2) as [string, string];
const db = openDatabase(dbPath);
for (let i = 0; ; i++) {
  const event =
    i % 2 === 0
      ? ({ type: 'FINDING.ADD', id: `f-${process.pid}-${i}`, text: `Finding ${i}`, source: 'CERT-EU', confidence: 'moderate' } as const)
      : ({ type: 'NOTE.ADD', id: `n-${process.pid}-${i}`, text: `Note ${i}` } as const);
  const result = sendEvent(db, runId, event);
  if (!result.accepted) throw new Error(result.reasons.join(' '));
  process.stdout.write(`ack ${result.run.eventCount}\n`);
}
