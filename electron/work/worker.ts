import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type Db } from '../db/open';
import { errorData, UserError } from '../../shared/errors';
import { TASKS, type ProgressSink } from './tasks';
import type { TaskRequest, WorkerReply } from './protocol';

/**
 * The worker thread's side: its own connection to the app's database (WAL lets it write while
 * the main thread reads), one task at a time, progress and outcome posted back as data.
 */
const { dbFile } = workerData as { readonly dbFile: string };
let db: Db | null = null;

function reply(message: WorkerReply): void {
  parentPort!.postMessage(message);
}

parentPort!.on('message', (request: TaskRequest) => {
  const progress: ProgressSink = (p) => reply({ id: request.id, kind: 'progress', progress: { task: request.task, ...p } });
  try {
    db ??= openDatabase(dbFile);
    const run = TASKS[request.task] as (db: Db, input: unknown, progress: ProgressSink) => unknown;
    reply({ id: request.id, kind: 'done', value: run(db, request.input, progress) });
  } catch (error) {
    if (error instanceof UserError) reply({ id: request.id, kind: 'refused', error: errorData(error) });
    else reply({ id: request.id, kind: 'fault', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? (error.stack ?? '') : '' });
  }
});
