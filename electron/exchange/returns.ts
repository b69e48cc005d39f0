import type { Db } from '../db/open';
import { readTransaction, writeTransaction } from '../db/transaction';
import { selectKit, selectExercisePassphrases, updateKitReturn } from '../db/tables/kits';
import { selectReleasedAt } from '../db/tables/releases';
import { delegationsOf, readExercise } from '../exercise/exercises';
import { FileError } from '../files/read';
import { verifyChain } from '../workflow/chain';
import { appendVerifiedEvents, getRun, replayChecked, runChain } from '../workflow/runs';
import { ExchangeFileError, exchangeFileText, openExchangeFile, passphraseProblem } from './files';
import { fingerprintOf, type InstallationKey } from './keys';
import { readWorkspace } from './kits';
import { chainOfPackaged, packagedRunOf } from '../exercise/package';
import { UserError } from '../../shared/errors';
import { formatIssues } from '../../shared/validation';
import { versionRefusal } from '../../shared/workflow/machine';
import { STAMPED_EVENT_TYPES } from '../../shared/workflow/event-schema';
import type { Scenario } from '../../shared/exercise/scenario';
import { RETURN_FORMAT, RETURN_SUFFIX, returnBodySchema, type ReturnBody } from '../../shared/exchange/format';
import type { CollectOutcome } from '../../shared/exchange/views';

/**
 * Returns: a delegation's laptop sends its run back, signed with the key that accepted the
 * kit; the facilitator's laptop takes the events its own copy lacks. A run has one writer, so
 * bringing the two together is a prefix check: the return must hold every event held here,
 * hash for hash, and may add more. Anything else (another key, a fork, events the machine or
 * the kit contradict) is refused whole, and the file named.
 */
const nowIso = (): string => new Date().toISOString();

export const returnFileName = (runId: string, writtenAt: string): string => `${runId.slice(0, 8)}-${writtenAt.replace(/[:.]/g, '')}${RETURN_SUFFIX}`;

/** The run's events so far, signed by this laptop; sealed with the passphrase the kit came with, unless another is given. */
export function writeReturn(db: Db, runId: string, options: { readonly key: InstallationKey; readonly passphrase?: string | null; readonly now?: string }): { readonly text: string; readonly fileName: string; readonly events: number } {
  const now = options.now ?? nowIso();
  const { row, run, chain } = readTransaction(db, () => {
    const row = readWorkspace(db, runId);
    return { row, run: getRun(db, runId), chain: runChain(db, runId) };
  });
  if (options.key.publicKey !== row.accepted_by) {
    throw new UserError(`This laptop's key (${options.key.fingerprint}) is not the one that accepted the kit (${fingerprintOf(row.accepted_by)}); only that key can sign its returns.`);
  }
  const passphrase = options.passphrase === undefined ? row.passphrase : options.passphrase;
  if (passphrase !== null) {
    const problem = passphraseProblem(passphrase);
    if (problem) throw new UserError(problem);
  }
  if (passphrase === null && row.passphrase !== null) throw new UserError('The kit came sealed with a passphrase; its returns are sealed too.');
  const body: ReturnBody = {
    writtenAt: now,
    kitId: row.kit_id,
    exerciseId: row.exercise_id,
    delegationId: row.delegation_id,
    acceptedAt: row.accepted_at,
    run: packagedRunOf(run, chain),
  };
  return { text: exchangeFileText(RETURN_FORMAT, body, options.key, passphrase), fileName: returnFileName(runId, now), events: chain.length };
}

export interface ReturnFile {
  readonly fileName: string;
  readonly text: string;
}

const short = (hash: string): string => hash.slice(0, 12);

/** Opens and checks the shape of one return; refusals name the file. */
function readReturn(file: ReturnFile, passphrases: readonly string[]): { body: ReturnBody; signer: string } {
  const opened = openExchangeFile(file.text, file.fileName, RETURN_FORMAT, passphrases);
  const parsed = returnBodySchema.safeParse(opened.body);
  if (!parsed.success) throw new ExchangeFileError(file.fileName, formatIssues(parsed.error).map((p) => `body${p.path ? `.${p.path}` : ''}: ${p.message}`));
  return { body: parsed.data, signer: opened.signer };
}

/** Takes one return into the exercise, in one transaction; throws a refusal naming the file. */
function takeReturn(db: Db, exerciseId: string, fileName: string, body: ReturnBody, signer: string): CollectOutcome {
  const refuse = (problems: readonly string[]): never => {
    throw new ExchangeFileError(fileName, problems);
  };
  return writeTransaction(db, (): CollectOutcome => {
    const exercise = readExercise(db, exerciseId);
    if (body.exerciseId !== exerciseId) refuse([`exerciseId: this return is for another exercise (${body.exerciseId}), not "${exercise.name}".`]);
    const delegation = delegationsOf(db, exerciseId).find((d) => d.id === body.delegationId);
    if (!delegation) refuse([`delegationId: the exercise "${exercise.name}" has no delegation ${body.delegationId}.`]);
    const d = delegation!;
    if (body.run.id !== d.run_id) refuse([`run.id: the run ${body.run.id} is not the run of ${d.name} (${d.run_id}).`]);
    const kit = selectKit(db, d.id);
    if (!kit) refuse([`kitId: no kit was issued to ${d.name} from this laptop, so nothing can come back from one.`]);
    if (kit!.kit_id !== body.kitId) refuse([`kitId: the return is for the kit ${body.kitId}, but ${d.name} was issued the kit ${kit!.kit_id}.`]);
    if (kit!.laptop_key !== null && kit!.laptop_key !== signer) {
      refuse([`signer: the return is signed by the laptop ${fingerprintOf(signer)}, but the kit of ${d.name} was accepted by the laptop ${fingerprintOf(kit!.laptop_key)}. A return comes only from the laptop that opened the kit (was the kit opened on a second laptop?).`]);
    }
    if (kit!.accepted_at !== null && kit!.accepted_at !== body.acceptedAt) {
      refuse([`acceptedAt: the kit of ${d.name} was opened at ${kit!.accepted_at}, but this return comes from a workspace opened at ${body.acceptedAt}: the kit was opened a second time.`]);
    }
    if (body.acceptedAt < kit!.issued_at) refuse([`acceptedAt: the kit was opened at ${body.acceptedAt}, before it was issued at ${kit!.issued_at}.`]);
    if (body.writtenAt < body.acceptedAt) refuse([`writtenAt: the return was written at ${body.writtenAt}, before its kit was opened at ${body.acceptedAt}.`]);
    const refusal = versionRefusal(body.run.machineVersion, 'Open');
    if (refusal !== null) refuse([`run.machineVersion: the run was ${refusal}`]);
    // Not in the chain, but what the kit carried: a return that says otherwise was not made from it.
    const createdAt = getRun(db, d.run_id).createdAt;
    if (body.run.createdAt !== createdAt) refuse([`run.createdAt: the run of ${d.name} was created at ${createdAt}; this return says ${body.run.createdAt}.`]);
    const held = runChain(db, d.run_id);
    const returned = chainOfPackaged(body.run);
    const verdict = verifyChain(d.run_id, returned);
    if (!verdict.intact) refuse([`run.events: the hash chain is broken: ${verdict.reason}.`]);
    const common = Math.min(held.length, returned.length);
    for (let i = 0; i < common; i++) {
      if (held[i]!.hash === returned[i]!.hash) continue;
      const heldHead = held[held.length - 1]!;
      const returnedHead = returned[returned.length - 1]!;
      refuse([
        `run.events[${i}]: a fork: the return's record of ${d.name} leaves the one held here at event ${i + 1}. ` +
          `Held here: head ${short(heldHead.hash)} (event ${heldHead.seq}); the return: head ${short(returnedHead.hash)} (event ${returnedHead.seq}). ` +
          'The kit was opened on two laptops, or a copy of a laptop\'s database was played on; nothing was taken.',
      ]);
    }
    const newer = kit!.last_return_at === null || body.writtenAt > kit!.last_return_at;
    if (returned.length <= held.length && !newer) {
      return {
        file: fileName,
        status: 'unchanged',
        delegation: d.name,
        reason: `it holds ${returned.length} event(s) of ${d.name}, all of them already here (${held.length}); nothing changed.`,
      };
    }
    const tail = returned.slice(held.length);
    const scenario = JSON.parse(exercise.scenario_json) as Scenario;
    const injects = new Map(scenario.injects.map((i) => [i.id, i]));
    const problems: string[] = [];
    let previous = held[held.length - 1]?.at ?? body.run.createdAt;
    body.run.events.slice(held.length).forEach((e, k) => {
      const path = `run.events[${held.length + k}]`;
      if (e.at < kit!.issued_at) problems.push(`${path}.at: recorded at ${e.at}, before the kit was issued at ${kit!.issued_at}.`);
      else if (e.at < previous) problems.push(`${path}.at: recorded at ${e.at}, before the event before it (${previous}).`);
      if (e.at > body.writtenAt) problems.push(`${path}.at: recorded at ${e.at}, after the return was written at ${body.writtenAt}.`);
      previous = e.at > previous ? e.at : previous;
      if (STAMPED_EVENT_TYPES.has(e.event.type) && (e.event as { readonly at: string }).at !== e.at) problems.push(`${path}.event.at: differs from the time it was recorded (${e.at}).`);
      if (e.event.type !== 'INJECT.RECEIVE') return;
      const inject = injects.get(e.event.id);
      if (!inject) problems.push(`${path}: the run received an inject ${JSON.stringify(e.event.id)} that the scenario does not have.`);
      else if (selectReleasedAt(db, exerciseId, inject.id, d.id) === undefined) problems.push(`${path}: the run received "${inject.title}", which was never released to ${d.name}.`);
      else if (e.event.title !== inject.title || e.event.body !== inject.body) problems.push(`${path}: the inject "${inject.title}" differs from the scenario's.`);
    });
    if (problems.length > 0) refuse(problems);
    const replay = replayChecked(body.run.events.map((e) => e.event), body.run.machineVersion);
    if (!replay.ok) refuse([`run.events[${replay.index}]: the workflow does not accept this ${body.run.events[replay.index]?.event.type} event here: ${replay.reasons.join(' ')}`]);
    if (replay.ok) appendVerifiedEvents(db, d.run_id, tail, replay.snapshot);
    updateKitReturn(db, d.id, { laptopKey: signer, acceptedAt: body.acceptedAt, returnedAt: newer ? body.writtenAt : kit!.last_return_at! });
    return { file: fileName, status: 'accepted', delegation: d.name, newEvents: tail.length, events: returned.length };
  });
}

/**
 * Collects returns (several at once), each taken or refused on its own, oldest first, so a
 * checkpoint and a later return of one laptop may come in one go. `passphrases` are tried on
 * sealed files besides those the exercise's kits were sealed with.
 */
export function collectReturns(db: Db, exerciseId: string, files: readonly ReturnFile[], passphrases: readonly string[] = []): CollectOutcome[] {
  readExercise(db, exerciseId);
  const known = [...passphrases, ...selectExercisePassphrases(db, exerciseId)];
  const read = files.map((file) => {
    try {
      return { file, ...readReturn(file, known) };
    } catch (error) {
      return { file, error };
    }
  });
  const order = (r: (typeof read)[number]): [number, string] => ('body' in r && r.body ? [r.body.run.events.length, r.body.writtenAt] : [-1, '']);
  const sorted = [...read].sort((a, b) => order(a)[0] - order(b)[0] || (order(a)[1] < order(b)[1] ? -1 : order(a)[1] > order(b)[1] ? 1 : 0));
  return sorted.map((r): CollectOutcome => {
    try {
      if ('error' in r) throw r.error;
      return takeReturn(db, exerciseId, r.file.fileName, r.body!, r.signer!);
    } catch (error) {
      if (error instanceof FileError) return { file: r.file.fileName, status: 'refused', problems: error.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)) };
      if (error instanceof UserError) return { file: r.file.fileName, status: 'refused', problems: [error.message] };
      throw error;
    }
  });
}
