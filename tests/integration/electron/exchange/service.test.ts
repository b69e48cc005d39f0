import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkbench, type Workbench } from '../../../../electron/workbench';
import { installationKey, type InstallationKey } from '../../../../electron/exchange/keys';
import { issueKit, openKit, unsealInject, workspaceView } from '../../../../electron/exchange/kits';
import { collectReturns, writeReturn } from '../../../../electron/exchange/returns';
import { exchangeFileText, openExchangeFile } from '../../../../electron/exchange/files';
import { exerciseOfRun, getExercise, releaseInject, withdrawRelease } from '../../../../electron/exercise/exercises';
import { addFacilitatorNote } from '../../../../electron/exercise/exercises';
import { saveReportDetails } from '../../../../electron/exercise/plan';
import { addWhiteCard } from '../../../../electron/exercise/white-cards';
import { exportExercise, importExercisePackage, packageText } from '../../../../electron/exercise/package';
import { canonicalJson, eventHash, genesisHash } from '../../../../electron/workflow/chain';
import { getRun, sendEvent } from '../../../../electron/workflow/runs';
import { accept, at, populatedExercise, reseal } from '../../../support/exercise';
import { SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';
import { RETURN_FORMAT, type ReturnBody } from '../../../../shared/exchange/format';
import type { CollectOutcome } from '../../../../shared/exchange/views';
import type { ExerciseView } from '../../../../shared/exercise/exercises';

const temp = tempDir();
afterAll(temp.cleanup);

interface Laptop {
  readonly wb: Workbench;
  readonly key: InstallationKey;
}

let count = 0;
function laptop(): Laptop {
  const folder = join(temp.dir, `laptop-${++count}`);
  mkdirSync(folder);
  const wb = openWorkbench(join(folder, 'cdt.sqlite'), SEEDS_DIR, SCENARIOS_DIR);
  return { wb, key: installationKey(folder) };
}

/** A facilitator with the populated exercise (TLP:GREEN) and one delegation's kit opened on its laptop. */
function played(): { facilitator: Laptop; delegation: Laptop; exercise: ExerciseView; runId: string; kitText: string } {
  const facilitator = laptop();
  const exercise = populatedExercise(facilitator.wb.db);
  const south = exercise.delegations[1]!;
  const kit = issueKit(facilitator.wb.db, exercise.id, south.id, { key: facilitator.key, passphrase: null, now: at(60) });
  const delegation = laptop();
  openKit(delegation.wb.db, kit.text, 'south.cdt-kit', { key: delegation.key, passphrase: null, now: at(61) });
  return { facilitator, delegation, exercise, runId: south.runId, kitText: kit.text };
}

const refusal = (outcomes: readonly CollectOutcome[]): string => {
  const [o] = outcomes;
  return o?.status === 'refused' ? o.problems.join('\n') : `not refused: ${JSON.stringify(o)}`;
};

/** A return as a forger on the delegation's own laptop would make it: any events, hashes recomputed, signed with the laptop's key. */
function forgedReturn(d: Laptop, text: string, change: (body: ReturnBody) => ReturnBody): string {
  const body = openExchangeFile(text, 'genuine', RETURN_FORMAT, []).body as ReturnBody;
  const changed = change(structuredClone(body));
  let prev = genesisHash(changed.run.id);
  const events = changed.run.events.map((e, i) => {
    const hash = eventHash(prev, i + 1, e.at, canonicalJson(e.event));
    const sealed = { ...e, seq: i + 1, prevHash: prev, hash };
    prev = hash;
    return sealed;
  });
  return exchangeFileText(RETURN_FORMAT, { ...changed, run: { ...changed.run, events } }, d.key, null);
}

describe('kits', () => {
  it('hold the run, the markings and the context, and nothing else: no inject, note, plan or other delegation readable in the bytes', () => {
    const facilitator = laptop();
    const exercise = populatedExercise(facilitator.wb.db);
    saveReportDetails(facilitator.wb.db, exercise.id, {
      facilitator: 'F. Acilitator',
      improvementPlan: [{ id: 'i1', issue: 'Secret plan item', correctiveAction: 'Do better', owner: 'Someone', dueDate: '2026-12-31' }],
    });
    addFacilitatorNote(facilitator.wb.db, exercise.id, 'Private observation about North', at(52));
    const [north, south] = getExercise(facilitator.wb.db, exercise.id, at(55)).delegations;
    const { text } = issueKit(facilitator.wb.db, exercise.id, north!.id, { key: facilitator.key, passphrase: null, now: at(60) });
    const scenario = getExercise(facilitator.wb.db, exercise.id, at(60)).scenario;
    const received = new Set(north!.injectsReceived);
    for (const inject of scenario.injects.filter((i) => !received.has(i.id))) {
      expect(text).not.toContain(inject.title);
      expect(text).not.toContain(inject.body.slice(0, 30));
    }
    expect(text).not.toContain(scenario.facilitatorNotes.slice(0, 30));
    expect(text).not.toContain('Private observation');
    expect(text).not.toContain('Secret plan item');
    expect(text).not.toContain(south!.runId);
    expect(text).not.toContain(south!.name);
    // What the delegation needs is there: its own run, the markings, incident, background, questions.
    for (const part of [north!.runId, scenario.incident.slice(0, 30), scenario.classification.tlp, scenario.questions.awareness?.[0]?.slice(0, 30) ?? '']) {
      expect(text).toContain(part);
    }
  });

  it("open as the delegation's workspace, with the key that accepted them; never on the facilitator's own laptop", () => {
    const { facilitator, delegation, exercise, runId, kitText } = played();
    const view = workspaceView(delegation.wb.db, runId, delegation.key);
    expect(view).toMatchObject({ exerciseId: exercise.id, delegation: 'Delegation South', laptopFingerprint: delegation.key.fingerprint, facilitatorFingerprint: facilitator.key.fingerprint });
    // South had two injects released before its kit: they are in its run, the other three sealed.
    expect(view.injects.map((i) => i.opened)).toEqual([null, null, null]);
    expect(getRun(delegation.wb.db, runId).snapshot.context.injects).toHaveLength(2);
    expect(() => openKit(facilitator.wb.db, kitText, 'south.cdt-kit', { key: facilitator.key, passphrase: null, now: at(62) })).toThrow(
      /already holds the exercise .* A kit is opened on the delegation's own laptop/,
    );
    expect(() => openKit(laptop().wb.db, kitText, 'south.cdt-kit', { key: delegation.key, passphrase: null, now: at(59) })).toThrow(/clock reads .* before the kit was issued/);
  });

  it("release by codes that open an inject on that kit's laptop only", () => {
    const { facilitator, delegation, exercise, runId } = played();
    const north = exercise.delegations[0]!;
    const northKit = issueKit(facilitator.wb.db, exercise.id, north.id, { key: facilitator.key, passphrase: null, now: at(63) });
    const northLaptop = laptop();
    openKit(northLaptop.wb.db, northKit.text, 'north.cdt-kit', { key: northLaptop.key, passphrase: null, now: at(64) });
    const released = releaseInject(facilitator.wb.db, exercise.id, 'leak-publication', 'all', at(65));
    expect(released.codes.map((c) => c.delegation)).toEqual(['Delegation North', 'Delegation South']);
    const [northCode, southCode] = released.codes.map((c) => c.code);
    expect(northCode).not.toBe(southCode);
    // The facilitator's copies of the runs are untouched: the receipts come back with the returns.
    expect(getRun(facilitator.wb.db, runId).eventCount).toBe(exercise.delegations[1]!.run.eventCount);
    expect(() => unsealInject(delegation.wb.db, runId, northCode!, { key: delegation.key, now: at(66) })).toThrow(/opens none of the injects/);
    const { inject, workspace } = unsealInject(delegation.wb.db, runId, southCode!, { key: delegation.key, now: at(66) });
    expect(inject).toMatchObject({ id: 'leak-publication', openedAt: at(66) });
    expect(workspace.injectsOpened).toBe(1);
    expect(getRun(delegation.wb.db, runId).snapshot.context.injects.map((i) => i.id)).toContain('leak-publication');
    // Opening it again records nothing twice.
    const events = getRun(delegation.wb.db, runId).eventCount;
    unsealInject(delegation.wb.db, runId, southCode!, { key: delegation.key, now: at(67) });
    expect(getRun(delegation.wb.db, runId).eventCount).toBe(events);
  });
});

describe('returns', () => {
  function withReturn() {
    const p = played();
    accept(p.delegation.wb.db, p.runId, { type: 'NOTE.ADD', id: 'n2', text: 'From the delegation laptop' }, at(70));
    const genuine = writeReturn(p.delegation.wb.db, p.runId, { key: p.delegation.key, now: at(71) }).text;
    return { ...p, genuine };
  }

  it('are refused when they contradict their kit, even signed by the right laptop', () => {
    const { facilitator, delegation, exercise, runId, genuine } = withReturn();
    const events = getRun(facilitator.wb.db, runId).eventCount;
    const cases: [string, (b: ReturnBody) => ReturnBody, RegExp][] = [
      ['dated before the kit', (b) => {
        const last = b.run.events[b.run.events.length - 1]!;
        const time = at(59);
        b.run.events[b.run.events.length - 1] = { ...last, at: time, event: { ...last.event, at: time } as typeof last.event };
        return b;
      }, /before the kit was issued/],
      ['an inject never released', (b) => {
        b.run.events.push({ seq: 0, at: at(70.5), prevHash: '0'.repeat(64), hash: '0'.repeat(64), event: { type: 'INJECT.RECEIVE', id: 'europol-assessment', title: 'x', body: 'y', at: at(70.5) } as never });
        return b;
      }, /never released to Delegation South/],
      ['an event the machine refuses', (b) => {
        b.run.events.push({ seq: 0, at: at(70.5), prevHash: '0'.repeat(64), hash: '0'.repeat(64), event: { type: 'DECISION.SUBMIT', summary: 'Too early', at: at(70.5) } as never });
        return b;
      }, /the workflow does not accept this DECISION.SUBMIT event here/],
      ['another exercise', (b) => ({ ...b, exerciseId: 'another-exercise' }), /for another exercise/],
      ['another kit', (b) => ({ ...b, kitId: 'another-kit' }), /was issued the kit/],
      ['another creation time', (b) => ({ ...b, run: { ...b.run, createdAt: at(0.5) } }), /run.createdAt: the run of Delegation South was created at/],
    ];
    for (const [what, change, expected] of cases) {
      expect(refusal(collectReturns(facilitator.wb.db, exercise.id, [{ fileName: `${what}.cdt-return`, text: forgedReturn(delegation, genuine, change) }])), what).toMatch(expected);
    }
    expect(getRun(facilitator.wb.db, runId).eventCount).toBe(events);
    // The genuine one is taken.
    expect(collectReturns(facilitator.wb.db, exercise.id, [{ fileName: 'genuine.cdt-return', text: genuine }])).toEqual([
      { file: 'genuine.cdt-return', status: 'accepted', delegation: 'Delegation South', newEvents: 1, events: events + 1 },
    ]);
    expect(getExercise(facilitator.wb.db, exercise.id).delegations[1]!.kit).toMatchObject({ laptopFingerprint: delegation.key.fingerprint, lastReturnAt: at(71) });
  });

  it("bring back the delegation's hot wash, and make a version-2 run version 3; a return calling it version 2 while it holds one is refused", () => {
    const p = played();
    const hotWash = { type: 'HOTWASH.SUBMIT', strengths: 'Clear roles at the table', improvements: 'Share intelligence earlier', ratings: { scenario: 5, coordination: 2 }, comments: '', source: 'delegation' } as const;
    accept(p.delegation.wb.db, p.runId, hotWash, at(70));
    const genuine = writeReturn(p.delegation.wb.db, p.runId, { key: p.delegation.key, now: at(71) }).text;
    // The facilitator's copy as a version-2 release recorded it.
    p.facilitator.wb.db.prepare('UPDATE runs SET machine_version = 2 WHERE id = ?').run(p.runId);
    const asVersion2 = forgedReturn(p.delegation, genuine, (b) => ({ ...b, run: { ...b.run, machineVersion: 2 } }));
    expect(refusal(collectReturns(p.facilitator.wb.db, p.exercise.id, [{ fileName: 'v2.cdt-return', text: asVersion2 }]))).toMatch(
      /Submitting the hot wash came with workflow version 3; a run recorded by version 2 cannot hold it/,
    );
    expect(collectReturns(p.facilitator.wb.db, p.exercise.id, [{ fileName: 'genuine.cdt-return', text: genuine }])[0]).toMatchObject({ status: 'accepted', newEvents: 1 });
    expect(getRun(p.facilitator.wb.db, p.runId).snapshot.context.hotWash).toMatchObject({ strengths: 'Clear roles at the table', ratings: { scenario: 5, coordination: 2 }, at: at(70) });
    expect(p.facilitator.wb.db.prepare('SELECT machine_version AS v FROM runs WHERE id = ?').get(p.runId)).toEqual({ v: 3 });
    // The console's card says it was given, and by whom.
    expect(getExercise(p.facilitator.wb.db, p.exercise.id).delegations[1]!.hotWash).toEqual({ at: at(70), source: 'delegation' });
    expect(getExercise(p.facilitator.wb.db, p.exercise.id).delegations[0]!.hotWash).toBeNull();
  });

  it('come only from the key that accepted the kit', () => {
    const { delegation, runId } = withReturn();
    const other = laptop();
    expect(() => writeReturn(delegation.wb.db, runId, { key: other.key })).toThrow(/not the one that accepted the kit/);
  });

  it('travel on in an exercise package: the exercise imports elsewhere with its kits, codes and laptops', () => {
    const { facilitator, exercise, genuine, runId } = withReturn();
    collectReturns(facilitator.wb.db, exercise.id, [{ fileName: 'genuine.cdt-return', text: genuine }]);
    releaseInject(facilitator.wb.db, exercise.id, 'leak-publication', 'all', at(80));
    const other = laptop();
    const result = importExercisePackage(other.wb.db, packageText(exportExercise(facilitator.wb.db, exercise.id, at(81))), 'moved.cdt-exercise.json', at(82));
    expect(result.status).toBe('imported');
    const moved = getExercise(other.wb.db, exercise.id, at(82));
    expect(moved.delegations[1]!.kit).toEqual(getExercise(facilitator.wb.db, exercise.id, at(82)).delegations[1]!.kit);
    // The run stays played elsewhere there too.
    expect(sendEvent(other.wb.db, runId, { type: 'NOTE.ADD', id: 'n3', text: 'x' }, at(83)).accepted).toBe(false);

    // A forger who recomputes every hash still cannot make the kits say what the exchange never does.
    const pkg = exportExercise(facilitator.wb.db, exercise.id, at(81));
    const third = laptop();
    const tampered = (change: (p: typeof pkg) => void): string => {
      const copy = structuredClone(pkg);
      change(copy);
      return packageText(reseal(copy));
    };
    const noReturn = tampered((p) => {
      p.exercise.kits![0] = { ...p.exercise.kits![0]!, lastReturnAt: null };
    });
    expect(() => importExercisePackage(third.wb.db, noReturn, 'no-return.json', at(82))).toThrow(/has a laptop but no return/);
    const missingCode = tampered((p) => {
      p.exercise.kits![0]!.codes.pop();
    });
    expect(() => importExercisePackage(third.wb.db, missingCode, 'missing-code.json', at(82))).toThrow(/one release code for every inject/);
  });
});

describe('white cards', () => {
  it('join the exercise, are released like any inject, and reach a laptop in a kit update', () => {
    const { facilitator, delegation, exercise, runId } = played();
    const { inject, exercise: after } = addWhiteCard(facilitator.wb.db, exercise.id, { kind: 'media', title: '  Breaking: a minister speaks  ', body: 'A statement on the hospital attacks.' }, at(70));
    expect(inject).toMatchObject({ id: 'white-card-1', title: 'Breaking: a minister speaks', whiteCard: true, kind: 'media' });
    expect(after.scenario.injects.at(-1)).toEqual(inject);
    // The library's scenario is untouched: the card belongs to this exercise.
    expect(exercise.scenario.injects.some((i) => i.id === inject.id)).toBe(false);
    // To the delegation on the facilitator's laptop: straight into its run.
    const north = after.delegations[0]!;
    releaseInject(facilitator.wb.db, exercise.id, inject.id, [north.id], at(71));
    expect(getRun(facilitator.wb.db, north.runId).snapshot.context.injects.at(-1)).toMatchObject({ id: inject.id, title: inject.title });
    // To the delegation whose kit is out: a code, and the card in the kit issued again.
    const { code } = releaseInject(facilitator.wb.db, exercise.id, inject.id, [after.delegations[1]!.id], at(72)).codes[0]!;
    expect(() => unsealInject(delegation.wb.db, runId, code, { key: delegation.key, now: at(73) })).toThrow(/opens none of the injects/);
    const update = issueKit(facilitator.wb.db, exercise.id, after.delegations[1]!.id, { key: facilitator.key, passphrase: null, now: at(74) });
    expect(update.reissued).toBe(true);
    expect(update.text).not.toContain('a minister speaks');
    const opened = openKit(delegation.wb.db, update.text, 'update.cdt-kit', { key: delegation.key, passphrase: null, now: at(75) });
    expect(opened).toMatchObject({ status: 'updated', added: 1 });
    expect(unsealInject(delegation.wb.db, runId, code, { key: delegation.key, now: at(76) }).inject).toMatchObject({ id: inject.id, title: inject.title });
    // Opening the same update again adds nothing.
    expect(openKit(delegation.wb.db, update.text, 'update.cdt-kit', { key: delegation.key, passphrase: null, now: at(77) })).toMatchObject({ status: 'reopened', added: 0 });
    // A withdrawal reaches the laptop in the next update; the older file opened again does not take it back.
    withdrawRelease(facilitator.wb.db, exercise.id, inject.id, after.delegations[1]!.id, at(77.5));
    const second = issueKit(facilitator.wb.db, exercise.id, after.delegations[1]!.id, { key: facilitator.key, passphrase: null, now: at(77.6) });
    expect(openKit(delegation.wb.db, second.text, 'update-2.cdt-kit', { key: delegation.key, passphrase: null, now: at(77.7) })).toMatchObject({ status: 'updated', added: 0 });
    expect(exerciseOfRun(delegation.wb.db, runId)?.withdrawn).toEqual([{ injectId: inject.id, at: at(77.5) }]);
    openKit(delegation.wb.db, update.text, 'update.cdt-kit', { key: delegation.key, passphrase: null, now: at(77.8) });
    expect(exerciseOfRun(delegation.wb.db, runId)?.withdrawn).toHaveLength(1);
    // And the return with the card's receipt is taken: the card is the exercise's own.
    const back = writeReturn(delegation.wb.db, runId, { key: delegation.key, now: at(78) }).text;
    expect(collectReturns(facilitator.wb.db, exercise.id, [{ fileName: 'back.cdt-return', text: back }])[0]).toMatchObject({ status: 'accepted' });
  });

  it('are refused, naming the field, when they are not injects the scenario could hold', () => {
    const facilitator = laptop();
    const exercise = populatedExercise(facilitator.wb.db);
    expect(() => addWhiteCard(facilitator.wb.db, exercise.id, { kind: 'media', title: '', body: 'x' })).toThrow(/The white card was not added/);
    const refused = (() => {
      try {
        addWhiteCard(facilitator.wb.db, exercise.id, { kind: 'media', title: 'Title', body: '   ' });
        return null;
      } catch (error) {
        return error as { problems: { path: string }[] };
      }
    })();
    expect(refused?.problems.map((p) => p.path)).toEqual(['body']);
  });
});
