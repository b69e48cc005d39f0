import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/db/open';
import {
  addFacilitatorNote, createExercise, deleteExercise, exerciseClock, getExercise, listExercises, releaseInject, renameDelegation,
} from '../../../../electron/exercise/exercises';
import { deleteScenario, getScenario, listScenarios, saveScenario, syncBundledScenarios } from '../../../../electron/exercise/scenarios';
import { createHandlers, dispatch, type Desktop } from '../../../../electron/ipc/handlers';
import { deleteRun, listRuns, runHistory, sendEvent, verifyRun } from '../../../../electron/workflow/runs';
import type { Scenario } from '../../../../shared/exercise/scenario';
import { accept, at, populatedExercise } from '../../../support/exercise';
import { SAMPLE_EXERCISE, SCENARIOS_DIR, tempDir } from '../../../support/temp';
import { TO_DECISION } from '../../../support/workflow';

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;
function freshDb(): Db {
  const db = openDatabase(join(temp.dir, `exercise-${n++}.sqlite`));
  syncBundledScenarios(db, SCENARIOS_DIR, at(0));
  return db;
}

const bundledScenario = (id: string): Scenario => JSON.parse(readFileSync(join(SCENARIOS_DIR, `${id}.json`), 'utf8')) as Scenario;

describe('scenarios', () => {
  it('loads the bundled scenarios at start, once: unchanged files are not rewritten', () => {
    const db = freshDb();
    expect(listScenarios(db).map((s) => [s.id, s.origin])).toEqual([
      ['hospital-ransomware', 'bundled'],
      ['supply-chain-espionage', 'bundled'],
      ['election-intrusion', 'bundled'],
    ]);
    expect(syncBundledScenarios(db, SCENARIOS_DIR, at(5))).toEqual({ updated: 0 });
    expect(getScenario(db, 'election-intrusion').updatedAt).toBe(at(0));
  });

  it('updates a changed bundled scenario by hash and drops one that is no longer shipped', () => {
    const db = freshDb();
    const dir = join(temp.dir, 'bundled-v2');
    mkdirSync(dir);
    const changed = { ...bundledScenario('hospital-ransomware'), title: 'Cold Ward (revised)' };
    writeFileSync(join(dir, 'hospital-ransomware.json'), JSON.stringify(changed));
    expect(syncBundledScenarios(db, dir, at(9))).toEqual({ updated: 3 });
    expect(listScenarios(db).map((s) => s.title)).toEqual(['Cold Ward (revised)']);
  });

  it('saves, edits and deletes a facilitator\'s scenario; bundled ones are read-only', () => {
    const db = freshDb();
    const own = { ...bundledScenario('hospital-ransomware'), id: 'our-variant', title: 'Our variant' };
    expect(saveScenario(db, own, at(1))).toMatchObject({ id: 'our-variant', origin: 'user', injectCount: 5, tlp: 'TLP:GREEN' });
    expect(saveScenario(db, { ...own, title: 'Our variant, v2' }, at(2)).title).toBe('Our variant, v2');
    expect(() => saveScenario(db, { ...own, id: 'hospital-ransomware' })).toThrow(/comes with the app|cannot be changed/);
    expect(() => saveScenario(db, { ...own, injects: [] })).toThrow(/scenario: injects: /);
    expect(() => deleteScenario(db, 'hospital-ransomware')).toThrow(/cannot be deleted/);
    deleteScenario(db, 'our-variant');
    expect(() => getScenario(db, 'our-variant')).toThrow(/no scenario with id "our-variant"/);
  });
});

describe('exercises', () => {
  it('creates one run per delegation, named "<exercise> — <delegation>"', () => {
    const db = freshDb();
    const ex = createExercise(db, { name: ' Cold Ward ', scenarioId: 'hospital-ransomware', delegationNames: ['North', ' South '], now: at(0) });
    expect(ex).toMatchObject({ name: 'Cold Ward', scenarioId: 'hospital-ransomware', delegationCount: 2, clock: { status: 'not-started', elapsedMs: 0 } });
    expect(ex.delegations.map((d) => [d.name, d.run.name, d.run.step])).toEqual([
      ['North', 'Cold Ward — North', 'awareness'],
      ['South', 'Cold Ward — South', 'awareness'],
    ]);
    expect(listRuns(db)).toHaveLength(2);
    expect(listExercises(db, at(0)).map((e) => e.name)).toEqual(['Cold Ward']);
  });

  it('refuses bad input to createExercise and writes nothing', () => {
    const db = freshDb();
    const base = { name: 'X', scenarioId: 'hospital-ransomware', delegationNames: ['North'] };
    expect(() => createExercise(db, { ...base, name: '  ' })).toThrow('An exercise needs a name.');
    expect(() => createExercise(db, { ...base, delegationNames: [] })).toThrow(/at least one delegation/);
    expect(() => createExercise(db, { ...base, delegationNames: ['North', 'north'] })).toThrow(/"north" is listed twice/);
    expect(() => createExercise(db, { ...base, scenarioId: 'nope' })).toThrow(/no scenario with id "nope"/);
    expect(listRuns(db)).toEqual([]);
    expect(listExercises(db)).toEqual([]);
  });

  it('runs the clock: start, pause, resume, with elapsed time computed from now; invalid transitions are refused', () => {
    const db = freshDb();
    const { id } = createExercise(db, { name: 'Clock', scenarioId: 'hospital-ransomware', delegationNames: ['A'], now: at(0) });
    expect(() => exerciseClock(db, id, 'pause', at(1))).toThrow('Cannot pause the clock: it has not started, and only a running clock can be paused.');
    expect(() => exerciseClock(db, id, 'resume', at(1))).toThrow(/only a paused clock can be resumed/);
    expect(exerciseClock(db, id, 'start', at(10)).clock).toMatchObject({ status: 'running', elapsedMs: 0, runningSince: at(10) });
    expect(getExercise(db, id, at(25)).clock.elapsedMs).toBe(15 * 60_000);
    expect(() => exerciseClock(db, id, 'start', at(26))).toThrow(/it is running, and only an exercise that has not started can be started/);
    expect(exerciseClock(db, id, 'pause', at(30)).clock).toMatchObject({ status: 'paused', accumulatedMs: 20 * 60_000, runningSince: null });
    expect(getExercise(db, id, at(90)).clock.elapsedMs).toBe(20 * 60_000);
    exerciseClock(db, id, 'resume', at(100));
    expect(getExercise(db, id, at(105)).clock.elapsedMs).toBe(25 * 60_000);
    // A wall clock that went backwards adds no time rather than subtracting.
    expect(getExercise(db, id, at(50)).clock.elapsedMs).toBe(20 * 60_000);
  });

  it('lists the injects that are due: offset reached and not yet released to everyone', () => {
    const db = freshDb();
    const ex = createExercise(db, { name: 'Due', scenarioId: 'hospital-ransomware', delegationNames: ['A', 'B'], now: at(0) });
    exerciseClock(db, ex.id, 'start', at(0));
    expect(getExercise(db, ex.id, at(19)).dueInjectIds).toEqual([]);
    expect(getExercise(db, ex.id, at(50)).dueInjectIds).toEqual(['csirt-technical-summary', 'press-patient-impact']);
    releaseInject(db, ex.id, 'csirt-technical-summary', [ex.delegations[0]!.id], at(50));
    expect(getExercise(db, ex.id, at(50)).dueInjectIds).toEqual(['csirt-technical-summary', 'press-patient-impact']);
    releaseInject(db, ex.id, 'csirt-technical-summary', 'all', at(51));
    const view = getExercise(db, ex.id, at(51));
    expect(view.dueInjectIds).toEqual(['press-patient-impact']);
    expect(view.injects[0]).toMatchObject({ plannedAtMs: 20 * 60_000, due: false, releasedTo: [ex.delegations[0]!.id, ex.delegations[1]!.id] });
  });

  it('releases an inject through each run\'s workflow (back to awareness, everything kept), once per delegation', () => {
    const db = freshDb();
    const ex = createExercise(db, { name: 'Release', scenarioId: 'hospital-ransomware', delegationNames: ['North', 'South'], now: at(0) });
    const [north, south] = ex.delegations;
    TO_DECISION.forEach((e, i) => accept(db, north!.runId, e, at(1 + i * 0.01)));
    exerciseClock(db, ex.id, 'start', at(2));
    const first = releaseInject(db, ex.id, 'europol-assessment', [north!.id], at(12));
    expect(first.released).toEqual([north!.id]);
    expect(first.skipped).toEqual([]);
    const northView = first.exercise.delegations[0]!;
    expect(northView.run.step).toBe('awareness');
    expect(northView.injectsReceived).toEqual(['europol-assessment']);
    expect(northView.ratings).toMatchObject({ scope: 3, impact: 3 });
    expect(northView.level).toEqual(expect.any(Number));
    expect(northView.measures).toEqual([{ measureId: 'council-conclusions', outsideSuggestion: false }]);
    expect(first.exercise.releases).toEqual([{ injectId: 'europol-assessment', delegationId: north!.id, releasedAt: at(12), elapsedMs: 10 * 60_000, withdrawnAt: null, withdrawnElapsedMs: null }]);
    const history = runHistory(db, north!.runId);
    expect(history.at(-1)!.event).toMatchObject({ type: 'INJECT.RECEIVE', id: 'europol-assessment', title: 'Europol EC3: affiliate and payment infrastructure', at: at(12) });

    const again = releaseInject(db, ex.id, 'europol-assessment', 'all', at(13));
    expect(again.released).toEqual([south!.id]);
    expect(again.skipped).toEqual([{ delegationId: north!.id, reason: `North already received "Europol EC3: affiliate and payment infrastructure" at ${at(12)}.` }]);
    expect(runHistory(db, north!.runId)).toHaveLength(history.length);
    const thrice = releaseInject(db, ex.id, 'europol-assessment', 'all', at(14));
    expect(thrice.released).toEqual([]);
    expect(thrice.skipped).toHaveLength(2);
    expect(verifyRun(db, north!.runId)).toMatchObject({ intact: true, replayMatches: true });

    expect(() => releaseInject(db, ex.id, 'no-such-inject', 'all', at(15))).toThrow(/no inject with id "no-such-inject"/);
    expect(() => releaseInject(db, ex.id, 'leak-publication', ['someone-else'], at(15))).toThrow(/no delegation with id someone-else/);
  });

  it('releases all or nothing: if one run refuses the inject, no delegation gets it', () => {
    const db = freshDb();
    const ex = createExercise(db, { name: 'Atomic', scenarioId: 'hospital-ransomware', delegationNames: ['North', 'South'], now: at(0) });
    const south = ex.delegations[1]!;
    // The South run already received an inject with this id by another way (sendEvent directly).
    expect(sendEvent(db, south.runId, { type: 'INJECT.RECEIVE', id: 'leak-publication', title: 'Leak', body: 'x' }, at(1)).accepted).toBe(true);
    expect(() => releaseInject(db, ex.id, 'leak-publication', 'all', at(2))).toThrow(/Not released: the run of South refused the inject/);
    const view = getExercise(db, ex.id, at(2));
    expect(view.releases).toEqual([]);
    expect(view.delegations[0]!.run.eventCount).toBe(0);
  });

  it('keeps facilitator notes with the exercise time they were written at', () => {
    const db = freshDb();
    const view = populatedExercise(db);
    expect(view.notes.map((n) => [n.text, n.elapsedMs])).toEqual([
      ['South is slower on awareness; give them the press inject first.', 46 * 60_000],
      ['Break for coffee.', 49 * 60_000],
    ]);
    expect(() => addFacilitatorNote(db, view.id, '  ', at(60))).toThrow('A note needs some text.');
    expect(() => addFacilitatorNote(db, 'missing', 'x', at(60))).toThrow(/no exercise with id missing/);
  });

  it('deletes an exercise with its runs', () => {
    const db = freshDb();
    const view = populatedExercise(db);
    expect(() => deleteRun(db, view.delegations[0]!.runId)).toThrow(
      'This run is the work of Delegation North in the exercise "Cold Ward, table 1"; delete the exercise to remove it.',
    );
    deleteExercise(db, view.id);
    expect(listExercises(db)).toEqual([]);
    expect(listRuns(db)).toEqual([]);
  });
});

describe('exercise actions over the IPC contract', () => {
  function desktop(save: string | null, open: string | null): Desktop & { proposed: string[] } {
    const proposed: string[] = [];
    return {
      proposed,
      writeClipboard: () => undefined,
      chooseSaveFile: (name) => {
        proposed.push(name);
        return save;
      },
      chooseOpenFile: () => open,
      chooseExchangeFiles: () => (open === null ? [] : [open]),
      chooseFolder: () => null,
      printPdf: () => Promise.reject(new Error('No printing in these tests.')),
    };
  }

  it('exports through the save dialog and imports through the open dialog; cancelling writes nothing', async () => {
    const source = freshDb();
    const view = populatedExercise(source);
    const file = join(temp.dir, 'ipc-export.json');
    const fake = desktop(file, null);
    const handlers = createHandlers(source, fake, { sampleExercise: SAMPLE_EXERCISE });
    expect(await dispatch(createHandlers(source, desktop(null, null), { sampleExercise: SAMPLE_EXERCISE }), 'exercises:export', { id: view.id })).toEqual({ ok: true, value: { saved: false } });
    expect(await dispatch(handlers, 'exercises:export', { id: view.id })).toEqual({ ok: true, value: { saved: true, path: file } });
    expect(fake.proposed).toEqual(['Cold Ward, table 1.cdt-exercise.json']);

    const target = freshDb();
    expect(await dispatch(createHandlers(target, desktop(null, null), { sampleExercise: SAMPLE_EXERCISE }), 'exercises:import', {})).toEqual({ ok: true, value: { opened: false } });
    const imported = await dispatch(createHandlers(target, desktop(null, file), { sampleExercise: SAMPLE_EXERCISE }), 'exercises:import', {});
    expect(imported).toMatchObject({ ok: true, value: { opened: true, path: file, status: 'imported', exercise: { id: view.id } } });
    expect(await dispatch(createHandlers(target, desktop(null, file), { sampleExercise: SAMPLE_EXERCISE }), 'exercises:import', {})).toMatchObject({ ok: true, value: { status: 'already-imported' } });
  });

  it('sends refusals as data with their problems, and a fault as unexpected with the log, never its stack', async () => {
    const db = freshDb();
    const handlers = createHandlers(db, desktop(null, null), { sampleExercise: SAMPLE_EXERCISE });
    const refusal = await dispatch(handlers, 'exercises:report-details', {
      exerciseId: populatedExercise(db).id,
      details: { facilitator: 'Ana', improvementPlan: [{ id: 'i1', issue: 'x', correctiveAction: 'y', owner: 'z', dueDate: '31 March' }] },
    });
    expect(refusal).toMatchObject({ ok: false, error: { kind: 'user', problems: [expect.objectContaining({ path: expect.stringContaining('dueDate') })] } });
    const logged: unknown[] = [];
    const faulty = { ...handlers, listRuns: () => { throw new TypeError('Cannot read properties of undefined'); } };
    const fault = await dispatch(faulty, 'runs:list', {}, (error) => (logged.push(error), '/var/log/cdt.log'));
    expect(fault).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'unexpected', problems: [], message: expect.stringContaining('The details are in /var/log/cdt.log.') }),
    });
    expect(JSON.stringify(fault)).not.toContain('Cannot read properties');
    expect(logged).toHaveLength(1);
  });

  it('lets no window append an inject to a run: injects arrive only with their release', async () => {
    const db = freshDb();
    const view = populatedExercise(db);
    const handlers = createHandlers(db, desktop(null, null), { sampleExercise: SAMPLE_EXERCISE });
    const runId = view.delegations[0]!.runId;
    const before = runHistory(db, runId).length;
    const sent = await dispatch(handlers, 'runs:send', { id: runId, event: { type: 'INJECT.RECEIVE', id: 'forged', title: 'Forged', body: 'Never released.' } });
    expect(sent).toMatchObject({ ok: false, error: { kind: 'user', problems: [{ path: 'event.type', message: 'an inject reaches a run only when the facilitator releases it' }] } });
    expect(runHistory(db, runId)).toHaveLength(before);
  });

  it('refuses a facilitator note that an export could not carry', () => {
    const db = freshDb();
    const view = populatedExercise(db);
    expect(() => addFacilitatorNote(db, view.id, 'Bell\u0007 rings', at(50))).toThrow(/The note was not added: it contains a control character \(U\+0007\)/);
  });

  it('validates payloads and reports service refusals as errors', async () => {
    const db = freshDb();
    const handlers = createHandlers(db, desktop(null, null), { sampleExercise: SAMPLE_EXERCISE });
    expect(await dispatch(handlers, 'exercises:clock', { id: 'x', action: 'rewind' })).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/^Invalid request for exerciseClock\.\naction: /) }) });
    expect(await dispatch(handlers, 'exercises:create', { name: 'A', scenarioId: 'hospital-ransomware', delegationNames: [] })).toMatchObject({ ok: false });
    const created = await dispatch(handlers, 'exercises:create', { name: 'A', scenarioId: 'hospital-ransomware', delegationNames: ['North'] });
    expect(created).toMatchObject({ ok: true, value: { name: 'A', delegationCount: 1 } });
    const id = (created as { value: { id: string } }).value.id;
    expect(await dispatch(handlers, 'exercises:clock', { id, action: 'pause' })).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/Cannot pause the clock/) }) });
    expect(await dispatch(handlers, 'exercises:release', { exerciseId: id, injectId: 'csirt-technical-summary', delegations: 'all' })).toMatchObject({ ok: true, value: { released: [expect.any(String)] } });
    expect(await dispatch(handlers, 'exercises:note', { exerciseId: id, text: 'Noted.' })).toMatchObject({ ok: true, value: { notes: [{ text: 'Noted.' }] } });
    expect(await dispatch(handlers, 'scenarios:list', {})).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ id: 'election-intrusion' })]) });
    expect(await dispatch(handlers, 'scenarios:save', { scenario: { ...bundledScenario('election-intrusion'), id: 'ours', title: '' } })).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/scenario\.title/) }) });
    expect(await dispatch(handlers, 'scenarios:save', { scenario: { ...bundledScenario('election-intrusion'), id: 'ours' } })).toMatchObject({ ok: true, value: { origin: 'user' } });
  });

  it('exports a scenario and imports it elsewhere; the same file twice is "already imported"', async () => {
    const db = freshDb();
    saveScenario(db, { ...bundledScenario('supply-chain-espionage'), id: 'long-thread-2', title: 'Long Thread II' });
    const file = join(temp.dir, 'scenario-export.json');
    expect(await dispatch(createHandlers(db, desktop(file, null), { sampleExercise: SAMPLE_EXERCISE }), 'scenarios:export', { id: 'long-thread-2' })).toEqual({ ok: true, value: { saved: true, path: file } });
    const other = freshDb();
    const handlers = createHandlers(other, desktop(null, file), { sampleExercise: SAMPLE_EXERCISE });
    expect(await dispatch(handlers, 'scenarios:import', {})).toMatchObject({ ok: true, value: { opened: true, status: 'imported', scenario: { id: 'long-thread-2', origin: 'imported' } } });
    expect(await dispatch(handlers, 'scenarios:import', {})).toMatchObject({ ok: true, value: { status: 'already-imported' } });
    // The same id with other content is refused, never overwritten.
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    pkg.scenario.title = 'Changed';
    writeFileSync(file, JSON.stringify(pkg));
    expect(await dispatch(handlers, 'scenarios:import', {})).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringContaining('manifest.sha256: the SHA-256 of the scenario does not match') }) });
    writeFileSync(file, JSON.stringify(pkg.scenario));
    expect(await dispatch(handlers, 'scenarios:import', {})).toMatchObject({ ok: false, error: expect.objectContaining({ message: expect.stringContaining(`${file}: id: a different scenario with id "long-thread-2" already exists`) }) });
  });
});

describe('renaming a delegation', () => {
  it('renames the delegation and its run, refuses an empty or taken name, and leaves the record alone', () => {
    const db = freshDb();
    const view = populatedExercise(db);
    const [north, south] = view.delegations;
    const before = runHistory(db, south!.runId);
    const renamed = renameDelegation(db, view.id, south!.id, '  Delegation Southwest ', at(60));
    expect(renamed.delegations.map((d) => d.name)).toEqual(['Delegation North', 'Delegation Southwest']);
    expect(renamed.delegations[1]!.run.name).toBe('Cold Ward, table 1 — Delegation Southwest');
    expect(runHistory(db, south!.runId)).toEqual(before);
    expect(verifyRun(db, south!.runId)).toMatchObject({ intact: true, replayMatches: true });
    expect(() => renameDelegation(db, view.id, south!.id, 'delegation NORTH')).toThrow('already has a delegation named "Delegation North"');
    expect(() => renameDelegation(db, view.id, south!.id, '   ')).toThrow('A delegation needs a name.');
    expect(() => renameDelegation(db, view.id, 'nope', 'X')).toThrow('has no delegation with id nope');
    // Keeping one's own name in another case is allowed.
    expect(renameDelegation(db, view.id, north!.id, 'delegation north').delegations[0]!.name).toBe('delegation north');
  });
});
