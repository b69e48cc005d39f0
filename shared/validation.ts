import { config as zodConfig, type z } from 'zod';
import type { Problem } from './errors';

// How every schema in the app reports bad input: one problem per issue, naming the field.

export function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(input)';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** One problem per issue: the field's path and what was expected there. */
export function formatIssues(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: pathText(issue.path), message: issue.message }));
}

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly Problem[] };

export function parseWith<T>(schema: z.ZodType<T, unknown>, value: unknown): ParseResult<T> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: formatIssues(result.error) };
}

// ---------------------------------------------------------------------------------------
// Zod's default messages ("Too big: expected number to be <=10080") in the words a form or a
// command line shows next to the field's name. Messages a schema sets itself still win.

const count = (n: number | bigint): string => Number(n).toLocaleString('en');

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'an object',
  null: 'null', undefined: 'nothing',
};

function describeValue(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'number') return Number.isInteger(input) ? `${input}` : `the number ${input}`;
  return TYPE_WORDS[typeof input] ?? typeof input;
}

const unit = (origin: string, n: number | bigint): string =>
  origin === 'string' ? ` character${Number(n) === 1 ? '' : 's'}` : origin === 'array' || origin === 'set' ? ` item${Number(n) === 1 ? '' : 's'}` : '';

type Issue = z.core.$ZodRawIssue;

export function plainMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'too_big':
      return `${issue.inclusive === false ? 'less than' : 'at most'} ${count(issue.maximum)}${unit(issue.origin, issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      if ((issue.origin === 'array' || issue.origin === 'set') && Number(issue.minimum) === 1) return 'needs at least one item';
      return `${issue.inclusive === false ? 'more than' : 'at least'} ${count(issue.minimum)}${unit(issue.origin, issue.minimum)}`;
    case 'invalid_type':
      if (issue.input === undefined) return `is missing: expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of ${issue.values.map((v: unknown) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k: string) => JSON.stringify(k)).join(', ')}: not part of this format`;
    case 'invalid_format':
      return issue.format === 'datetime' ? 'expected a UTC time such as 2025-03-10T09:00:00.000Z' : `expected the ${issue.format} format`;
    default:
      return undefined;
  }
}

zodConfig({ customError: plainMessage });
