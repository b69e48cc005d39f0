import { describe, expect, it } from 'vitest';
import { emptyItem, planProblemOf, samePlan } from '../../../../../renderer/src/features/exercises/improvementPlan';

describe('the improvement plan as the console edits it', () => {
  it('tells an edited improvement plan from the saved one, field by field and in order', () => {
    const saved = { facilitator: 'Ines', items: [{ ...emptyItem('a'), issue: 'Late findings' }, emptyItem('b')] };
    expect(samePlan(saved, { ...saved, items: [...saved.items] })).toBe(true);
    expect(samePlan(saved, { ...saved, facilitator: 'Ines ' })).toBe(false);
    expect(samePlan(saved, { ...saved, items: [saved.items[1]!, saved.items[0]!] })).toBe(false);
    expect(samePlan(saved, { ...saved, items: [{ ...saved.items[0]!, dueDate: '2027-01-01' }, saved.items[1]!] })).toBe(false);
  });

  it('places a refusal of the plan on the field it names, from either wording of the path', () => {
    expect(planProblemOf('Invalid request for saveReportDetails: details.improvementPlan.2.issue: an improvement item needs an issue')).toEqual({
      target: { kind: 'item', index: 2, field: 'issue' }, message: 'an improvement item needs an issue',
    });
    expect(planProblemOf('The report details were not saved: improvementPlan[0].dueDate: expected a date as YYYY-MM-DD, or nothing')).toEqual({
      target: { kind: 'item', index: 0, field: 'dueDate' }, message: 'expected a date as YYYY-MM-DD, or nothing',
    });
    expect(planProblemOf('Invalid request for saveReportDetails: details.facilitator: Too big')).toEqual({ target: { kind: 'facilitator' }, message: 'Too big' });
    expect(planProblemOf('There is no exercise with id x.')).toBeNull();
  });
});
