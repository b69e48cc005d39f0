import type { Db } from '../open';
import { statement } from '../statements';
import type { Lang } from '../../../shared/corpus';
import type { EvidenceLink } from '../../../shared/framework/evidence';

/**
 * evidence_links: the catalogue's evidence map mirrored in the database, so a link can be
 * joined to its paragraphs. Written only by syncEvidence, whole.
 */
export type LinkRow = readonly [kind: string, id: string, position: number, docRef: string, anchor: string, isPrimary: number, note: string];

/** A link with one language of its document, and whether that language has the paragraph (lang null: no document). */
export interface ResolvedLinkRow {
  position: number;
  docRef: EvidenceLink['docRef'];
  anchor: string;
  isPrimary: number;
  note: string;
  lang: Lang | null;
  found: number;
}

export interface UnresolvedLinkRow {
  item: string;
  docRef: string;
  anchor: string;
  lang: string;
}

/** In the table's order (its primary key's). */
export function selectLinks(db: Db): LinkRow[] {
  return statement(db, 'SELECT item_kind, item_id, position, doc_ref, anchor, is_primary, note FROM evidence_links').raw().all() as LinkRow[];
}

/** Replaces every link; call inside a transaction. */
export function replaceLinks(db: Db, rows: readonly LinkRow[]): void {
  statement(db, 'DELETE FROM evidence_links').run();
  const insert = statement(
    db,
    'INSERT INTO evidence_links (item_kind, item_id, position, doc_ref, anchor, is_primary, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const row of rows) insert.run(...row);
}

/** Primary first, then the catalogue's order, each paragraph by language. */
export function selectResolvedLinks(db: Db, itemKind: string, itemId: string): ResolvedLinkRow[] {
  return statement(
    db,
    `SELECT l.position, l.doc_ref AS docRef, l.anchor, l.is_primary AS isPrimary, l.note,
            d.lang, p.id IS NOT NULL AS found
       FROM evidence_links l
       LEFT JOIN documents d ON d.doc_ref = l.doc_ref
       LEFT JOIN paragraphs p ON p.document_id = d.id AND p.anchor = l.anchor
      WHERE l.item_kind = ? AND l.item_id = ?
      ORDER BY l.is_primary DESC, l.position, d.lang`,
  ).all(itemKind, itemId) as ResolvedLinkRow[];
}

export function selectUnresolvedLinks(db: Db): UnresolvedLinkRow[] {
  return statement(
    db,
    `SELECT l.item_kind || ':' || l.item_id AS item, l.doc_ref AS docRef, l.anchor, coalesce(d.lang, '(no document)') AS lang
       FROM evidence_links l
       LEFT JOIN documents d ON d.doc_ref = l.doc_ref
      WHERE d.id IS NULL
         OR NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.document_id = d.id AND p.anchor = l.anchor)`,
  ).all() as UnresolvedLinkRow[];
}
