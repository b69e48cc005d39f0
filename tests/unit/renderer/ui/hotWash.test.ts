import { describe, expect, it } from 'vitest';
import { HOT_WASH_QUESTION_IDS } from '../../../../shared/evaluation/hot-wash';
import type { HotWash } from '../../../../shared/workflow/context';
import { incomingEventSchema } from '../../../../shared/workflow/event-schema';
import { answeredCount, draftOf, EMPTY_HOT_WASH, hotWashEvent, isEmptyDraft, withRating } from '../../../../renderer/src/ui/hotWash';

const given: HotWash = {
  strengths: 'Quick shared picture',
  improvements: 'Attribution took too long',
  ratings: { scenario: 4, framework: 5 },
  comments: '',
  source: 'delegation',
  at: '2026-12-02T07:00:00.000Z',
};

describe('the hot wash form', () => {
  it('starts empty, or from the answers given last, so that changing one keeps the others', () => {
    expect(draftOf(null)).toEqual(EMPTY_HOT_WASH);
    expect(draftOf(given)).toEqual({ strengths: 'Quick shared picture', improvements: 'Attribution took too long', ratings: { scenario: 4, framework: 5 }, comments: '' });
  });

  it('sends only the questions answered, with the source, as an event the main process accepts', () => {
    let draft = withRating(draftOf(given), 'coordination', 2);
    draft = withRating(draft, 'scenario', null);
    const event = hotWashEvent(draft, 'paper');
    expect(event).toEqual({
      type: 'HOTWASH.SUBMIT', strengths: 'Quick shared picture', improvements: 'Attribution took too long',
      ratings: { framework: 5, coordination: 2 }, comments: '', source: 'paper',
    });
    expect(Object.keys(event.ratings)).not.toContain('scenario');
    expect(incomingEventSchema.safeParse(event).success).toBe(true);
    expect(answeredCount(event.ratings)).toBe(2);
  });

  it('knows an empty hot wash: blank texts and no rating', () => {
    expect(isEmptyDraft(EMPTY_HOT_WASH)).toBe(true);
    expect(isEmptyDraft({ ...EMPTY_HOT_WASH, comments: '  \n ' })).toBe(true);
    expect(isEmptyDraft(withRating(EMPTY_HOT_WASH, HOT_WASH_QUESTION_IDS[0]!, 3))).toBe(false);
    expect(isEmptyDraft({ ...EMPTY_HOT_WASH, improvements: 'More time' })).toBe(false);
    expect(isEmptyDraft(withRating(withRating(EMPTY_HOT_WASH, 'scenario', 3), 'scenario', null))).toBe(true);
  });
});
