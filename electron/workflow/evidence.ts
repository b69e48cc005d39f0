import type { Db } from '../db/open';
import { writeTransaction } from '../db/transaction';
import { replaceLinks, selectLinks, selectResolvedLinks, selectUnresolvedLinks, type LinkRow } from '../db/tables/evidence';
import type { LocatedParagraph } from '../../shared/corpus';
import { getParagraph } from '../corpus/queries';
import { EVIDENCE_ITEMS, evidenceFor, type EvidenceItem } from '../../shared/framework/evidence';
import type { ResolvedLink } from '../../shared/framework/evidence';

const wantedLinks = (): LinkRow[] =>
  EVIDENCE_ITEMS.flatMap((item) =>
    evidenceFor(item).map((link, position): LinkRow => [item.kind, item.id, position, link.docRef, link.anchor, link.primary ? 1 : 0, link.note]),
  );

/** Same rows, in any order: the table's order is its primary key's, not the catalogue's. */
function sameLinks(a: readonly LinkRow[], b: readonly LinkRow[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map((row) => JSON.stringify(row)));
  return b.every((row) => keys.has(JSON.stringify(row)));
}

/**
 * Makes the mirrored evidence map equal to the catalogue in shared/, rewriting it whole in
 * one transaction, and only when it differs: opening an up-to-date database writes nothing
 * (so a read-only file opens, and the command line never takes the write lock for it).
 * Returns whether it wrote.
 */
export function syncEvidence(db: Db): boolean {
  const wanted = wantedLinks();
  if (sameLinks(selectLinks(db), wanted)) return false;
  return writeTransaction(db, () => {
    if (sameLinks(selectLinks(db), wanted)) return false;
    replaceLinks(db, wanted);
    return true;
  });
}

/** The evidence of one item, primary first, each link with its paragraph (and its footnotes) in every language. */
export function resolveEvidence(db: Db, item: EvidenceItem): ResolvedLink[] {
  const rows = selectResolvedLinks(db, item.kind, item.id);
  const links = new Map<number, ResolvedLink & { paragraphs: LocatedParagraph[] }>();
  for (const row of rows) {
    let link = links.get(row.position);
    if (!link) {
      link = { docRef: row.docRef, anchor: row.anchor, primary: row.isPrimary === 1, note: row.note, paragraphs: [] };
      links.set(row.position, link);
    }
    // The corpus reads its own paragraphs, so a quotation carries what the reader shows.
    if (row.found === 1 && row.lang !== null) link.paragraphs.push(...getParagraph(db, row.docRef, row.anchor, row.lang));
  }
  return [...links.values()];
}

/** Links whose paragraph is missing in a language its document has: must be none. */
export function unresolvedLinks(db: Db): { item: string; docRef: string; anchor: string; lang: string }[] {
  return selectUnresolvedLinks(db);
}
