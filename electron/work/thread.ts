import { Worker } from 'node:worker_threads';
import { errorFromData } from '../../shared/errors';
import type { WorkProgress } from '../../shared/ipc/contract';
import type { TaskRequest, WorkerReply } from './protocol';
import type { TaskName, TaskResult, TaskRunner } from './tasks';

/** A fault inside the worker, with the worker's stack, for the log. */
export class WorkerFault extends Error {
  override name = 'WorkerFault';
  constructor(message: string, readonly workerStack: string) {
    super(message);
    this.stack = workerStack || this.stack;
  }
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: (p: WorkProgress) => void;
}

/**
 * Runs tasks in one worker thread, started on first use and kept for the next: the window's
 * thread only waits for messages. A worker that dies fails what it was doing, and the next
 * task starts a new one.
 */
export function workerRunner(workerFile: string, dbFile: string): TaskRunner & { close(): Promise<void> } {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const started = new Worker(workerFile, { workerData: { dbFile } });
    started.on('message', (reply: WorkerReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      switch (reply.kind) {
        case 'progress':
          waiting.onProgress(reply.progress);
          return;
        case 'done':
          pending.delete(reply.id);
          waiting.resolve(reply.value);
          return;
        case 'refused':
          pending.delete(reply.id);
          waiting.reject(errorFromData(reply.error));
          return;
        case 'fault':
          pending.delete(reply.id);
          waiting.reject(new WorkerFault(reply.message, reply.stack));
          return;
      }
    });
    started.on('error', (error) => failAll(error));
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      if (pending.size > 0) failAll(new WorkerFault(`The background worker stopped (exit code ${code}).`, ''));
    });
    return started;
  };

  const run = <T extends TaskName>(task: T, input: unknown, onProgress: (p: WorkProgress) => void): Promise<TaskResult<T>> =>
    new Promise<TaskResult<T>>((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      const request: TaskRequest = { id, task, input };
      worker.postMessage(request);
    });

  return Object.assign(run as TaskRunner, {
    async close() {
      const running = worker;
      worker = null;
      if (running) await running.terminate();
    },
  });
}
