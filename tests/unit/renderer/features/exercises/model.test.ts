import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../../../shared/exercise/scenario';
import {
  draftToValue, emptyDraft, fieldFor, formatClock, messageLines, problemsOf, questionsFromText,
} from '../../../../../renderer/src/features/exercises/model';

describe('exercises model', () => {
  it('formats the exercise clock as mm:ss, minutes running past the hour', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(61_900)).toBe('01:01');
    expect(formatClock(150 * 60_000)).toBe('150:00');
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
