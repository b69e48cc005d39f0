import { describe, expect, it } from 'vitest';
import type { JointDecisionView } from '../../../../../shared/consensus/joint';
import { positionsTable, type TableDelegation } from '../../../../../shared/consensus/table';
import { MEASURE_IDS } from '../../../../../shared/framework/catalogue';
import { initialWorkflowContext, type WorkflowContext } from '../../../../../shared/workflow/context';
import { adoptBlockers, blockBlockers, positionChanges } from '../../../../../renderer/src/features/exercises/consensus';

const AT = '2026-12-02T07:00:00.000Z';
const seat = (name: string, context: Partial<WorkflowContext> = {}): TableDelegation => ({
  delegationId: `d-${name}`, name, runId: `r-${name}`, context: { ...initialWorkflowContext, ...context }, head: { seq: 0, hash: '0'.repeat(64) },
});
const opposing = { positions: { 'travel-ban': { stance: 'opposes' as const, text: 'No evidence shared', at: AT } } };
const noOutcomes: JointDecisionView = {
  entries: [], statements: [], outcomes: MEASURE_IDS.map((measureId) => ({ measureId, outcome: null, seq: null })),
  verification: { intact: true, entries: 0, headHash: '0'.repeat(64), referencesHold: true, referenceProblems: [] },
};
const rowOf = (table: ReturnType<typeof positionsTable>, id: string) => table.measures.find((r) => r.measureId === id)!;

describe('the console’s reading of the table of positions', () => {
  it('names each position that moved, and nothing for a delegation added since', () => {
    const before = positionsTable([seat('A'), seat('B')]);
    const after = positionsTable([seat('A', opposing), seat('B'), seat('C', opposing)]);
    expect(positionChanges(before, after)).toEqual([
      { measureId: 'travel-ban', measure: rowOf(after, 'travel-ban').label, delegation: 'A', from: 'undecided', to: 'opposes' },
    ]);
    expect(positionChanges(after, after)).toEqual([]);
  });

  it('says why a measure cannot be adopted while a delegation opposes it, nor blocked while none does', () => {
    const table = positionsTable([seat('A', opposing), seat('B')]);
    expect(adoptBlockers(rowOf(table, 'travel-ban'), noOutcomes)).toEqual([{ kind: 'opposed', names: ['A'] }]);
    expect(blockBlockers(rowOf(table, 'travel-ban'), noOutcomes)).toEqual([]);
    expect(adoptBlockers(rowOf(table, 'council-conclusions'), noOutcomes)).toEqual([]);
    expect(blockBlockers(rowOf(table, 'council-conclusions'), noOutcomes)).toEqual([{ kind: 'none-opposes' }]);
  });

  it('says a measure with a standing outcome must have that entry set aside first', () => {
    const table = positionsTable([seat('A', opposing)]);
    const joint = { ...noOutcomes, outcomes: noOutcomes.outcomes.map((o) => (o.measureId === 'travel-ban' ? { ...o, outcome: 'blocked' as const, seq: 1 } : o)) };
    expect(blockBlockers(rowOf(table, 'travel-ban'), joint)).toEqual([{ kind: 'already', outcome: 'blocked', seq: 1 }]);
    expect(adoptBlockers(rowOf(table, 'travel-ban'), joint)).toEqual([{ kind: 'already', outcome: 'blocked', seq: 1 }, { kind: 'opposed', names: ['A'] }]);
  });
});
