import { createHash } from 'node:crypto';
import type { WorkflowEvent } from '../../shared/workflow/event-schema';
import type { ChainVerdict } from '../../shared/workflow/runs';

export type { ChainVerdict };

/**
 * The tamper-evident record: each event's hash covers the previous hash, its place, its
 * time and the event itself, so changing, removing or reordering any stored event breaks
 * every hash after it, and verification can name the first event that no longer fits.
 */
export interface ChainedEvent {
  readonly seq: number;
  readonly at: string;
  readonly event: string; // canonical JSON, as stored
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * The event a stored record holds, read back from its canonical JSON: the one place stored
 * JSON becomes an event without being checked again. It was checked before it was appended
 * (sendEvent takes an event the IPC contract parsed with incomingEventSchema and stamps it;
 * an import parses the whole log with storedEventSchema and replays it), and a change since
 * is what verifyChain reports. Parsing again on every read would add a twentieth to a tenth
 * to a replay (10,000 events: some 15-150 ms against 400-1,000), and would turn a tampered
 * event into a thrown error where the verifier and the report must name it.
 */
export function storedEvent(json: string): WorkflowEvent {
  return JSON.parse(json) as WorkflowEvent;
}

export const genesisHash = (runId: string): string => sha256(`cdt-run\n${runId}`);

export function eventHash(prevHash: string, seq: number, at: string, event: string): string {
  return sha256(`${prevHash}\n${seq}\n${at}\n${event}`);
}

/** JSON with keys sorted at every level, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function verifyChain(runId: string, events: readonly ChainedEvent[], expectedHead?: string): ChainVerdict {
  let prev = genesisHash(runId);
  for (const [index, e] of events.entries()) {
    const seq = index + 1;
    if (e.seq !== seq) return broken(events, e.seq, `event ${e.seq} stands where event ${seq} should be (an event is missing or out of order)`);
    if (e.prevHash !== prev) return broken(events, seq, `event ${seq} does not follow event ${seq - 1} (its link to the previous hash is wrong)`);
    if (eventHash(prev, seq, e.at, e.event) !== e.hash) return broken(events, seq, `event ${seq} was changed after it was recorded (its hash does not match its content)`);
    prev = e.hash;
  }
  if (expectedHead !== undefined && expectedHead !== prev) {
    return broken(events, events.length + 1, 'the last recorded events are missing (the run\'s head hash is not the last event\'s)');
  }
  return { intact: true, events: events.length, headHash: prev };
}

function broken(events: readonly ChainedEvent[], firstBroken: number, reason: string): ChainVerdict {
  return { intact: false, events: events.length, firstBroken, reason };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
