import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../../shared/exercise/scenario';
import {
  draftToValue, emptyDraft, emptyItem, fieldFor, planProblemOf, problemPlace, problemsOf, questionsFromText, samePlan,
} from '../../../../../renderer/src/features/exercises/model';
import { formatClock } from '../../../../../renderer/src/ui/format';
import { messageLines } from '../../../../../renderer/src/ui/messages';

describe('exercises model', () => {
  it('formats the exercise clock as mm:ss, minutes running past the hour', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(61_900)).toBe('01:01');
    expect(formatClock(150 * 60_000)).toBe('150:00');
  });

  it('names where a problem is as the form labels it, and says what is wrong in plain words', async () => {
    const { exercisesEn } = await import('../../../../../renderer/src/i18n/exercises.en');
    const editor = exercisesEn.editor as Readonly<Record<string, string>>;
    const label = (key: string, values?: Readonly<Record<string, unknown>>): string => editor[key]!.replace('{{n}}', String(values?.n ?? ''));
    const result = parseScenario(draftToValue({ ...emptyDraft(), injects: [{ ...emptyDraft().injects[0]!, offsetMinutes: '20000' }] }));
    const offset = (result.ok ? [] : result.errors).find((p) => p.path === 'injects[0].offsetMinutes');
    expect(`${problemPlace(offset!.path, label)}: ${offset!.message}`).toBe('Inject 1, Minutes after start: at most 10,080');
    expect(problemPlace('classification.marking', label)).toBe('Classification marking');
    expect(problemPlace('questions.awareness[2]', label)).toBe('Discussion questions, per step: Shared situational awareness');
    expect(problemPlace('injects[3]', label)).toBe('Inject 4');
    expect(problemPlace('(input)', label)).toBe('The scenario as a whole');
    expect(problemPlace('somewhere.else', label)).toBe('somewhere.else');
  });

  it('trims the one-line fields as typed, so a space before the next word is no problem', () => {
    const draft = { ...emptyDraft(), id: 'grey-harbour ', title: 'Grey Harbour ', incident: 'x', injects: [{ ...emptyDraft().injects[0]!, title: ' Port ', body: 'b' }] };
    const result = parseScenario(draftToValue(draft));
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.value.title).toBe('Grey Harbour');
  });

  it('places each problem at its nearest field', () => {
    const fields = new Set(['injects', 'injects[0]', 'injects[0].id', 'questions.awareness']);
    expect(fieldFor('injects[0].id', fields)).toBe('injects[0].id');
    expect(fieldFor('injects[0].suggestedFindings[1].text', fields)).toBe('injects[0]');
    expect(fieldFor('questions.awareness[2]', fields)).toBe('questions.awareness');
    expect(fieldFor('(input)', fields)).toBeNull();
  });

  it('validates an empty draft with every problem named by path', () => {
    const result = parseScenario(draftToValue({ ...emptyDraft(), injects: [{ ...emptyDraft().injects[0]!, offsetMinutes: 'x' }] }));
    expect(result.ok).toBe(false);
    const paths = problemsOf(result.ok ? [] : result.errors, new Set()).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'title', 'incident', 'injects[0].title', 'injects[0].body', 'injects[0].offsetMinutes']));
  });

  it('reads questions one per line and splits the main process messages', () => {
    expect(questionsFromText('A?\n\n  B?  \n')).toEqual(['A?', 'B?']);
    expect(messageLines('f.json: a\nf.json: b\n')).toEqual(['f.json: a', 'f.json: b']);
  });

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
