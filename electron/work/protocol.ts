import type { ErrorData } from '../../shared/errors';
import type { WorkProgress } from '../../shared/ipc/contract';
import type { TaskName } from './tasks';

/** What the main thread and the worker say to each other. */
export interface TaskRequest {
  readonly id: number;
  readonly task: TaskName;
  readonly input: unknown;
}

export type WorkerReply =
  | { readonly id: number; readonly kind: 'progress'; readonly progress: WorkProgress }
  | { readonly id: number; readonly kind: 'done'; readonly value: unknown }
  | { readonly id: number; readonly kind: 'refused'; readonly error: ErrorData }
  | { readonly id: number; readonly kind: 'fault'; readonly message: string; readonly stack: string };
