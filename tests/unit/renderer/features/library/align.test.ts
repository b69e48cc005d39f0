import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../../../../shared/corpus';
import { alignByAnchor } from '../../../../../renderer/src/features/library/align';

const p = (anchor: string, text = anchor): Paragraph => ({ anchor, kind: 'paragraph', number: null, inferred: false, text, footnotes: [], footnoteMarks: [] });

describe('alignByAnchor', () => {
  it('pairs the same anchors of two versions, in order', () => {
    const rows = alignByAnchor([
      [p('p1', 'een'), p('p2', 'twee')],
      [p('p1', 'viens'), p('p2', 'divi')],
    ]);
    expect(rows.map((r) => [r.anchor, ...r.cells.map((c) => c?.text)])).toEqual([
      ['p1', 'een', 'viens'],
      ['p2', 'twee', 'divi'],
    ]);
  });

  it('keeps a row for an anchor only one version has, after its predecessor', () => {
    const rows = alignByAnchor([
      [p('p1'), p('p3')],
      [p('p1'), p('p2'), p('p3'), p('p4')],
    ]);
    expect(rows.map((r) => r.anchor)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(rows[1]!.cells[0]).toBeNull();
    expect(rows[1]!.cells[1]?.anchor).toBe('p2');
  });

  it('places anchors a later version has before everything the first one has', () => {
    expect(alignByAnchor([[p('p1')], [p('intro'), p('p1')]]).map((r) => r.anchor)).toEqual(['intro', 'p1']);
  });
});
