import { copyFileSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../electron/db/open';
import { createExercise, releaseInject } from '../../electron/exercise/exercises';
import { syncBundledScenarios } from '../../electron/exercise/scenarios';
import { installationKey, type InstallationKey } from '../../electron/exchange/keys';
import { issueKit, openKit, unsealInject } from '../../electron/exchange/kits';
import { collectReturns, writeReturn, type ReturnFile } from '../../electron/exchange/returns';
import { deriveKey } from '../../electron/exchange/seal';
import { exportExercise, importExercisePackage, packageText } from '../../electron/exercise/package';
import { sendEvent } from '../../electron/workflow/runs';
import type { IncomingEvent } from '../../shared/workflow/event-schema';
import { SCENARIOS_DIR } from '../support/temp';
import { TO_DECISION } from '../support/workflow';
import { round, summarise, time } from './stats';
import type { Report } from './report';

/** A laptop: a database in its own folder, which holds its key. */
function laptop(dir: string, name: string): { db: Db; key: InstallationKey; file: string } {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'cdt.sqlite');
  const db = openDatabase(file);
  return { db, key: installationKey(folder), file };
}

const noteEvents = (n: number, from = 0): IncomingEvent[] =>
  Array.from({ length: n }, (_, i): IncomingEvent => ({ type: 'NOTE.ADD', id: `x${from + i}`, text: `Delegation remark ${from + i} on the proportionality of the response.` }));

/** A file copy of a database at rest: the WAL folded in first, so the copy is whole. */
function snapshotTo(db: Db, from: string, to: string): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(from, to);
}

/**
 * The exchange across laptops: collecting 10 delegations' returns at 1x, 4x and 16x their
 * events (target: 10 x 500 in < 1 s, the cost linear), against importing the same events as
 * an exercise package (the other way runs come in, with the same checks); opening a kit and
 * unsealing an inject (target < 0.5 s each) against one bare scrypt derivation; and one guess
 * at a release code against an honest unseal (a guess must cost at least as much).
 */
export function benchExchange(report: Report, dir: string, quick: boolean): void {
  const delegations = 10;
  const sizes = quick ? [25, 100] : [125, 500, 2_000];
  const samples = quick ? 2 : 5;
  const base = join(dir, 'exchange');
  mkdirSync(base, { recursive: true });

  const facilitator = laptop(base, 'facilitator');
  syncBundledScenarios(facilitator.db, SCENARIOS_DIR);
  const exercise = createExercise(facilitator.db, {
    name: 'Bench exchange', scenarioId: 'hospital-ransomware',
    delegationNames: Array.from({ length: delegations }, (_, i) => `Delegation ${i + 1}`),
  });
  const kitStart = time(() => exercise.delegations.map((d) => issueKit(facilitator.db, exercise.id, d.id, { key: facilitator.key, passphrase: null })));
  const kits = kitStart.value;
  report.note('exchange', `issued ${delegations} kits (${kits.length * 5} sealed injects) in ${round(kitStart.ms / 1000, 2)} s`);
  const code = releaseInject(facilitator.db, exercise.id, 'csirt-technical-summary', 'all').codes;
  const sealedKit = issueKit(facilitator.db, exercise.id, exercise.delegations[0]!.id, { key: facilitator.key, passphrase: 'a bench passphrase' }).text;
  const atRest = join(base, 'facilitator-issued.sqlite');
  snapshotTo(facilitator.db, facilitator.file, atRest);

  // Opening a kit, and unsealing, on fresh laptops; one bare scrypt as the baseline.
  const openMs: number[] = [];
  const openSealedMs: number[] = [];
  const unsealMs: number[] = [];
  const guessMs: number[] = [];
  const scryptMs: number[] = [];
  for (let i = 0; i < samples; i++) {
    const l = laptop(base, `open-${i}`);
    const opened = time(() => openKit(l.db, kits[0]!.text, 'kit', { key: l.key, passphrase: null }));
    openMs.push(opened.ms);
    const sealedLaptop = laptop(base, `open-sealed-${i}`);
    openSealedMs.push(time(() => openKit(sealedLaptop.db, sealedKit, 'kit', { key: sealedLaptop.key, passphrase: 'a bench passphrase' })).ms);
    sealedLaptop.db.close();
    const runId = opened.value.workspace.runId;
    guessMs.push(time(() => {
      try {
        unsealInject(l.db, runId, 'AAAA-AAAA-AAAA', { key: l.key });
      } catch {
        // A wrong code, as expected.
      }
    }).ms);
    unsealMs.push(time(() => unsealInject(l.db, runId, code[0]!.code, { key: l.key })).ms);
    scryptMs.push(time(() => deriveKey('ACDE-FGHJ-KMNP', randomBytes(16))).ms);
    l.db.close();
  }
  const scrypt = summarise(scryptMs);
  const open = summarise(openMs);
  const unseal = summarise(unsealMs);
  const guess = summarise(guessMs);
  report.row('exchange', 'baseline: one scrypt derivation (N=2^15, r=8)', scrypt);
  report.row('exchange', 'open a kit (verify, replay, write the workspace), target < 500 ms', open, { ratioToScrypt: round(open.p50 / scrypt.p50, 2) });
  const openSealed = summarise(openSealedMs);
  report.row('exchange', 'open a kit sealed with a passphrase, target < 500 ms', openSealed, { ratioToScrypt: round(openSealed.p50 / scrypt.p50, 2) });
  report.row('exchange', 'unseal an inject with its code (scrypt, try each sealed inject, record the receipt), target < 500 ms', unseal, { ratioToScrypt: round(unseal.p50 / scrypt.p50, 2) });
  report.row('exchange', 'one guess at a release code (a wrong code), must cost at least an honest unseal less its write', guess, {
    ratioToHonestUnseal: round(guess.p50 / unseal.p50, 2),
    ratioToScrypt: round(guess.p50 / scrypt.p50, 2),
  });

  // The delegations play on their laptops, and each writes a return, at each size.
  const players = kits.map((kit, i) => {
    const l = laptop(base, `delegation-${i}`);
    const runId = openKit(l.db, kit.text, 'kit', { key: l.key, passphrase: null }).workspace.runId;
    unsealInject(l.db, runId, code[i]!.code, { key: l.key });
    return { ...l, runId };
  });
  let played = 0;
  let firstP50 = 0;
  for (const size of sizes) {
    for (const p of players) {
      const events = [...(played === 0 ? TO_DECISION.slice(0, 2) : []), ...noteEvents(size - played - (played === 0 ? 2 : 0), played)];
      p.db.transaction(() => {
        for (const event of events) {
          const sent = sendEvent(p.db, p.runId, event);
          if (!sent.accepted) throw new Error(`bench event refused: ${sent.reasons.join(' ')}`);
        }
      })();
    }
    played = size;
    const returns: ReturnFile[] = players.map((p) => ({ fileName: `${p.runId}.cdt-return`, text: writeReturn(p.db, p.runId, { key: p.key }).text }));
    const collectMs: number[] = [];
    const importMs: number[] = [];
    let pkgText = '';
    for (let s = 0; s < samples; s++) {
      const copy = join(base, `collect-${size}-${s}.sqlite`);
      copyFileSync(atRest, copy);
      const db = openDatabase(copy);
      collectMs.push(time(() => {
        const outcomes = collectReturns(db, exercise.id, returns);
        if (outcomes.some((o) => o.status !== 'accepted')) throw new Error(`bench return not taken: ${JSON.stringify(outcomes[0])}`);
      }).ms);
      if (s === 0) pkgText = packageText(exportExercise(db, exercise.id));
      db.close();
      const target = openDatabase(join(base, `import-${size}-${s}.sqlite`));
      importMs.push(time(() => importExercisePackage(target, pkgText, 'bench')).ms);
      target.close();
    }
    const collected = summarise(collectMs);
    const imported = summarise(importMs);
    if (firstP50 === 0) firstP50 = collected.p50;
    report.row('exchange', `collect ${delegations} returns x ${size} events${size === 500 ? ', target < 1 s' : ''}`, collected, {
      ratioToPackageImport: round(collected.p50 / imported.p50, 2),
      ratioToSmallest: round(collected.p50 / firstP50, 2),
      eventsRatioToSmallest: size / sizes[0]!,
      megabytes: round(returns.reduce((n, r) => n + Buffer.byteLength(r.text), 0) / 1024 / 1024, 2),
    });
    report.row('exchange', `baseline: import the same ${delegations} x ${size} events as an exercise package`, imported);
  }
  for (const p of players) p.db.close();
  facilitator.db.close();
}
