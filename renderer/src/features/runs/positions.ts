// The delegation's positions on the measures it did not choose (FRAMEWORK.md §6), as the run
// page lists them. Pure: the unit tests call it directly.
import { MEASURE_IDS, type MeasureId } from '../../../../shared/framework/catalogue';
import type { RecordedStance } from '../../../../shared/framework/council';
import type { WorkflowContext } from '../../../../shared/workflow/context';
import type { IncomingEvent } from '../../../../shared/workflow/event-schema';

/** The measures a position can be taken on: every one the delegation has not chosen, in the catalogue's order. */
export function otherMeasures(context: Pick<WorkflowContext, 'measures'>): readonly MeasureId[] {
  const chosen = new Set(context.measures.map((m) => m.measureId));
  return MEASURE_IDS.filter((id) => !chosen.has(id));
}

/** The text field's words, by stance: an objection gives its reason, an abstention its formal declaration. */
export const STANCE_TEXT_KEY: { readonly [S in RecordedStance]: { readonly label: string; readonly hint: string; readonly record: string } } = {
  opposes: { label: 'consensus.positions.reasonLabel', hint: 'consensus.positions.reasonHint', record: 'consensus.positions.recordObjection' },
  abstains: { label: 'consensus.positions.declarationLabel', hint: 'consensus.positions.declarationHint', record: 'consensus.positions.recordAbstention' },
};

export function positionEvent(measureId: MeasureId, stance: RecordedStance, text: string): Extract<IncomingEvent, { type: 'POSITION.SET' }> {
  return { type: 'POSITION.SET', measureId, stance, text };
}

/**
 * What the form starts from: the text recorded for that stance (changing a position keeps its
 * words), else the other stance's text is not carried over, since a reason is not a declaration.
 */
export function startingText(context: Pick<WorkflowContext, 'positions'>, measureId: MeasureId, stance: RecordedStance): string {
  const recorded = context.positions[measureId];
  return recorded?.stance === stance ? recorded.text : '';
}
