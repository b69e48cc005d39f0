/**
 * How an objective's rating points at the entries of the exercise's timeline that support it
 * (and how the report finds them again):
 * - `run:<runId>:<seq>`: the event numbered seq (from 1) of a delegation's run log;
 * - `note:<noteId>`: a facilitator's observation;
 * - `release:<delegationId>:<injectId>`: the release of an inject to a delegation.
 * Ids other than an inject's (a slug) may hold a colon (an imported package's ids are only
 * names), so a reference is split at its first colon and, for the two-part kinds, its last:
 * the part after the last colon is a seq or a slug, which never holds one.
 */
export const TIMELINE_REF_KINDS = ['run', 'note', 'release'] as const;
export type TimelineRefKind = (typeof TIMELINE_REF_KINDS)[number];

export type TimelineRef =
  | { readonly kind: 'run'; readonly runId: string; readonly seq: number }
  | { readonly kind: 'note'; readonly noteId: string }
  | { readonly kind: 'release'; readonly delegationId: string; readonly injectId: string };

/** Ids are at most 100 characters, a seq at most 6 digits: room for both and the words. */
export const TIMELINE_REF_MAX = 250;

export function formatTimelineRef(ref: TimelineRef): string {
  switch (ref.kind) {
    case 'run':
      return `run:${ref.runId}:${ref.seq}`;
    case 'note':
      return `note:${ref.noteId}`;
    case 'release':
      return `release:${ref.delegationId}:${ref.injectId}`;
  }
}

const SEQ = /^[1-9]\d{0,8}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The reference as data, or null for a text that is not one (it is hostile input: no throw). */
export function parseTimelineRef(text: string): TimelineRef | null {
  if (typeof text !== 'string' || text.length > TIMELINE_REF_MAX) return null;
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const kind = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  if (kind === 'note') return rest.length > 0 ? { kind, noteId: rest } : null;
  const last = rest.lastIndexOf(':');
  if (last <= 0) return null;
  const head = rest.slice(0, last);
  const tail = rest.slice(last + 1);
  if (kind === 'run') return SEQ.test(tail) ? { kind, runId: head, seq: Number(tail) } : null;
  if (kind === 'release') return SLUG.test(tail) ? { kind, delegationId: head, injectId: tail } : null;
  return null;
}

/** What a facilitator is told about a text that is not a reference. */
export const TIMELINE_REF_FORMS = '"run:<run id>:<event number>", "note:<note id>" or "release:<delegation id>:<inject id>"';
