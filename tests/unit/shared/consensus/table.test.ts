import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { MEASURE_IDS, PRINCIPLE_IDS } from '../../../../shared/framework/catalogue';
import { initialWorkflowContext, type WorkflowContext } from '../../../../shared/workflow/context';
import { stampEvent } from '../../../../shared/workflow/event-schema';
import { workflowMachine } from '../../../../shared/workflow/machine';
import { positionsTable, roomPositionsOf, type TableDelegation } from '../../../../shared/consensus/table';
import { TO_DECISION } from '../../../support/workflow';

const AT = '2025-03-10T10:00:00.000Z';
const HEAD = { seq: 3, hash: 'a'.repeat(64) };

/** A run decided on council conclusions, taken there by the machine (so it has a level and principles). */
function decidedContext(): WorkflowContext {
  let snapshot = initialTransition(workflowMachine)[0];
  for (const event of TO_DECISION) snapshot = transition(workflowMachine, snapshot, stampEvent(event, AT))[0];
  expect(snapshot.context.decision).not.toBeNull();
  return snapshot.context;
}

const seat = (delegationId: string, name: string, context: WorkflowContext): TableDelegation => ({ delegationId, name, runId: `run-${delegationId}`, context, head: HEAD });

const decided = decidedContext();
const north = seat('n', 'Delegation North', {
  ...decided,
  positions: { 'travel-ban': { stance: 'opposes', text: 'No named person yet: a listing would not stand in court.', at: AT } },
});
const south = seat('s', 'Delegation South', {
  ...initialWorkflowContext,
  positions: {
    'travel-ban': { stance: 'opposes', text: 'Our consular staff in the State concerned would be expelled.', at: AT },
    'council-conclusions': { stance: 'abstains', text: 'We abstain and will not apply the conclusions nationally.', at: AT },
  },
});
const east = seat('e', 'Delegation East', { ...initialWorkflowContext });

describe('the table of positions', () => {
  it('has every measure of the catalogue, in its order, each with a position per delegation in the exercise\'s order', () => {
    const table = positionsTable([north, south, east]);
    expect(table.measures.map((m) => m.measureId)).toEqual([...MEASURE_IDS]);
    for (const row of table.measures) expect(row.positions.map((p) => p.delegation)).toEqual(['Delegation North', 'Delegation South', 'Delegation East']);
    expect(positionsTable([]).measures.map((m) => m.measureId)).toEqual([...MEASURE_IDS]);
  });

  it('reads support from a decision, objections and abstentions from what the delegation recorded, undecided otherwise', () => {
    const table = positionsTable([north, south, east]);
    const conclusions = table.measures.find((m) => m.measureId === 'council-conclusions')!;
    expect(conclusions.positions.map((p) => p.stance)).toEqual(['supports', 'abstains', 'undecided']);
    expect(conclusions.positions[0]).toMatchObject({ text: null, at: decided.decision!.at });
    expect(conclusions.counts).toEqual({ supports: 1, opposes: 0, abstains: 1, undecided: 1 });
    expect(conclusions.abstentions).toEqual([{ delegationId: 's', delegation: 'Delegation South', declaration: 'We abstain and will not apply the conclusions nationally.' }]);
    // A measure chosen but not decided is not support: the delegation may still change its mind.
    const undecided = seat('u', 'Delegation West', { ...decided, decision: null });
    expect(positionsTable([undecided]).measures.find((m) => m.measureId === 'council-conclusions')!.positions[0]!.stance).toBe('undecided');
  });

  it('holds unanimity where no one opposes, abstentions included, and names who blocks where it fails', () => {
    const table = positionsTable([north, south, east]);
    const conclusions = table.measures.find((m) => m.measureId === 'council-conclusions')!;
    expect(conclusions.unanimity).toEqual({ holds: true });
    expect(conclusions.rule).toBe('consensus');
    const ban = table.measures.find((m) => m.measureId === 'travel-ban')!;
    expect(ban.rule).toBe('unanimity');
    expect(ban.unanimity).toEqual({
      holds: false,
      blockers: [
        { delegationId: 'n', delegation: 'Delegation North', reason: 'No named person yet: a listing would not stand in court.' },
        { delegationId: 's', delegation: 'Delegation South', reason: 'Our consular staff in the State concerned would be expelled.' },
      ],
    });
    expect(table.counts).toEqual({ measures: MEASURE_IDS.length, holds: MEASURE_IDS.length - 1, fails: 1, supportedWithoutObjection: 1 });
  });

  it("gives each delegation its overall level and its principles, with those not met", () => {
    const table = positionsTable([north, seat('x', 'Delegation X', { ...initialWorkflowContext, principles: { proportionality: { status: 'not-met', note: 'Too much.' } } })]);
    const [n, x] = table.delegations;
    expect(n).toMatchObject({ name: 'Delegation North', decided: true, level: expect.any(Number), chosen: ['council-conclusions'], principlesNotMet: [] });
    expect(n!.principles.map((p) => p.status)).toEqual(PRINCIPLE_IDS.map(() => 'met'));
    expect(x).toMatchObject({ decided: false, level: null, chosen: [], principlesNotMet: ['proportionality'] });
    expect(x!.principles.find((p) => p.id === 'proportionality')).toEqual({ id: 'proportionality', label: 'Proportionality', status: 'not-met' });
    expect('playedElsewhereSince' in n!).toBe(false);
    // A delegation whose kit is out: what the table shows of it is its last return.
    expect(positionsTable([{ ...north, playedElsewhereSince: AT }]).delegations[0]!.playedElsewhereSince).toBe(AT);
  });

  it("gives the room the positions and each delegation's standing, but nothing of the runs or of a principle's note", () => {
    const room = roomPositionsOf(positionsTable([north, south]));
    const text = JSON.stringify(room);
    expect(text).not.toContain('run-n');
    expect(text).not.toContain(HEAD.hash);
    expect(text).not.toContain('Checked');
    expect(text).toContain('Our consular staff in the State concerned would be expelled.');
  });
});
