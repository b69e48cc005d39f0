import { WORKFLOW_MACHINE_VERSION } from '../../../../shared/workflow/machine';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { replayChecked, replayRun } from '../../../../electron/workflow/runs';
import { initialWorkflowContext } from '../../../../shared/workflow/context';
import { stampEvent, type IncomingEvent, type WorkflowEvent } from '../../../../shared/workflow/event-schema';
import { stepOf } from '../../../../shared/workflow/explain';
import { workflowMachine } from '../../../../shared/workflow/machine';
import { TO_DECISION } from '../../../support/workflow';

const at = (i: number): string => new Date(Date.UTC(2026, 2, 10, 9) + i * 1000).toISOString();

/** Every list a run grows, and the events that rewrite or shrink one (a finding edited, removed). */
function mixedLog(): WorkflowEvent[] {
  const finding = (id: string): IncomingEvent => ({ type: 'FINDING.ADD', id, text: `Finding ${id}`, source: 'CERT-EU', confidence: 'low' });
  const incoming: IncomingEvent[] = [
    ...Array.from({ length: 30 }, (_, i) => finding(`f-${i}`)),
    { type: 'FINDING.EDIT', id: 'f-3', text: 'Revised', source: 'ENISA', confidence: 'high' },
    { type: 'FINDING.REMOVE', id: 'f-4' },
    finding('f-4'),
    ...Array.from({ length: 40 }, (_, i): IncomingEvent =>
      i % 3 === 0 ? { type: 'DISSENT.ADD', id: `r-${i}`, text: `Dissent ${i}` } : { type: 'NOTE.ADD', id: `r-${i}`, text: `Remark ${i}` },
    ),
    ...TO_DECISION.slice(1),
    { type: 'INJECT.RECEIVE', id: 'inj-1', title: 'New intelligence', body: 'Linked to a State.' },
    { type: 'NOTE.ADD', id: 'r-after', text: 'After the inject' },
  ];
  return incoming.map((e, i) => stampEvent(e, at(i)));
}

/** The reference: one plain transition per event, each list copied as the machine's actions do outside a replay. */
function plainReplay(events: readonly WorkflowEvent[]) {
  let snapshot = initialTransition(workflowMachine)[0];
  for (const event of events) snapshot = transition(workflowMachine, snapshot, event)[0];
  return { value: stepOf(snapshot), context: snapshot.context };
}

describe('replay', () => {
  it('gives what plain transitions give, and leaves the initial context as it was', () => {
    const events = mixedLog();
    const expected = plainReplay(events);
    expect(replayRun(events)).toEqual(expected);
    const checked = replayChecked(events, WORKFLOW_MACHINE_VERSION);
    expect(checked).toEqual({ ok: true, snapshot: expected });
    expect(initialWorkflowContext.findings).toEqual([]);
    expect(initialWorkflowContext.notes).toEqual([]);
    expect(initialWorkflowContext.dissents).toEqual([]);
    expect(initialWorkflowContext.injects).toEqual([]);
  });

  it('refuses a repeated id however long the lists have grown in place', () => {
    const events = mixedLog();
    const repeat = stampEvent({ type: 'DISSENT.ADD', id: 'r-1', text: 'again' }, at(events.length));
    const checked = replayChecked([...events, repeat], WORKFLOW_MACHINE_VERSION);
    expect(checked).toMatchObject({ ok: false, index: events.length, reasons: [expect.stringMatching(/"r-1" is already recorded/)] });
    const removed = stampEvent({ type: 'FINDING.REMOVE', id: 'f-4' }, at(0));
    expect(replayChecked([...events.slice(0, 31), removed, removed], WORKFLOW_MACHINE_VERSION)).toMatchObject({ ok: false, index: 32 });
  });

  it('hands back lists that no later replay or transition changes', () => {
    const events = mixedLog();
    const first = replayChecked(events, WORKFLOW_MACHINE_VERSION);
    if (!first.ok) throw new Error(first.reasons.join(' '));
    const notes = first.snapshot.context.notes.length;
    replayChecked([...events, stampEvent({ type: 'NOTE.ADD', id: 'more', text: 'more' }, at(events.length))], WORKFLOW_MACHINE_VERSION);
    const restored = workflowMachine.resolveState(first.snapshot);
    const [next] = transition(workflowMachine, restored, stampEvent({ type: 'NOTE.ADD', id: 'next', text: 'next' }, at(events.length)));
    expect(next.context.notes).toHaveLength(notes + 1);
    expect(first.snapshot.context.notes).toHaveLength(notes);
  });
});
