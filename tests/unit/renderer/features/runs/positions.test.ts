import { describe, expect, it } from 'vitest';
import { MEASURE_IDS } from '../../../../../shared/framework/catalogue';
import { initialWorkflowContext } from '../../../../../shared/workflow/context';
import { incomingEventSchema } from '../../../../../shared/workflow/event-schema';
import { otherMeasures, positionEvent, startingText } from '../../../../../renderer/src/features/runs/positions';

const selected = (measureId: (typeof MEASURE_IDS)[number]) => ({ measureId, rationale: 'r', outsideSuggestion: false });

describe('the positions on the other measures', () => {
  it('lists every measure not chosen, in the catalogue’s order', () => {
    expect(otherMeasures({ measures: [] })).toEqual(MEASURE_IDS);
    const others = otherMeasures({ measures: [selected('council-conclusions'), selected('cbm')] });
    expect(others).not.toContain('council-conclusions');
    expect(others).not.toContain('cbm');
    expect(others).toHaveLength(MEASURE_IDS.length - 2);
    expect(others[0]).toBe('awareness-raising');
  });

  it('starts the text from what was recorded for that stance, never from the other one', () => {
    const context = { ...initialWorkflowContext, positions: { 'travel-ban': { stance: 'opposes' as const, text: 'No evidence shared', at: '2026-12-02T07:00:00.000Z' } } };
    expect(startingText(context, 'travel-ban', 'opposes')).toBe('No evidence shared');
    expect(startingText(context, 'travel-ban', 'abstains')).toBe('');
    expect(startingText(context, 'asset-freeze', 'abstains')).toBe('');
  });

  it('makes the event the main process accepts', () => {
    const event = positionEvent('asset-freeze', 'abstains', 'We shall not apply it, and accept it commits the Union.');
    expect(incomingEventSchema.safeParse(event).success).toBe(true);
  });
});
