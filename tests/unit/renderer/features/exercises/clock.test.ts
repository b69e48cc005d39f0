import { describe, expect, it } from 'vitest';
import type { ExerciseView, InjectStatus } from '../../../../../shared/exercise/exercises';
import { dueInjects, injectState, injectsToAutoRelease, nextInject, OVERDUE_AFTER_MS } from '../../../../../renderer/src/features/exercises/clock';

const MIN = 60_000;

const status = (id: string, minutes: number, releasedTo: readonly string[] = []): InjectStatus =>
  ({ inject: { id, title: id, body: '…', kind: 'media', offsetMinutes: minutes }, plannedAtMs: minutes * MIN, due: false, releasedTo, codes: [] }) as InjectStatus;

const view = (injects: readonly InjectStatus[], clock: ExerciseView['clock']['status'] = 'running'): ExerciseView =>
  ({
    clock: { status: clock, accumulatedMs: 0, runningSince: null, elapsedMs: 0, endedAt: null },
    delegations: [{ id: 'a' }, { id: 'b' }],
    injects,
  }) as unknown as ExerciseView;

describe('where an inject stands on the clock', () => {
  it('is planned, due, then overdue once it waited five minutes, and released once everyone has it', () => {
    const s = status('x', 20);
    expect(injectState(s, 2, 19 * MIN)).toBe('planned');
    expect(injectState(s, 2, 20 * MIN)).toBe('due');
    expect(injectState(s, 2, 20 * MIN + OVERDUE_AFTER_MS - 1)).toBe('due');
    expect(injectState(s, 2, 20 * MIN + OVERDUE_AFTER_MS)).toBe('overdue');
    expect(injectState(status('x', 20, ['a']), 2, 10 * MIN)).toBe('partial');
    expect(injectState(status('x', 20, ['a']), 2, 30 * MIN)).toBe('overdue');
    expect(injectState(status('x', 20, ['a', 'b']), 2, 30 * MIN)).toBe('released');
  });

  it('has nothing due once the exercise ended', () => {
    expect(injectState(status('x', 20), 2, 30 * MIN, true)).toBe('planned');
    const ended = view([status('x', 20)], 'ended');
    expect(dueInjects(ended, 30 * MIN)).toEqual([]);
    expect(nextInject(ended, 10 * MIN)).toBeNull();
  });
});

describe('what comes next', () => {
  const injects = [status('late', 90), status('first', 20, ['a', 'b']), status('second', 45, ['a']), status('third', 60)];

  it('is the earliest inject still ahead that someone lacks, with the time until it', () => {
    expect(nextInject(view(injects), 30 * MIN)).toMatchObject({ status: { inject: { id: 'second' } }, inMs: 15 * MIN });
    expect(nextInject(view(injects), 50 * MIN)).toMatchObject({ status: { inject: { id: 'third' } }, inMs: 10 * MIN });
    expect(nextInject(view(injects), 95 * MIN)).toBeNull();
  });

  it('lists the injects due, and auto-release sends those not refused before', () => {
    expect(dueInjects(view(injects), 61 * MIN).map((s) => s.inject.id)).toEqual(['second', 'third']);
    expect(injectsToAutoRelease(view(injects), 61 * MIN, new Set(['second']))).toEqual(['third']);
    expect(injectsToAutoRelease(view(injects, 'paused'), 61 * MIN, new Set())).toEqual([]);
  });
});
