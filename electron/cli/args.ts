import { parseArgs } from 'node:util';

/**
 * The command line's options, read by node's own parser in strict mode: an option the
 * command does not know (a typo like --jsno, or --out on search) is a usage error, never
 * quietly taken as a flag.
 */
export type OptionSpec = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly multiple?: boolean }>>;

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Accepted by every command: which database, which seeds, and asking for help. */
export const GLOBAL_OPTIONS: OptionSpec = { db: { type: 'string' }, seeds: { type: 'string' }, help: { type: 'boolean' } };

const quotedOption = (message: string): string => /'(--?[^' ]+)/.exec(message)?.[1] ?? 'an option';

/** Parses argv against the command's options (plus the global ones); `what` names the command in errors. */
export function parseCommandLine(argv: readonly string[], options: OptionSpec, what: string): ParsedArgs {
  try {
    const { positionals, values } = parseArgs({
      args: [...argv],
      options: { ...GLOBAL_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { positionals, values: values as ParsedArgs['values'] };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    switch (code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new UsageError(`${quotedOption(message)} is not an option of ${what}.`);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
        const name = quotedOption(message);
        const spec = options[name.replace(/^--?/, '').split(' ')[0]!] ?? GLOBAL_OPTIONS[name.replace(/^--?/, '')];
        throw new UsageError(spec?.type === 'boolean' ? `${name} takes no value.` : `${name.split(' ')[0]} needs a value.`);
      }
      default:
        throw new UsageError(message);
    }
  }
}

/** The command's words before any option is interpreted: which command the options belong to. */
export function commandWords(argv: readonly string[], valued: OptionSpec): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      // A value option consumes the next word, unless written --name=value.
      const name = arg.replace(/^--?/, '');
      if (valued[name]?.type === 'string' && !arg.includes('=')) i++;
      continue;
    }
    words.push(arg);
  }
  return words;
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** An option given once or more (--delegation A --delegation B), in order. */
export function stringsOption(args: ParsedArgs, name: string): readonly string[] {
  const value = args.values[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

export const flag = (args: ParsedArgs, name: string): boolean => args.values[name] === true;

export function intOption(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
