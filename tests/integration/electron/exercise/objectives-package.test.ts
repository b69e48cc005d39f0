import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/db/open';
import { exportExercise, importExercisePackage, packageText } from '../../../../electron/exercise/package';
import { objectivesOf, rateObjective } from '../../../../electron/exercise/objectives';
import { reportDetailsOf, saveReportDetails } from '../../../../electron/exercise/plan';
import { syncBundledScenarios } from '../../../../electron/exercise/scenarios';
import type { ExercisePackage } from '../../../../shared/exercise/package';
import { importRefusal } from '../../../support/package-refusal';
import { at, populatedExercise, reseal } from '../../../support/exercise';
import { saveScenarioWithObjectives } from '../../../support/objectives';
import { SCENARIOS_DIR, tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;
const emptyDb = (): Db => openDatabase(join(temp.dir, `objectives-package-${n++}.sqlite`));

let source: Db;
let pkg: ExercisePackage;
let exerciseId: string;
let northRun: string;
let southRun: string;
let southId: string;

beforeAll(() => {
  source = emptyDb();
  syncBundledScenarios(source, SCENARIOS_DIR, at(0));
  saveScenarioWithObjectives(source);
  const exercise = populatedExercise(source, { scenarioId: 'hospital-objectives' });
  exerciseId = exercise.id;
  [northRun, southRun] = exercise.delegations.map((d) => d.runId) as [string, string];
  southId = exercise.delegations[1]!.id;
  rateObjective(source, exerciseId, {
    objectiveId: 'shared-picture', rating: 'S', observations: 'North agreed at once; South waited for the summary.',
    entries: [`run:${northRun}:2`, `note:${exerciseId}-note-1`, `release:${southId}:press-patient-impact`],
  }, at(52));
  rateObjective(source, exerciseId, { objectiveId: 'consensus', rating: 'U', observations: 'No plenary was held.', entries: [] }, at(53));
  saveReportDetails(source, exerciseId, {
    facilitator: 'A. Facilitator',
    improvementPlan: [
      { id: 'i1', issue: 'South waited', correctiveAction: 'Share the summary earlier', owner: 'CERT-EU', dueDate: '2025-06-30', objectiveId: 'shared-picture', priority: 'high' },
      { id: 'i2', issue: 'No plenary', correctiveAction: '', owner: '', dueDate: '' },
    ],
  });
  pkg = exportExercise(source, exerciseId, at(60));
});

const refusal = (db: Db, forged: ExercisePackage | string, file = 'forged.cdt-exercise.json'): string => importRefusal(db, forged, file);

const forge = (change: (p: ExercisePackage) => void): ExercisePackage => {
  const copy = structuredClone(pkg);
  change(copy);
  return reseal(copy);
};

describe('exercise packages carry the evaluation', () => {
  it('exports the ratings in the order of the objectives, and the plan with what is set of objective and priority', () => {
    expect(pkg.exercise.objectiveRatings).toEqual([
      expect.objectContaining({ objectiveId: 'shared-picture', rating: 'S', ratedAt: at(52), entries: [`run:${northRun}:2`, `note:${exerciseId}-note-1`, `release:${southId}:press-patient-impact`] }),
      expect.objectContaining({ objectiveId: 'consensus', rating: 'U', entries: [] }),
    ]);
    // An item without them carries neither, as packages did before they existed.
    expect(pkg.exercise.improvementPlan).toEqual([
      expect.objectContaining({ id: 'i1', objectiveId: 'shared-picture', priority: 'high' }),
      { id: 'i2', issue: 'No plenary', correctiveAction: '', owner: '', dueDate: '' },
    ]);
  });

  it('imports them into another database, which exports the same package again', () => {
    const target = emptyDb();
    expect(importExercisePackage(target, packageText(pkg), 'cold-ward.json', at(70)).status).toBe('imported');
    expect(exportExercise(target, exerciseId, at(60))).toEqual(pkg);
    expect(objectivesOf(target, exerciseId).objectives).toEqual(objectivesOf(source, exerciseId).objectives);
    expect(reportDetailsOf(target, exerciseId).improvementPlan[0]).toMatchObject({ objectiveId: 'shared-picture', priority: 'high' });
    expect(importExercisePackage(target, packageText(pkg), 'cold-ward.json', at(71)).status).toBe('already-imported');
  });

  it('imports a package made before objectives existed: no ratings, items with neither objective nor priority', () => {
    const old = forge((p) => {
      delete p.exercise.objectiveRatings;
      p.exercise.improvementPlan = [{ id: 'i2', issue: 'No plenary', correctiveAction: '', owner: '', dueDate: '' }];
      delete p.scenario.objectives;
    });
    const target = emptyDb();
    importExercisePackage(target, packageText(old), 'old.json', at(70));
    expect(objectivesOf(target, exerciseId).objectives).toEqual([]);
    expect(reportDetailsOf(target, exerciseId).improvementPlan).toEqual([{ id: 'i2', issue: 'No plenary', correctiveAction: '', owner: '', dueDate: '', objectiveId: '', priority: '' }]);
    expect(exportExercise(target, exerciseId, at(60))).toEqual(old);
  });

  it('refuses a rating of an objective the scenario does not have, naming the file and the field', () => {
    const message = refusal(emptyDb(), forge((p) => {
      p.exercise.objectiveRatings![1]!.objectiveId = 'speed';
    }));
    expect(message).toContain('forged.cdt-exercise.json: exercise.objectiveRatings[1].objectiveId: the scenario has no objective "speed".');
  });

  it('refuses a reference to an event beyond the end of its run, to a note or a release the package does not hold, and one linked twice', () => {
    const message = refusal(emptyDb(), forge((p) => {
      p.exercise.objectiveRatings![0]!.entries = [`run:${southRun}:5`, 'note:someone-else', `release:${southId}:ransom-note`, `run:${northRun}:2`, `run:${northRun}:2`, 'event:1'];
    }));
    expect(message).toContain(`forged.cdt-exercise.json: exercise.objectiveRatings[0].entries[0]: the run "${southRun}" has 4 events; there is no event 5.`);
    expect(message).toContain('exercise.objectiveRatings[0].entries[1]: there is no note "someone-else" in exercise.notes.');
    expect(message).toContain(`exercise.objectiveRatings[0].entries[2]: the inject "ransom-note" was never released to the delegation "${southId}".`);
    expect(message).toContain(`exercise.objectiveRatings[0].entries[4]: "run:${northRun}:2" is linked twice.`);
    expect(message).toContain('exercise.objectiveRatings[0].entries[5]: "event:1" is not a timeline entry');
  });

  it('refuses a rating off the scale, padded or oversized observations, and a rating made after the package', () => {
    const message = refusal(emptyDb(), forge((p) => {
      const [first, second] = p.exercise.objectiveRatings!;
      (first as { rating: string }).rating = 'X';
      first!.observations = ' padded ';
      second!.ratedAt = at(61);
    }));
    expect(message).toContain('forged.cdt-exercise.json: exercise.objectiveRatings[0].rating: expected one of "P", "S", "M", "U"');
    expect(message).toContain('exercise.objectiveRatings[0].observations: must not start or end with whitespace');
    const late = refusal(emptyDb(), forge((p) => {
      p.exercise.objectiveRatings![1]!.ratedAt = at(61);
      p.exercise.objectiveRatings![1]!.observations = 'x'.repeat(20_001);
    }));
    expect(late).toContain('exercise.objectiveRatings[1].observations: at most 20,000 characters');
    expect(refusal(emptyDb(), forge((p) => {
      p.exercise.objectiveRatings![1]!.ratedAt = at(61);
    }))).toContain(`exercise.objectiveRatings[1].ratedAt: ${at(61)} is not between the exercise's creation and the making of the package.`);
  });

  it('refuses ratings out of the order of the objectives, two of one objective, and a plan item tied to an unknown objective', () => {
    const swapped = refusal(emptyDb(), forge((p) => {
      p.exercise.objectiveRatings!.reverse();
    }));
    expect(swapped).toContain("exercise.objectiveRatings[1].objectiveId: the ratings must be in the order of the scenario's objectives, one per objective.");
    const twice = refusal(emptyDb(), forge((p) => {
      p.exercise.objectiveRatings![1]!.objectiveId = 'shared-picture';
    }));
    expect(twice).toContain('exercise.objectiveRatings[1].objectiveId: the ratings must be in the order');
    const item = refusal(emptyDb(), forge((p) => {
      p.exercise.improvementPlan![0]!.objectiveId = 'speed';
      (p.exercise.improvementPlan![1] as { priority?: string }).priority = 'urgent';
    }));
    expect(item).toContain('exercise.improvementPlan[1].priority: expected one of "high", "medium", "low"');
    expect(refusal(emptyDb(), forge((p) => {
      p.exercise.improvementPlan![0]!.objectiveId = 'speed';
    }))).toContain('forged.cdt-exercise.json: exercise.improvementPlan[0].objectiveId: the scenario has no objective "speed".');
  });
});
