import { createExercise, delegationsOf, readExercise, releaseInject } from '../exercise/exercises';
import { addWhiteCard } from '../exercise/white-cards';
import { INJECT_KINDS, type InjectKind } from '../../shared/exercise/scenario';
import { ExerciseError } from '../exercise/errors';
import { readJsonFile, readTextFile } from '../files/read';
import { keyOfDatabase } from '../exchange/keys';
import { issueKit, openKit, unsealInject } from '../exchange/kits';
import { collectReturns, writeReturn } from '../exchange/returns';
import { sendEvent } from '../workflow/runs';
import { flag, stringOption, stringsOption, UsageError } from './args';
import { findExerciseId, json, JSON_OPTION, outputFile, passphraseOption, PASSPHRASE_OPTION, write, type Command } from './command';
import type { Workbench } from '../workbench';
import { windowEventSchema } from '../../shared/ipc/contract';
import { MAX_EXCHANGE_BYTES } from '../../shared/exchange/format';
import { formatIssues } from '../../shared/validation';
import { problemText } from '../../shared/errors';
import { nameKey } from '../../shared/text';
import { z } from 'zod';

/**
 * The exchange across laptops from the command line (ARCHITECTURE.md, "Across laptops"): the
 * same services the app's console and workspace use, for scripts and for tests. Each laptop
 * is a database (--db) whose folder holds that installation's key.
 */
function delegationNamed(wb: Workbench, exerciseId: string, name: string) {
  const found = delegationsOf(wb.db, exerciseId).find((d) => nameKey(d.name) === nameKey(name));
  if (!found) throw new ExerciseError(`The exercise "${readExercise(wb.db, exerciseId).name}" has no delegation named "${name}".`);
  return found;
}

const EVENTS_FILE_BYTES = 20 * 1024 * 1024;
const eventsSchema = z.array(windowEventSchema).max(100_000);

export const EXCHANGE_USAGE = `  exercise create --scenario <id> --name <name> --delegation <name>... [--json]
  exercise kit <exercise> --delegation <name> --out FILE [--passphrase-file F]
                                          the delegation's kit: its run, the scenario's context, its injects sealed;
                                          issued again, it is the kit update that carries white cards
  exercise collect <exercise> FILE... [--passphrase-file F]
                                          take delegations' returns into the exercise (each taken or refused whole)
  kit open FILE [--passphrase-file F] [--json]   on a delegation's laptop: open its kit as a workspace
  inject release <exercise> <inject id> --delegation <name> [--json]   release; a delegation with a kit gets a code
  inject write <exercise> --title T --body B [--kind K] [--json]   a white card, written during play
  inject unseal <run> <code>              on a delegation's laptop: open the inject the code seals
  run send <run> EVENTS.json              append events (a JSON array, as the app sends them); stops at the first refusal
  run return <run> --out FILE [--passphrase-file F]   on a delegation's laptop: its run, signed, for the facilitator
  key show [--json]                       this installation's key and its fingerprint`;

export const EXCHANGE_COMMANDS: Readonly<Record<string, Command>> = {
  'exercise create': {
    options: { ...JSON_OPTION, scenario: { type: 'string' }, name: { type: 'string' }, delegation: { type: 'string', multiple: true } },
    database: 'write',
    run({ wb, args, io }) {
      const scenarioId = stringOption(args, 'scenario');
      const name = stringOption(args, 'name');
      const delegationNames = stringsOption(args, 'delegation');
      if (!scenarioId || name === undefined || delegationNames.length === 0 || args.positionals.length > 0) {
        throw new UsageError('exercise create needs --scenario <id>, --name <name> and at least one --delegation <name>');
      }
      const exercise = createExercise(wb.db, { name, scenarioId, delegationNames });
      if (flag(args, 'json')) json(io, { id: exercise.id, delegations: exercise.delegations.map((d) => ({ id: d.id, name: d.name, runId: d.runId })) });
      else io.out(`Created the exercise "${exercise.name}" (${exercise.id}) with ${exercise.delegations.length} delegation(s).`);
      return 0;
    },
  },

  'exercise kit': {
    options: { ...PASSPHRASE_OPTION, delegation: { type: 'string' }, out: { type: 'string' } },
    database: 'write',
    run({ wb, args, io }) {
      const [subject, extra] = args.positionals;
      const delegation = stringOption(args, 'delegation');
      const out = outputFile(wb, args);
      if (!subject || !delegation || !out || extra !== undefined) throw new UsageError('exercise kit needs an exercise, --delegation <name> and --out FILE');
      const exerciseId = findExerciseId(wb, subject);
      const d = delegationNamed(wb, exerciseId, delegation);
      const kit = issueKit(wb.db, exerciseId, d.id, { key: keyOfDatabase(wb.db), passphrase: passphraseOption(args) });
      write(wb, out, kit.text);
      io.out(`${kit.reissued ? 'Issued again' : 'Issued'} the kit of ${kit.delegation} to ${out}; its run is now played on the laptop that opens it.`);
      return 0;
    },
  },

  'exercise collect': {
    options: PASSPHRASE_OPTION,
    database: 'write',
    run({ wb, args, io }) {
      const [subject, ...files] = args.positionals;
      if (!subject || files.length === 0) throw new UsageError('exercise collect needs an exercise and one or more return files');
      const exerciseId = findExerciseId(wb, subject);
      const passphrase = passphraseOption(args);
      const read = files.map((file) => ({ fileName: file, text: readTextFile(file, MAX_EXCHANGE_BYTES) }));
      const outcomes = collectReturns(wb.db, exerciseId, read, passphrase === null ? [] : [passphrase]);
      for (const o of outcomes) {
        if (o.status === 'accepted') io.out(`${o.file}: took ${o.newEvents} new event(s) of ${o.delegation} (${o.events} in all).`);
        else if (o.status === 'unchanged') io.out(`${o.file}: already here: ${o.reason}`);
        else for (const problem of o.problems) io.err(`${o.file}: ${problem}`);
      }
      return outcomes.some((o) => o.status === 'refused') ? 1 : 0;
    },
  },

  'kit open': {
    options: { ...JSON_OPTION, ...PASSPHRASE_OPTION },
    database: 'write',
    run({ wb, args, io }) {
      const [file, extra] = args.positionals;
      if (!file || extra !== undefined) throw new UsageError('kit open needs one file');
      const result = openKit(wb.db, readTextFile(file, MAX_EXCHANGE_BYTES), file, { key: keyOfDatabase(wb.db), passphrase: passphraseOption(args) });
      const { workspace } = result;
      if (flag(args, 'json')) json(io, { status: result.status, added: result.added, exerciseId: workspace.exerciseId, delegation: workspace.delegation, runId: workspace.runId });
      else {
        const done = { opened: 'Opened', reopened: 'Reopened', updated: `Updated (${result.added} new sealed inject(s))` }[result.status];
        io.out(`${done} the kit of ${workspace.delegation} in "${workspace.exerciseName}": run ${workspace.runId}, ${workspace.injectsSealed} sealed inject(s).`);
        io.out(`Issued by the facilitator key ${workspace.facilitatorFingerprint}; accepted by this laptop's key ${workspace.laptopFingerprint}.`);
      }
      return 0;
    },
  },

  'inject release': {
    options: { ...JSON_OPTION, delegation: { type: 'string' } },
    database: 'write',
    run({ wb, args, io }) {
      const [subject, injectId, extra] = args.positionals;
      const delegation = stringOption(args, 'delegation');
      if (!subject || !injectId || !delegation || extra !== undefined) throw new UsageError('inject release needs an exercise, an inject id and --delegation <name>');
      const exerciseId = findExerciseId(wb, subject);
      const d = delegationNamed(wb, exerciseId, delegation);
      const result = releaseInject(wb.db, exerciseId, injectId, [d.id]);
      const skipped = result.skipped[0];
      if (skipped) throw new ExerciseError(skipped.reason);
      const code = result.codes[0]?.code ?? null;
      if (flag(args, 'json')) json(io, { code });
      else io.out(code === null ? `Released to ${d.name}: it is in the run here.` : `Released to ${d.name}. Release code: ${code}`);
      return 0;
    },
  },

  'inject write': {
    options: { ...JSON_OPTION, kind: { type: 'string' }, title: { type: 'string' }, body: { type: 'string' } },
    database: 'write',
    run({ wb, args, io }) {
      const [subject, extra] = args.positionals;
      const kind = stringOption(args, 'kind') ?? 'other';
      const title = stringOption(args, 'title');
      const body = stringOption(args, 'body');
      if (!subject || title === undefined || body === undefined || extra !== undefined) throw new UsageError('inject write needs an exercise, --title and --body (and --kind, default other)');
      if (!(INJECT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${INJECT_KINDS.join(', ')}, got "${kind}"`);
      const { inject, exercise } = addWhiteCard(wb.db, findExerciseId(wb, subject), { kind: kind as InjectKind, title, body });
      const kits = exercise.delegations.filter((d) => d.kit !== null).map((d) => d.name);
      if (flag(args, 'json')) json(io, { id: inject.id });
      else {
        io.out(`Wrote the white card "${inject.title}" (${inject.id}); release it like any inject.`);
        if (kits.length > 0) io.out(`It reaches ${kits.join(', ')} in a kit update: issue their kits again (cdt exercise kit).`);
      }
      return 0;
    },
  },

  'inject unseal': {
    options: {},
    database: 'write',
    run({ wb, args, io }) {
      const [runId, code, extra] = args.positionals;
      if (!runId || !code || extra !== undefined) throw new UsageError('inject unseal needs a run id and a release code');
      const { inject } = unsealInject(wb.db, runId, code, { key: keyOfDatabase(wb.db) });
      io.out(`Opened "${inject.title}" (received at ${inject.openedAt}).`);
      return 0;
    },
  },

  'run send': {
    options: {},
    database: 'write',
    run({ wb, args, io }) {
      const [runId, file, extra] = args.positionals;
      if (!runId || !file || extra !== undefined) throw new UsageError('run send needs a run id and a JSON file of events');
      const parsed = eventsSchema.safeParse(readJsonFile(file, EVENTS_FILE_BYTES));
      if (!parsed.success) {
        io.err(`${file} is not a list of events the app sends:`);
        for (const problem of formatIssues(parsed.error)) io.err(`  ${problemText(problem)}`);
        return 1;
      }
      for (const [index, event] of parsed.data.entries()) {
        const sent = sendEvent(wb.db, runId, event);
        if (!sent.accepted) {
          io.err(`${file}: [${index}] (${event.type}) refused: ${sent.reasons.join(' ')} ${index} event(s) before it were recorded.`);
          return 1;
        }
      }
      io.out(`Recorded ${parsed.data.length} event(s) in the run ${runId}.`);
      return 0;
    },
  },

  'run return': {
    options: { ...PASSPHRASE_OPTION, out: { type: 'string' } },
    database: 'read',
    run({ wb, args, io }) {
      const [runId, extra] = args.positionals;
      const out = outputFile(wb, args);
      if (!runId || !out || extra !== undefined) throw new UsageError('run return needs a run id and --out FILE');
      const passphrase = passphraseOption(args);
      const written = writeReturn(wb.db, runId, { key: keyOfDatabase(wb.db), ...(passphrase === null ? {} : { passphrase }) });
      write(wb, out, written.text);
      io.out(`Wrote the return of run ${runId} (${written.events} event(s)) to ${out}.`);
      return 0;
    },
  },

  'key show': {
    options: JSON_OPTION,
    database: 'read',
    run({ wb, args, io }) {
      if (args.positionals.length > 0) throw new UsageError('key show takes no arguments');
      const key = keyOfDatabase(wb.db);
      if (flag(args, 'json')) json(io, { fingerprint: key.fingerprint, publicKey: key.publicKey });
      else io.out(`This installation's key: ${key.fingerprint}\n(public key ${key.publicKey}, kept in ${key.file})`);
      return 0;
    },
  },
};


