import { describe, expect, it } from 'vitest';
import type { ResolvedLink } from '../../../../../shared/framework/evidence';
import { initialWorkflowContext, type WorkflowContext } from '../../../../../shared/workflow/context';
import {
  achievedOrZero,
  asLocalEvent,
  evidenceSections,
  isMultilingual,
  paragraphsToShow,
  remarksInOrder,
  sanctionsEvent,
  stepperItems,
} from '../../../../../renderer/src/features/runs/model';
import { formatWhen } from '../../../../../renderer/src/ui/format';

describe('stepperItems', () => {
  it('marks the current step, the finished ones and those the user may go back to', () => {
    const items = stepperItems('proportionality', ['awareness', 'attribution']);
    expect(items.map((i) => [i.id, i.status, i.done, i.earlier])).toEqual([
      ['awareness', 'done', true, true],
      ['attribution', 'done', true, true],
      ['proportionality', 'current', false, false],
      ['measures', 'todo', false, false],
      ['decided', 'todo', false, false],
    ]);
  });

  it('keeps a step done while the run is back at an earlier one', () => {
    const items = stepperItems('awareness', ['awareness', 'attribution', 'proportionality', 'measures']);
    expect(items.map((i) => i.status)).toEqual(['current', 'done', 'done', 'done', 'todo']);
    expect(items[0]?.done).toBe(true);
    expect(items.some((i) => i.earlier)).toBe(false);
  });
});

describe('asLocalEvent', () => {
  it('gives an event the time the main process would stamp', () => {
    expect(asLocalEvent({ type: 'NOTE.ADD', id: 'n1', text: 'x' }, '2025-01-01T00:00:00.000Z')).toEqual({
      type: 'NOTE.ADD',
      id: 'n1',
      text: 'x',
      at: '2025-01-01T00:00:00.000Z',
    });
  });
});

const rated = (over: Partial<WorkflowContext> = {}): WorkflowContext => ({
  ...initialWorkflowContext,
  ratings: { scope: { value: 2, rationale: '' }, impact: { value: 3, rationale: '' } },
  ...over,
});

describe('sanctionsEvent', () => {
  it('starts an attempt’s potential effect at the effect achieved, unrated as 0', () => {
    const event = sanctionsEvent(rated(), { kind: 'attempt', on: true });
    expect(event.attempt?.potential).toEqual({ scope: 2, scale: 0, duration: 0, intensity: 0, complexity: 0, sophistication: 0, impact: 3 });
    expect(achievedOrZero(rated()).impact).toBe(3);
  });

  it('keeps the other facts when one changes', () => {
    const context = rated({ external: true, targets: ['critical-infrastructure'], attempt: { potential: { scope: 4, scale: 0, duration: 0, intensity: 0, complexity: 0, sophistication: 0, impact: 3 } } });
    const event = sanctionsEvent(context, { kind: 'target', target: 'state-functions', on: true });
    expect(event).toEqual({
      type: 'SANCTIONS.SET',
      attempt: context.attempt,
      external: true,
      actorsIdentified: false,
      targets: ['critical-infrastructure', 'state-functions'],
    });
    expect(sanctionsEvent(context, { kind: 'attempt', on: true }).attempt).toEqual(context.attempt);
    expect(sanctionsEvent(context, { kind: 'attempt', on: false }).attempt).toBeNull();
    expect(sanctionsEvent(context, { kind: 'target', target: 'critical-infrastructure', on: false }).targets).toEqual([]);
    expect(sanctionsEvent(context, { kind: 'target', target: 'critical-infrastructure', on: true }).targets).toEqual(['critical-infrastructure']);
    expect(sanctionsEvent(context, { kind: 'external', on: false }).external).toBe(false);
    expect(sanctionsEvent(context, { kind: 'actorsIdentified', on: true }).actorsIdentified).toBe(true);
  });

  it('sets one potential rating, starting an attempt if needed', () => {
    const event = sanctionsEvent(rated(), { kind: 'potential', dimension: 'scale', value: 4 });
    expect(event.attempt?.potential.scale).toBe(4);
    expect(event.attempt?.potential.scope).toBe(2);
  });
});

describe('remarksInOrder', () => {
  it('merges notes and dissents by time, notes first on a tie', () => {
    const list = remarksInOrder({
      notes: [
        { id: 'n1', step: 'awareness', text: 'a', at: '2025-01-01T10:00:00Z' },
        { id: 'n2', step: 'measures', text: 'c', at: '2025-01-01T12:00:00Z' },
      ],
      dissents: [
        { id: 'd1', step: 'attribution', text: 'b', at: '2025-01-01T11:00:00Z' },
        { id: 'd2', step: 'measures', text: 'd', at: '2025-01-01T12:00:00Z' },
      ],
    });
    expect(list.map((r) => `${r.kind}:${r.id}`)).toEqual(['note:n1', 'dissent:d1', 'note:n2', 'dissent:d2']);
  });
});

const para = (docRef: string, anchor: string, lang: 'nl' | 'lv' | 'da') => ({
  docRef,
  anchor,
  lang,
  kind: 'paragraph' as const,
  number: null,
  inferred: false,
  text: `${docRef} ${anchor} ${lang}`,
  footnotes: [],
  footnoteMarks: [],
  notes: [],
});
const link = (docRef: string, anchor: string, primary: boolean, langs: readonly ('nl' | 'lv' | 'da')[]): ResolvedLink => ({
  docRef: docRef as ResolvedLink['docRef'],
  anchor,
  primary,
  note: '',
  paragraphs: langs.map((l) => para(docRef, anchor, l)),
});

describe('evidenceSections', () => {
  it('shows each paragraph once, where it first appears, primary first, and drops empty sections', () => {
    const sections = evidenceSections([
      { item: { kind: 'category', id: 'restrictive' }, links: [link('7290/21', 'p26', false, ['da']), link('10474/17', 'p5', true, ['nl', 'lv'])] },
      { item: { kind: 'step', id: 'measures' }, links: [link('10474/17', 'p5', true, ['nl', 'lv']), link('10474/17', 'p4', true, ['nl', 'lv'])] },
      { item: { kind: 'step', id: 'decided' }, links: [link('10474/17', 'p4', true, ['nl', 'lv'])] },
    ]);
    expect(sections.map((s) => [s.item.id, s.links.map((l) => l.anchor)])).toEqual([
      ['restrictive', ['p5', 'p26']],
      ['measures', ['p4']],
    ]);
  });

  it('keeps the section of an item that has no paragraph of its own, so the panel can say so', () => {
    const sections = evidenceSections([{ item: { kind: 'step', id: 'decided' }, links: [] }]);
    expect(sections).toEqual([{ item: { kind: 'step', id: 'decided' }, links: [] }]);
  });
});

describe('paragraphsToShow', () => {
  const both = link('10474/17', 'p4', true, ['lv', 'nl']);
  it('gives the chosen language of 10474/17, or both side by side, Dutch first', () => {
    expect(paragraphsToShow(both, 'nl').map((p) => p.lang)).toEqual(['nl']);
    expect(paragraphsToShow(both, 'lv').map((p) => p.lang)).toEqual(['lv']);
    expect(paragraphsToShow(both, 'all').map((p) => p.lang)).toEqual(['nl', 'lv']);
    expect(isMultilingual(both)).toBe(true);
  });
  it('shows a document that exists in one language as it is, whatever the choice', () => {
    const danish = link('7290/21', 'p26', false, ['da']);
    expect(paragraphsToShow(danish, 'lv').map((p) => p.lang)).toEqual(['da']);
    expect(paragraphsToShow(danish, 'all').map((p) => p.lang)).toEqual(['da']);
    expect(isMultilingual(danish)).toBe(false);
    expect(paragraphsToShow(link('x', 'p1', false, []), 'nl')).toEqual([]);
  });
  it('offers every language of the corpus: all of them side by side in its order, or the first where the chosen one is missing', () => {
    const three = link('x', 'p1', true, ['da', 'lv', 'nl']);
    expect(paragraphsToShow(three, 'all').map((p) => p.lang)).toEqual(['nl', 'lv', 'da']);
    expect(paragraphsToShow(three, 'da').map((p) => p.lang)).toEqual(['da']);
    expect(paragraphsToShow(both, 'da').map((p) => p.lang)).toEqual(['nl']);
  });
});

describe('formatWhen', () => {
  it('writes a time as a European reader does, in the given time zone', () => {
    expect(formatWhen('2025-06-19T12:05:00Z', 'Europe/Brussels')).toMatch(/^19 June 2025(,| at) 14:05$/);
    expect(formatWhen('2025-01-02T23:30:00Z', 'UTC')).toMatch(/^2 January 2025(,| at) 23:30$/);
  });
  it('shows anything that is not a time as it is', () => {
    expect(formatWhen('yesterday')).toBe('yesterday');
  });
});
