import type { z } from 'zod';
import type { Problem } from './errors';

// How every schema in the app reports bad input: one problem per issue, naming the field.

export function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(input)';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** At most this many problems from one input: a thoroughly broken file should not print a novel. */
export const MAX_PROBLEMS = 50;

/** One problem per issue: the field's path and what was expected there. */
export function formatIssues(error: z.ZodError): Problem[] {
  return error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({ path: pathText(issue.path), message: issue.message }));
}

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly Problem[] };

export function parseWith<T>(schema: z.ZodType<T, unknown>, value: unknown): ParseResult<T> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: formatIssues(result.error) };
}
