import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/db/open';
import { PackageError } from '../../../../electron/exercise/errors';
import { exportExercise, importExercisePackage, packageText } from '../../../../electron/exercise/package';
import { syncBundledScenarios } from '../../../../electron/exercise/scenarios';
import { deleteExercise } from '../../../../electron/exercise/exercises';
import { pathsOf, type Json } from '../../../support/json-paths';
import { consensusOf, recordJointEntry, verifyJointDecision } from '../../../../electron/consensus/joint';
import type { ExercisePackage, PackagedJointEntry } from '../../../../shared/exercise/package';
import type { PositionRef } from '../../../../shared/consensus/joint';
import { importRefusal } from '../../../support/package-refusal';
import { dumpDatabase } from '../../../support/db';
import { at, populatedExercise, reseal } from '../../../support/exercise';
import { plenaryExercise, resealJoint, SOUTH_OBJECTION } from '../../../support/consensus';
import { SCENARIOS_DIR, tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;
function database(): Db {
  const db = openDatabase(join(temp.dir, `consensus-package-${n++}.sqlite`));
  syncBundledScenarios(db, SCENARIOS_DIR, at(0));
  return db;
}
const clone = <T>(value: T): T => structuredClone(value);
const FILE = 'plenary.cdt-exercise.json';
const at100 = at(100);

const refusal = (db: Db, text: string): string => importRefusal(db, text, FILE);

let source: Db;
let pkg: ExercisePackage;
let south: { id: string; runId: string };

beforeAll(() => {
  source = database();
  const exercise = plenaryExercise(source);
  south = exercise.delegations[1]!;
  recordJointEntry(source, exercise.id, { kind: 'adopt', measureId: 'council-conclusions', note: 'First reading.' }, at(30));
  recordJointEntry(source, exercise.id, { kind: 'block', measureId: 'travel-ban' }, at(31));
  recordJointEntry(source, exercise.id, { kind: 'statement', text: 'The EU condemns the attacks on hospitals.' }, at(32));
  pkg = exportExercise(source, exercise.id, at(60));
});

/** The package with one entry changed by `edit`, everything resealed as a forger would. */
function forged(edit: (entries: PackagedJointEntry[], pkg: ExercisePackage) => void): string {
  const copy = clone(pkg);
  edit(copy.exercise.jointDecision!, copy);
  return JSON.stringify(resealJoint(copy));
}

const refOf = (entry: PackagedJointEntry, delegationId: string): PositionRef => {
  if (entry.entry.kind === 'withdraw') throw new Error('a withdrawal rests on nothing');
  return entry.entry.positions.find((p) => p.delegationId === delegationId)!;
};

describe('the joint decision in an exercise package', () => {
  it('travels with the exercise and verifies on the other laptop; a second import changes nothing', () => {
    expect(pkg.exercise.jointDecision!.map((e) => e.entry.kind)).toEqual(['adopt', 'block', 'statement']);
    const target = database();
    expect(importExercisePackage(target, packageText(pkg), FILE, at(61)).status).toBe('imported');
    const here = consensusOf(target, pkg.exercise.id);
    expect(here.joint).toEqual(consensusOf(source, pkg.exercise.id).joint);
    expect(verifyJointDecision(target, pkg.exercise.id)).toMatchObject({ intact: true, entries: 3, referencesHold: true });
    expect(importExercisePackage(target, packageText(pkg), FILE, at(62)).status).toBe('already-imported');
    // And the record goes on there: the next entry links to the imported head.
    expect(recordJointEntry(target, pkg.exercise.id, { kind: 'withdraw', seq: 3, reason: 'A wrong word.' }, at(63)).joint.verification.intact).toBe(true);
  });

  it('is left out of a package while there is none, so older packages import as they did', () => {
    const db = database();
    const plain = exportExercise(db, populatedExercise(db).id, at(60));
    expect('jointDecision' in plain.exercise).toBe(false);
    expect(importExercisePackage(database(), packageText(plain), FILE, at(61)).status).toBe('imported');
  });

  it('refuses an entry whose recorded stance was changed, though every hash was recomputed', () => {
    const message = refusal(database(), forged((entries) => {
      const ref = refOf(entries[0]!, south.id);
      ref.stance = 'supports';
      ref.text = null;
      if (entries[0]!.entry.kind === 'adopt') entries[0]!.entry.abstentions = [];
    }));
    expect(message).toContain(`${FILE}: exercise.jointDecision[0].entry.positions[1]: the position of Delegation South on Council conclusions: it records supports, but the run's log gives abstains`);
  });

  it("refuses a run's position changed after the entry rested on it, its chain recomputed", () => {
    const changed = clone(pkg);
    const run = changed.runs.find((r) => r.id === south.runId)!;
    const event = run.events.find((e) => e.event.type === 'POSITION.SET' && e.event.stance === 'opposes')!;
    if (event.event.type === 'POSITION.SET') event.event.stance = 'abstains';
    // Only the runs resealed: the entries still name the old hashes.
    expect(refusal(database(), JSON.stringify(reseal(changed)))).toMatch(
      /exercise\.jointDecision\[1\]\.entry\.positions\[1\]: the position of Delegation South on Travel ban.*another hash than the entry recorded/,
    );
    // The forger recomputes the entries' hashes too, and what they say of South: the blocking now rests on no objection.
    const resealed = reseal(changed);
    const head = resealed.runs.find((r) => r.id === south.runId)!.events.at(-1)!.hash;
    for (const entry of resealed.exercise.jointDecision!) {
      if (entry.entry.kind === 'withdraw') continue;
      for (const p of entry.entry.positions) if (p.delegationId === south.id) p.hash = head;
    }
    const message = refusal(database(), JSON.stringify(resealJoint(resealed)));
    expect(message).toContain(`on Travel ban (restrictions on admission of listed persons): it records opposes ("${SOUTH_OBJECTION}"), but the run's log gives abstains`);
  });

  it('refuses an adoption over an objection, however well sealed', () => {
    const message = refusal(database(), forged((entries) => {
      const block = entries[1]!;
      if (block.entry.kind !== 'block') throw new Error('expected the blocking');
      const { blockedBy: _blockedBy, ...rest } = block.entry;
      block.entry = { ...rest, kind: 'adopt', abstentions: [] };
    }));
    expect(message).toContain(`${FILE}: exercise.jointDecision[1]: the app would not have recorded this entry: Travel ban`);
    expect(message).toContain('cannot be adopted while Delegation South opposes it');
  });

  it('refuses a blocking that names other reasons than the objection it rests on', () => {
    const message = refusal(database(), forged((entries) => {
      const block = entries[1]!;
      if (block.entry.kind === 'block') block.entry.blockedBy = [{ delegationId: south.id, reason: 'We were never asked.' }];
    }));
    expect(message).toContain('who blocks it must be the delegations that oppose it');
    expect(SOUTH_OBJECTION).not.toContain('never asked');
  });

  it('refuses a reference to an event beyond the run, or to a delegation the package does not have', () => {
    const beyond = refusal(database(), forged((entries, p) => {
      const ref = refOf(entries[0]!, south.id);
      ref.seq = p.runs.find((r) => r.id === south.runId)!.events.length + 5;
    }));
    expect(beyond).toMatch(/exercise\.jointDecision\[0\]\.entry\.positions\[1\]: .*it rests on event \d+ of a run that has \d+/);
    const stranger = refusal(database(), forged((entries) => {
      refOf(entries[0]!, south.id).delegationId = 'somebody-else';
    }));
    expect(stranger).toContain('it must rest on the position of each delegation');
    expect(stranger).toContain('which the exercise does not have');
  });

  it('refuses entries out of order in time, before the exercise, or with a time of their own', () => {
    const early = refusal(database(), forged((entries) => {
      entries[0]!.at = '2025-03-10T08:00:00.000Z';
      entries[0]!.entry.at = '2025-03-10T08:00:00.000Z';
    }));
    expect(early).toContain('exercise.jointDecision[0].at: recorded at 2025-03-10T08:00:00.000Z, before the exercise was created');
    const own = refusal(database(), forged((entries) => {
      entries[2]!.entry.at = at(33);
    }));
    expect(own).toContain('exercise.jointDecision[2].entry.at: the entry says');
    const backwards = refusal(database(), forged((entries) => {
      entries[2]!.at = at(29);
      entries[2]!.entry.at = at(29);
    }));
    expect(backwards).toContain('exercise.jointDecision[2].at: recorded at');
  });

  it('refuses a broken chain, naming the entry, and an entry whose exercise time the clock never showed', () => {
    const copy = clone(pkg);
    copy.exercise.jointDecision![1]!.hash = 'f'.repeat(64);
    expect(refusal(database(), JSON.stringify(reseal(copy)))).toContain("exercise.jointDecision[1]: the joint decision's hash chain is broken: entry 2 was changed after it was recorded");
    const fast = refusal(database(), forged((entries) => {
      entries[0]!.entry.elapsedMs = 500 * 60_000;
    }));
    expect(fast).toContain('exercise.jointDecision[0].entry.elapsedMs');
  });
});

describe('the joint decision of a package, damaged anywhere (property)', () => {
  it('is imported whole or refused naming the file, and a refusal writes nothing', () => {
    const base = pkg as unknown as Json;
    const paths = pathsOf(base).filter((p) => p[0] === 'exercise' && p[1] === 'jointDecision');
    const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -2, max: 40 }), fc.string({ maxLength: 12 }), fc.constant(at(3)), fc.constantFrom('opposes', 'abstains', 'supports', 'adopt', 'block', 'travel-ban'));
    const value: fc.Arbitrary<Json> = fc.oneof(leaf, fc.array(leaf, { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 5 }), leaf, { maxKeys: 2 }));
    const db = database();
    const empty = dumpDatabase(db);
    let refused = 0;
    let imported = 0;
    fc.assert(
      fc.property(fc.nat(), value, fc.boolean(), (at, v, drop) => {
        const path = paths[at % paths.length]!;
        const copy = clone(base);
        let parent = copy as Json;
        for (const k of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[k]!;
        const key = path[path.length - 1]!;
        if (drop && Array.isArray(parent)) parent.splice(key as number, 1);
        else if (drop) delete (parent as Record<string, Json>)[key as string];
        else (parent as Record<string | number, Json>)[key] = v;
        let text: string;
        try {
          text = JSON.stringify(resealJoint(copy as unknown as ExercisePackage));
        } catch {
          text = JSON.stringify(copy);
        }
        try {
          importExercisePackage(db, text, 'mutant.json', at100);
        } catch (error) {
          if (!(error instanceof PackageError)) throw error;
          if (!error.message.startsWith('mutant.json: ')) throw new Error(`the error does not name the file: ${error.message}`);
          if (dumpDatabase(db) !== empty) throw new Error('a refused import changed the database');
          refused++;
          return;
        }
        // A change that leaves a record the app could have made: it verifies here as it did there.
        expect(verifyJointDecision(db, pkg.exercise.id)).toMatchObject({ intact: true, referencesHold: true });
        deleteExercise(db, pkg.exercise.id);
        imported++;
      }),
      { numRuns: Number(process.env.CDT_PROPERTY_RUNS ?? 150), seed: Number(process.env.CDT_PROPERTY_SEED ?? 20251202) },
    );
    expect(refused).toBeGreaterThan(imported);
  });
});
