import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownSnippet, searchCorpus, SearchQueryError } from '../corpus/search';
import { getCorpus, getParagraph } from '../corpus/queries';
import { DB_FILE_NAME, defaultUserDataDir } from '../paths';
import { openWorkbench, type Workbench } from '../workbench';
import { SeedError } from '../corpus/seeds';
import { DatabaseTooNewError } from '../db/migrate';
import { intFlag, parseArgs, stringFlag, UsageError, type ParsedArgs } from './args';
import { LANGS, type Lang } from '../../shared/corpus';
import { parseAssessmentInput } from '../../shared/framework/assessment-schema';
import { assess } from '../../shared/framework/proportionality';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const VALUE_FLAGS = new Set(['db', 'lang', 'doc', 'limit', 'seeds']);

export const USAGE = `Usage: cdt <command> [options]

  corpus [--json]                         documents, languages, paragraphs with anchors
  show <docRef> <anchor> [--lang xx]      one paragraph, verbatim, in each language
  search <query> [--lang xx] [--doc docRef] [--limit n] [--json]
  assess <assessment.json> [--json]       overall level, proportionate categories, measures with reasons

Options: --db PATH (default: the app's own database), --json for machine-readable output.
Search syntax: words (all must occur), "an exact phrase", prefix*, OR between alternatives.`;

type DbCommand = (wb: Workbench, args: ParsedArgs, io: CliIo) => number;
type FileCommand = (args: ParsedArgs, io: CliIo) => number;

const json = (io: CliIo, value: unknown): void => io.out(JSON.stringify(value, null, 2));

function langFlag(args: ParsedArgs): Lang | undefined {
  const lang = stringFlag(args, 'lang');
  if (lang !== undefined && !LANGS.includes(lang as Lang)) {
    throw new UsageError(`--lang must be one of ${LANGS.join(', ')}, got "${lang}"`);
  }
  return lang as Lang | undefined;
}

const dbCommands: Record<string, DbCommand> = {
  corpus(wb, args, io) {
    const corpus = getCorpus(wb.db);
    if (args.flags.has('json')) {
      json(
        io,
        corpus.map(({ docRef, lang, title, adopted, paragraphs, footnotes }) => ({
          docRef, lang, title, adopted, paragraphs, footnotes,
        })),
      );
      return 0;
    }
    for (const doc of corpus) {
      io.out(`${doc.docRef} (${doc.lang}, adopted ${doc.adopted}) ${doc.title}`);
      io.out(`  ${doc.paragraphs.length} paragraphs, ${doc.footnotes.length} footnotes`);
      io.out(`  anchors: ${doc.paragraphs.map((p) => p.anchor + (p.inferred ? ' (inferred)' : '')).join(' ')}`);
    }
    return 0;
  },

  show(wb, args, io) {
    const [docRef, anchor] = args.positionals;
    if (!docRef || !anchor) throw new UsageError('show needs a docRef and an anchor, e.g. cdt show 10474/17 p5.i4');
    const found = getParagraph(wb.db, docRef, anchor, langFlag(args));
    if (found.length === 0) {
      io.err(`No paragraph ${anchor} in ${docRef}${stringFlag(args, 'lang') ? ` (${stringFlag(args, 'lang')})` : ''}.`);
      return 1;
    }
    if (args.flags.has('json')) {
      json(io, found);
      return 0;
    }
    for (const p of found) {
      io.out(`${p.docRef} ${p.anchor} (${p.lang})${p.inferred ? ' [number inferred]' : ''}`);
      io.out(p.text);
      io.out('');
    }
    return 0;
  },

  search(wb, args, io) {
    const query = args.positionals.join(' ');
    const result = searchCorpus(wb.db, query, {
      lang: langFlag(args),
      docRef: stringFlag(args, 'doc'),
      limit: intFlag(args, 'limit', 1, 200),
    });
    const hits = result.hits.map((hit) => ({ ...hit, snippet: markdownSnippet(hit.snippet) }));
    if (args.flags.has('json')) {
      json(io, { ...result, hits });
      return 0;
    }
    io.out(`${result.total} paragraph(s) match "${query}"`);
    for (const hit of hits) io.out(`${hit.docRef} ${hit.anchor} (${hit.lang})  ${hit.snippet}`);
    return 0;
  },
};

const MAX_INPUT_BYTES = 1_000_000;

/** Reads a JSON file a user named, with errors that say which file and what is wrong. */
function readJsonFile(path: string): unknown {
  let text: string;
  try {
    if (statSync(path).size > MAX_INPUT_BYTES) throw new InputError(`${path}: the file is larger than ${MAX_INPUT_BYTES} bytes.`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not valid JSON (${(error as Error).message}).`);
  }
}

class InputError extends Error {
  override name = 'InputError';
}

const fileCommands: Record<string, FileCommand> = {
  assess(args, io) {
    const [file] = args.positionals;
    if (!file) throw new UsageError('assess needs a file, e.g. cdt assess incident.json');
    const parsed = parseAssessmentInput(readJsonFile(file));
    if (!parsed.ok) {
      io.err(`${file} is not a valid assessment:`);
      for (const line of parsed.errors) io.err(`  ${line}`);
      return 1;
    }
    const result = assess(parsed.value);
    if (args.flags.has('json')) {
      json(io, result);
      return 0;
    }
    io.out(`Overall level ${result.level}: ${result.formula}`);
    io.out('');
    for (const category of result.categories) {
      io.out(`${category.proportionate ? '[x]' : '[ ]'} ${category.id}: ${category.reasons.join(' ')}`);
    }
    io.out('');
    for (const measure of result.measures) {
      io.out(`${measure.allowed ? 'allowed    ' : 'not allowed'} ${measure.id} (${measure.category}): ${measure.reasons.join(' ')}`);
    }
    return 0;
  },
};

const repoSeeds = (): string => fileURLToPath(new URL('../../seeds', import.meta.url));

/** Runs one CLI invocation; returns the exit code. Errors a user can fix are printed, never thrown. */
export function runCli(argv: readonly string[], io: CliIo): number {
  let wb: Workbench | undefined;
  try {
    const args = parseArgs(argv, VALUE_FLAGS);
    const [name] = args.positionals;
    if (!name || name === 'help' || args.flags.has('help')) {
      io.out(USAGE);
      return name ? 0 : 2;
    }
    const rest = { ...args, positionals: args.positionals.slice(1) };
    const fileCommand = fileCommands[name];
    if (fileCommand) return fileCommand(rest, io);
    const command = dbCommands[name];
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    const dbPath = stringFlag(args, 'db') ?? join(defaultUserDataDir(), DB_FILE_NAME);
    wb = openWorkbench(dbPath, stringFlag(args, 'seeds') ?? repoSeeds());
    return command(wb, rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (
      error instanceof SearchQueryError || error instanceof SeedError ||
      error instanceof DatabaseTooNewError || error instanceof InputError
    ) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    wb?.close();
  }
}
