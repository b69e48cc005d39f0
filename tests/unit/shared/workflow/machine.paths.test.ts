// Path-based tests: xstate's graph utilities walk the machine over a bounded set of sample
// events, and every path they return is replayed with the pure `transition` and checked
// against the workflow's invariants.

import { getPathsFromEvents, getShortestPaths, getSimplePaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS, PRINCIPLE_IDS } from '../../../../shared/framework/catalogue';
import { checkRequirement } from '../../../../shared/framework/proportionality';
import type { WorkflowContext } from '../../../../shared/workflow/context';
import type { WorkflowEvent } from '../../../../shared/workflow/event-schema';
import { whyNot } from '../../../../shared/workflow/explain';
import { workflowMachine, type WorkflowSnapshot } from '../../../../shared/workflow/machine';
import { caseFactsOf } from '../../../../shared/workflow/rules';
import { E, initial, run, step } from './fixtures';

const allRated = (c: WorkflowContext): boolean => DIMENSION_IDS.every((d) => c.ratings[d] !== undefined);
const allAssessed = (c: WorkflowContext): boolean => PRINCIPLE_IDS.every((p) => c.principles[p] !== undefined);
const unmet = (c: WorkflowContext): string[] =>
  c.measures.filter((m) => !checkRequirement(m.measureId, caseFactsOf(c)).met).map((m) => m.measureId);
const selectedIds = (c: WorkflowContext): string[] => c.measures.map((m) => `${m.measureId}:${m.rationale}`);

/** The invariants, for one transition prev --event--> next. */
function checkTransition(prev: WorkflowSnapshot, event: WorkflowEvent, next: WorkflowSnapshot, where: string): void {
  const refused = whyNot(prev, event).length > 0;
  expect(next === prev, `${where}: refusal and snapshot disagree`).toBe(refused);

  // No measure selected before the assessment is agreed and all seven rated.
  const added = selectedIds(next.context).filter((m) => !selectedIds(prev.context).includes(m));
  if (added.length > 0) {
    expect(prev.value, where).toBe('measures');
    expect(prev.context.sharedAssessment.agreed, where).toBe(true);
    expect(allRated(prev.context), where).toBe(true);
    // ...nor one whose requirement is unmet.
    for (const m of next.context.measures.filter((x) => added.includes(`${x.measureId}:${x.rationale}`))) {
      expect(checkRequirement(m.measureId, caseFactsOf(next.context)).met, where).toBe(true);
    }
  }
  if (next.context.measures.length > 0) expect(allRated(next.context), where).toBe(true);
  if (next.matches('measures') || next.matches('decided')) {
    expect(next.context.sharedAssessment.agreed, where).toBe(true);
    expect(allRated(next.context), where).toBe(true);
    expect(next.context.attribution, where).not.toBeNull();
  }

  // No decision without a measure and six assessed principles, nor with an unmet requirement.
  if (next.matches('decided')) {
    expect(next.context.decision, where).not.toBeNull();
    expect(next.context.measures.length, where).toBeGreaterThan(0);
    expect(allAssessed(next.context), where).toBe(true);
    expect(unmet(next.context), where).toEqual([]);
  } else {
    expect(next.context.decision, where).toBeNull();
  }
}

/** Replays a path's events from its first state with the pure transition, checking each step. */
function replay(path: { readonly steps: readonly { readonly event: WorkflowEvent }[] }, from: WorkflowSnapshot): WorkflowSnapshot {
  let s = from;
  const trail: string[] = [];
  for (const { event: e } of path.steps) {
    // A path starts with xstate's own init event, which the machine's event type does not name.
    if ((e.type as string) === 'xstate.init') continue;
    trail.push(e.type);
    const next = step(s, e);
    checkTransition(s, e, next, trail.join(' > '));
    s = next;
  }
  return s;
}

// A bounded set of sample events. While a step's work is half done (some dimensions
// unrated, some principles unassessed) only that step's events are offered, one item at a
// time in catalogue order; otherwise every sample is. That keeps the state space to a few
// thousand states without losing a rule. Refused events never lie on a shortest or simple
// path (they loop on the same state), so they are left out of the walk.
function sampleEvents(s: WorkflowSnapshot): WorkflowEvent[] {
  const c = s.context;
  const nextDimension = DIMENSION_IDS.find((d) => c.ratings[d] === undefined);
  const nextPrinciple = PRINCIPLE_IDS.find((p) => c.principles[p] === undefined);
  const selections: WorkflowEvent[] = [
    E.select('hr-statement'),
    E.select('travel-ban'),
    E.select('support-lawful-responses'),
    E.deselect('support-lawful-responses'),
  ];
  let events: WorkflowEvent[];
  if (s.matches('proportionality') && nextDimension !== undefined) {
    events = [E.rate(nextDimension, 3), E.sanctions({ actorsIdentified: true }), E.confirm()];
  } else if (s.matches('measures') && nextPrinciple !== undefined && c.principles.integrity !== undefined) {
    events = [E.principle(nextPrinciple), ...selections, E.submit()];
  } else {
    events = [
      E.finding('f1'),
      { type: 'FINDING.REMOVE', id: 'f1' },
      E.agree(),
      E.attributeState(),
      E.skip(),
      E.sanctions({ actorsIdentified: true }),
      E.confirm(),
      ...selections,
      ...(nextPrinciple === undefined ? [] : [E.principle(nextPrinciple)]),
      E.submit(),
      E.reopen(),
      E.revise('awareness'),
      E.revise('attribution'),
      E.revise('proportionality'),
      E.inject('i1'),
    ];
  }
  return events.filter((e) => s.can(e));
}

// The parts of the context that matter to the rules; ids, texts and times do not.
function serializeState(s: WorkflowSnapshot): string {
  const c = s.context;
  return JSON.stringify([
    s.value,
    c.findings.length,
    c.sharedAssessment.agreed,
    c.attribution === null ? null : c.attribution.status === 'skipped' ? 'skipped' : c.attribution.actorType,
    DIMENSION_IDS.map((d) => c.ratings[d]?.value ?? '-').join(''),
    c.actorsIdentified,
    c.external,
    c.measures.map((m) => `${m.measureId}${m.outsideSuggestion ? '*' : ''}`).sort(),
    PRINCIPLE_IDS.filter((p) => c.principles[p] !== undefined).length,
    c.decision !== null,
    c.injects.length,
  ]);
}

describe('paths through the workflow machine', () => {
  it('ships xstate/graph', () => {
    expect(typeof getShortestPaths).toBe('function');
  });

  it('keeps the invariants on the shortest path to every reachable state', () => {
    const paths = getShortestPaths(workflowMachine, { events: sampleEvents, serializeState, limit: 500_000 });
    expect(paths.length).toBeGreaterThan(500);
    const reached = new Set<string>();
    for (const path of paths) {
      const end = replay(path, initial());
      reached.add(String(end.value));
    }
    expect(reached).toEqual(new Set(['awareness', 'attribution', 'proportionality', 'measures', 'decided']));
  });

  it('reaches a decision only through the rules (shortest paths to decided)', () => {
    const paths = getShortestPaths(workflowMachine, {
      events: sampleEvents,
      serializeState,
      toState: (s) => s.matches('decided'),
      limit: 500_000,
    });
    expect(paths.length).toBeGreaterThan(0);
    const measureSets = new Set<string>();
    for (const path of paths) {
      const end = replay(path, initial());
      expect(end.value).toBe('decided');
      measureSets.add(end.context.measures.map((m) => m.measureId).sort().join(','));
    }
    // Both the allowed and the requirement-laden measures are decided on some path.
    expect([...measureSets].some((m) => m.includes('support-lawful-responses'))).toBe(true);
    expect([...measureSets].some((m) => m.includes('travel-ban'))).toBe(true);
  });

  it('keeps the invariants on every simple path from the measures step', () => {
    // A run in the measures step with all six principles assessed, attributed to a State.
    const from = run([E.finding(), E.agree(), E.attributeState(), ...E.rateAll(3), E.confirm(), ...E.allPrinciples()]);
    const events: WorkflowEvent[] = [
      E.select('hr-statement'),
      E.select('support-lawful-responses'),
      E.deselect('support-lawful-responses'),
      E.submit(),
      E.reopen(),
      E.revise('attribution'),
      E.skip(),
      E.attributeState(),
      E.confirm(),
    ];
    const paths = getSimplePaths(workflowMachine, { events, serializeState, fromState: from, limit: 100_000 });
    expect(paths.length).toBeGreaterThan(100);
    let decided = 0;
    for (const path of paths) {
      const end = replay(path, from);
      if (end.matches('decided')) decided++;
    }
    expect(decided).toBeGreaterThan(0);
  });

  it('blocks the decision when skipping attribution leaves support selected (a scripted path)', () => {
    // getPathsFromEvents explores every state its events reach, so the script starts late.
    const from = run([E.finding(), E.agree(), E.attributeState(), ...E.rateAll(4), E.confirm(), ...E.allPrinciples()]);
    const events: WorkflowEvent[] = [
      E.select('support-lawful-responses'),
      E.revise('attribution'),
      E.skip(),
      E.confirm(),
      E.submit(), // refused: support needs attribution to a State
      E.deselect('support-lawful-responses'),
      E.submit(), // refused: no measure left
      E.select('hr-statement'),
      E.submit(),
    ];
    const [path] = getPathsFromEvents(workflowMachine, events, { fromState: from });
    expect(path).toBeDefined();
    if (path === undefined) return;
    const end = replay(path, from);
    expect(end.value).toBe('decided');
    expect(end.context.measures.map((m) => m.measureId)).toEqual(['hr-statement']);
    expect(end.context.attribution?.status).toBe('skipped');
    expect(path.state.value).toBe('decided');
  });
});
