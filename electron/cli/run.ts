import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownSnippet, searchCorpus } from '../corpus/search';
import { getCorpus, getFootnote, getParagraph } from '../corpus/queries';
import { DB_FILE_NAME, defaultUserDataDir } from '../paths';
import { openWorkbench, type Workbench } from '../workbench';
import { databaseProblem, DatabaseRefusedError } from '../db/errors';
import { EXCHANGE_COMMANDS, EXCHANGE_USAGE } from './exchange';
import { LIVE_COMMANDS, LIVE_USAGE } from './live';
import { CONSENSUS_COMMANDS, CONSENSUS_USAGE } from './consensus';
import { OBJECTIVES_COMMANDS, OBJECTIVES_USAGE } from './objectives';
import { chromiumFor, findExerciseId, json, JSON_OPTION, outputFile, passphraseOption, PASSPHRASE_OPTION, write, type CliIo, type Command } from './command';
import { sealedText, unsealedText } from '../exchange/files';
import { commandWords, flag, GLOBAL_OPTIONS, intOption, parseCommandLine, stringOption, UsageError, type OptionSpec, type ParsedArgs } from './args';
import { listExercises } from '../exercise/exercises';
import { exportExercise, importExercisePackage, packageText, parseScenarioText } from '../exercise/package';
import { readJsonFile, readTextFile } from '../files/read';
import { logUnexpected } from '../log';
import { exerciseReport, runReport } from '../report/collect';
import { printPdfWithChromium } from '../report/pdf';
import { problemLines, problemText, UserError } from '../../shared/errors';
import { LANGS, type Lang } from '../../shared/corpus';
import { MAX_PACKAGE_BYTES } from '../../shared/exercise/package';
import { parseAssessmentInput } from '../../shared/framework/assessment-schema';
import { assess } from '../../shared/framework/proportionality';
import { reportHtml } from '../../shared/report/html';
import { reportText } from '../../shared/report/files';
import { QUOTE_LANGUAGE_CHOICES, REPORT_FILE_FORMATS, type QuoteLanguageChoice } from '../../shared/report/model';

export type { CliIo };

export const USAGE = `Usage: cdt <command> [options]

  corpus [--json]                         documents, languages, paragraphs with anchors, in source order
  show <docRef> <anchor> [--lang xx] [--json]   one paragraph, verbatim, in each language, with its footnotes;
                                          fn<n> as the anchor: footnote n and the paragraph that carries it
  search <query> [--lang xx] [--doc docRef] [--limit n] [--json]
  assess <assessment.json> [--json]       overall level, proportionate categories, measures with reasons
  scenario validate <file>                check a scenario (or an exported scenario package)
  exercise list [--json]                  exercises with their clock and delegations
  exercise export <id> --out FILE [--passphrase-file F]   write an exercise package (one JSON file) for another laptop, sealed if asked
  exercise import <file> [--passphrase-file F]           import an exercise package; refused whole if anything is wrong
  report <exercise> --format ${REPORT_FILE_FORMATS.join('|')} --out FILE [--lang ${QUOTE_LANGUAGE_CHOICES.join('|')}] [--chromium PATH]
                                          the after-action report of an exercise (id or name);
                                          with --run, of one run (id); quotations in --lang (default all)
${LIVE_USAGE}
${CONSENSUS_USAGE}
${OBJECTIVES_USAGE}
${EXCHANGE_USAGE}

Options of every command: --db PATH (default: the app's own database), --help.
Search syntax: words (all must occur), "an exact phrase", prefix*, OR between alternatives.`;

function langOption(args: ParsedArgs): Lang | undefined {
  const lang = stringOption(args, 'lang');
  if (lang !== undefined && !LANGS.includes(lang as Lang)) {
    throw new UsageError(`--lang must be one of ${LANGS.join(', ')}, got "${lang}"`);
  }
  return lang as Lang | undefined;
}

const MAX_ASSESSMENT_BYTES = 1024 * 1024;
const REPORT_USAGE = 'report needs an exercise (id or name) or, with --run, a run id, and --format pdf|md|json --out FILE';
const EXERCISE_USAGE = 'exercise needs a subcommand: list [--json], create, clock, end, positions, decide, objectives, rate, export <id> --out FILE, import <file>, kit or collect';

const CORE_COMMANDS: Readonly<Record<string, Command>> = {
  corpus: {
    options: JSON_OPTION,
    database: 'read',
    run({ wb, args, io }) {
      const corpus = getCorpus(wb.db);
      if (flag(args, 'json')) {
        json(io, corpus.map(({ docRef, lang, title, adopted, paragraphs, footnotes }) => ({ docRef, lang, title, adopted, paragraphs, footnotes })));
        return 0;
      }
      for (const doc of corpus) {
        io.out(`${doc.docRef} (${doc.lang}, adopted ${doc.adopted}) ${doc.title}`);
        io.out(`  ${doc.paragraphs.length} paragraphs, ${doc.footnotes.length} footnotes`);
        io.out(`  anchors: ${doc.paragraphs.map((p) => p.anchor + (p.inferred ? ' (inferred)' : '')).join(' ')}`);
      }
      return 0;
    },
  },

  show: {
    options: { ...JSON_OPTION, lang: { type: 'string' } },
    database: 'read',
    run({ wb, args, io }) {
      const [docRef, anchor, extra] = args.positionals;
      if (!docRef || !anchor || extra !== undefined) throw new UsageError('show needs a docRef and an anchor, e.g. cdt show 10474/17 p5.i4 or fn1');
      const lang = langOption(args);
      const where = `${docRef}${lang ? ` (${lang})` : ''}`;
      const footnote = /^fn(\d{1,4})$/.exec(anchor);
      if (footnote) {
        const notes = getFootnote(wb.db, docRef, Number(footnote[1]), lang);
        if (notes.length === 0) {
          io.err(`No footnote ${footnote[1]} in ${where}.`);
          return 1;
        }
        if (flag(args, 'json')) {
          json(io, notes);
          return 0;
        }
        for (const f of notes) {
          io.out(`${f.docRef} fn${f.n} (${f.lang})${f.inferred ? ' [number inferred]' : ''}`);
          io.out(f.text);
          io.out(f.anchor === null ? 'Its marker was not found in the text.' : `Its marker stands in ${f.anchor}.`);
          io.out('');
        }
        return 0;
      }
      const found = getParagraph(wb.db, docRef, anchor, lang);
      if (found.length === 0) {
        io.err(`No paragraph ${anchor} in ${where}.`);
        return 1;
      }
      if (flag(args, 'json')) {
        json(io, found);
        return 0;
      }
      for (const p of found) {
        io.out(`${p.docRef} ${p.anchor} (${p.lang})${p.inferred ? ' [number inferred]' : ''}`);
        io.out(p.text);
        for (const f of p.notes) io.out(`  fn${f.n}${f.inferred ? ' [number inferred]' : ''}: ${f.text}`);
        io.out('');
      }
      return 0;
    },
  },

  search: {
    options: { ...JSON_OPTION, lang: { type: 'string' }, doc: { type: 'string' }, limit: { type: 'string' } },
    database: 'read',
    run({ wb, args, io }) {
      const query = args.positionals.join(' ');
      const result = searchCorpus(wb.db, query, { lang: langOption(args), docRef: stringOption(args, 'doc'), limit: intOption(args, 'limit', 1, 200) });
      const hits = result.hits.map((hit) => ({ ...hit, snippet: markdownSnippet(hit.snippet) }));
      if (flag(args, 'json')) {
        json(io, { ...result, hits });
        return 0;
      }
      io.out(`${result.total} paragraph(s) match "${query}"`);
      for (const e of result.expanded) io.out(`"${e.term}" is a glossary concept, also searched as: ${e.forms.map((f) => `${f.form} (${f.lang})`).join(', ')}`);
      for (const hit of hits) {
        const footnote = hit.footnote === undefined ? '' : ` footnote ${hit.footnote}:`;
        io.out(`${hit.docRef} ${hit.anchor} (${hit.lang}) [${hit.kind}]${footnote}  ${hit.snippet}`);
      }
      return 0;
    },
  },

  assess: {
    options: JSON_OPTION,
    database: false,
    run({ args, io }) {
      const [file, extra] = args.positionals;
      if (!file || extra !== undefined) throw new UsageError('assess needs one file, e.g. cdt assess incident.json');
      const parsed = parseAssessmentInput(readJsonFile(file, MAX_ASSESSMENT_BYTES));
      if (!parsed.ok) {
        io.err(`${file} is not a valid assessment:`);
        for (const problem of parsed.errors) io.err(`  ${problemText(problem)}`);
        return 1;
      }
      const result = assess(parsed.value);
      if (flag(args, 'json')) {
        json(io, result);
        return 0;
      }
      io.out(result.formula);
      io.out('');
      io.out('The facts the level rests on besides the ratings:');
      for (const fact of result.facts) io.out(`  ${fact.label}: ${fact.value}`);
      io.out('');
      io.out('What would change the outcome:');
      const { open, close } = result.whatWouldChange;
      for (const shift of [open, close]) if (shift !== null) io.out(`  ${shift.text}`);
      io.out('');
      for (const category of result.categories) {
        // A suggested category none of whose measures is allowed says so before its reasons.
        const unavailable = category.proportionate && !category.available ? ' (suggested, but no measure of it is allowed)' : '';
        io.out(`${category.proportionate ? '[x]' : '[ ]'} ${category.id}${unavailable}: ${category.reasons.join(' ')}`);
      }
      io.out('');
      for (const measure of result.measures) {
        io.out(`${measure.allowed ? 'allowed    ' : 'not allowed'} ${measure.id} (${measure.category}): ${measure.reasons.join(' ')}`);
      }
      return 0;
    },
  },

  'scenario validate': {
    options: {},
    database: false,
    run({ args, io }) {
      const [file, extra] = args.positionals;
      if (!file || extra !== undefined) throw new UsageError('scenario validate needs one file');
      const scenario = parseScenarioText(readTextFile(file, MAX_PACKAGE_BYTES), file);
      const objectives = scenario.objectives?.length ?? 0;
      io.out(`${file}: valid scenario "${scenario.id}" (${scenario.title}), ${scenario.injects.length} injects, ${objectives} objective${objectives === 1 ? '' : 's'}, ${scenario.classification.tlp}.`);
      return 0;
    },
  },

  'exercise list': {
    options: JSON_OPTION,
    database: 'read',
    run({ wb, args, io }) {
      if (args.positionals.length > 0) throw new UsageError('exercise list takes no arguments');
      const exercises = listExercises(wb.db);
      if (flag(args, 'json')) {
        json(io, exercises);
        return 0;
      }
      if (exercises.length === 0) io.out('No exercises.');
      for (const e of exercises) {
        const minutes = Math.floor(e.clock.elapsedMs / 60_000);
        io.out(`${e.id}  ${e.name} (scenario ${e.scenarioId}, ${e.delegationCount} delegations, clock ${e.clock.status} at ${minutes} min)`);
      }
      return 0;
    },
  },

  'exercise export': {
    options: { out: { type: 'string' }, ...PASSPHRASE_OPTION },
    database: 'read',
    run({ wb, args, io }) {
      const [id, extra] = args.positionals;
      const out = outputFile(wb, args);
      if (!id || !out || extra !== undefined) {
        throw new UsageError('exercise export needs an id and --out FILE, e.g. cdt exercise export 1f0c... --out aurora.cdt-exercise.json');
      }
      const pkg = exportExercise(wb.db, id);
      const passphrase = passphraseOption(args);
      write(wb, out, passphrase === null ? packageText(pkg) : sealedText(packageText(pkg), passphrase));
      io.out(`Exported "${pkg.exercise.name}" (${pkg.runs.length} delegations, ${pkg.runs.reduce((n, r) => n + r.events.length, 0)} events) to ${out}`);
      return 0;
    },
  },

  'exercise import': {
    options: PASSPHRASE_OPTION,
    database: 'write',
    run({ wb, args, io }) {
      const [file, extra] = args.positionals;
      if (!file || extra !== undefined) throw new UsageError('exercise import needs one file, e.g. cdt exercise import aurora.cdt-exercise.json');
      const result = importExercisePackage(wb.db, unsealedText(readTextFile(file, MAX_PACKAGE_BYTES), file, passphraseOption(args)), file);
      io.out(
        result.status === 'imported'
          ? `Imported "${result.exercise.name}" (${result.exercise.id}) with ${result.exercise.delegationCount} delegations.`
          : `Already imported: "${result.exercise.name}" (${result.exercise.id}) is here with the same content; nothing changed.`,
      );
      return 0;
    },
  },

  report: {
    options: { format: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, chromium: { type: 'string' }, run: { type: 'boolean' } },
    database: 'read',
    run({ wb, args, io }) {
      const [subject, extra] = args.positionals;
      const format = stringOption(args, 'format');
      if (!subject || !format || stringOption(args, 'out') === undefined || extra !== undefined) throw new UsageError(REPORT_USAGE);
      if (!(REPORT_FILE_FORMATS as readonly string[]).includes(format)) {
        throw new UsageError(`--format must be one of ${REPORT_FILE_FORMATS.join(', ')}, got "${format}"`);
      }
      const lang = stringOption(args, 'lang') ?? 'all';
      if (!(QUOTE_LANGUAGE_CHOICES as readonly string[]).includes(lang)) {
        throw new UsageError(`--lang must be one of ${QUOTE_LANGUAGE_CHOICES.join(', ')}, got "${lang}"`);
      }
      const out = outputFile(wb, args)!;
      if (format !== 'pdf' && stringOption(args, 'chromium') !== undefined) throw new UsageError('--chromium applies to --format pdf only');
      const chromium = format === 'pdf' ? chromiumFor(args) : null;
      const options = { quoteLanguages: lang as QuoteLanguageChoice };
      const report = flag(args, 'run') ? runReport(wb.db, subject, options) : exerciseReport(wb.db, findExerciseId(wb, subject), options);
      write(wb, out, chromium !== null ? printPdfWithChromium(reportHtml(report), chromium) : reportText(report, format as 'md' | 'json'));
      const broken = report.delegations.filter((d) => !d.chain.intact).map((d) => d.name);
      io.out(`Wrote the after-action report of "${report.overview.title}" (${report.delegations.length} delegation(s), ${report.citations.length} citations) to ${out}`);
      if (broken.length > 0) io.err(`Warning: the record of ${broken.join(', ')} does not verify; the report says so.`);
      return 0;
    },
  },
};

const COMMANDS: Readonly<Record<string, Command>> = { ...CORE_COMMANDS, ...LIVE_COMMANDS, ...CONSENSUS_COMMANDS, ...OBJECTIVES_COMMANDS, ...EXCHANGE_COMMANDS };

/** Commands with subcommands, and what to say when the subcommand is missing or wrong. */
const GROUPS: Readonly<Record<string, string>> = {
  exercise: EXERCISE_USAGE,
  scenario: 'scenario needs a subcommand: validate <file>',
  kit: 'kit needs a subcommand: open FILE',
  inject: 'inject needs a subcommand: release <exercise> <inject id> --delegation <name>, or unseal <run> <code>',
  run: 'run needs a subcommand: send <run> EVENTS.json, or return <run> --out FILE',
  key: 'key needs a subcommand: show',
};

/** Every option any command has, so the command's words can be told from option values. */
const ALL_OPTIONS: OptionSpec = Object.assign({ ...GLOBAL_OPTIONS }, ...Object.values(COMMANDS).map((c) => c.options)) as OptionSpec;

function findCommand(words: readonly string[]): { name: string; command: Command; consumed: number } {
  const [first, second] = words;
  if (first === undefined) throw new UsageError('Name a command.');
  const group = GROUPS[first];
  if (group !== undefined) {
    const command = second !== undefined ? COMMANDS[`${first} ${second}`] : undefined;
    if (!command) throw new UsageError(second ? `Unknown ${first} subcommand "${second}". ${group}` : group);
    return { name: `${first} ${second}`, command, consumed: 2 };
  }
  const command = COMMANDS[first];
  if (!command) throw new UsageError(`Unknown command "${first}".`);
  return { name: first, command, consumed: 1 };
}

/**
 * A command that only reads opens the database read-only, so it writes nothing and needs no
 * write access; it opens for writing only where reading cannot work: a new file (created,
 * and said), a database that must first be upgraded (backed up, and said), or a corpus built
 * from other seeds.
 */
function openFor(mode: 'read' | 'write', target: { readonly path: string; readonly createFolder: boolean }, seeds: string, io: CliIo): Workbench {
  if (mode === 'read' && existsSync(target.path)) {
    try {
      const wb = openWorkbench(target.path, seeds, repoScenarios(), { readOnly: true });
      if (wb.corpus.current) return wb;
      wb.close();
    } catch (error) {
      if (!(error instanceof DatabaseRefusedError && error.reason === 'needs-upgrade')) throw error;
    }
  }
  const wb = openWorkbench(target.path, seeds, repoScenarios(), { createFolder: target.createFolder });
  const { created, migrated, file } = wb.opening;
  // On stderr, so that --json output stays machine-readable.
  if (created) io.err(`Created a new database at ${file}.`);
  if (migrated) io.err(`Upgraded the database ${file} from schema ${migrated.from} to ${migrated.to}; the previous version is saved as ${migrated.backup}.`);
  return wb;
}

const repoSeeds = (): string => fileURLToPath(new URL('../../seeds', import.meta.url));
const repoScenarios = (): string => fileURLToPath(new URL('../../resources/scenarios', import.meta.url));

/**
 * Runs one CLI invocation and returns the exit code: 0 done, 1 refused (one line per
 * problem), 2 usage. Nothing is thrown: an unexpected error is logged, and the log's place said.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  let wb: Workbench | undefined;
  try {
    const words = commandWords(argv, ALL_OPTIONS);
    if (words.length === 0 || words[0] === 'help') {
      io.out(USAGE);
      return words.length === 0 && !argv.includes('--help') ? 2 : 0;
    }
    const { name, command, consumed } = findCommand(words);
    const parsed = parseCommandLine(argv, command.options, `cdt ${name}`);
    if (flag(parsed, 'help')) {
      io.out(USAGE);
      return 0;
    }
    const args: ParsedArgs = { ...parsed, positionals: parsed.positionals.slice(consumed) };
    if (!command.database) return command.run({ args, io });
    const named = stringOption(args, 'db');
    // The app's own folder may not exist yet on a new machine; a folder the user typed must.
    const target = { path: named ?? join(defaultUserDataDir(), DB_FILE_NAME), createFolder: named === undefined };
    wb = openFor(command.database, target, stringOption(args, 'seeds') ?? repoSeeds(), io);
    return command.run({ args, io, wb });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    const refusal = error instanceof UserError ? error : databaseProblem(error, wb?.db.name ?? '');
    if (refusal) {
      for (const line of problemLines(refusal)) io.err(line);
      return 1;
    }
    const log = logUnexpected(error, io.logDir);
    io.err(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    io.err(log ? `This is a fault in CDT Workbench, not in what you typed; the details are in ${log}.` : 'This is a fault in CDT Workbench; the details could not be logged.');
    return 1;
  } finally {
    wb?.close();
  }
}
