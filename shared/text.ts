import { z } from 'zod';

/**
 * The text rules every boundary applies (a schema, a service, an import), so that what is
 * accepted in one place is accepted in all, and what is stored is exactly what was given:
 *
 * - A name (ids, titles, markings, delegation and exercise names) is one line: no control
 *   characters at all, no bidirectional controls (they make a name read differently from
 *   what it is: "Trojan Source"), no whitespace at either end (the app trims what people
 *   type, so a stored name never has any; an imported one with some would be stored as is
 *   and look like another).
 * - A long text (bodies, notes, rationales) may break lines and indent (\n, \t), nothing else.
 * - No text may hold a lone surrogate: SQLite stores UTF-8, which cannot encode one, so it
 *   would come back as U+FFFD and no longer hash as it did.
 */

// C0, DEL, C1, and the line and paragraph separators (which end a line in JavaScript too).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
// eslint-disable-next-line no-control-regex -- as above, less line breaks and tabs
const LONG_TEXT_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/u;
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
// In unicode mode a well-formed pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function encodingProblem(s: string): string | null {
  const lone = LONE_SURROGATE.exec(s);
  return lone ? `contains a lone surrogate (${codePoint(lone[0])}) at position ${lone.index}, which is not a character` : null;
}

/** What is wrong with a one-line text (possibly empty), or null. */
export function lineProblem(s: string): string | null {
  const encoding = encodingProblem(s);
  if (encoding) return encoding;
  const control = CONTROL.exec(s);
  if (control) return `contains a control character (${codePoint(control[0])}) at position ${control.index}`;
  const bidi = BIDI_CONTROL.exec(s);
  if (bidi) return `contains a bidirectional control (${codePoint(bidi[0])}) at position ${bidi.index}`;
  return null;
}

/** A rule that also refuses blanks at either end: what the app trims, it stores trimmed. */
export const unpadded =
  (problem: (s: string) => string | null) =>
  (s: string): string | null =>
    s.trim() !== s ? 'must not start or end with whitespace' : problem(s);

/** What is wrong with a name or id, or null: a non-empty line with nothing blank at its ends. */
export function nameProblem(s: string): string | null {
  if (s.trim().length === 0) return 'must not be empty';
  return unpadded(lineProblem)(s);
}

/** What is wrong with a long text, or null. */
export function longTextProblem(s: string): string | null {
  const encoding = encodingProblem(s);
  if (encoding) return encoding;
  const control = LONG_TEXT_CONTROL.exec(s);
  return control ? `contains a control character (${codePoint(control[0])}) at position ${control.index}; only line breaks and tabs are allowed` : null;
}

/**
 * The key under which two names are the same name: "Estonia" and "ESTONIA" are one delegation,
 * and so are "Curaçao" with a precomposed "ç" and with "c" and a combining cedilla. NFKC also
 * folds compatibility forms (full-width letters, ligatures); upper then lower case folds "ß"
 * with "SS".
 */
export const nameKey = (s: string): string => s.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');

const refined = (schema: z.ZodString, problem: (s: string) => string | null) =>
  schema.superRefine((s, ctx) => {
    const message = problem(s);
    if (message !== null) ctx.addIssue({ code: 'custom', message, input: s });
  });

/** A name or id of at most `max` characters. */
export const nameSchema = (max: number) => refined(z.string().max(max), nameProblem);
/** A name that may be left empty (a marking). */
export const optionalNameSchema = (max: number) => refined(z.string().max(max), (s) => (s === '' ? null : nameProblem(s)));
/** A one-line text that may be empty or padded (an author typed as is). */
export const lineSchema = (max: number) => refined(z.string().max(max), lineProblem);
/** A long text that may be empty. */
export const longTextSchema = (max: number) => refined(z.string().max(max), longTextProblem);
/** A long text with something in it. */
export const requiredTextSchema = (max: number) =>
  refined(z.string().max(max), (s) => (s.trim().length === 0 ? 'must not be empty' : longTextProblem(s)));
