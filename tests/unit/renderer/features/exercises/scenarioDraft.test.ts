import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../../shared/exercise/scenario';
import {
  draftToValue, emptyDraft, fieldFor, problemPlace, problemsOf, questionsFromText,
} from '../../../../../renderer/src/features/exercises/scenarioDraft';
import { messageLines } from '../../../../../renderer/src/ui/messages';

describe('the scenario draft', () => {
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
});
