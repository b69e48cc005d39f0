import type { Db } from '../db/open';
import { exportExercise, importExercisePackage, importScenarioText, packageText } from '../exercise/package';
import { exerciseReport, runReport } from '../report/collect';
import { reportHtml } from '../../shared/report/html';
import { reportFileTitle, reportText } from '../../shared/report/files';
import type { QuoteLanguageChoice, ReportFileFormat } from '../../shared/report/model';
import { readTextFile } from '../files/read';
import { keyOfDatabase } from '../exchange/keys';
import { unsealedText } from '../exchange/files';
import { issueKit } from '../exchange/kits';
import { handoutInputOf } from '../exercise/handouts';
import { handoutsHtml, handoutsTitle } from '../../shared/handouts/handouts';
import { MAX_PACKAGE_BYTES } from '../../shared/exercise/package';
import type { ReportSubject, WorkProgress, WorkTask } from '../../shared/ipc/contract';

/**
 * The long work the app does on files: what may take seconds on a large exercise. Each task is
 * a plain function of a database and its input, so the app can run it in a worker thread
 * (the window stays responsive) and the tests and the e2e bridge can run it in place. Inputs
 * and results are JSON-safe: they cross a thread boundary.
 */
export type ProgressSink = (progress: Omit<WorkProgress, 'task'>) => void;

export const TASKS = {
  importExercise(db: Db, input: { readonly file: string; readonly passphrase?: string | null }, progress: ProgressSink) {
    progress({ step: 'reading', done: 0, total: 2 });
    const text = unsealedText(readTextFile(input.file, MAX_PACKAGE_BYTES), input.file, input.passphrase ?? null);
    progress({ step: 'checking', done: 1, total: 2 });
    return importExercisePackage(db, text, input.file);
  },
  importScenario(db: Db, input: { readonly file: string }, progress: ProgressSink) {
    progress({ step: 'reading', done: 0, total: 2 });
    const text = readTextFile(input.file, MAX_PACKAGE_BYTES);
    progress({ step: 'checking', done: 1, total: 2 });
    return importScenarioText(db, text, input.file);
  },
  /** The package's text and the name to offer for it; the window's thread writes the file the user picks. */
  exportExercise(db: Db, input: { readonly id: string }, progress: ProgressSink) {
    progress({ step: 'building', done: 0, total: 1 });
    const pkg = exportExercise(db, input.id);
    return { name: pkg.exercise.name, text: packageText(pkg) };
  },
  /** The report as the file to save (Markdown or JSON) or the HTML to print (PDF), with its title. */
  buildReport(db: Db, input: { readonly subject: ReportSubject; readonly format: ReportFileFormat; readonly quoteLanguages: QuoteLanguageChoice }, progress: ProgressSink) {
    progress({ step: 'building', done: 0, total: 1 });
    const { subject, format, quoteLanguages } = input;
    const report = subject.kind === 'exercise' ? exerciseReport(db, subject.id, { quoteLanguages }) : runReport(db, subject.id, { quoteLanguages });
    return { title: reportFileTitle(report), content: format === 'pdf' ? reportHtml(report) : reportText(report, format) };
  },
  /**
   * The kits of the chosen delegations, each with its file name: one scrypt per sealed inject
   * makes this seconds of work. The window's thread writes the files into the folder chosen.
   */
  issueKits(db: Db, input: { readonly exerciseId: string; readonly delegationIds: readonly string[]; readonly passphrase: string | null }, progress: ProgressSink) {
    const key = keyOfDatabase(db);
    return input.delegationIds.map((delegationId, done) => {
      progress({ step: 'sealing', done, total: input.delegationIds.length });
      return issueKit(db, input.exerciseId, delegationId, { key, passphrase: input.passphrase });
    });
  },
  /** The situation manual (and the inject cards) as the HTML to print, with its title. */
  buildHandouts(db: Db, input: { readonly exerciseId: string; readonly injects: boolean }, progress: ProgressSink) {
    progress({ step: 'building', done: 0, total: 1 });
    const handouts = handoutInputOf(db, input.exerciseId);
    return { title: handoutsTitle(handouts, input.injects), html: handoutsHtml(handouts, input.injects) };
  },
} as const satisfies Record<WorkTask, unknown>;

export type TaskName = keyof typeof TASKS;
export type TaskInput<T extends TaskName> = Parameters<(typeof TASKS)[T]>[1];
export type TaskResult<T extends TaskName> = ReturnType<(typeof TASKS)[T]>;

/** Runs a task somewhere (a worker in the app, in place elsewhere), reporting its progress. */
export type TaskRunner = <T extends TaskName>(task: T, input: TaskInput<T>, onProgress: (p: WorkProgress) => void) => Promise<TaskResult<T>>;

/** In place, on the caller's connection: for tests, the e2e bridge and the command line. */
export function inPlaceRunner(db: Db): TaskRunner {
  return async (task, input, onProgress) => {
    const run = TASKS[task] as (db: Db, input: unknown, progress: ProgressSink) => TaskResult<typeof task>;
    return run(db, input, (p) => onProgress({ task, ...p }));
  };
}
