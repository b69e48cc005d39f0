import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/db/open';
import { ExerciseError } from '../../../../electron/exercise/errors';
import { clearObjectiveRating, objectivesOf, rateObjective } from '../../../../electron/exercise/objectives';
import { createExercise, exerciseClock, getExercise, type CreateExerciseInput } from '../../../../electron/exercise/exercises';
import { reportDetailsOf, saveReportDetails } from '../../../../electron/exercise/plan';
import { getScenario, saveScenario, syncBundledScenarios } from '../../../../electron/exercise/scenarios';
import type { ExerciseView } from '../../../../shared/exercise/exercises';
import { dumpDatabase } from '../../../support/db';
import { accept, at, populatedExercise } from '../../../support/exercise';
import { saveScenarioWithObjectives } from '../../../support/objectives';
import { SCENARIOS_DIR, tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;

let db: Db;
let exercise: ExerciseView;
beforeEach(() => {
  db = openDatabase(join(temp.dir, `objectives-${n++}.sqlite`));
  syncBundledScenarios(db, SCENARIOS_DIR, at(0));
  saveScenarioWithObjectives(db);
  exercise = populatedExercise(db, { scenarioId: 'hospital-objectives' });
});

const north = () => exercise.delegations[0]!;
const south = () => exercise.delegations[1]!;

/** The refusal's problems as "<path>: <message>", having checked that nothing was written. */
function refused(rate: () => unknown): string[] {
  const before = dumpDatabase(db);
  try {
    rate();
  } catch (error) {
    expect(error).toBeInstanceOf(ExerciseError);
    expect(dumpDatabase(db)).toBe(before);
    return (error as ExerciseError).problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  }
  throw new Error('the rating was saved, but a refusal was expected');
}

describe('objective ratings', () => {
  it("lists the scenario's objectives unrated, with their ties, and the entries a rating can link", () => {
    const view = objectivesOf(db, exercise.id);
    expect(view.objectives.map((o) => [o.objective.id, o.tieLabel, o.rating])).toEqual([
      ['shared-picture', 'Step: Shared situational awareness', null],
      ['principles-checked', 'Capability: Checking the measures against the six principles', null],
      ['consensus', "Capability: Reaching the Council's decision by consensus", null],
    ]);
    const refs = view.entries.map((e) => e.ref);
    // North agreed, skipped attribution and decided; the releases and both observations are there too.
    expect(refs).toEqual(expect.arrayContaining([
      `run:${north().runId}:2`, `run:${north().runId}:3`, `run:${north().runId}:19`,
      `note:${exercise.id}-note-1`, `note:${exercise.id}-note-2`,
      `release:${north().id}:csirt-technical-summary`, `release:${south().id}:press-patient-impact`,
    ]));
    // A finding, a rating or a receipt is not what an objective is judged on.
    expect(refs).not.toContain(`run:${north().runId}:1`);
    expect(refs).not.toContain(`run:${north().runId}:4`);
    const agreed = view.entries.find((e) => e.ref === `run:${north().runId}:2`)!;
    expect(agreed).toMatchObject({ kind: 'run', delegation: 'Delegation North', eventType: 'AWARENESS.AGREE', label: 'Agreed the shared picture: A coordinated destructive attack on health services' });
    const note = view.entries.find((e) => e.ref === `note:${exercise.id}-note-1`)!;
    expect(note).toMatchObject({ kind: 'note', elapsedMs: 46 * 60_000, delegation: null, label: expect.stringMatching(/^Observation: South is slower/) });
    const release = view.entries.find((e) => e.ref === `release:${south().id}:press-patient-impact`)!;
    expect(release).toMatchObject({ kind: 'release', elapsedMs: 45 * 60_000, delegation: 'Delegation South', label: expect.stringMatching(/^Released "/) });
    const times = view.entries.map((e) => e.at);
    expect(times).toEqual([...times].sort());
  });

  it("gives a run event the exercise time the clock's record fixes, and none where a pause may fall around it", () => {
    exerciseClock(db, exercise.id, 'resume', at(60));
    accept(db, south().runId, { type: 'AWARENESS.AGREE', text: 'Ransomware against hospitals' }, at(65));
    const entries = objectivesOf(db, exercise.id).entries;
    // Resumed at 60 from 49 minutes: five minutes later the clock showed 54.
    expect(entries.find((e) => e.ref === `run:${south().runId}:5`)).toMatchObject({ eventType: 'AWARENESS.AGREE', elapsedMs: 54 * 60_000 });
    // North agreed between the creation and the first release, with the clock's start somewhere in between.
    expect(entries.find((e) => e.ref === `run:${north().runId}:2`)!.elapsedMs).toBeNull();
  });

  it('rates an objective with observations and entries, and a re-rating replaces it with its new time', () => {
    const entries = [`run:${north().runId}:2`, `note:${exercise.id}-note-1`, `release:${south().id}:press-patient-impact`];
    const first = rateObjective(db, exercise.id, { objectiveId: 'shared-picture', rating: 'S', observations: '  North agreed quickly; South waited.\n', entries }, at(55));
    expect(first.objectives[0]!.rating).toEqual({ rating: 'S', observations: 'North agreed quickly; South waited.', entries, ratedAt: at(55) });
    expect(first.objectives[1]!.rating).toBeNull();
    const again = rateObjective(db, exercise.id, { objectiveId: 'shared-picture', rating: 'M', observations: 'South never agreed.', entries: [] }, at(58));
    expect(again.objectives[0]!.rating).toEqual({ rating: 'M', observations: 'South never agreed.', entries: [], ratedAt: at(58) });
    expect(objectivesOf(db, exercise.id).objectives.filter((o) => o.rating !== null)).toHaveLength(1);
  });

  it('clears a rating, and refuses to clear one of an objective the scenario does not have', () => {
    rateObjective(db, exercise.id, { objectiveId: 'consensus', rating: 'U', observations: '', entries: [] }, at(55));
    expect(clearObjectiveRating(db, exercise.id, 'consensus').objectives[2]!.rating).toBeNull();
    expect(() => clearObjectiveRating(db, exercise.id, 'speed')).toThrow(/has no objective "speed"/);
  });

  it('refuses an unknown objective, a rating off the scale and bad observations, writing nothing', () => {
    expect(refused(() => rateObjective(db, exercise.id, { objectiveId: 'speed', rating: 'X', observations: 'bell\u0007', entries: [] }))).toEqual([
      'objectiveId: the scenario of "Cold Ward, table 1" has no objective "speed" (it has "shared-picture", "principles-checked", "consensus").',
      'rating: expected one of P (performed without challenges), S (performed with some challenges), M (performed with major challenges), U (unable to be performed), got "X".',
      expect.stringMatching(/^observations: contains a control character \(U\+0007\)/),
    ]);
    expect(refused(() => rateObjective(db, exercise.id, { objectiveId: 'consensus', rating: 'p', observations: 'x'.repeat(20_001), entries: 'all' }))).toEqual([
      'rating: expected one of P (performed without challenges), S (performed with some challenges), M (performed with major challenges), U (unable to be performed), got "p".',
      'observations: at most 20,000 characters.',
      'entries: expected a list of timeline entries.',
    ]);
  });

  it("refuses entries that are not this exercise's timeline: a seq beyond the run, another exercise's run, a note or release that is not there", () => {
    const other = createExercise(db, { name: 'Other table', scenarioId: 'hospital-objectives', delegationNames: ['East'], now: at(1) } satisfies CreateExerciseInput);
    exerciseClock(db, other.id, 'start', at(2));
    accept(db, other.delegations[0]!.runId, { type: 'FINDING.ADD', id: 'f1', text: 'x', source: 'y', confidence: 'low' }, at(3));
    expect(refused(() => rateObjective(db, exercise.id, {
      objectiveId: 'consensus', rating: 'P', observations: '',
      entries: [
        `run:${south().runId}:4`, `run:${south().runId}:5`, `run:${other.delegations[0]!.runId}:1`, 'note:nobody', `release:${north().id}:press-patient-impact`,
        'run:whatever', `run:${south().runId}:4`, 7,
      ],
    }))).toEqual([
      'entries[1]: the run of Delegation South has 4 events; there is no event 5.',
      `entries[2]: the exercise "Cold Ward, table 1" has no delegation whose run is "${other.delegations[0]!.runId}".`,
      'entries[3]: the exercise "Cold Ward, table 1" has no observation "nobody".',
      'entries[4]: the inject "press-patient-impact" was not released to Delegation North.',
      'entries[5]: "run:whatever" is not a timeline entry: expected "run:<run id>:<event number>", "note:<note id>" or "release:<delegation id>:<inject id>".',
      `entries[6]: "run:${south().runId}:4" is linked twice.`,
      'entries[7]: expected a timeline entry as text.',
    ]);
  });

  it('refuses to rate in an exercise that does not exist, or whose scenario has no objectives', () => {
    expect(() => rateObjective(db, 'nope', { objectiveId: 'consensus', rating: 'P', observations: '', entries: [] })).toThrow('There is no exercise with id nope.');
    const { objectives: _objectives, ...withoutObjectives } = getScenario(db, 'hospital-objectives').scenario;
    saveScenario(db, { ...withoutObjectives, id: 'hospital-plain' }, at(0));
    const plain = createExercise(db, { name: 'Plain', scenarioId: 'hospital-plain', delegationNames: ['East'], now: at(1) });
    expect(objectivesOf(db, plain.id).objectives).toEqual([]);
    expect(refused(() => rateObjective(db, plain.id, { objectiveId: 'consensus', rating: 'P', observations: '', entries: [] }))).toEqual([
      'objectiveId: the scenario of "Plain" has no objective "consensus" (it has none).',
    ]);
  });
});

describe('improvement items tied to objectives, with a priority', () => {
  const item = { id: 'i1', issue: 'South waited for the CSIRTs summary', correctiveAction: 'Share it earlier', owner: 'CERT-EU', dueDate: '2025-06-30' };

  it("stores an item's objective and priority, and an item without them as not set", () => {
    saveReportDetails(db, exercise.id, {
      facilitator: 'A. Facilitator',
      improvementPlan: [{ ...item, objectiveId: 'shared-picture', priority: 'high' }, { ...item, id: 'i2' }],
    });
    expect(reportDetailsOf(db, exercise.id).improvementPlan).toEqual([
      { ...item, objectiveId: 'shared-picture', priority: 'high' },
      { ...item, id: 'i2', objectiveId: '', priority: '' },
    ]);
    expect(getExercise(db, exercise.id).improvementPlan[0]).toMatchObject({ objectiveId: 'shared-picture', priority: 'high' });
  });

  it("refuses an objective the exercise's scenario does not have, and a priority off the list, writing nothing", () => {
    const before = dumpDatabase(db);
    expect(() => saveReportDetails(db, exercise.id, { facilitator: '', improvementPlan: [{ ...item, objectiveId: 'speed', priority: 'low' }] }))
      .toThrow(/improvementPlan\[0\]\.objectiveId: the scenario "[^"]+" has no objective "speed"\./);
    expect(() => saveReportDetails(db, exercise.id, { facilitator: '', improvementPlan: [{ ...item, priority: 'urgent' }] }))
      .toThrow(/improvementPlan\[0\]\.priority: expected one of "", "high", "medium", "low"/);
    expect(dumpDatabase(db)).toBe(before);
  });
});
