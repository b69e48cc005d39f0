import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkbench } from '../../../../electron/workbench';
import { consensusOf, recordJointEntry, setRoomPositions, verifyJointDecision } from '../../../../electron/consensus/joint';
import { exerciseClock } from '../../../../electron/exercise/exercises';
import { addDelegation, removeDelegation } from '../../../../electron/exercise/roster';
import { roomView } from '../../../../electron/exercise/room';
import { selectJointEntries } from '../../../../electron/db/tables/joint-decision';
import { selectRun } from '../../../../electron/db/tables/runs';
import { genesisHash } from '../../../../electron/workflow/chain';
import { accept, at } from '../../../support/exercise';
import { plenaryExercise, SOUTH_DECLARATION, SOUTH_OBJECTION } from '../../../support/consensus';
import { SAMPLE_EXERCISE, SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';
import { createHandlers, dispatch, type Desktop } from '../../../../electron/ipc/handlers';
import { contract } from '../../../../shared/ipc/contract';

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;
const open = () => openWorkbench(join(temp.dir, `joint-${++n}.sqlite`), SEEDS_DIR, SCENARIOS_DIR);

describe('the joint decision', () => {
  it('adopts a measure no one opposes, with the abstentions and their declarations, resting on every delegation\'s position at its head', () => {
    const wb = open();
    const exercise = plenaryExercise(wb.db);
    const [north, south, east] = exercise.delegations;
    const view = recordJointEntry(wb.db, exercise.id, { kind: 'adopt', measureId: 'council-conclusions', note: '  Agreed at the first reading.  ' }, at(30));
    const [entry] = view.joint.entries;
    expect(entry).toMatchObject({ seq: 1, at: at(30), elapsedMs: 29 * 60_000, withdrawnBy: null, verified: true });
    expect(entry!.entry).toMatchObject({ kind: 'adopt', measureId: 'council-conclusions', note: 'Agreed at the first reading.', abstentions: [{ delegationId: south!.id, declaration: SOUTH_DECLARATION }] });
    const positions = entry!.entry.kind === 'adopt' ? entry!.entry.positions : [];
    expect(positions.map((p) => [p.delegationId, p.stance])).toEqual([[north!.id, 'supports'], [south!.id, 'abstains'], [east!.id, 'undecided']]);
    for (const p of positions) {
      const run = selectRun(wb.db, p.runId)!;
      expect(p).toMatchObject({ seq: run.event_count, hash: run.head_hash });
    }
    expect(entry!.delegations).toEqual({ [north!.id]: 'Delegation North', [south!.id]: 'Delegation South', [east!.id]: 'Delegation East' });
    expect(view.joint.outcomes.find((o) => o.measureId === 'council-conclusions')).toEqual({ measureId: 'council-conclusions', outcome: 'adopted', seq: 1 });
    expect(view.joint.verification).toMatchObject({ intact: true, entries: 1, referencesHold: true });
    wb.close();
  });

  it('refuses to adopt a measure while a delegation opposes it, naming who, and writes nothing', () => {
    const wb = open();
    const exercise = plenaryExercise(wb.db);
    expect(() => recordJointEntry(wb.db, exercise.id, { kind: 'adopt', measureId: 'travel-ban' }, at(30))).toThrow(
      /cannot be adopted while Delegation South opposes it: unanimity does not hold/,
    );
    expect(selectJointEntries(wb.db, exercise.id)).toEqual([]);
    // Blocking it names who blocks, with the reason; blocking what no one opposes is refused.
    const blocked = recordJointEntry(wb.db, exercise.id, { kind: 'block', measureId: 'travel-ban' }, at(31));
    expect(blocked.joint.entries[0]!.entry).toMatchObject({ kind: 'block', blockedBy: [{ delegationId: exercise.delegations[1]!.id, reason: SOUTH_OBJECTION }] });
    expect(() => recordJointEntry(wb.db, exercise.id, { kind: 'block', measureId: 'hr-statement' }, at(32))).toThrow(/cannot be recorded as blocked: no delegation opposes it/);
    expect(() => recordJointEntry(wb.db, exercise.id, { kind: 'block', measureId: 'travel-ban' }, at(32))).toThrow(/already blocked \(entry 1\); withdraw that entry first/);
    expect(selectJointEntries(wb.db, exercise.id)).toHaveLength(1);
    wb.close();
  });

  it('adopts once the objection is withdrawn, after the blocking is set aside with its reason', () => {
    const wb = open();
    const exercise = plenaryExercise(wb.db);
    const south = exercise.delegations[1]!;
    recordJointEntry(wb.db, exercise.id, { kind: 'block', measureId: 'travel-ban' }, at(30));
    accept(wb.db, south.runId, { type: 'POSITION.WITHDRAW', measureId: 'travel-ban' }, at(31));
    expect(() => recordJointEntry(wb.db, exercise.id, { kind: 'withdraw', seq: 1, reason: '   ' }, at(32))).toThrow(/Say why/);
    recordJointEntry(wb.db, exercise.id, { kind: 'withdraw', seq: 1, reason: 'South lifted its objection in the second round.' }, at(32));
    const view = recordJointEntry(wb.db, exercise.id, { kind: 'adopt', measureId: 'travel-ban' }, at(33));
    expect(view.joint.entries.map((e) => [e.entry.kind, e.withdrawnBy])).toEqual([['block', 2], ['withdraw', null], ['adopt', null]]);
    expect(view.joint.outcomes.find((o) => o.measureId === 'travel-ban')).toMatchObject({ outcome: 'adopted', seq: 3 });
    expect(() => recordJointEntry(wb.db, exercise.id, { kind: 'withdraw', seq: 1, reason: 'again' }, at(34))).toThrow(/already withdrawn by entry 2/);
    expect(() => recordJointEntry(wb.db, exercise.id, { kind: 'withdraw', seq: 2, reason: 'undo' }, at(34))).toThrow(/itself a withdrawal/);
    expect(() => recordJointEntry(wb.db, exercise.id, { kind: 'withdraw', seq: 9, reason: 'undo' }, at(34))).toThrow(/no entry 9/);
    wb.close();
  });

  it('agrees a statement on the positions of the measures adopted so far, and keeps an adoption a statement announces', () => {
    const wb = open();
    const exercise = plenaryExercise(wb.db);
    expect(() => recordJointEntry(wb.db, exercise.id, { kind: 'statement', text: 'The EU condemns the attacks.' }, at(30))).toThrow(/nothing is adopted yet/);
    expect(() => recordJointEntry(wb.db, exercise.id, { kind: 'statement', text: '  ' }, at(30))).toThrow(/needs its agreed text/);
    recordJointEntry(wb.db, exercise.id, { kind: 'adopt', measureId: 'council-conclusions' }, at(30));
    const view = recordJointEntry(wb.db, exercise.id, { kind: 'statement', text: 'The EU condemns the attacks on hospitals.' }, at(31));
    const statement = view.joint.entries[1]!.entry;
    expect(statement).toMatchObject({ kind: 'statement', measures: ['council-conclusions'] });
    expect(statement.kind === 'statement' && statement.positions.map((p) => p.measureId)).toEqual(['council-conclusions', 'council-conclusions', 'council-conclusions']);
    expect(view.joint.statements).toEqual([2]);
    expect(() => recordJointEntry(wb.db, exercise.id, { kind: 'withdraw', seq: 1, reason: 'Mistake' }, at(32))).toThrow(/statement of entry 2 announces the adoption of Council conclusions: withdraw it first/);
    recordJointEntry(wb.db, exercise.id, { kind: 'withdraw', seq: 2, reason: 'A wrong word' }, at(32));
    expect(recordJointEntry(wb.db, exercise.id, { kind: 'withdraw', seq: 1, reason: 'Mistake' }, at(33)).joint.outcomes.every((o) => o.outcome === null)).toBe(true);
    wb.close();
  });

  it('takes entries after the exercise has ended, at the exercise time the clock stopped at', () => {
    const wb = open();
    const exercise = plenaryExercise(wb.db);
    exerciseClock(wb.db, exercise.id, 'end', at(40));
    const view = recordJointEntry(wb.db, exercise.id, { kind: 'adopt', measureId: 'council-conclusions' }, at(70));
    expect(view.joint.entries[0]).toMatchObject({ at: at(70), elapsedMs: 39 * 60_000 });
    expect(() => recordJointEntry(wb.db, exercise.id, { kind: 'adopt', measureId: 'hr-statement' }, at(60))).toThrow(/before the last entry/);
    wb.close();
  });

  it('verifies its chain, and names the first entry that was changed', () => {
    const wb = open();
    const exercise = plenaryExercise(wb.db);
    recordJointEntry(wb.db, exercise.id, { kind: 'adopt', measureId: 'council-conclusions' }, at(30));
    recordJointEntry(wb.db, exercise.id, { kind: 'block', measureId: 'travel-ban', note: 'South holds firm.' }, at(31));
    recordJointEntry(wb.db, exercise.id, { kind: 'statement', text: 'The EU condemns the attacks.' }, at(32));
    expect(verifyJointDecision(wb.db, exercise.id)).toMatchObject({ intact: true, entries: 3, referencesHold: true, referenceProblems: [] });
    wb.db.prepare("UPDATE joint_decision_entries SET entry = replace(entry, 'South holds firm.', 'South gave in.') WHERE exercise_id = ? AND seq = 2").run(exercise.id);
    expect(verifyJointDecision(wb.db, exercise.id)).toMatchObject({ intact: false, firstBroken: 2, reason: expect.stringContaining('entry 2 was changed') });
    const view = consensusOf(wb.db, exercise.id);
    expect(view.joint.entries.map((e) => e.seq)).toEqual([1]);
    expect(() => recordJointEntry(wb.db, exercise.id, { kind: 'adopt', measureId: 'hr-statement' }, at(33))).toThrow(/does not verify/);
    // A removed entry breaks the chain too.
    wb.db.prepare('DELETE FROM joint_decision_entries WHERE exercise_id = ? AND seq = 2').run(exercise.id);
    expect(verifyJointDecision(wb.db, exercise.id)).toMatchObject({ intact: false, firstBroken: 2, reason: expect.stringContaining('entry 3 stands where entry 2 should be') });
    wb.close();
  });

  it('checks each position it rests on against the run: the event at that point, and the position its log gives there', () => {
    const wb = open();
    const exercise = plenaryExercise(wb.db);
    const south = exercise.delegations[1];
    recordJointEntry(wb.db, exercise.id, { kind: 'block', measureId: 'travel-ban' }, at(30));
    // The runs go on after the entry: that changes nothing of what it rested on.
    accept(wb.db, south!.runId, { type: 'POSITION.WITHDRAW', measureId: 'travel-ban' }, at(31));
    expect(verifyJointDecision(wb.db, exercise.id)).toMatchObject({ intact: true, referencesHold: true });
    const ref = (consensusOf(wb.db, exercise.id).joint.entries[0]!.entry as { positions: { runId: string; seq: number }[] }).positions[1]!;
    // South's log is rewritten at the event the entry rested on: its hash no longer is the one recorded.
    wb.db.prepare("UPDATE run_events SET hash = ? WHERE run_id = ? AND seq = ?").run('0'.repeat(64), south!.runId, ref.seq);
    const broken = verifyJointDecision(wb.db, exercise.id);
    expect(broken).toMatchObject({ intact: true, referencesHold: false });
    expect(broken.referenceProblems).toEqual([
      expect.objectContaining({ seq: 1, delegationId: south!.id, measureId: 'travel-ban', reason: expect.stringContaining('another hash than the entry recorded') }),
    ]);
    expect(consensusOf(wb.db, exercise.id).joint.entries[0]!.verified).toBe(false);
    // An event before that point changed in place (its hash kept) replays to another position.
    const other = open();
    const second = plenaryExercise(other.db);
    recordJointEntry(other.db, second.id, { kind: 'block', measureId: 'travel-ban' }, at(30));
    const southRun = second.delegations[1]!.runId;
    // Read once first, so that what was read before cannot stand in for the changed log.
    expect(verifyJointDecision(other.db, second.id).referencesHold).toBe(true);
    const update = other.db.prepare("UPDATE run_events SET event = replace(event, ?, ?) WHERE run_id = ? AND instr(event, ?) > 0");
    expect(update.run('"stance":"opposes"', '"stance":"abstains"', southRun, '"stance":"opposes"').changes).toBe(1);
    expect(verifyJointDecision(other.db, second.id).referenceProblems).toEqual([
      expect.objectContaining({ seq: 1, reason: expect.stringContaining('but the run\'s log gives abstains') }),
    ]);
    // An event that is no event at all is a problem named, not a fault.
    other.db.prepare('UPDATE run_events SET event = ? WHERE run_id = ? AND seq = 1').run('not json', southRun);
    expect(verifyJointDecision(other.db, second.id).referenceProblems).toEqual([
      expect.objectContaining({ seq: 1, reason: "the run's event 1 cannot be read, so its log cannot be replayed to event " + String(ref.seq) + '.' }),
    ]);
    wb.close();
    other.close();
  });

  it('rests on a run with no event yet at its start, and keeps a delegation it rests on', () => {
    const wb = open();
    const exercise = plenaryExercise(wb.db);
    const west = addDelegation(wb.db, exercise.id, 'Delegation West', at(28)).delegations.at(-1)!;
    const view = recordJointEntry(wb.db, exercise.id, { kind: 'adopt', measureId: 'hr-statement' }, at(30));
    const entry = view.joint.entries[0]!.entry;
    expect(entry.kind === 'adopt' && entry.positions.at(-1)).toEqual({
      measureId: 'hr-statement', delegationId: west.id, runId: west.runId, seq: 0, hash: genesisHash(west.runId), stance: 'undecided', text: null,
    });
    expect(view.joint.verification.referencesHold).toBe(true);
    // Never played, but the joint decision rests on its position: the record keeps it.
    expect(() => removeDelegation(wb.db, exercise.id, west.id, at(31))).toThrow(/entry 1 of the joint decision rests on its position/);
    wb.close();
  });

  it("puts the table on the room's screen only when the facilitator chooses, and never a facilitator's note", () => {
    const wb = open();
    const exercise = plenaryExercise(wb.db);
    expect(roomView(wb.db, exercise.id, false, at(30))!.positions).toBeNull();
    expect(setRoomPositions(wb.db, exercise.id, true).roomShowsPositions).toBe(true);
    const room = roomView(wb.db, exercise.id, false, at(30))!;
    expect(room.positions!.measures.find((m) => m.measureId === 'travel-ban')!.unanimity).toEqual({
      holds: false, blockers: [{ delegationId: exercise.delegations[1]!.id, delegation: 'Delegation South', reason: SOUTH_OBJECTION }],
    });
    const text = JSON.stringify(room);
    expect(text).not.toContain('Secret facilitator thought');
    expect(text).not.toContain(exercise.delegations[0]!.runId);
    expect(text).not.toContain(selectRun(wb.db, exercise.delegations[0]!.runId)!.head_hash);
    expect(setRoomPositions(wb.db, exercise.id, false).roomShowsPositions).toBe(false);
    expect(roomView(wb.db, exercise.id, false, at(31))!.positions).toBeNull();
    expect(() => setRoomPositions(wb.db, 'nope', true)).toThrow(/no exercise with id nope/);
    wb.close();
  });

  it('answers through the IPC contract: the view, a refusal as data naming who opposes, and a change announced only when stored', async () => {
    const wb = open();
    const exercise = plenaryExercise(wb.db);
    const announced: unknown[] = [];
    const none = () => {
      throw new Error('no dialogs here');
    };
    const desktop: Desktop = {
      writeClipboard: none, chooseSaveFile: none, chooseOpenFile: none, chooseExchangeFiles: none, chooseFolder: none, printPdf: none,
      announceChange: (change) => announced.push(change),
    };
    const handlers = createHandlers(wb.db, desktop, { sampleExercise: SAMPLE_EXERCISE });
    const got = await dispatch(handlers, 'consensus:get', { exerciseId: exercise.id });
    expect(got).toMatchObject({ ok: true, value: { exerciseId: exercise.id, roomShowsPositions: false, joint: { entries: [] } } });
    const refused = await dispatch(handlers, 'consensus:record', { exerciseId: exercise.id, entry: { kind: 'adopt', measureId: 'travel-ban' } });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'user', message: expect.stringContaining('Delegation South opposes it') } });
    expect(announced).toEqual([]);
    const recorded = await dispatch(handlers, 'consensus:record', { exerciseId: exercise.id, entry: { kind: 'block', measureId: 'travel-ban', note: 'Second reading.' } });
    expect(recorded).toMatchObject({ ok: true, value: { joint: { entries: [{ seq: 1, entry: { kind: 'block', note: 'Second reading.' } }] } } });
    expect(await dispatch(handlers, 'consensus:room-positions', { exerciseId: exercise.id, show: true })).toMatchObject({ ok: true, value: { roomShowsPositions: true } });
    expect(announced).toHaveLength(2);
    expect(await dispatch(handlers, 'consensus:record', { exerciseId: exercise.id, entry: { kind: 'adopt', measureId: 'travel-ban', at: at(1) } })).toMatchObject({ ok: false });
    wb.close();
  });

  it('takes only well-formed entries through the contract', () => {
    const input = contract.recordJointEntry.input;
    expect(input.safeParse({ exerciseId: 'x', entry: { kind: 'adopt', measureId: 'travel-ban' } }).success).toBe(true);
    expect(input.safeParse({ exerciseId: 'x', entry: { kind: 'adopt', measureId: 'carpet-bombing' } }).success).toBe(false);
    expect(input.safeParse({ exerciseId: 'x', entry: { kind: 'adopt', measureId: 'travel-ban', at: at(1) } }).success).toBe(false);
    expect(input.safeParse({ exerciseId: 'x', entry: { kind: 'withdraw', seq: 0, reason: 'x' } }).success).toBe(false);
    expect(input.safeParse({ exerciseId: 'x', entry: { kind: 'statement', text: 'a\u0000b' } }).success).toBe(false);
    expect(genesisHash('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});
