import type { Paragraph } from '../../../../shared/corpus';

export interface AlignedRow {
  readonly anchor: string;
  /** The paragraph in each language, in the order the languages were given; null where that text lacks it. */
  readonly cells: readonly (Paragraph | null)[];
}

/**
 * Aligns versions of one document paragraph by paragraph: one row per anchor, in the first
 * version's order; an anchor only a later version has is placed after its predecessor there.
 */
export function alignByAnchor(versions: readonly (readonly Paragraph[])[]): AlignedRow[] {
  const order: string[] = [];
  const seen = new Set<string>();
  for (const paragraphs of versions) {
    let after = -1; // position in `order` of the previous anchor of this version
    for (const { anchor } of paragraphs) {
      if (seen.has(anchor)) {
        after = order.indexOf(anchor);
        continue;
      }
      order.splice(after + 1, 0, anchor);
      seen.add(anchor);
      after += 1;
    }
  }
  const byAnchor = versions.map((paragraphs) => new Map(paragraphs.map((p) => [p.anchor, p])));
  return order.map((anchor) => ({ anchor, cells: byAnchor.map((map) => map.get(anchor) ?? null) }));
}
