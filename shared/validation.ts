import type { z } from 'zod';

// How every schema in the app reports bad input: one line per problem, naming the field.

function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(input)';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** One line per problem: "<path>: <what was expected>, got <what was there>". */
export function formatIssues(error: z.ZodError): readonly string[] {
  return error.issues.map((issue) => `${pathText(issue.path)}: ${issue.message}`);
}

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly string[] };

export function parseWith<T>(schema: z.ZodType<T, unknown>, value: unknown): ParseResult<T> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: formatIssues(result.error) };
}
