import { problemLines, problemText, UserError } from '../../shared/errors';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownSnippet, searchCorpus } from '../corpus/search';
import { getCorpus, getParagraph } from '../corpus/queries';
import { DB_FILE_NAME, defaultUserDataDir } from '../paths';
import { openWorkbench, type Workbench } from '../workbench';
import { intFlag, parseArgs, stringFlag, UsageError, type ParsedArgs } from './args';
import { LANGS, type Lang } from '../../shared/corpus';
import { parseAssessmentInput } from '../../shared/framework/assessment-schema';
import { assess } from '../../shared/framework/proportionality';
import { ExerciseError, PackageError } from '../exercise/errors';
import { listExercises } from '../exercise/exercises';
import { exportExercise, importExercisePackage, packageText, parseScenarioText } from '../exercise/package';
import { readPackageFile, writeFileAtomically } from '../exercise/files';
import { exerciseReport, runReport } from '../report/collect';
import { CHROMIUM_NAMES, findChromium, printPdfWithChromium } from '../report/pdf';
import { reportHtml } from '../../shared/report/html';
import { reportText } from '../../shared/report/files';
import { QUOTE_LANGUAGE_CHOICES, REPORT_FILE_FORMATS, type QuoteLanguageChoice } from '../../shared/report/model';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const VALUE_FLAGS = new Set(['db', 'lang', 'doc', 'limit', 'seeds', 'out', 'format', 'chromium']);

export const USAGE = `Usage: cdt <command> [options]

  corpus [--json]                         documents, languages, paragraphs with anchors
  show <docRef> <anchor> [--lang xx]      one paragraph, verbatim, in each language
  search <query> [--lang xx] [--doc docRef] [--limit n] [--json]
  assess <assessment.json> [--json]       overall level, proportionate categories, measures with reasons
  scenario validate <file>                check a scenario (or an exported scenario package)
  exercise list [--json]                  exercises with their clock and delegations
  exercise export <id> --out FILE         write an exercise package (one JSON file) for another laptop
  exercise import <file>                  import an exercise package; refused whole if anything is wrong
  report <exercise> --format pdf|md|json --out FILE [--lang nl|lv|da|all] [--chromium PATH]
                                          the after-action report of an exercise (id or name);
                                          with --run, of one run (id); quotations in --lang (default all)

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

const REPORT_USAGE = 'report needs an exercise (id or name) or, with --run, a run id, and --format pdf|md|json --out FILE';

/** An exercise named by its id or, for people at a terminal, by its exact name (case aside). */
function findExerciseId(wb: Workbench, idOrName: string): string {
  const exercises = listExercises(wb.db);
  if (exercises.some((e) => e.id === idOrName)) return idOrName;
  const named = exercises.filter((e) => e.name.toLowerCase() === idOrName.toLowerCase());
  if (named.length === 1) return named[0]!.id;
  if (named.length > 1) throw new ExerciseError(`${named.length} exercises are named "${idOrName}"; give the id (cdt exercise list shows them).`);
  throw new ExerciseError(`There is no exercise with id or name "${idOrName}" (cdt exercise list shows them).`);
}

const EXERCISE_USAGE = 'exercise needs a subcommand: list [--json], export <id> --out FILE, or import <file>';

const dbCommands: Record<string, DbCommand> = {
  report(wb, args, io) {
    const [subject] = args.positionals;
    const format = stringFlag(args, 'format');
    const out = stringFlag(args, 'out');
    if (!subject || !format || !out) throw new UsageError(REPORT_USAGE);
    if (!(REPORT_FILE_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${REPORT_FILE_FORMATS.join(', ')}, got "${format}"`);
    }
    const lang = stringFlag(args, 'lang') ?? 'all';
    if (!(QUOTE_LANGUAGE_CHOICES as readonly string[]).includes(lang)) {
      throw new UsageError(`--lang must be one of ${QUOTE_LANGUAGE_CHOICES.join(', ')}, got "${lang}"`);
    }
    // Find Chromium before the work, so a missing one is said at once.
    const chromium = format === 'pdf' ? findChromium(stringFlag(args, 'chromium')) : null;
    if (format === 'pdf' && chromium === null) {
      io.err(
        stringFlag(args, 'chromium')
          ? `--chromium ${stringFlag(args, 'chromium')} is not an executable file.`
          : `No Chromium found on PATH (looked for ${CHROMIUM_NAMES.join(', ')}); install one or name it with --chromium PATH, or choose --format md or json.`,
      );
      return 1;
    }
    const options = { quoteLanguages: lang as QuoteLanguageChoice };
    const report = args.flags.has('run')
      ? runReport(wb.db, subject, options)
      : exerciseReport(wb.db, findExerciseId(wb, subject), options);
    writeFileAtomically(out, chromium !== null ? printPdfWithChromium(reportHtml(report), chromium) : reportText(report, format as 'md' | 'json'));
    const broken = report.delegations.filter((d) => !d.chain.intact).map((d) => d.name);
    io.out(`Wrote the after-action report of "${report.overview.title}" (${report.delegations.length} delegation(s), ${report.citations.length} citations) to ${out}`);
    if (broken.length > 0) io.err(`Warning: the record of ${broken.join(', ')} does not verify; the report says so.`);
    return 0;
  },

  exercise(wb, args, io) {
    const [sub, arg] = args.positionals;
    switch (sub) {
      case 'list': {
        const exercises = listExercises(wb.db);
        if (args.flags.has('json')) {
          json(io, exercises);
          return 0;
        }
        if (exercises.length === 0) io.out('No exercises.');
        for (const e of exercises) {
          const minutes = Math.floor(e.clock.elapsedMs / 60_000);
          io.out(`${e.id}  ${e.name} (scenario ${e.scenarioId}, ${e.delegationCount} delegations, clock ${e.clock.status} at ${minutes} min)`);
        }
        return 0;
      }
      case 'export': {
        const out = stringFlag(args, 'out');
        if (!arg || !out) throw new UsageError('exercise export needs an id and --out FILE, e.g. cdt exercise export 1f0c... --out aurora.cdt-exercise.json');
        const pkg = exportExercise(wb.db, arg);
        writeFileAtomically(out, packageText(pkg));
        io.out(`Exported "${pkg.exercise.name}" (${pkg.runs.length} delegations, ${pkg.runs.reduce((n, r) => n + r.events.length, 0)} events) to ${out}`);
        return 0;
      }
      case 'import': {
        if (!arg) throw new UsageError('exercise import needs a file, e.g. cdt exercise import aurora.cdt-exercise.json');
        const result = importExercisePackage(wb.db, readPackageFile(arg), arg);
        io.out(
          result.status === 'imported'
            ? `Imported "${result.exercise.name}" (${result.exercise.id}) with ${result.exercise.delegationCount} delegations.`
            : `Already imported: "${result.exercise.name}" (${result.exercise.id}) is here with the same content; nothing changed.`,
        );
        return 0;
      }
      default:
        throw new UsageError(sub ? `Unknown exercise subcommand "${sub}". ${EXERCISE_USAGE}` : EXERCISE_USAGE);
    }
  },

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
  const text = readPackageFile(path, MAX_INPUT_BYTES);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PackageError(path, [`not valid JSON (${(error as Error).message}).`]);
  }
}

const fileCommands: Record<string, FileCommand> = {
  scenario(args, io) {
    const [sub, file] = args.positionals;
    if (sub !== 'validate' || !file) throw new UsageError('scenario needs a subcommand: validate <file>');
    const scenario = parseScenarioText(readPackageFile(file), file);
    io.out(`${file}: valid scenario "${scenario.id}" (${scenario.title}), ${scenario.injects.length} injects, ${scenario.classification.tlp}.`);
    return 0;
  },

  assess(args, io) {
    const [file] = args.positionals;
    if (!file) throw new UsageError('assess needs a file, e.g. cdt assess incident.json');
    const parsed = parseAssessmentInput(readJsonFile(file));
    if (!parsed.ok) {
      io.err(`${file} is not a valid assessment:`);
      for (const problem of parsed.errors) io.err(`  ${problemText(problem)}`);
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
const repoScenarios = (): string => fileURLToPath(new URL('../../resources/scenarios', import.meta.url));

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
    wb = openWorkbench(dbPath, stringFlag(args, 'seeds') ?? repoSeeds(), repoScenarios());
    return command(wb, rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof UserError) {
      for (const line of problemLines(error)) io.err(line);
      return 1;
    }
    throw error;
  } finally {
    wb?.close();
  }
}
