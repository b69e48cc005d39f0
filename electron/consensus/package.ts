import type { Db } from '../db/open';
import { insertJointEntry, selectJointEntries } from '../db/tables/joint-decision';
import { canonicalJson } from '../workflow/chain';
import { referenceProblems, verifyJointChain } from './joint';
import { MEASURES } from '../../shared/framework/catalogue';
import { entryRefusals, type StoredJointEntry } from '../../shared/consensus/joint';
import type { ExercisePackage, PackagedJointEntry } from '../../shared/exercise/package';

/**
 * The joint decision in an exercise package: written as chained, and read back as hostile.
 * A forger can recompute every hash, so an import checks, besides the chain, every relation
 * the service makes true when it records an entry (electron/consensus/joint.ts).
 */

/** The record as a package carries it, in its order; empty while there is none. */
export function jointEntriesForPackage(db: Db, exerciseId: string): PackagedJointEntry[] {
  return selectJointEntries(db, exerciseId).map((r) => ({ seq: r.seq, at: r.at, entry: JSON.parse(r.entry) as StoredJointEntry, prevHash: r.prev_hash, hash: r.hash }));
}

/**
 * Everything a package's joint decision must satisfy: its chain, from the exercise's own
 * genesis; each entry's time as the service stamps it (in order, within the exercise, the
 * entry's own time the row's); each entry one the record would have accepted after those
 * before it, resting on the position of every delegation seated at that time, in the
 * exercise's order (so an adoption over an objection, a blocking no one made, a statement on
 * other measures than those adopted are refused); and each position what the delegation's run
 * in this package gives at the point the entry names: that run, an event it has, with that
 * hash, replayed to that point. The exercise times are readings of the clock, checked with
 * the others (checkClock in electron/exercise/package.ts).
 */
export function checkJointDecision(pkg: ExercisePackage, add: (path: string, message: string) => void): void {
  const { exercise, manifest, runs } = pkg;
  const entries = exercise.jointDecision ?? [];
  if (entries.length === 0) return;
  const path = (i: number) => `exercise.jointDecision[${i}]`;
  const verdict = verifyJointChain(exercise.id, entries.map((e) => ({ seq: e.seq, at: e.at, entry: canonicalJson(e.entry), prevHash: e.prevHash, hash: e.hash })));
  if (!verdict.intact) {
    // By the place in the file: a reordered entry carries another seq than where it stands.
    add(path(Math.min(verdict.firstBroken, entries.length) - 1), `the joint decision's hash chain is broken: ${verdict.reason}.`);
    return;
  }
  const seated = (at: string) => new Map(exercise.delegations.filter((d) => (d.joinedAt ?? exercise.createdAt) <= at).map((d) => [d.id, d.name]));
  let previous = exercise.createdAt;
  entries.forEach((e, i) => {
    if (e.entry.at !== e.at) add(`${path(i)}.entry.at`, `the entry says ${e.entry.at}, but it was recorded at ${e.at}; the app gives both the same time.`);
    if (e.at < previous) {
      add(`${path(i)}.at`, i === 0 ? `recorded at ${e.at}, before the exercise was created at ${previous}.` : `recorded at ${e.at}, before the entry before it (${previous}); the record only moves forward.`);
    } else if (e.at > manifest.createdAt) add(`${path(i)}.at`, `recorded at ${e.at}, after the package was made at ${manifest.createdAt}.`);
    previous = e.at > previous ? e.at : previous;
    for (const refusal of entryRefusals(entries.slice(0, i).map((x) => x.entry), e.entry, seated(e.at))) add(path(i), `the app would not have recorded this entry: ${refusal}`);
  });
  const runOf = new Map(runs.map((r) => [r.id, r]));
  const referenced = exercise.delegations.flatMap((d) => {
    const run = runOf.get(d.runId);
    return run === undefined ? [] : [{ delegationId: d.id, runId: d.runId, events: run.events.map((ev) => ({ seq: ev.seq, at: ev.at, event: canonicalJson(ev.event), prevHash: ev.prevHash, hash: ev.hash })) }];
  });
  const names = new Map(exercise.delegations.map((d) => [d.id, d.name]));
  for (const p of referenceProblems(entries.map((x) => x.entry), referenced)) {
    const entry = entries[p.seq - 1]!.entry;
    const j = entry.kind === 'withdraw' ? -1 : entry.positions.findIndex((r) => r.delegationId === p.delegationId && r.measureId === p.measureId);
    add(`${path(p.seq - 1)}.entry.positions${j >= 0 ? `[${j}]` : ''}`, `the position of ${names.get(p.delegationId) ?? JSON.stringify(p.delegationId)} on ${MEASURES[p.measureId].label}: ${p.reason}`);
  }
}

/** Stores a record checkJointDecision accepted; in the import's own transaction. */
export function insertImportedJointEntries(db: Db, exerciseId: string, entries: readonly PackagedJointEntry[]): void {
  for (const x of entries) insertJointEntry(db, exerciseId, { seq: x.seq, at: x.at, entry: canonicalJson(x.entry), prevHash: x.prevHash, hash: x.hash });
}
