// What the UI and the main process ask of a run besides the machine's own transition: the
// step it is in, why an event would be refused, which steps are done.

import { STEP_IDS, assertNever, isStepId, type StepId } from '../framework/catalogue';
import { listOf } from '../framework/wording';
import type { WorkflowContext } from './context';
import { EVENT_ACTIONS, type WorkflowEvent, type WorkflowEventType } from './event-schema';
import { workflowMachine } from './machine';
import { blockers, eventProblems, stepLabel } from './rules';

/** A live snapshot or a stored one (its JSON): the step and the context are all we read. */
export interface WorkflowSnapshotLike {
  readonly value: unknown;
  readonly context: WorkflowContext;
}

function isSnapshotLike(subject: WorkflowContext | WorkflowSnapshotLike): subject is WorkflowSnapshotLike {
  return 'value' in subject && 'context' in subject;
}

export function stepOf(snapshot: WorkflowSnapshotLike): StepId {
  if (isStepId(snapshot.value)) return snapshot.value;
  throw new Error(`Not a workflow step: ${JSON.stringify(snapshot.value)}`);
}

// Read from the machine itself, so the step rules cannot drift from its configuration.
function handledIn(step: StepId, type: WorkflowEventType): boolean {
  const node = workflowMachine.root.states[step];
  return (node?.ownEvents.includes(type) ?? false) || workflowMachine.root.ownEvents.includes(type);
}

function stepProblems(step: StepId, event: WorkflowEvent): string[] {
  if (!handledIn(step, event.type)) {
    const where = STEP_IDS.filter((s) => handledIn(s, event.type));
    const only =
      event.type === 'REVISE'
        ? 'There is no earlier step to revise'
        : `${EVENT_ACTIONS[event.type]} is possible only in the ${listOf(where.map((s) => stepLabel(s)))} step${where.length > 1 ? 's' : ''}`;
    return [`${only}; the run is in the ${stepLabel(step)} step.`];
  }
  if (event.type === 'REVISE' && isStepId(event.step) && STEP_IDS.indexOf(event.step) >= STEP_IDS.indexOf(step)) {
    return [`Only an earlier step can be revised: the run is in the ${stepLabel(step)} step, and ${stepLabel(event.step)} is not earlier.`];
  }
  return [];
}

/**
 * Why the event would be refused, in English; [] when it would be accepted. Given a
 * snapshot it also checks the step; given a bare context, only the rules on the data.
 */
export function whyNot(subject: WorkflowContext | WorkflowSnapshotLike, event: WorkflowEvent): readonly string[] {
  if (!isSnapshotLike(subject)) return eventProblems(subject, event);
  const problems = stepProblems(stepOf(subject), event);
  return problems.length > 0 ? problems : eventProblems(subject.context, event);
}

/** The steps whose work is complete, in workflow order. */
export function stepsDone(context: WorkflowContext): readonly StepId[] {
  const open = new Set(blockers(context).map((b) => b.step));
  return STEP_IDS.filter((step) => {
    switch (step) {
      case 'awareness':
      case 'attribution':
      case 'proportionality':
      case 'measures':
        return !open.has(step);
      case 'decided':
        return context.decision !== null;
      default:
        return assertNever(step, 'step');
    }
  });
}
