import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../electron/db/open';
import { getExercise } from '../../../../electron/exercise/exercises';
import { exportExercise, importExercisePackage, packageText } from '../../../../electron/exercise/package';
import { syncBundledScenarios } from '../../../../electron/exercise/scenarios';
import { getRun, runHistory, verifyRun } from '../../../../electron/workflow/runs';
import { createHandlers, dispatch } from '../../../../electron/ipc/handlers';
import { exerciseReport } from '../../../../electron/report/collect';
import type { ExercisePackage } from '../../../../shared/exercise/package';
import { PRINCIPLE_IDS, type Ratings } from '../../../../shared/framework/catalogue';
import { levelOf } from '../../../../shared/framework/level';
import { reportHtml } from '../../../../shared/report/html';
import { reportMarkdown } from '../../../../shared/report/markdown';
import type { AfterActionReport } from '../../../../shared/report/model';
import {
  SAMPLE_EXERCISE_ID, SAMPLE_EXERCISE_NAME, SAMPLE_EXPORTED_AT, buildSampleExercise, normalisePackage, sampleTime,
} from '../../../support/sample-exercise';
import { SAMPLE_EXERCISE, SCENARIOS_DIR, tempDir } from '../../../support/temp';

const temp = tempDir();
afterAll(temp.cleanup);
let n = 0;
const freshDb = (): Db => openDatabase(join(temp.dir, `sample-${n++}.sqlite`));

const text = readFileSync(SAMPLE_EXERCISE, 'utf8');
const committed = JSON.parse(text) as ExercisePackage;

function imported(): Db {
  const db = freshDb();
  const result = importExercisePackage(db, text, 'cold-ward-completed.cdt-exercise.json', sampleTime(300));
  expect(result).toMatchObject({ status: 'imported', exercise: { id: SAMPLE_EXERCISE_ID, name: SAMPLE_EXERCISE_NAME, delegationCount: 3 } });
  return db;
}

describe('the sample exercise package in resources/exercises', () => {
  it('imports into a fresh database with intact records, every delegation at a decision', () => {
    const db = imported();
    const exercise = getExercise(db, SAMPLE_EXERCISE_ID, sampleTime(300));
    expect(exercise.scenarioId).toBe('hospital-ransomware');
    expect(exercise.clock.status).toBe('paused');
    expect(exercise.delegations.map((d) => d.name)).toEqual(['Delegation Aurelia', 'Delegation Borealis', 'Delegation Castellan']);
    expect(exercise.dueInjectIds).toEqual([]);
    for (const d of exercise.delegations) {
      expect(d.run.step).toBe('decided');
      expect(d.injectsReceived).toHaveLength(exercise.scenario.injects.length);
      expect(verifyRun(db, d.runId)).toMatchObject({ intact: true, replayMatches: true });
      const { context } = getRun(db, d.runId).snapshot;
      expect(context.decision?.summary).toMatch(/\S/);
      expect(Object.values(context.ratings).every((r) => r.rationale.trim() !== '')).toBe(true);
      expect(context.measures.every((m) => m.rationale.trim() !== '')).toBe(true);
      expect(Object.keys(context.principles).sort()).toEqual([...PRINCIPLE_IDS].sort());
      expect(Object.values(context.principles).every((p) => p.note.trim() !== '')).toBe(true);
      expect(context.findings.every((f) => f.source.trim() !== '')).toBe(true);
      expect([...context.notes, ...context.dissents].every((r) => r.author !== undefined)).toBe(true);
    }
  });

  it('shows three delegations reasoning differently', () => {
    const db = imported();
    const runs = getExercise(db, SAMPLE_EXERCISE_ID, sampleTime(300)).delegations.map((d) => getRun(db, d.runId).snapshot.context);
    const attributions = runs.map((c) => (c.attribution?.status === 'attributed' ? c.attribution.actorType : c.attribution?.status));
    expect(attributions).toEqual(['skipped', 'state-sponsored', 'non-state']);
    const measureSets = runs.map((c) => c.measures.map((m) => m.measureId).sort().join(','));
    expect(new Set(measureSets).size).toBe(3);
    expect(runs[0]!.measures.map((m) => m.measureId)).not.toContain('travel-ban');
    expect(runs[1]!.measures.map((m) => m.measureId)).toEqual(expect.arrayContaining(['travel-ban', 'asset-freeze']));
    expect(runs[2]!.measures.map((m) => m.measureId)).toEqual(expect.arrayContaining(['hr-statement', 'council-conclusions']));
    const ratings = runs.map((c) => JSON.stringify(Object.fromEntries(Object.entries(c.ratings).map(([k, r]) => [k, r.value]))));
    expect(new Set(ratings).size).toBe(3);
    expect(runs.reduce((total, c) => total + c.dissents.length, 0)).toBeGreaterThanOrEqual(1);
  });

  it('records a reopened and resubmitted decision', () => {
    const db = imported();
    const castellan = getExercise(db, SAMPLE_EXERCISE_ID, sampleTime(300)).delegations[2]!;
    const types = runHistory(db, castellan.runId).map((e) => e.event.type);
    const reopen = types.indexOf('DECISION.REOPEN');
    expect(reopen).toBeGreaterThan(types.indexOf('DECISION.SUBMIT'));
    expect(types.lastIndexOf('DECISION.SUBMIT')).toBeGreaterThan(reopen);
  });

  it('carries the facilitator, the notes and the improvement plan', () => {
    const db = imported();
    const exercise = getExercise(db, SAMPLE_EXERCISE_ID, sampleTime(300));
    expect(exercise.facilitator).toMatch(/\S/);
    expect(exercise.notes.length).toBeGreaterThanOrEqual(3);
    expect(exercise.improvementPlan.length).toBeGreaterThanOrEqual(3);
    for (const item of exercise.improvementPlan) {
      expect(item).toMatchObject({ issue: expect.stringMatching(/\S/), correctiveAction: expect.stringMatching(/\S/), owner: expect.stringMatching(/\S/) });
      expect(item.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('is what the app opens for a newcomer, with its report, through its own action', async () => {
    const db = freshDb();
    syncBundledScenarios(db, SCENARIOS_DIR);
    const refuse = () => {
      throw new Error('no dialogs here');
    };
    const handlers = createHandlers(
      db,
      { writeClipboard: refuse, chooseSaveFile: refuse, chooseOpenFile: refuse, chooseExchangeFiles: refuse, chooseFolder: refuse, printPdf: refuse },
      { sampleExercise: SAMPLE_EXERCISE },
    );
    expect(await dispatch(handlers, 'exercises:import-sample', {})).toMatchObject({ ok: true, value: { status: 'imported', exercise: { id: SAMPLE_EXERCISE_ID } } });
    expect(await dispatch(handlers, 'exercises:import-sample', {})).toMatchObject({ ok: true, value: { status: 'already-imported' } });
    const report = exerciseReport(db, SAMPLE_EXERCISE_ID, { quoteLanguages: 'all' });
    expect(report.delegations.map((d) => [d.name, d.chain.intact, d.decision !== null])).toEqual([
      ['Delegation Aurelia', true, true],
      ['Delegation Borealis', true, true],
      ['Delegation Castellan', true, true],
    ]);
    expect(new Set(report.comparison.find((r) => r.label === 'Attribution')!.values).size).toBe(3);
    expect(report.improvementPlan.length).toBeGreaterThan(0);
  });

  it('reports what each level rests on, in every format, so that a reader can reproduce it', () => {
    const db = imported();
    const report = JSON.parse(JSON.stringify(exerciseReport(db, SAMPLE_EXERCISE_ID, { quoteLanguages: 'all' }))) as AfterActionReport;
    const markdown = reportMarkdown(report);
    const html = reportHtml(report);
    for (const d of report.delegations) {
      const b = d.levelBasis;
      // The JSON alone gives the level: the ratings and the recorded facts.
      const dimensions = Object.fromEntries(d.ratings.map((r) => [r.dimension, r.value])) as unknown as Ratings;
      expect(levelOf({ dimensions, ...(b.attempt ? { attempt: b.attempt } : {}), external: b.external, targets: b.targets }), d.name).toBe(d.level);
      expect(b.formula).toMatch(new RegExp(`^Overall level ${d.level}, the highest of four figures`));
      for (const id of ['identified', 'external', 'attempt', 'targets'] as const) {
        const fact = b.facts.find((f) => f.id === id)!;
        expect(markdown).toContain(`**${fact.label}:** ${fact.value}`);
        expect(html).toContain(`<dt>${fact.label}</dt><dd>${fact.value}</dd>`);
      }
    }
    const [aurelia, borealis] = report.delegations;
    expect(borealis!.levelBasis).toMatchObject({ attempt: null, external: true, actorsIdentified: true, targets: ['critical-infrastructure', 'essential-services'] });
    expect(borealis!.levelBasis.facts.find((f) => f.id === 'attribution')?.value).toContain('A State-sponsored actor counts as attribution to a State');
    expect(aurelia!.levelBasis.facts.find((f) => f.id === 'identified')?.value).toBe(
      'No: no one is recorded as identified, and there is no attribution that could name anyone (it was skipped).',
    );
    expect(report.comparison.find((r) => r.label === 'Persons or entities identified')?.values).toEqual(['No', 'Yes', 'Yes']);
    expect(report.comparison.find((r) => r.label === 'Attribution')?.values[1]).toMatch(/^State-sponsored actor \(counts as a State\), moderate confidence/);
    expect(markdown).toContain('**What would change the outcome:**');
    // The console shows the same facts beside each delegation's level.
    const console = getExercise(db, SAMPLE_EXERCISE_ID, sampleTime(300)).delegations;
    expect(console.map((d) => d.levelFacts)).toEqual(report.delegations.map((d) => d.levelBasis.facts));
  });

  it('is what the generator makes: run `npm run sample` after changing tests/support/sample-exercise.ts', () => {
    const db = freshDb();
    syncBundledScenarios(db, SCENARIOS_DIR, sampleTime(0));
    const regenerated = exportExercise(db, buildSampleExercise(db), SAMPLE_EXPORTED_AT);
    // Delegation and run ids are random, and the hashes follow them: compare everything else.
    expect(normalisePackage(regenerated)).toEqual(normalisePackage(committed));
    expect(text).toBe(packageText(committed));
  });
});
