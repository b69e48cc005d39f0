import type { TFunction } from 'i18next';
import { parseAnchor } from '../../../shared/citation';
import type { Paragraph } from '../../../shared/corpus';

type Labelled = Pick<Paragraph, 'anchor' | 'inferred'>;

/**
 * The short label shown beside a paragraph: "§5, indent 4" for p5.i4, "recital 3" for r3,
 * "§14 (number inferred)" for a paragraph whose number the source lost, "section 2" for the
 * heading of a section (its kind shows it is a heading), "§6, closing words" for p6.closing.
 */
export function anchorLabel(t: TFunction, p: Labelled): string {
  const parts = parseAnchor(p.anchor);
  if (!parts) return p.anchor;
  const words = parts.map((part) => ('n' in part ? t(`anchor.${part.type}`, { n: part.n }) : t(`anchor.${part.type}`)));
  const label = words.join(', ');
  return p.inferred ? t('anchor.inferred', { label }) : label;
}
