// The console's reading of the table of positions and the joint decision. Pure (no React, no
// DOM): the unit tests call it directly.
import type { JointDecisionView } from '../../../../shared/consensus/joint';
import type { MeasureRow, PositionsTable } from '../../../../shared/consensus/table';
import type { MeasureId } from '../../../../shared/framework/catalogue';
import type { Stance } from '../../../../shared/framework/council';

/** One delegation's position that moved between two readings of the table. */
export interface PositionChange {
  readonly measureId: MeasureId;
  readonly measure: string;
  readonly delegation: string;
  readonly from: Stance;
  readonly to: Stance;
}

/** What moved between two readings, in the table's order (measures, then delegations). */
export function positionChanges(before: PositionsTable, after: PositionsTable): readonly PositionChange[] {
  const out: PositionChange[] = [];
  for (const row of after.measures) {
    const old = before.measures.find((r) => r.measureId === row.measureId);
    for (const p of row.positions) {
      const was = old?.positions.find((q) => q.delegationId === p.delegationId)?.stance;
      // A delegation that was not there before (added since) has nothing to announce.
      if (was !== undefined && was !== p.stance) out.push({ measureId: row.measureId, measure: row.label, delegation: p.delegation, from: was, to: p.stance });
    }
  }
  return out;
}

/** Why a measure cannot be recorded one way now, as the console shows it beside the button. */
export type JointBlocker =
  | { readonly kind: 'opposed'; readonly names: readonly string[] }
  | { readonly kind: 'none-opposes' }
  | { readonly kind: 'already'; readonly outcome: 'adopted' | 'blocked'; readonly seq: number };

function standing(joint: JointDecisionView, measureId: MeasureId): JointBlocker | null {
  const o = joint.outcomes.find((x) => x.measureId === measureId);
  return o?.outcome != null && o.seq !== null ? { kind: 'already', outcome: o.outcome, seq: o.seq } : null;
}

/**
 * What stands in the way of adopting the measure: a standing outcome, and any delegation that
 * opposes it (unanimity does not hold). The main process refuses the same; the console says it first.
 */
export function adoptBlockers(row: MeasureRow, joint: JointDecisionView): readonly JointBlocker[] {
  const out: JointBlocker[] = [];
  const already = standing(joint, row.measureId);
  if (already) out.push(already);
  if (!row.unanimity.holds) out.push({ kind: 'opposed', names: row.unanimity.blockers.map((b) => b.delegation) });
  return out;
}

/** A blocking names who blocks: it needs a delegation that opposes. */
export function blockBlockers(row: MeasureRow, joint: JointDecisionView): readonly JointBlocker[] {
  const out: JointBlocker[] = [];
  const already = standing(joint, row.measureId);
  if (already) out.push(already);
  if (row.unanimity.holds) out.push({ kind: 'none-opposes' });
  return out;
}
