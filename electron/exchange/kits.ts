import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/open';
import { readTransaction, writeTransaction } from '../db/transaction';
import { exerciseExists } from '../db/tables/exercises';
import { insertKit, insertKitCode, selectKit, selectKitCodes, updateKitPassphrase } from '../db/tables/kits';
import { runExists, updatePlayedElsewhere } from '../db/tables/runs';
import {
  insertWorkspace, insertWorkspaceInject, markInjectOpened, updateWorkspaceIssuedAt, updateWorkspaceWithdrawn, selectWorkspace, selectWorkspaceByKit, selectWorkspaceInjects, selectWorkspaces,
  type WorkspaceRow,
} from '../db/tables/workspaces';
import { ExerciseError } from '../exercise/errors';
import { delegationsOf, readExercise, releasesOf } from '../exercise/exercises';
import { canonicalJson, verifyChain } from '../workflow/chain';
import { getRun, insertVerifiedRun, replayChecked, runChain, sendEvent } from '../workflow/runs';
import { ExchangeFileError, exchangeFileText, openExchangeFile, passphraseProblem } from './files';
import { chainOfPackaged, packagedRunOf } from '../exercise/package';
import { fingerprintOf, type InstallationKey } from './keys';
import { decrypt, deriveKey, encrypt, normalizeCode, newReleaseCode, type Sealed } from './seal';
import { UserError } from '../../shared/errors';
import { formatIssues } from '../../shared/validation';
import { versionRefusal } from '../../shared/workflow/machine';
import { STAMPED_EVENT_TYPES } from '../../shared/workflow/event-schema';
import { injectSchema, type Scenario, type ScenarioInject } from '../../shared/exercise/scenario';
import { KIT_FORMAT, KIT_SUFFIX, kitBodySchema, SEALED_TLPS, type KitBody } from '../../shared/exchange/format';
import type { IssuedKit, KitOpenResult, KitScenario, OpenedInject, UnsealResult, WorkspaceSummary, WorkspaceView } from '../../shared/exchange/views';

/**
 * Kits: the facilitator's laptop hands each delegation its run, the exercise as it may see it,
 * and its injects sealed, one code each; the delegation's laptop opens the kit into a
 * workspace and becomes the run's one writer. Injects are opened there by the codes the
 * facilitator reads out as they are released.
 */

const nowIso = (): string => new Date().toISOString();

/** Each sealed inject's additional data: the kit and its place, so a sealed inject cannot be moved to another kit or place. */
const injectAad = (kitId: string, n: number): Buffer => Buffer.from(`${KIT_FORMAT}\n${kitId}\n${n}`, 'utf8');

/** What a delegation may see of its scenario: everything but the injects and the facilitator's notes. */
function kitScenarioOf(scenario: Scenario): KitScenario {
  const { injects: _injects, facilitatorNotes: _notes, ...rest } = scenario;
  return rest;
}

/** The file name on the stick: the exercise's id and the delegation's place, nothing anyone could read a secret from. */
export const kitFileName = (exerciseId: string, position: number): string => `${exerciseId.slice(0, 8)}-${position + 1}${KIT_SUFFIX}`;

export interface IssueOptions {
  readonly key: InstallationKey;
  readonly passphrase: string | null;
  readonly now?: string;
}

/**
 * Makes a delegation's kit. The first issue fixes its id, salt and release codes and hands the
 * run to the delegation's laptop (this laptop no longer writes it); issuing again (a lost
 * stick) makes the same kit with the run as held now. Returns the file's text.
 */
/** A kit's passphrase must be one, and an exercise marked TLP:AMBER or above must have one. */
export function checkKitPassphrase(db: Db, exerciseId: string, passphrase: string | null): void {
  if (passphrase !== null) {
    const problem = passphraseProblem(passphrase);
    if (problem) throw new ExerciseError(problem);
    return;
  }
  const exercise = readExercise(db, exerciseId);
  const { tlp } = (JSON.parse(exercise.scenario_json) as Scenario).classification;
  if (SEALED_TLPS.includes(tlp)) throw new ExerciseError(`The exercise "${exercise.name}" is marked ${tlp}: its kits must be sealed with a passphrase.`);
}

export function issueKit(db: Db, exerciseId: string, delegationId: string, options: IssueOptions): IssuedKit & { readonly text: string } {
  const now = options.now ?? nowIso();
  const { passphrase, key } = options;
  checkKitPassphrase(db, exerciseId, passphrase);
  const state = readTransaction(db, () => {
    const exercise = readExercise(db, exerciseId);
    const scenario = JSON.parse(exercise.scenario_json) as Scenario;
    const delegations = delegationsOf(db, exerciseId);
    const position = delegations.findIndex((d) => d.id === delegationId);
    const delegation = delegations[position];
    if (!delegation) throw new ExerciseError(`The exercise "${exercise.name}" has no delegation with id ${delegationId}.`);
    const run = getRun(db, delegation.run_id);
    return { exercise, scenario, delegation, position, run, chain: runChain(db, run.id), kit: selectKit(db, delegationId), codes: selectKitCodes(db, delegationId) };
  });
  const { exercise, scenario, delegation, run, chain, kit } = state;
  const kitId = kit?.kit_id ?? randomUUID();
  const salt = kit ? Buffer.from(kit.salt, 'base64') : randomBytes(16);
  const codes = kit ? state.codes : new Map(scenario.injects.map((i) => [i.id, newReleaseCode()]));
  const received = new Set(run.snapshot.context.injects.map((i) => i.id));
  // n is the inject's place in the scenario, so a delegation's sealed list keeps the scenario's order.
  const toSeal = scenario.injects.map((inject, index) => ({ inject, n: index + 1 })).filter(({ inject }) => !received.has(inject.id));
  // One scrypt per inject, some 0.15 s each: the app makes kits in its worker thread.
  const sealed = toSeal.map(({ inject, n }) => {
    const code = codes.get(inject.id);
    if (code === undefined) throw new ExerciseError(`The inject "${inject.title}" has no release code in the kit of ${delegation.name}.`);
    return { n, ...encrypt(deriveKey(code, salt), Buffer.from(canonicalJson(inject), 'utf8'), injectAad(kitId, n)) };
  });
  const body: KitBody = {
    kitId,
    issuedAt: now,
    exercise: { id: exercise.id, name: exercise.name },
    delegation: { id: delegation.id, name: delegation.name, runId: run.id },
    scenario: kitScenarioOf(scenario),
    run: packagedRunOf(run, chain),
    salt: salt.toString('base64'),
    sealed,
    withdrawn: releasesOf(db, exerciseId).filter((r) => r.delegationId === delegationId && r.withdrawnAt !== null).map((r) => ({ injectId: r.injectId, at: r.withdrawnAt! })),
  };
  writeTransaction(db, () => {
    // The run is handed over as read: an event appended meanwhile would be lost to the kit.
    const head = getRun(db, run.id);
    if (head.eventCount !== run.eventCount || selectKit(db, delegationId)?.kit_id !== kit?.kit_id) {
      throw new ExerciseError(`The run of ${delegation.name} changed while its kit was being made; issue the kit again.`);
    }
    if (kit) updateKitPassphrase(db, delegationId, passphrase);
    else {
      insertKit(db, { delegationId, kitId, issuedAt: now, salt: body.salt, sealed: passphrase !== null, passphrase });
      for (const [injectId, code] of codes) insertKitCode(db, delegationId, injectId, code);
      updatePlayedElsewhere(db, run.id, now);
    }
  });
  return {
    delegationId,
    delegation: delegation.name,
    fileName: kitFileName(exercise.id, state.position),
    reissued: kit !== undefined,
    text: exchangeFileText(KIT_FORMAT, body, key, passphrase),
  };
}

// ---- On the delegation's laptop ----

export interface OpenKitOptions {
  readonly key: InstallationKey;
  readonly passphrase: string | null;
  readonly now?: string;
}

/** Everything the kit says must be what a facilitator's laptop makes: its run verified and replayed, its times in order. */
function checkKit(body: KitBody, refuse: (problems: string[]) => never): ReturnType<typeof replayChecked> & { ok: true } {
  const { run, issuedAt } = body;
  const problems: string[] = [];
  if (run.id !== body.delegation.runId) problems.push(`body.run.id: the kit's run ${run.id} is not the delegation's run ${body.delegation.runId}.`);
  const refusal = versionRefusal(run.machineVersion, 'Open');
  if (refusal !== null) problems.push(`body.run.machineVersion: the run was ${refusal}`);
  if (run.createdAt > issuedAt) problems.push(`body.run.createdAt: the run was created at ${run.createdAt}, after the kit was issued at ${issuedAt}.`);
  let previous = run.createdAt;
  run.events.forEach((e, i) => {
    if (e.at < previous) problems.push(`body.run.events[${i}].at: ${e.at} is before the event before it (${previous}).`);
    if (e.at > issuedAt) problems.push(`body.run.events[${i}].at: ${e.at} is after the kit was issued at ${issuedAt}.`);
    if (STAMPED_EVENT_TYPES.has(e.event.type) && (e.event as { readonly at: string }).at !== e.at) problems.push(`body.run.events[${i}].event.at: differs from the time it was recorded (${e.at}).`);
    previous = e.at > previous ? e.at : previous;
  });
  const seen = new Set<number>();
  body.sealed.forEach((s, i) => {
    if (seen.has(s.n)) problems.push(`body.sealed[${i}].n: inject ${s.n} is sealed twice.`);
    seen.add(s.n);
  });
  if (problems.length > 0) refuse(problems);
  const verdict = verifyChain(run.id, chainOfPackaged(run));
  if (!verdict.intact) refuse([`body.run.events: the hash chain is broken: ${verdict.reason}.`]);
  const replay = replayChecked(run.events.map((e) => e.event), run.machineVersion);
  if (!replay.ok) refuse([`body.run.events[${replay.index}]: the workflow does not accept this ${run.events[replay.index]?.event.type} event here: ${replay.reasons.join(' ')}`]);
  return replay as ReturnType<typeof replayChecked> & { ok: true };
}

/**
 * Opens a kit on this laptop: makes the delegation's workspace, with this laptop's key as the
 * one that accepted it. A kit this laptop opened before reopens its workspace, its run as this
 * laptop holds it; issued again after white cards were written, it adds their sealed injects.
 */
export function openKit(db: Db, text: string, fileName: string, options: OpenKitOptions): KitOpenResult {
  const now = options.now ?? nowIso();
  const refuse = (problems: readonly string[]): never => {
    throw new ExchangeFileError(fileName, problems);
  };
  const opened = openExchangeFile(text, fileName, KIT_FORMAT, options.passphrase === null ? [] : [options.passphrase]);
  const parsed = kitBodySchema.safeParse(opened.body);
  if (!parsed.success) refuse(formatIssues(parsed.error).map((p) => `body${p.path ? `.${p.path}` : ''}: ${p.message}`));
  const body = parsed.data!;
  const existing = selectWorkspaceByKit(db, body.kitId);
  if (existing) {
    if (existing.facilitator_key !== opened.signer) {
      refuse([`signer: this laptop opened the kit ${body.kitId} before, issued by the facilitator key ${fingerprintOf(existing.facilitator_key)}; this file is signed by ${fingerprintOf(opened.signer)}.`]);
    }
    if (existing.salt !== body.salt || existing.run_id !== body.run.id) refuse([`salt: this is not the kit ${body.kitId} this laptop opened before, though it bears its id.`]);
    // The kit issued again, as an update: it brings the injects written since (white cards), sealed.
    const held = new Set(selectWorkspaceInjects(db, existing.run_id).map((i) => i.n));
    const added = body.sealed.filter((s) => !held.has(s.n));
    // An older kit file opened again must not take back a withdrawal a newer one brought.
    const withdrawn = body.issuedAt >= existing.issued_at ? canonicalJson(body.withdrawn) : existing.withdrawn;
    const changed = added.length > 0 || withdrawn !== existing.withdrawn;
    if (changed) {
      writeTransaction(db, () => {
        for (const s of added) insertWorkspaceInject(db, existing.run_id, s.n, JSON.stringify({ iv: s.iv, tag: s.tag, data: s.data }));
        updateWorkspaceWithdrawn(db, existing.run_id, withdrawn);
        if (body.issuedAt > existing.issued_at) updateWorkspaceIssuedAt(db, existing.run_id, body.issuedAt);
      });
    }
    return { status: changed ? 'updated' : 'reopened', added: added.length, workspace: workspaceView(db, existing.run_id, options.key) };
  }
  if (exerciseExists(db, body.exercise.id) || runExists(db, body.run.id)) {
    refuse([`this database already holds the exercise "${body.exercise.name}" or the run of ${body.delegation.name}: it is the facilitator's (or a copy of it). A kit is opened on the delegation's own laptop.`]);
  }
  if (now < body.issuedAt) {
    refuse([`this laptop's clock reads ${now}, before the kit was issued (${body.issuedAt}); set the clock right and open the kit again.`]);
  }
  const replay = checkKit(body, refuse);
  writeTransaction(db, () => {
    insertVerifiedRun(db, body.run, chainOfPackaged(body.run), replay.snapshot);
    insertWorkspace(db, {
      run_id: body.run.id,
      kit_id: body.kitId,
      exercise_id: body.exercise.id,
      exercise_name: body.exercise.name,
      delegation_id: body.delegation.id,
      delegation_name: body.delegation.name,
      facilitator_key: opened.signer,
      scenario_json: canonicalJson(body.scenario),
      issued_at: body.issuedAt,
      salt: body.salt,
      passphrase: opened.sealed ? options.passphrase : null,
      accepted_by: options.key.publicKey,
      accepted_at: now,
      withdrawn: canonicalJson(body.withdrawn),
    });
    for (const s of body.sealed) insertWorkspaceInject(db, body.run.id, s.n, JSON.stringify({ iv: s.iv, tag: s.tag, data: s.data }));
  });
  return { status: 'opened', added: body.sealed.length, workspace: workspaceView(db, body.run.id, options.key) };
}

export function readWorkspace(db: Db, runId: string): WorkspaceRow {
  const row = selectWorkspace(db, runId);
  if (!row) throw new UserError(`There is no delegation workspace for the run ${runId} on this laptop.`);
  return row;
}

/** The opened injects, as the run's own receipts record them (the record is the truth). */
function openedInjects(db: Db, row: WorkspaceRow): Map<number, OpenedInject> {
  const received = new Map(getRun(db, row.run_id).snapshot.context.injects.map((i) => [i.id, i]));
  const opened = new Map<number, OpenedInject>();
  for (const s of selectWorkspaceInjects(db, row.run_id)) {
    const receipt = s.inject_id === null ? undefined : received.get(s.inject_id);
    if (receipt && s.opened_at !== null) opened.set(s.n, { id: receipt.id, title: receipt.title, body: receipt.body, openedAt: s.opened_at });
  }
  return opened;
}

function summaryOf(db: Db, row: WorkspaceRow): WorkspaceSummary {
  const scenario = JSON.parse(row.scenario_json) as KitScenario;
  const injects = selectWorkspaceInjects(db, row.run_id);
  return {
    runId: row.run_id,
    kitId: row.kit_id,
    exerciseId: row.exercise_id,
    exerciseName: row.exercise_name,
    delegationId: row.delegation_id,
    delegation: row.delegation_name,
    marking: scenario.classification.marking,
    tlp: scenario.classification.tlp,
    facilitatorFingerprint: fingerprintOf(row.facilitator_key),
    acceptedAt: row.accepted_at,
    injectsSealed: injects.filter((i) => i.opened_at === null).length,
    injectsOpened: injects.filter((i) => i.opened_at !== null).length,
  };
}

export function listWorkspaces(db: Db): WorkspaceSummary[] {
  return readTransaction(db, () => selectWorkspaces(db).map((row) => summaryOf(db, row)));
}

export function workspaceView(db: Db, runId: string, key: InstallationKey): WorkspaceView {
  return readTransaction(db, () => {
    const row = readWorkspace(db, runId);
    const opened = openedInjects(db, row);
    const { snapshot: _snapshot, blockers: _blockers, ...run } = getRun(db, runId);
    return {
      ...summaryOf(db, row),
      scenario: JSON.parse(row.scenario_json) as KitScenario,
      injects: selectWorkspaceInjects(db, runId).map((s) => ({ n: s.n, opened: opened.get(s.n) ?? null })),
      run,
      laptopFingerprint: key.fingerprint,
      sealedWithPassphrase: row.passphrase !== null,
    };
  });
}

export const CODE_REFUSED = 'This code opens none of the injects sealed in this kit. Check it with the facilitator and type it again.';

/**
 * Opens the inject a release code seals, and records its receipt in the run. One scrypt per
 * attempt, right or wrong, then one cheap try per sealed inject: a guess costs what an honest
 * unseal costs, and a wrong code learns nothing but that it is wrong.
 */
export function unsealInject(db: Db, runId: string, typed: string, options: { readonly key: InstallationKey; readonly now?: string }): UnsealResult {
  const row = readWorkspace(db, runId);
  const code = normalizeCode(typed);
  if (code === null) throw new UserError('A release code has 12 letters and digits in three groups, like ACDE-FGHJ-KMNP; check what was typed.');
  const key = deriveKey(code, Buffer.from(row.salt, 'base64'));
  const now = options.now ?? nowIso();
  let found: { n: number; inject: ScenarioInject; openedAt: string | null } | null = null;
  for (const s of selectWorkspaceInjects(db, runId)) {
    const plain = decrypt(key, JSON.parse(s.sealed) as Sealed, injectAad(row.kit_id, s.n));
    if (plain === null) continue;
    const inject = injectSchema.safeParse(JSON.parse(plain.toString('utf8')));
    if (!inject.success) throw new UserError('The inject this code opens is damaged in the kit; ask the facilitator for the kit again.');
    found = { n: s.n, inject: inject.data, openedAt: s.opened_at };
    break;
  }
  if (found === null) throw new UserError(CODE_REFUSED);
  const { n, inject, openedAt } = found;
  if (openedAt === null) {
    writeTransaction(db, () => {
      const sent = sendEvent(db, runId, { type: 'INJECT.RECEIVE', id: inject.id, title: inject.title, body: inject.body }, now);
      if (!sent.accepted) throw new UserError(`The run did not accept the inject "${inject.title}": ${sent.reasons.join(' ')}`);
      markInjectOpened(db, runId, n, inject.id, now, canonicalJson(inject));
    });
  }
  const view = workspaceView(db, runId, options.key);
  const opened = view.injects.find((i) => i.n === n)?.opened;
  if (!opened) throw new Error(`The inject ${inject.id} was opened but is not in the workspace.`);
  return { workspace: view, inject: opened };
}
