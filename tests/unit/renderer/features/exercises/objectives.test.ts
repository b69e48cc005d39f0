import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../../../../shared/exercise/scenario';
import { draftToValue, emptyDraft, emptyObjective, problemPlace } from '../../../../../renderer/src/features/exercises/scenarioDraft';
import { sameRatingDraft, savedDraftOf } from '../../../../../renderer/src/features/exercises/objectiveDraft';
import { emptyItem, planProblemOf, samePlan } from '../../../../../renderer/src/features/exercises/improvementPlan';

const draft = () => ({ ...emptyDraft(), id: 'grey-harbour', title: 'Grey Harbour', incident: 'x', injects: [{ ...emptyDraft().injects[0]!, title: 'Port', body: 'b' }] });

describe('objectives in the scenario editor', () => {
  it('saves no objectives key while there are none, and no description while it is empty, so a scenario keeps its hash', () => {
    expect(draftToValue({ ...draft(), objectives: [] })).not.toHaveProperty('objectives');
    const value = draftToValue({ ...draft(), objectives: [{ ...emptyObjective(1), title: ' Agree a shared picture ', description: '  ' }] }) as Scenario;
    expect(value.objectives).toEqual([{ id: 'objective-1', title: 'Agree a shared picture', tiedTo: 'awareness' }]);
    expect(parseScenario(value).ok).toBe(true);
  });

  it('names an objective’s problem as the form labels it', async () => {
    const { exercisesEn } = await import('../../../../../renderer/src/i18n/exercises.en');
    const editor = exercisesEn.editor as Readonly<Record<string, string>>;
    const label = (key: string, values?: Readonly<Record<string, unknown>>): string => editor[key]!.replace('{{n}}', String(values?.n ?? ''));
    const result = parseScenario(draftToValue({ ...draft(), objectives: [emptyObjective(1), emptyObjective(1)] }));
    const places = (result.ok ? [] : result.errors).map((p) => `${problemPlace(p.path, label)}: ${p.message}`);
    expect(places).toEqual(expect.arrayContaining(['Objective 1, Objective: must not be empty', 'Objective 2, Objective: must not be empty']));
    expect(problemPlace('objectives[1].id', label)).toBe('Objective 2, Identifier');
    expect(problemPlace('objectives[0].tiedTo', label)).toBe('Objective 1, Tied to');
    expect(problemPlace('objectives', label)).toBe('Objectives');
  });
});

describe('the rating form', () => {
  it('shows an unrated objective as an empty form, and counts a draft unchanged when saving would change nothing', () => {
    expect(savedDraftOf(null)).toEqual({ rating: null, observations: '', entries: [] });
    const saved = savedDraftOf({ rating: 'S', observations: 'South waited.', entries: ['note:a', 'run:r:2'], ratedAt: '2025-03-10T09:52:00.000Z' });
    expect(sameRatingDraft({ ...saved, observations: 'South waited. \n', entries: ['run:r:2', 'note:a'] }, saved)).toBe(true);
    expect(sameRatingDraft({ ...saved, rating: 'M' }, saved)).toBe(false);
    expect(sameRatingDraft({ ...saved, entries: ['note:a'] }, saved)).toBe(false);
    expect(sameRatingDraft({ ...saved, observations: 'North too.' }, saved)).toBe(false);
  });
});

describe('the improvement plan form', () => {
  it('holds an item’s objective and priority, counts a change of either as unsaved, and places their refusals', () => {
    const item = emptyItem('i1');
    expect(item).toMatchObject({ objectiveId: '', priority: '' });
    expect(samePlan({ facilitator: '', items: [item] }, { facilitator: '', items: [{ ...item, priority: 'high' }] })).toBe(false);
    expect(samePlan({ facilitator: '', items: [item] }, { facilitator: '', items: [{ ...item, objectiveId: 'consensus' }] })).toBe(false);
    expect(planProblemOf('improvementPlan[0].objectiveId: the scenario "X" has no objective "speed".')).toEqual({
      target: { kind: 'item', index: 0, field: 'objectiveId' }, message: 'the scenario "X" has no objective "speed".',
    });
    expect(planProblemOf('details.improvementPlan.2.priority: expected one of "", "high", "medium", "low"')?.target).toEqual({ kind: 'item', index: 2, field: 'priority' });
  });
});
