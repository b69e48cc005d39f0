import { UserError } from '../../../shared/errors';
import type { Db } from '../open';
import { statement } from '../statements';
import { ownerOfRun } from './delegations';

/**
 * runs, run_events and run_checkpoints: a run's head, its hash-chained log and its state
 * checkpoint. Every read and write of them is here; the run service (electron/workflow/runs.ts)
 * decides what to write; an exercise renames its delegations' runs through updateRunName.
 */

/** A run's head as the service reads it: never its checkpoint, which grows with the run. */
export interface RunRow {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  event_count: number;
  head_hash: string;
  machine_version: number;
  /** Since when its kit is out and another laptop writes it; null while this one does. */
  played_elsewhere_since: string | null;
}

/** What an export carries of a run besides its log. */
export interface RunOriginRow {
  id: string;
  name: string;
  created_at: string;
  machine_version: number;
}

export interface EventRow {
  seq: number;
  at: string;
  event: string;
  prev_hash: string;
  hash: string;
}

export interface CheckpointRow {
  readonly seq: number;
  readonly snapshot: string;
}

export function selectRun(db: Db, id: string): RunRow | undefined {
  return statement(db, 'SELECT id, name, created_at, updated_at, event_count, head_hash, machine_version, played_elsewhere_since FROM runs WHERE id = ?').get(id) as RunRow | undefined;
}

export function runExists(db: Db, id: string): boolean {
  return statement(db, 'SELECT 1 FROM runs WHERE id = ?').get(id) !== undefined;
}

/** Most recently changed first. */
export function selectRunIds(db: Db): string[] {
  return (statement(db, 'SELECT id FROM runs ORDER BY updated_at DESC, id').all() as { id: string }[]).map((r) => r.id);
}

export function selectRunOrigin(db: Db, id: string): RunOriginRow | undefined {
  return statement(db, 'SELECT id, name, created_at, machine_version FROM runs WHERE id = ?').get(id) as RunOriginRow | undefined;
}

export function insertRun(
  db: Db,
  run: { readonly id: string; readonly name: string; readonly createdAt: string; readonly updatedAt: string; readonly machineVersion: number },
  head: { readonly eventCount: number; readonly headHash: string },
): void {
  statement(
    db,
    `INSERT INTO runs (id, name, created_at, updated_at, machine_version, event_count, head_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(run.id, run.name, run.createdAt, run.updatedAt, run.machineVersion, head.eventCount, head.headHash);
}

export function updateRunName(db: Db, id: string, name: string, updatedAt: string): void {
  statement(db, 'UPDATE runs SET name = ?, updated_at = ? WHERE id = ?').run(name, updatedAt, id);
}

export function updatePlayedElsewhere(db: Db, id: string, since: string): void {
  statement(db, 'UPDATE runs SET played_elsewhere_since = ? WHERE id = ?').run(since, id);
}

/** A run's version changes only upwards, when it first holds an event of a later version (shared/workflow/machine.ts). */
export function updateRunVersion(db: Db, id: string, machineVersion: number): void {
  statement(db, 'UPDATE runs SET machine_version = ? WHERE id = ?').run(machineVersion, id);
}

export function updateRunHead(db: Db, id: string, eventCount: number, headHash: string, updatedAt: string): void {
  statement(db, 'UPDATE runs SET event_count = ?, head_hash = ?, updated_at = ? WHERE id = ?').run(eventCount, headHash, updatedAt, id);
}

/**
 * The rule lives here, with the only DELETE of a run, rather than in one service: whoever
 * deletes a run (the run service, an exercise removing its own) passes this check, so none
 * can forget it. A delegation's run is part of its exercise's record; the schema refuses to
 * delete it alone, and this says why in words. An exercise deletes its delegations first,
 * after which their runs are its own again.
 */
export function deleteRun(db: Db, id: string): void {
  const owner = ownerOfRun(db, id);
  if (owner) {
    throw new UserError(`This run is the work of ${owner.delegation} in the exercise "${owner.name}"; delete the exercise to remove it.`);
  }
  statement(db, 'DELETE FROM runs WHERE id = ?').run(id);
}

export function insertEvent(db: Db, runId: string, e: { readonly seq: number; readonly at: string; readonly event: string; readonly prevHash: string; readonly hash: string }): void {
  statement(db, 'INSERT INTO run_events (run_id, seq, at, event, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)').run(
    runId, e.seq, e.at, e.event, e.prevHash, e.hash,
  );
}

/** The events' canonical JSON after `seq`, in order. */
export function selectEventsAfter(db: Db, runId: string, seq: number): string[] {
  return (statement(db, 'SELECT event FROM run_events WHERE run_id = ? AND seq > ? ORDER BY seq').all(runId, seq) as { event: string }[]).map(
    (r) => r.event,
  );
}

export function selectEvents(db: Db, runId: string): EventRow[] {
  return statement(db, 'SELECT seq, at, event, prev_hash, hash FROM run_events WHERE run_id = ? ORDER BY seq').all(runId) as EventRow[];
}

/**
 * The events of the given types, in order: a timeline of what a run decided reads these
 * without parsing every event of a long log. Types are bound as a JSON array, never spliced in.
 */
export function selectEventsOfTypes(db: Db, runId: string, types: readonly string[]): EventRow[] {
  return statement(
    db,
    `SELECT seq, at, event, prev_hash, hash FROM run_events
     WHERE run_id = ? AND json_extract(event, '$.type') IN (SELECT value FROM json_each(?)) ORDER BY seq`,
  ).all(runId, JSON.stringify(types)) as EventRow[];
}

export function selectCheckpoint(db: Db, runId: string): CheckpointRow | undefined {
  return statement(db, 'SELECT seq, snapshot FROM run_checkpoints WHERE run_id = ?').get(runId) as CheckpointRow | undefined;
}

/** Only the seq: the append path must not read the snapshot it is deciding whether to replace. */
export function selectCheckpointSeq(db: Db, runId: string): number {
  return (statement(db, 'SELECT seq FROM run_checkpoints WHERE run_id = ?').get(runId) as { seq: number }).seq;
}

export function insertCheckpoint(db: Db, runId: string, seq: number, snapshot: string): void {
  statement(db, 'INSERT INTO run_checkpoints (run_id, seq, snapshot) VALUES (?, ?, ?)').run(runId, seq, snapshot);
}

export function updateCheckpoint(db: Db, runId: string, seq: number, snapshot: string): void {
  statement(db, 'UPDATE run_checkpoints SET seq = ?, snapshot = ? WHERE run_id = ?').run(seq, snapshot, runId);
}
