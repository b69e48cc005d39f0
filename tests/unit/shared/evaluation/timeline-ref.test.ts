import { describe, expect, it } from 'vitest';
import { formatTimelineRef, parseTimelineRef, TIMELINE_REF_MAX, type TimelineRef } from '../../../../shared/evaluation/timeline-ref';

describe('timeline references', () => {
  it('formats and parses each kind back to itself, ids with colons included', () => {
    const refs: TimelineRef[] = [
      { kind: 'run', runId: '2b0c9c1e-5d7a-4a1e-9a51-0d6f4f1c2a10', seq: 12 },
      { kind: 'run', runId: 'imported:run:7', seq: 1 },
      { kind: 'note', noteId: 'ex-1-note:2' },
      { kind: 'release', delegationId: 'north:table-1', injectId: 'csirt-technical-summary' },
    ];
    for (const ref of refs) expect(parseTimelineRef(formatTimelineRef(ref))).toEqual(ref);
    expect(formatTimelineRef(refs[0]!)).toBe('run:2b0c9c1e-5d7a-4a1e-9a51-0d6f4f1c2a10:12');
    expect(formatTimelineRef(refs[3]!)).toBe('release:north:table-1:csirt-technical-summary');
  });

  it('refuses what is not a reference, without throwing', () => {
    for (const text of ['', 'run', 'run:', 'run:abc', 'run:abc:0', 'run:abc:-1', 'run:abc:1.5', 'run::3', 'note:', 'release:d1', 'release:d1:Not-A-Slug', 'event:x:1', 'x'.repeat(TIMELINE_REF_MAX + 1)]) {
      expect(parseTimelineRef(text), text).toBeNull();
    }
    expect(parseTimelineRef(42 as unknown as string)).toBeNull();
  });
});
