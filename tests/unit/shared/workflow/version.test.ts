// Pins what the current version of the workflow rules does with a recorded log. Runs store
// the version they were recorded by and are replayed only by rules that replay it as it was
// (see WORKFLOW_MACHINE_VERSION), so the machine's behaviour under a version must never change.

import { createHash } from 'node:crypto';
import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../electron/workflow/chain';
import type { WorkflowEvent } from '../../../../shared/workflow/event-schema';
import { WORKFLOW_MACHINE_VERSION, workflowMachine } from '../../../../shared/workflow/machine';
import { assessRun } from '../../../../shared/workflow/rules';

const at = (minute: number): string => new Date(Date.UTC(2025, 2, 10, 9, minute)).toISOString();
const rate = (value: 0 | 1 | 2 | 3 | 4, rationale = `rated ${value}`) =>
  (['scope', 'scale', 'duration', 'intensity', 'complexity', 'sophistication', 'impact'] as const).map(
    (dimension): WorkflowEvent => ({ type: 'RATING.SET', dimension, value, rationale }),
  );
const principles = (['integrity', 'external-relations', 'cfsp-objectives', 'shared-awareness', 'proportionality', 'international-law'] as const).map(
  (principleId, i): WorkflowEvent => ({ type: 'PRINCIPLE.ASSESS', principleId, status: i === 2 ? 'unclear' : 'met', note: `note ${i}` }),
);

/** A recorded log through every step and every event, with events the rules refuse on the way. */
const LOG: readonly WorkflowEvent[] = [
  { type: 'FINDING.ADD', id: 'f1', text: 'Wiper malware at two hospitals', source: 'CERT-EU', confidence: 'high' },
  { type: 'FINDING.ADD', id: 'f1', text: 'The same id again', source: 'CERT-EU', confidence: 'low' },
  { type: 'FINDING.ADD', id: 'f2', text: 'Leaked ministry mail', source: 'national CSIRT', confidence: 'moderate' },
  { type: 'FINDING.EDIT', id: 'f2', text: 'Leaked ministry mail, confirmed', source: 'national CSIRT', confidence: 'high' },
  { type: 'FINDING.ADD', id: 'f3', text: 'A defaced portal', source: 'press', confidence: 'low' },
  { type: 'FINDING.REMOVE', id: 'f3' },
  { type: 'NOTE.ADD', id: 'n1', text: 'Wait for the second report', author: 'Chair', at: at(1) },
  { type: 'MEASURE.SELECT', measureId: 'cbm', rationale: 'Too early' },
  { type: 'AWARENESS.AGREE', text: '' },
  { type: 'AWARENESS.AGREE', text: 'A coordinated campaign against health services' },
  { type: 'REVISE', step: 'awareness' },
  { type: 'AWARENESS.AGREE', text: 'A coordinated campaign against health and state functions' },
  { type: 'ATTRIBUTION.ATTRIBUTE', actorType: 'state', actorNamed: true, confidence: 'moderate', basis: 'All-source intelligence' },
  { type: 'ATTRIBUTION.ATTRIBUTE', actorType: 'state', actorNamed: true, actorName: 'Ruritania', confidence: 'moderate', basis: 'All-source intelligence' },
  { type: 'PROPORTIONALITY.CONFIRM' },
  ...rate(2),
  { type: 'RATING.SET', dimension: 'impact', value: 4, rationale: '' },
  { type: 'PROPORTIONALITY.CONFIRM' },
  { type: 'RATING.SET', dimension: 'impact', value: 4, rationale: 'Surgery postponed in two member states' },
  {
    type: 'SANCTIONS.SET',
    attempt: { potential: { scope: 3, scale: 3, duration: 2, intensity: 4, complexity: 3, sophistication: 3, impact: 4 } },
    external: true,
    actorsIdentified: true,
    targets: ['critical-infrastructure', 'state-functions'],
  },
  { type: 'PROPORTIONALITY.CONFIRM' },
  { type: 'MEASURE.SELECT', measureId: 'council-conclusions', rationale: 'A clear political signal' },
  { type: 'MEASURE.SELECT', measureId: 'asset-freeze', rationale: 'Listing the operators' },
  { type: 'MEASURE.SELECT', measureId: 'cbm', rationale: 'Outside what the assessment suggests' },
  { type: 'MEASURE.DESELECT', measureId: 'cbm' },
  { type: 'MEASURE.DESELECT', measureId: 'dialogue' },
  { type: 'DECISION.SUBMIT', summary: 'Too soon', at: at(20) },
  ...principles,
  { type: 'DISSENT.ADD', id: 'd1', text: 'A listing is premature', at: at(25) },
  { type: 'DECISION.SUBMIT', summary: 'Conclusions and a listing', at: at(30) },
  { type: 'NOTE.ADD', id: 'n2', text: 'Decided before lunch', at: at(31) },
  { type: 'DECISION.REOPEN' },
  { type: 'REVISE', step: 'proportionality' },
  ...rate(1, 'revised down'),
  { type: 'PROPORTIONALITY.CONFIRM' },
  { type: 'DECISION.SUBMIT', summary: 'Conclusions only', at: at(40) },
  { type: 'INJECT.RECEIVE', id: 'i1', title: 'A second wave', body: 'Three more hospitals', at: at(45) },
  { type: 'INJECT.RECEIVE', id: 'i1', title: 'The same inject', body: 'Again', at: at(46) },
  { type: 'AWARENESS.AGREE', text: 'The campaign continues' },
  { type: 'ATTRIBUTION.SKIP', reason: 'Not revisited' },
  { type: 'REVISE', step: 'attribution' },
  { type: 'ATTRIBUTION.SKIP', reason: 'Member states no longer agree on the attribution' },
  // What version 2 changed: an attribution that names no one identifies no one to list, and
  // the sanctions regime's floor raises an external attack on a State function with a
  // significant effect to the level of listings.
  { type: 'REVISE', step: 'attribution' },
  { type: 'ATTRIBUTION.ATTRIBUTE', actorType: 'state', actorNamed: false, confidence: 'high', basis: 'All-source intelligence' },
  ...rate(1, 'a ministry: data stolen, nothing destroyed'),
  { type: 'RATING.SET', dimension: 'intensity', value: 2, rationale: 'Significant data theft' },
  { type: 'SANCTIONS.SET', attempt: null, external: true, actorsIdentified: false, targets: ['state-functions'] },
  { type: 'PROPORTIONALITY.CONFIRM' },
  { type: 'MEASURE.DESELECT', measureId: 'asset-freeze' },
  { type: 'MEASURE.SELECT', measureId: 'travel-ban', rationale: 'No one is named' },
  { type: 'MEASURE.SELECT', measureId: 'demarche-stabilising', rationale: 'Within the suggestion now' },
];

/** What version 3 added: positions on measures not chosen, and the hot wash. */
const LOG_3: readonly WorkflowEvent[] = [
  ...LOG,
  { type: 'POSITION.SET', measureId: 'council-conclusions', stance: 'opposes', text: 'Chosen: refused', at: at(50) },
  { type: 'POSITION.SET', measureId: 'asset-freeze', stance: 'opposes', text: 'No one is identified', at: at(51) },
  { type: 'POSITION.SET', measureId: 'hr-statement', stance: 'abstains', text: '', at: at(52) },
  { type: 'POSITION.SET', measureId: 'hr-statement', stance: 'abstains', text: 'We will not apply it, but accept that it commits the Union', at: at(52) },
  { type: 'POSITION.WITHDRAW', measureId: 'cbm' },
  { type: 'MEASURE.SELECT', measureId: 'hr-statement', rationale: 'Changed our mind' },
  { type: 'HOTWASH.SUBMIT', strengths: '', improvements: '', ratings: {}, comments: '', source: 'delegation', at: at(60) },
  { type: 'HOTWASH.SUBMIT', strengths: 'Clear roles', improvements: 'Share intelligence earlier', ratings: { scenario: 4, coordination: 2 }, comments: '', source: 'paper', at: at(61) },
];

/** What the rules did with each event (accepted or not, and the state after), hashed; `omit` leaves context fields out. */
function traceHash(log: readonly WorkflowEvent[], omit: readonly string[] = []): { readonly hash: string; readonly accepted: number } {
  let snapshot = initialTransition(workflowMachine)[0];
  let accepted = 0;
  const trace = log.map((event) => {
    const can = snapshot.can(event);
    if (can) accepted++;
    snapshot = transition(workflowMachine, snapshot, event)[0];
    const context = Object.fromEntries(Object.entries(snapshot.context).filter(([key]) => !omit.includes(key)));
    return { can, value: snapshot.value, context };
  });
  return { hash: createHash('sha256').update(canonicalJson(trace)).digest('hex'), accepted };
}

describe('workflow version 3', () => {
  it('replays a version-2 log exactly as version 2 did, leaving what version 3 added at its initial value', () => {
    // The hash is version 2's own: computed without the two fields version 3 added, the trace
    // is unchanged, which is why version-2 runs are read by these rules (REPLAYED_VERSIONS).
    expect(traceHash(LOG, ['positions', 'hotWash'])).toEqual({ hash: '89e9139c4481e58df0f28fe492aab6d26b1f91e6347e8da0683f5b0161b4c769', accepted: 64 });
    const end = LOG.reduce((s, e) => transition(workflowMachine, s, e)[0], initialTransition(workflowMachine)[0]);
    expect(end.context.positions).toEqual({});
    expect(end.context.hotWash).toBeNull();
  });

  it('replays a recorded log exactly as version 3 always has', () => {
    // When this fails, the machine's behaviour changed (an action, a guard, a rule, the
    // context): bump WORKFLOW_MACHINE_VERSION, with what the bump must keep for the runs
    // recorded under this one (shared/workflow/machine.ts says how). Never update the hash alone.
    expect(WORKFLOW_MACHINE_VERSION).toBe(3);
    expect(traceHash(LOG_3)).toEqual({ hash: 'b732f62596ea214b9217913b785e8a5604224d934ed8e2d7852b7926cff24e16', accepted: 68 });
  });

  it('holds a position only on a measure not chosen, with its text, and drops it when the measure is chosen', () => {
    const end = LOG_3.reduce((s, e) => transition(workflowMachine, s, e)[0], initialTransition(workflowMachine)[0]);
    expect(end.context.positions).toEqual({ 'asset-freeze': { stance: 'opposes', text: 'No one is identified', at: at(51) } });
    expect(end.context.hotWash).toMatchObject({ strengths: 'Clear roles', ratings: { scenario: 4, coordination: 2 }, source: 'paper' });
  });

  it('ends the log as version 2 reads it: no listing of no one, and the floor in the suggestion', () => {
    const end = LOG.reduce((s, e) => transition(workflowMachine, s, e)[0], initialTransition(workflowMachine)[0]);
    expect(end.value).toBe('measures');
    expect(assessRun(end.context)?.level).toBe(3);
    expect(end.context.measures.map((m) => [m.measureId, m.outsideSuggestion])).toEqual([
      ['council-conclusions', false],
      ['demarche-stabilising', false],
    ]);
  });
});
