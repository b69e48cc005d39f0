import { databaseProblem } from '../db/errors';
import { errorData, problemLines, UserError, type ErrorData } from '../../shared/errors';
import { formatIssues } from '../../shared/validation';
import { basename, join } from 'node:path';
import type { Db } from '../db/open';
import { getDocument, listDocuments } from '../corpus/queries';
import { searchCorpus } from '../corpus/search';
import { createRun, deleteRun, getRun, listRuns, renameRun, runHistory, sendEvent, verifyRun } from '../workflow/runs';
import { resolveEvidence } from '../workflow/evidence';
import { deleteScenario, getScenario, listScenarios, saveScenario } from '../exercise/scenarios';
import { addDelegation, deleteFacilitatorNote, editFacilitatorNote, removeDelegation } from '../exercise/roster';
import { roomView } from '../exercise/room';
import { consensusOf, recordJointEntry, setRoomPositions } from '../consensus/joint';
import {
  addFacilitatorNote, adjustClock, createExercise, deleteExercise, exerciseClock, exerciseOfRun, getExercise, listExercises, releaseInject,
  renameDelegation, withdrawRelease,
} from '../exercise/exercises';
import { exportScenario, importExercisePackage, packageText } from '../exercise/package';
import { inPlaceRunner, type TaskInput, type TaskName, type TaskResult, type TaskRunner } from '../work/tasks';
import { readTextFile } from '../files/read';
import { databaseFiles, writeFileSafely } from '../files/write';
import { MAX_PACKAGE_BYTES } from '../../shared/exercise/package';
import type { SaveOutcome } from '../../shared/exercise/exercises';
import { saveReportDetails } from '../exercise/plan';
import { clearObjectiveRating, objectivesOf, rateObjective } from '../exercise/objectives';
import { addWhiteCard } from '../exercise/white-cards';
import { changesData, contract, type Action, type DataChange, type Envelope, type Results, type WorkProgress } from '../../shared/ipc/contract';
import type { z } from 'zod';
import { keyOfDatabase } from '../exchange/keys';
import { checkKitPassphrase, listWorkspaces, openKit, unsealInject, workspaceView } from '../exchange/kits';
import { collectReturns, writeReturn } from '../exchange/returns';
import { sealedText } from '../exchange/files';
import { MAX_EXCHANGE_BYTES } from '../../shared/exchange/format';
import type { CollectOutcome } from '../../shared/exchange/views';

type Parsed<A extends Action> = z.output<(typeof contract)[A]['input']>;
export type Handlers = { readonly [A in Action]: (input: Parsed<A>) => Results[A] | Promise<Results[A]> };

/** What the handlers need from the desktop beyond the database (Electron's clipboard and dialogs in the app). */
export interface Desktop {
  writeClipboard(text: string): void;
  /** A save dialog (filtered by the default name's extension); the chosen path, or null when the user cancels. */
  chooseSaveFile(defaultName: string): string | null;
  /** An open dialog for one file; its path, or null when the user cancels. */
  chooseOpenFile(): string | null;
  /** An open dialog for a kit (one file) or returns (several); the paths, none when the user cancels. */
  chooseExchangeFiles(kind: 'kit' | 'return'): readonly string[];
  /** A dialog for the folder kits are written into; null when the user cancels. */
  chooseFolder(): string | null;
  /** Prints a self-contained HTML page to PDF with Chromium, A4, as the page's own CSS lays it out. */
  printPdf(html: string): Promise<Uint8Array>;
  /** Tells the window how long work is going; null when it is over. */
  showProgress?(progress: WorkProgress | null): void;
  /** Tells every window that what is stored changed, so that each re-reads what it shows. */
  announceChange?(change: DataChange): void;
  /** Opens (or brings forward) the room's window for the projector; closes it. */
  openRoomWindow?(): void;
  closeRoomWindow?(): void;
}

/** A file name from a user-given name: no path separators or other characters file systems refuse. */
export function safeFileName(name: string, suffix: string): string {
  const base = name.normalize('NFKC').replace(/[^\p{L}\p{N}._, -]+/gu, '-').replace(/\s+/g, ' ').trim().slice(0, 80) || 'export';
  return `${base}${suffix}`;
}

/** Files shipped with the app that handlers read. */
export interface Resources {
  /** The finished sample exercise package (resources/exercises). */
  readonly sampleExercise: string;
}

/** The main process's side of every action, over the real services. */
export function createHandlers(db: Db, desktop: Desktop, resources: Resources, runTask: TaskRunner = inPlaceRunner(db)): Handlers {
  // Whatever the user picks in a save dialog, the open database is never written over.
  const writeFile = (path: string, content: string | Uint8Array): void => writeFileSafely(path, content, databaseFiles(db.name));
  /**
   * Every save: the caller builds what is saved before the dialog opens, so that a missing
   * exercise or run is reported without asking for a file; the file's content is made only
   * once a file is chosen, so that a cancelled dialog prints no PDF.
   */
  const saveAs = async (defaultName: string, content: () => string | Uint8Array | Promise<Uint8Array>): Promise<SaveOutcome> => {
    const path = desktop.chooseSaveFile(defaultName);
    if (path === null) return { saved: false };
    writeFile(path, await content());
    return { saved: true, path };
  };
  const inBackground = async <T extends TaskName>(task: T, input: TaskInput<T>): Promise<TaskResult<T>> => {
    try {
      return await runTask(task, input, (p) => desktop.showProgress?.(p));
    } finally {
      desktop.showProgress?.(null);
    }
  };
  let room: { readonly exerciseId: string; readonly showCountdown: boolean } | null = null;
  const handlers: Handlers = {
    listDocuments: () => listDocuments(db),
    getDocument: ({ docRef, lang }) => getDocument(db, docRef, lang),
    searchCorpus: ({ query, ...options }) => searchCorpus(db, query, options),
    listRuns: () => listRuns(db),
    createRun: ({ name }) => createRun(db, name),
    renameRun: ({ id, name }) => renameRun(db, id, name),
    deleteRun: ({ id }) => {
      deleteRun(db, id);
      return null;
    },
    getRun: ({ id }) => getRun(db, id),
    sendEvent: ({ id, event }) => sendEvent(db, id, event),
    runHistory: ({ id }) => runHistory(db, id),
    verifyRun: ({ id }) => verifyRun(db, id),
    getEvidence: ({ item }) => resolveEvidence(db, item),
    // Writing only: the renderer can never read the clipboard.
    copyText: ({ text }) => {
      desktop.writeClipboard(text);
      return null;
    },
    listScenarios: () => listScenarios(db),
    getScenario: ({ id }) => getScenario(db, id),
    saveScenario: ({ scenario }) => saveScenario(db, scenario),
    deleteScenario: ({ id }) => {
      deleteScenario(db, id);
      return null;
    },
    exportScenario: ({ id }) => {
      const pkg = exportScenario(db, id);
      return saveAs(safeFileName(pkg.scenario.id, '.cdt-scenario.json'), () => packageText(pkg));
    },
    importScenario: async () => {
      const path = desktop.chooseOpenFile();
      if (path === null) return { opened: false };
      return { opened: true, path, ...(await inBackground('importScenario', { file: path })) };
    },
    listExercises: () => listExercises(db),
    createExercise: ({ name, scenarioId, delegationNames }) => createExercise(db, { name, scenarioId, delegationNames }),
    getExercise: ({ id }) => getExercise(db, id),
    getRunExercise: ({ id }) => exerciseOfRun(db, id),
    deleteExercise: ({ id }) => {
      deleteExercise(db, id);
      return null;
    },
    exerciseClock: ({ id, action }) => exerciseClock(db, id, action),
    releaseInject: ({ exerciseId, injectId, delegations }) => releaseInject(db, exerciseId, injectId, delegations),
    renameDelegation: ({ exerciseId, delegationId, name }) => renameDelegation(db, exerciseId, delegationId, name),
    addFacilitatorNote: ({ exerciseId, text }) => addFacilitatorNote(db, exerciseId, text),
    addWhiteCard: ({ exerciseId, kind, title, body }) => addWhiteCard(db, exerciseId, { kind, title, body }).exercise,
    adjustClock: ({ exerciseId, deltaMs, reason }) => adjustClock(db, exerciseId, deltaMs, reason),
    withdrawRelease: ({ exerciseId, injectId, delegationId }) => withdrawRelease(db, exerciseId, injectId, delegationId),
    addDelegation: ({ exerciseId, name }) => addDelegation(db, exerciseId, name),
    removeDelegation: ({ exerciseId, delegationId }) => removeDelegation(db, exerciseId, delegationId),
    editFacilitatorNote: ({ exerciseId, noteId, text }) => editFacilitatorNote(db, exerciseId, noteId, text),
    deleteFacilitatorNote: ({ exerciseId, noteId }) => deleteFacilitatorNote(db, exerciseId, noteId),
    saveHandouts: async ({ exerciseId, injects }) => {
      const { title, html } = await inBackground('buildHandouts', { exerciseId, injects });
      return saveAs(safeFileName(title, '.pdf'), () => desktop.printPdf(html));
    },
    // One room screen at a time, showing the exercise whose console opened it.
    openRoom: ({ exerciseId, showCountdown }) => {
      getExercise(db, exerciseId);
      room = { exerciseId, showCountdown };
      desktop.openRoomWindow?.();
      desktop.announceChange?.({ origin: 'window' });
      return null;
    },
    closeRoom: () => {
      room = null;
      desktop.closeRoomWindow?.();
      desktop.announceChange?.({ origin: 'window' });
      return null;
    },
    getRoomView: () => (room === null ? null : roomView(db, room.exerciseId, room.showCountdown)),
    getConsensus: ({ exerciseId }) => consensusOf(db, exerciseId),
    recordJointEntry: ({ exerciseId, entry }) => recordJointEntry(db, exerciseId, entry),
    setRoomPositions: ({ exerciseId, show }) => setRoomPositions(db, exerciseId, show),
    exportExercise: async ({ id, passphrase }) => {
      const { name, text } = await inBackground('exportExercise', { id });
      return saveAs(safeFileName(name, '.cdt-exercise.json'), () => (passphrase ? sealedText(text, passphrase) : text));
    },
    importExercise: async ({ passphrase }) => {
      const path = desktop.chooseOpenFile();
      if (path === null) return { opened: false };
      return { opened: true, path, ...(await inBackground('importExercise', { file: path, passphrase: passphrase ?? null })) };
    },
    // Importing twice is harmless: the second time says "already imported" and writes nothing.
    importSampleExercise: () => importExercisePackage(db, readTextFile(resources.sampleExercise, MAX_PACKAGE_BYTES), basename(resources.sampleExercise)),
    saveReportDetails: ({ exerciseId, details }) => {
      saveReportDetails(db, exerciseId, details);
      return getExercise(db, exerciseId);
    },
    getObjectives: ({ exerciseId }) => objectivesOf(db, exerciseId),
    rateObjective: ({ exerciseId, ...rating }) => rateObjective(db, exerciseId, rating),
    clearObjectiveRating: ({ exerciseId, objectiveId }) => clearObjectiveRating(db, exerciseId, objectiveId),
    getLaptopKey: () => {
      const { fingerprint, publicKey } = keyOfDatabase(db);
      return { fingerprint, publicKey };
    },
    issueKits: async ({ exerciseId, delegations, passphrase }) => {
      const all = getExercise(db, exerciseId).delegations.map((d) => d.id);
      const delegationIds = delegations === 'all' ? all : delegations;
      // Refused before the dialog: a TLP:AMBER exercise without a passphrase asks for no folder.
      checkKitPassphrase(db, exerciseId, passphrase);
      const folder = desktop.chooseFolder();
      if (folder === null) return { saved: false };
      const kits = await inBackground('issueKits', { exerciseId, delegationIds, passphrase });
      for (const kit of kits) writeFile(join(folder, kit.fileName), kit.text);
      return { saved: true, folder, kits: kits.map(({ text: _text, ...kit }) => kit) };
    },
    collectReturns: ({ exerciseId, passphrase }) => {
      const paths = desktop.chooseExchangeFiles('return');
      if (paths.length === 0) return { opened: false };
      // A file that cannot be read is one refusal among the outcomes, not the end of the collection.
      const files = paths.map((path) => ({ fileName: basename(path), path }));
      const unreadable: CollectOutcome[] = [];
      const readable = files.flatMap((f) => {
        try {
          return [{ fileName: f.fileName, text: readTextFile(f.path, MAX_EXCHANGE_BYTES) }];
        } catch (error) {
          if (error instanceof UserError) unreadable.push({ file: f.fileName, status: 'refused', problems: problemLines(error) });
          else throw error;
          return [];
        }
      });
      return { opened: true, outcomes: [...unreadable, ...collectReturns(db, exerciseId, readable, passphrase === null ? [] : [passphrase])] };
    },
    openKit: ({ passphrase }) => {
      const [path] = desktop.chooseExchangeFiles('kit');
      if (path === undefined) return { opened: false };
      return { opened: true, path, ...openKit(db, readTextFile(path, MAX_EXCHANGE_BYTES), basename(path), { key: keyOfDatabase(db), passphrase }) };
    },
    listWorkspaces: () => listWorkspaces(db),
    getWorkspace: ({ runId }) => workspaceView(db, runId, keyOfDatabase(db)),
    unsealInject: ({ runId, code }) => unsealInject(db, runId, code, { key: keyOfDatabase(db) }),
    writeReturn: ({ runId }) => {
      const written = writeReturn(db, runId, { key: keyOfDatabase(db) });
      return saveAs(written.fileName, () => written.text);
    },
    saveReport: async ({ subject, format, quoteLanguages }) => {
      const { title, content } = await inBackground('buildReport', { subject, format, quoteLanguages });
      return saveAs(safeFileName(title, `.${format}`), () => (format === 'pdf' ? desktop.printPdf(content) : content));
    },
  };
  return announcingChanges(handlers, desktop);
}

/** Every action that changes what is stored tells the windows when it succeeded (a refusal changed nothing). */
function announcingChanges(handlers: Handlers, desktop: Desktop): Handlers {
  const wrapped: Record<string, (input: unknown) => unknown> = {};
  for (const action of Object.keys(handlers) as Action[]) {
    const handler = handlers[action] as (input: unknown) => unknown;
    wrapped[action] = changesData(action)
      ? async (input) => {
          const result = await handler(input);
          desktop.announceChange?.({ origin: 'window' });
          return result;
        }
      : handler;
  }
  return wrapped as unknown as Handlers;
}

const actionByChannel: ReadonlyMap<string, Action> = new Map(
  Object.entries(contract).map(([action, { channel }]) => [channel, action as Action]),
);

/**
 * Validates a payload against the contract and runs its handler. Shared by Electron's
 * ipcMain registration and the e2e bridge, so both refuse the same things the same way.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  payload: unknown,
  logFault: (error: unknown) => string | null = () => null,
): Promise<Envelope<unknown>> {
  const action = actionByChannel.get(channel);
  if (!action) return refused(new UserError(`Unknown action: ${channel}`));
  const parsed = contract[action].input.safeParse(payload ?? {});
  // The renderer is untrusted, but its own forms validate first: a refusal here is still the user's to see.
  if (!parsed.success) return refused(new UserError(`Invalid request for ${action}.`, formatIssues(parsed.error)));
  try {
    const handler = handlers[action] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof UserError) return refused(error);
    // The app has one database: "This database" names it well enough.
    const database = databaseProblem(error, '');
    if (database) return refused(database);
    const log = logFault(error);
    const where = log ? ` The details are in ${log}.` : '';
    return refused(new UserError(`Something went wrong inside CDT Workbench (a fault of the app, not of what you did).${where}`), 'unexpected');
  }
}

const refused = (error: UserError, kind: ErrorData['kind'] = 'user'): Envelope<never> => ({ ok: false, error: errorData(error, kind) });
