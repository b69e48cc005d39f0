import { useMemo } from 'react';
import type { IncomingEvent } from '../../../../shared/workflow/event-schema';
import { workflowMachine, type WorkflowSnapshot } from '../../../../shared/workflow/machine';
import { whyNot } from '../../../../shared/workflow/explain';
import type { RunView } from '../../../../shared/workflow/runs';
import { asLocalEvent } from './model';
import { useOpenRun, useRuns } from './store';

/** The machine's own snapshot of a stored run: what `can` and `whyNot` are asked. */
export function restoreSnapshot(run: RunView): WorkflowSnapshot {
  return workflowMachine.resolveState(run.snapshot);
}

export function useSnapshot(): WorkflowSnapshot | null {
  const run = useOpenRun();
  return useMemo(() => (run ? restoreSnapshot(run) : null), [run]);
}

/** The latest snapshot, outside React (after waiting for the events on their way). */
export function latestSnapshot(): WorkflowSnapshot | null {
  const run = useRuns.getState().run;
  return run?.status === 'ready' ? restoreSnapshot(run.value) : null;
}

export interface Check {
  readonly ok: boolean;
  /** Why not, in the machine's words; empty when ok. */
  readonly reasons: readonly string[];
}

/** Would the machine accept the event now? `can` decides; `whyNot` explains. */
export function check(snapshot: WorkflowSnapshot | null, event: IncomingEvent): Check {
  if (!snapshot) return { ok: false, reasons: [] };
  const local = asLocalEvent(event, new Date().toISOString());
  if (snapshot.can(local)) return { ok: true, reasons: [] };
  const reasons = whyNot(snapshot, local);
  return { ok: false, reasons: reasons.length > 0 ? reasons : ['The workflow does not accept this now.'] };
}

export function useCheck(event: IncomingEvent): Check {
  const snapshot = useSnapshot();
  return check(snapshot, event);
}
