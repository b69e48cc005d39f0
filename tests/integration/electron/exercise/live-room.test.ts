import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { addFacilitatorNote, createExercise, exerciseOfRun, getExercise, releaseInject, withdrawRelease } from '../../../../electron/exercise/exercises';
import { PRINCIPLE_IDS, PRINCIPLES } from '../../../../shared/framework/catalogue';
import { TO_DECISION } from '../../../support/workflow';
import { addDelegation, deleteFacilitatorNote, editFacilitatorNote, removeDelegation } from '../../../../electron/exercise/roster';
import { roomView } from '../../../../electron/exercise/room';
import { exportExercise, importExercisePackage, packageText } from '../../../../electron/exercise/package';
import { exerciseReport } from '../../../../electron/report/collect';
import { openWorkbench } from '../../../../electron/workbench';
import { reportText } from '../../../../shared/report/files';
import { accept, at, populatedExercise } from '../../../support/exercise';
import { SCENARIOS_DIR, SEEDS_DIR, tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;
const open = () => openWorkbench(join(temp.dir, `live-${++n}.sqlite`), SEEDS_DIR, SCENARIOS_DIR);

describe('the live room', () => {
  it('withdraws a release, keeping it and its receipt, and the delegation sees it withdrawn', () => {
    const wb = open();
    const exercise = populatedExercise(wb.db);
    const south = exercise.delegations[1]!;
    const view = withdrawRelease(wb.db, exercise.id, 'press-patient-impact', south.id, at(52));
    expect(view.releases.find((r) => r.injectId === 'press-patient-impact')).toMatchObject({ withdrawnAt: at(52) });
    expect(exerciseOfRun(wb.db, south.runId)?.withdrawn).toEqual([{ injectId: 'press-patient-impact', at: at(52) }]);
    expect(exerciseOfRun(wb.db, south.runId)?.injectTimes).toEqual({ 'csirt-technical-summary': 20 * 60_000, 'press-patient-impact': 45 * 60_000 });
    expect(view.delegations[1]!.injectsReceived).toContain('press-patient-impact');
    expect(() => withdrawRelease(wb.db, exercise.id, 'press-patient-impact', south.id, at(53))).toThrow(/already withdrawn/);
    expect(() => withdrawRelease(wb.db, exercise.id, 'europol-assessment', south.id, at(53))).toThrow(/nothing to withdraw/);
    wb.close();
  });

  it('adds a delegation while the exercise runs and removes one only while it never played', () => {
    const wb = open();
    const exercise = populatedExercise(wb.db);
    const added = addDelegation(wb.db, exercise.id, '  Delegation East ', at(55));
    const east = added.delegations.at(-1)!;
    expect(east).toMatchObject({ name: 'Delegation East', removable: true });
    expect(added.delegations[0]!.removable).toBe(false);
    expect(() => addDelegation(wb.db, exercise.id, 'delegation east', at(56))).toThrow(/already has a delegation named "Delegation East"/);
    expect(() => removeDelegation(wb.db, exercise.id, added.delegations[0]!.id, at(56))).toThrow(/has played/);
    // Played, even by one note: no longer removable.
    accept(wb.db, east.runId, { type: 'NOTE.ADD', id: 'e1', text: 'East joins.' }, at(57));
    expect(() => removeDelegation(wb.db, exercise.id, east.id, at(58))).toThrow(/has played/);
    const west = addDelegation(wb.db, exercise.id, 'Delegation West', at(59)).delegations.at(-1)!;
    expect(removeDelegation(wb.db, exercise.id, west.id, at(60)).delegations.map((d) => d.name)).toEqual(['Delegation North', 'Delegation South', 'Delegation East']);
    // A late delegation travels in a package like the others.
    const other = open();
    expect(importExercisePackage(other.db, packageText(exportExercise(wb.db, exercise.id, at(61))), 'late.json', at(62)).status).toBe('imported');
    wb.close();
    other.close();
  });

  it('edits and deletes notes, keeping every earlier text, in the record and in a package', () => {
    const wb = open();
    const exercise = populatedExercise(wb.db);
    const note = exercise.notes[0]!;
    editFacilitatorNote(wb.db, exercise.id, note.id, 'South is slower on awareness.', at(52));
    const after = deleteFacilitatorNote(wb.db, exercise.id, note.id, at(53));
    expect(after.notes[0]).toMatchObject({ text: 'South is slower on awareness.', deletedAt: at(53), revisions: [{ replacedAt: at(52), text: note.text }] });
    expect(() => editFacilitatorNote(wb.db, exercise.id, note.id, 'again', at(54))).toThrow(/was deleted/);
    const other = open();
    importExercisePackage(other.db, packageText(exportExercise(wb.db, exercise.id, at(55))), 'notes.json', at(56));
    expect(getExercise(other.db, exercise.id, at(56)).notes).toEqual(after.notes);
    wb.close();
    other.close();
  });

  it("shows the room only what the room may see: released injects, the clock, and the next one's time if chosen", () => {
    const wb = open();
    const exercise = populatedExercise(wb.db);
    addFacilitatorNote(wb.db, exercise.id, 'Secret facilitator thought', at(52));
    const room = roomView(wb.db, exercise.id, true, at(52))!;
    expect(room.released.map((r) => r.injectId)).toEqual(['csirt-technical-summary', 'press-patient-impact']);
    expect(room.released[1]!.delegations).toEqual(['Delegation South']);
    expect(room.nextInjectAtMs).toBe(Math.min(...exercise.scenario.injects.filter((i) => !['csirt-technical-summary', 'press-patient-impact'].includes(i.id)).map((i) => i.offsetMinutes * 60_000)));
    const text = JSON.stringify(room);
    expect(text).not.toContain('Secret facilitator thought');
    for (const inject of exercise.scenario.injects.filter((i) => !room.released.some((r) => r.injectId === i.id))) expect(text).not.toContain(inject.title);
    expect(text).not.toContain(exercise.scenario.facilitatorNotes.slice(0, 30));
    expect(roomView(wb.db, exercise.id, false, at(52))!.nextInjectAtMs).toBeNull();
    releaseInject(wb.db, exercise.id, 'europol-assessment', 'all', at(53));
    expect(roomView(wb.db, exercise.id, false, at(53))!.released.map((r) => r.injectId)).toContain('europol-assessment');
    wb.close();
  });

  it('prints handouts from the command line, every page marked, one card per inject', () => {
    const db = join(temp.dir, 'handouts.sqlite');
    const wb = openWorkbench(db, SEEDS_DIR, SCENARIOS_DIR);
    const exercise = populatedExercise(wb.db, { name: 'Cold Ward handouts' });
    wb.close();
    const out = join(temp.dir, 'handouts.pdf');
    let err = '';
    const code = runCli(['handouts', 'Cold Ward handouts', '--out', out, '--injects', '--db', db], { out: () => undefined, err: (t) => (err += t) });
    expect(code, err).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(1 + exercise.scenario.injects.length);
    for (let page = 1; page <= pages; page++) {
      const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', out, '-'], { encoding: 'utf8' });
      expect(text, `page ${page}`).toContain('EXERCISE');
      expect(text, `page ${page}`).toContain(exercise.scenario.classification.marking.slice(0, 12));
    }
    const all = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(all).toContain('Situation manual');
    expect(all).toContain(`Inject ${exercise.scenario.injects.length} of ${exercise.scenario.injects.length}`);
    expect(all).not.toContain(exercise.scenario.facilitatorNotes.slice(0, 30));
  });

  it('puts the withdrawals, note history and the end in the report', () => {
    const wb = open();
    const exercise = populatedExercise(wb.db);
    withdrawRelease(wb.db, exercise.id, 'press-patient-impact', exercise.delegations[1]!.id, at(52));
    editFacilitatorNote(wb.db, exercise.id, exercise.notes[0]!.id, 'Corrected observation.', at(53));
    deleteFacilitatorNote(wb.db, exercise.id, exercise.notes[1]!.id, at(54));
    const md = reportText(exerciseReport(wb.db, exercise.id, { quoteLanguages: 'nl', now: at(55) }), 'md');
    expect(md).toContain('The facilitator withdrew the inject');
    expect(md).toContain('Corrected observation.');
    expect(md).toMatch(/\[deleted \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\]/);
    wb.close();
  });
});

describe('a decision taken with a principle not met', () => {
  it('is marked in the console view and in the report', () => {
    const wb = open();
    const exercise = createExercise(wb.db, { name: 'Not met', scenarioId: 'hospital-ransomware', delegationNames: ['North'], now: at(0) });
    const runId = exercise.delegations[0]!.runId;
    const events = TO_DECISION.map((e) => (e.type === 'PRINCIPLE.ASSESS' && e.principleId === PRINCIPLE_IDS[0] ? { ...e, status: 'not-met' as const, note: 'Not yet' } : e));
    events.forEach((e, i) => accept(wb.db, runId, e, at(1 + i * 0.1)));
    expect(getExercise(wb.db, exercise.id, at(10)).delegations[0]!.principlesNotMet).toEqual([PRINCIPLE_IDS[0]]);
    const md = reportText(exerciseReport(wb.db, exercise.id, { quoteLanguages: 'nl', now: at(10) }), 'md');
    expect(md).toContain(`Decided with a principle not met: ${PRINCIPLES[PRINCIPLE_IDS[0]].label}.`);
    wb.close();
  });
});
