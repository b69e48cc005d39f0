import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import type { Lang, LocatedParagraph, ParagraphKind } from '../../shared/corpus';
import { EVIDENCE_ITEMS, evidenceFor, type EvidenceItem, type EvidenceLink } from '../../shared/framework/evidence';
import type { ResolvedLink } from '../../shared/framework/evidence';

type LinkRow = readonly [kind: string, id: string, position: number, docRef: string, anchor: string, isPrimary: number, note: string];

const wantedLinks = (): LinkRow[] =>
  EVIDENCE_ITEMS.flatMap((item) =>
    evidenceFor(item).map((link, position): LinkRow => [item.kind, item.id, position, link.docRef, link.anchor, link.primary ? 1 : 0, link.note]),
  );

function storedLinks(db: Db): LinkRow[] {
  return statement(db, 'SELECT item_kind, item_id, position, doc_ref, anchor, is_primary, note FROM evidence_links').raw().all() as LinkRow[];
}

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
  if (sameLinks(storedLinks(db), wanted)) return false;
  return writeTransaction(db, () => {
    if (sameLinks(storedLinks(db), wanted)) return false;
    db.prepare('DELETE FROM evidence_links').run();
    const insert = db.prepare(
      'INSERT INTO evidence_links (item_kind, item_id, position, doc_ref, anchor, is_primary, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const row of wanted) insert.run(...row);
    return true;
  });
}

interface Row {
  position: number;
  docRef: EvidenceLink['docRef'];
  anchor: string;
  isPrimary: number;
  note: string;
  lang: Lang | null;
  kind: ParagraphKind | null;
  number: string | null;
  inferred: number | null;
  text: string | null;
}

/** The evidence of one item, primary first, each link with its paragraph in every language. */
export function resolveEvidence(db: Db, item: EvidenceItem): ResolvedLink[] {
  const rows = statement(
    db,
    `SELECT l.position, l.doc_ref AS docRef, l.anchor, l.is_primary AS isPrimary, l.note,
            d.lang, p.kind, p.number, p.inferred, p.text
       FROM evidence_links l
       LEFT JOIN documents d ON d.doc_ref = l.doc_ref
       LEFT JOIN paragraphs p ON p.document_id = d.id AND p.anchor = l.anchor
      WHERE l.item_kind = ? AND l.item_id = ?
      ORDER BY l.is_primary DESC, l.position, d.lang`,
  ).all(item.kind, item.id) as Row[];
  const links = new Map<number, ResolvedLink & { paragraphs: LocatedParagraph[] }>();
  for (const row of rows) {
    let link = links.get(row.position);
    if (!link) {
      link = { docRef: row.docRef, anchor: row.anchor, primary: row.isPrimary === 1, note: row.note, paragraphs: [] };
      links.set(row.position, link);
    }
    if (row.text !== null && row.lang !== null && row.kind !== null) {
      link.paragraphs.push({
        docRef: row.docRef, lang: row.lang, anchor: row.anchor, kind: row.kind,
        number: row.number, inferred: row.inferred === 1, text: row.text,
      });
    }
  }
  return [...links.values()];
}

/** Links whose paragraph is missing in a language its document has: must be none. */
export function unresolvedLinks(db: Db): { item: string; docRef: string; anchor: string; lang: string }[] {
  return db
    .prepare(
      `SELECT l.item_kind || ':' || l.item_id AS item, l.doc_ref AS docRef, l.anchor, coalesce(d.lang, '(no document)') AS lang
         FROM evidence_links l
         LEFT JOIN documents d ON d.doc_ref = l.doc_ref
        WHERE d.id IS NULL
           OR NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.document_id = d.id AND p.anchor = l.anchor)`,
    )
    .all() as { item: string; docRef: string; anchor: string; lang: string }[];
}
