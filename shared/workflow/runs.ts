import type { StepId } from '../framework/catalogue';
import type { WorkflowContext } from './context';
import type { WorkflowEvent } from './event-schema';
import type { Blocker } from './rules';

// What the run service returns, as both sides see it.

export interface StoredSnapshot {
  readonly value: StepId;
  readonly context: WorkflowContext;
}

export interface RunSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly step: StepId;
  readonly stepsDone: readonly StepId[];
  readonly eventCount: number;
  /**
   * false only for a run another workflow version recorded: listed, with the step its stored
   * state names, but never replayed here, so opening it is refused with the reason.
   */
  readonly readable?: false;
}

export interface RunView extends RunSummary {
  readonly snapshot: StoredSnapshot;
  readonly blockers: readonly Blocker[];
}

export type SendResult =
  | { readonly accepted: true; readonly run: RunView }
  | { readonly accepted: false; readonly reasons: readonly string[] };

export interface RecordedEvent {
  readonly seq: number;
  readonly at: string;
  readonly event: WorkflowEvent;
  readonly hash: string;
}

export type ChainVerdict =
  | { readonly intact: true; readonly events: number; readonly headHash: string }
  | { readonly intact: false; readonly events: number; readonly firstBroken: number; readonly reason: string };

/** Is the record intact? The chain verifies and replaying it gives the stored snapshot. */
export type RunVerification = ChainVerdict & { readonly replayMatches: boolean };
