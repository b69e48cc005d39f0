import type { Db } from '../open';
import { statement } from '../statements';

/**
 * joint_decision_entries: the plenary's outcome, the facilitator's own hash-chained record,
 * one entry per row (like a run's events): its place, its time, the entry as canonical JSON,
 * and its link to the one before. Written only by the joint decision's service
 * (electron/consensus/joint.ts), which an import calls too; never updated, never deleted but
 * with its exercise (ON DELETE CASCADE).
 */
export interface JointEntryRow {
  seq: number;
  at: string;
  entry: string;
  prev_hash: string;
  hash: string;
}

/** In the record's order. */
export function selectJointEntries(db: Db, exerciseId: string): JointEntryRow[] {
  return statement(db, 'SELECT seq, at, entry, prev_hash, hash FROM joint_decision_entries WHERE exercise_id = ? ORDER BY seq').all(exerciseId) as JointEntryRow[];
}

/** The last entry, which the next one links to; undefined for an empty record. */
export function selectLastJointEntry(db: Db, exerciseId: string): JointEntryRow | undefined {
  return statement(db, 'SELECT seq, at, entry, prev_hash, hash FROM joint_decision_entries WHERE exercise_id = ? ORDER BY seq DESC LIMIT 1').get(exerciseId) as
    | JointEntryRow
    | undefined;
}

export function insertJointEntry(db: Db, exerciseId: string, e: { readonly seq: number; readonly at: string; readonly entry: string; readonly prevHash: string; readonly hash: string }): void {
  statement(db, 'INSERT INTO joint_decision_entries (exercise_id, seq, at, entry, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)').run(
    exerciseId, e.seq, e.at, e.entry, e.prevHash, e.hash,
  );
}
