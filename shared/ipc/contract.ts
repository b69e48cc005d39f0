import { errorFromData, type ErrorData } from '../errors';
import { z } from 'zod';
import { LANGS, type CorpusDocument, type DocumentSummary, type SearchResult } from '../corpus';
import { CATEGORY_IDS, DIMENSION_IDS, PRINCIPLE_IDS, STEP_IDS } from '../framework/catalogue';
import { SCREEN_IDS, type ResolvedLink } from '../framework/evidence';
import { incomingEventSchema } from '../workflow/event-schema';
import type { RecordedEvent, RunSummary, RunVerification, RunView, SendResult } from '../workflow/runs';
import { INJECT_KINDS, SCENARIO_LIMITS, scenarioSchema } from '../exercise/scenario';
import { EXERCISE_LIMITS } from '../exercise/limits';
import { reportDetailsSchema } from '../report/plan';
import { QUOTE_LANGUAGE_CHOICES, REPORT_FILE_FORMATS } from '../report/model';
import {
  CLOCK_ACTIONS, type ExerciseImportResult, type ExerciseSummary, type ExerciseView, type OpenOutcome, type ReleaseResult,
  type RoomView, type RunExercise, type SaveOutcome, type ScenarioImportResult, type ScenarioRecord, type ScenarioSummary,
} from '../exercise/exercises';
import { PASSPHRASE_LIMITS } from '../exchange/format';
import { jointEntryInputSchema, type ConsensusView } from '../consensus/joint';
import type { CollectOutcome, KeyView, KitOpenResult, KitsOutcome, OpenManyOutcome, UnsealResult, WorkspaceSummary, WorkspaceView } from '../exchange/views';
import { HSEEP_RATINGS } from '../evaluation/objectives';
import { RATING_LIMITS, timelineRefTextSchema, type ObjectivesView } from '../evaluation/ratings';

/**
 * The one IPC contract. Each action names its channel, the zod schema its payload must
 * pass in the main process, and (through Results) the type it resolves to. The preload's
 * API and the main process's handlers are both derived from this table.
 */
const lang = z.enum(LANGS);
const docRef = z.string().min(1).max(32);
const id = z.string().min(1).max(EXERCISE_LIMITS.id);
const runId = id;
const runName = z.string().max(EXERCISE_LIMITS.runName);
const scenarioId = z.string().min(1).max(SCENARIO_LIMITS.id);
const exerciseId = id;
/**
 * What a window may append to a run. An inject reaches a run only through releaseInject,
 * which records the release with it; a receipt without its release is what import refuses.
 */
export const windowEventSchema = incomingEventSchema.refine((event) => event.type !== 'INJECT.RECEIVE', {
  message: 'an inject reaches a run only when the facilitator releases it',
  path: ['type'],
});
const passphrase = z.string().max(PASSPHRASE_LIMITS.max);
const evidenceItem = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('step'), id: z.enum(STEP_IDS) }),
  z.strictObject({ kind: z.literal('dimension'), id: z.enum(DIMENSION_IDS) }),
  z.strictObject({ kind: z.literal('principle'), id: z.enum(PRINCIPLE_IDS) }),
  z.strictObject({ kind: z.literal('category'), id: z.enum(CATEGORY_IDS) }),
  z.strictObject({ kind: z.literal('screen'), id: z.enum(SCREEN_IDS) }),
]);

/** What a report is of: a whole exercise, or one run. */
const reportSubject = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exercise'), id: exerciseId }),
  z.strictObject({ kind: z.literal('run'), id: runId }),
]);
export type ReportSubject = z.output<typeof reportSubject>;

export const contract = {
  listDocuments: { channel: 'corpus:list', input: z.object({}).strict() },
  getDocument: { channel: 'corpus:document', input: z.object({ docRef, lang }).strict() },
  searchCorpus: {
    channel: 'corpus:search',
    input: z
      .object({
        query: z.string().max(500),
        lang: lang.optional(),
        docRef: docRef.optional(),
        limit: z.number().int().min(1).max(200).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
  },
  listRuns: { channel: 'runs:list', input: z.strictObject({}) },
  createRun: { changes: true, channel: 'runs:create', input: z.strictObject({ name: runName }) },
  renameRun: { changes: true, channel: 'runs:rename', input: z.strictObject({ id: runId, name: runName }) },
  deleteRun: { changes: true, channel: 'runs:delete', input: z.strictObject({ id: runId }) },
  getRun: { channel: 'runs:get', input: z.strictObject({ id: runId }) },
  sendEvent: { changes: true, channel: 'runs:send', input: z.strictObject({ id: runId, event: windowEventSchema }) },
  runHistory: { channel: 'runs:history', input: z.strictObject({ id: runId }) },
  verifyRun: { channel: 'runs:verify', input: z.strictObject({ id: runId }) },
  getEvidence: { channel: 'evidence:get', input: z.strictObject({ item: evidenceItem }) },
  copyText: { channel: 'clipboard:write', input: z.strictObject({ text: z.string().max(100_000) }) },
  // Exercises. Files are chosen in the main process's own dialogs: the renderer never names a path.
  listScenarios: { channel: 'scenarios:list', input: z.strictObject({}) },
  getScenario: { channel: 'scenarios:get', input: z.strictObject({ id: scenarioId }) },
  saveScenario: { changes: true, channel: 'scenarios:save', input: z.strictObject({ scenario: scenarioSchema }) },
  deleteScenario: { changes: true, channel: 'scenarios:delete', input: z.strictObject({ id: scenarioId }) },
  exportScenario: { channel: 'scenarios:export', input: z.strictObject({ id: scenarioId }) },
  importScenario: { changes: true, channel: 'scenarios:import', input: z.strictObject({}) },
  listExercises: { channel: 'exercises:list', input: z.strictObject({}) },
  createExercise: { changes: true,
    channel: 'exercises:create',
    input: z.strictObject({
      name: z.string().max(EXERCISE_LIMITS.exerciseName),
      scenarioId,
      delegationNames: z.array(z.string().max(EXERCISE_LIMITS.delegationName)).min(1).max(EXERCISE_LIMITS.delegations),
    }),
  },
  getExercise: { channel: 'exercises:get', input: z.strictObject({ id: exerciseId }) },
  getRunExercise: { channel: 'exercises:of-run', input: z.strictObject({ id: runId }) },
  deleteExercise: { changes: true, channel: 'exercises:delete', input: z.strictObject({ id: exerciseId }) },
  adjustClock: {
    changes: true,
    channel: 'exercises:adjust-clock',
    input: z.strictObject({ exerciseId, deltaMs: z.number().int().min(-7 * 24 * 3_600_000).max(7 * 24 * 3_600_000), reason: z.string().max(EXERCISE_LIMITS.note) }),
  },
  withdrawRelease: { changes: true, channel: 'exercises:withdraw', input: z.strictObject({ exerciseId, injectId: z.string().min(1).max(SCENARIO_LIMITS.id), delegationId: id }) },
  addDelegation: { changes: true, channel: 'exercises:add-delegation', input: z.strictObject({ exerciseId, name: z.string().max(EXERCISE_LIMITS.delegationName) }) },
  removeDelegation: { changes: true, channel: 'exercises:remove-delegation', input: z.strictObject({ exerciseId, delegationId: id }) },
  editFacilitatorNote: { changes: true, channel: 'exercises:edit-note', input: z.strictObject({ exerciseId, noteId: id, text: z.string().max(EXERCISE_LIMITS.note) }) },
  deleteFacilitatorNote: { changes: true, channel: 'exercises:delete-note', input: z.strictObject({ exerciseId, noteId: id }) },
  // The situation manual (and, with injects, one card per inject) as a PDF, where the user chooses.
  saveHandouts: { channel: 'exercises:handouts', input: z.strictObject({ exerciseId, injects: z.boolean() }) },
  // The room's screen: a second window for the projector, which may call getRoomView only.
  openRoom: { channel: 'room:open', input: z.strictObject({ exerciseId, showCountdown: z.boolean() }) },
  closeRoom: { channel: 'room:close', input: z.strictObject({}) },
  getRoomView: { channel: 'room:view', input: z.strictObject({}) },
  // The consensus step: the table of positions from the delegations' runs, and the joint
  // decision, the facilitator's own hash-chained record of the plenary.
  getConsensus: { channel: 'consensus:get', input: z.strictObject({ exerciseId }) },
  recordJointEntry: { changes: true, channel: 'consensus:record', input: z.strictObject({ exerciseId, entry: jointEntryInputSchema }) },
  setRoomPositions: { changes: true, channel: 'consensus:room-positions', input: z.strictObject({ exerciseId, show: z.boolean() }) },
  exerciseClock: { changes: true, channel: 'exercises:clock', input: z.strictObject({ id: exerciseId, action: z.enum(CLOCK_ACTIONS) }) },
  releaseInject: { changes: true,
    channel: 'exercises:release',
    input: z.strictObject({
      exerciseId,
      injectId: z.string().min(1).max(SCENARIO_LIMITS.id),
      delegations: z.union([z.literal('all'), z.array(id).min(1).max(EXERCISE_LIMITS.delegations)]),
    }),
  },
  renameDelegation: { changes: true,
    channel: 'exercises:rename-delegation',
    input: z.strictObject({ exerciseId, delegationId: id, name: z.string().max(EXERCISE_LIMITS.delegationName) }),
  },
  addWhiteCard: { changes: true,
    channel: 'exercises:white-card',
    input: z.strictObject({
      exerciseId,
      kind: z.enum(INJECT_KINDS),
      title: z.string().max(SCENARIO_LIMITS.injectTitle),
      body: z.string().max(SCENARIO_LIMITS.longText),
    }),
  },
  addFacilitatorNote: { changes: true, channel: 'exercises:note', input: z.strictObject({ exerciseId, text: z.string().max(EXERCISE_LIMITS.note) }) },
  // A package can be sealed with a passphrase (scrypt + AES-256-GCM, as kits are), and opened with it.
  exportExercise: { channel: 'exercises:export', input: z.strictObject({ id: exerciseId, passphrase: passphrase.nullable().optional() }) },
  importExercise: { changes: true, channel: 'exercises:import', input: z.strictObject({ passphrase: passphrase.nullable().optional() }) },
  // The finished example exercise shipped with the app, for a newcomer to open with its report.
  importSampleExercise: { changes: true, channel: 'exercises:import-sample', input: z.strictObject({}) },
  saveReportDetails: { changes: true, channel: 'exercises:report-details', input: z.strictObject({ exerciseId, details: reportDetailsSchema }) },
  // The facilitator's HSEEP rating of each of the scenario's objectives, with the timeline entries it rests on.
  getObjectives: { channel: 'objectives:get', input: z.strictObject({ exerciseId }) },
  rateObjective: {
    changes: true,
    channel: 'objectives:rate',
    input: z.strictObject({
      exerciseId,
      objectiveId: z.string().min(1).max(SCENARIO_LIMITS.id),
      rating: z.enum(HSEEP_RATINGS),
      observations: z.string().max(RATING_LIMITS.observations),
      entries: z.array(timelineRefTextSchema).max(RATING_LIMITS.entries),
    }),
  },
  clearObjectiveRating: { changes: true, channel: 'objectives:clear', input: z.strictObject({ exerciseId, objectiveId: z.string().min(1).max(SCENARIO_LIMITS.id) }) },
  // Across laptops (ARCHITECTURE.md): kits out, codes, returns back. Passphrases cross the
  // bridge only as typed, to seal or open a file in the main process.
  getLaptopKey: { channel: 'exchange:key', input: z.strictObject({}) },
  issueKits: { changes: true,
    channel: 'exchange:issue-kits',
    input: z.strictObject({
      exerciseId,
      delegations: z.union([z.literal('all'), z.array(id).min(1).max(EXERCISE_LIMITS.delegations)]),
      passphrase: passphrase.nullable(),
    }),
  },
  collectReturns: { changes: true, channel: 'exchange:collect', input: z.strictObject({ exerciseId, passphrase: passphrase.nullable() }) },
  openKit: { changes: true, channel: 'exchange:open-kit', input: z.strictObject({ passphrase: passphrase.nullable() }) },
  listWorkspaces: { channel: 'exchange:workspaces', input: z.strictObject({}) },
  getWorkspace: { channel: 'exchange:workspace', input: z.strictObject({ runId }) },
  unsealInject: { changes: true, channel: 'exchange:unseal', input: z.strictObject({ runId, code: z.string().max(100) }) },
  writeReturn: { channel: 'exchange:write-return', input: z.strictObject({ runId }) },
  // The after-action report of an exercise or of one run, written where the user chooses.
  saveReport: {
    channel: 'reports:save',
    input: z.strictObject({
      subject: reportSubject,
      format: z.enum(REPORT_FILE_FORMATS),
      quoteLanguages: z.enum(QUOTE_LANGUAGE_CHOICES),
    }),
  },
} as const;

export type Action = keyof typeof contract;

/** What the room's window (the projector) may ask: nothing else reaches the main process from it. */
export const ROOM_ACTIONS: readonly Action[] = ['getRoomView'];

/** Whether an action changes what is stored: after it succeeds, every window is told to re-read (CHANGES_CHANNEL). */
export const changesData = (action: Action): boolean => (contract[action] as { readonly changes?: true }).changes === true;
export type Input<A extends Action> = z.input<(typeof contract)[A]['input']>;

export interface Results {
  listDocuments: readonly DocumentSummary[];
  getDocument: CorpusDocument | null;
  searchCorpus: SearchResult;
  listRuns: readonly RunSummary[];
  createRun: RunView;
  renameRun: RunView;
  deleteRun: null;
  getRun: RunView;
  sendEvent: SendResult;
  runHistory: readonly RecordedEvent[];
  verifyRun: RunVerification;
  getEvidence: readonly ResolvedLink[];
  copyText: null;
  listScenarios: readonly ScenarioSummary[];
  getScenario: ScenarioRecord;
  saveScenario: ScenarioRecord;
  deleteScenario: null;
  exportScenario: SaveOutcome;
  importScenario: OpenOutcome<ScenarioImportResult>;
  listExercises: readonly ExerciseSummary[];
  createExercise: ExerciseView;
  getExercise: ExerciseView;
  getRunExercise: RunExercise | null;
  deleteExercise: null;
  exerciseClock: ExerciseView;
  releaseInject: ReleaseResult;
  renameDelegation: ExerciseView;
  addFacilitatorNote: ExerciseView;
  addWhiteCard: ExerciseView;
  adjustClock: ExerciseView;
  withdrawRelease: ExerciseView;
  addDelegation: ExerciseView;
  removeDelegation: ExerciseView;
  editFacilitatorNote: ExerciseView;
  deleteFacilitatorNote: ExerciseView;
  saveHandouts: SaveOutcome;
  openRoom: null;
  closeRoom: null;
  /** Null when no room window is open (or its exercise is gone). */
  getRoomView: RoomView | null;
  getConsensus: ConsensusView;
  recordJointEntry: ConsensusView;
  setRoomPositions: ConsensusView;
  exportExercise: SaveOutcome;
  importExercise: OpenOutcome<ExerciseImportResult>;
  importSampleExercise: ExerciseImportResult;
  saveReportDetails: ExerciseView;
  getObjectives: ObjectivesView;
  rateObjective: ObjectivesView;
  clearObjectiveRating: ObjectivesView;
  saveReport: SaveOutcome;
  getLaptopKey: KeyView;
  issueKits: KitsOutcome;
  collectReturns: OpenManyOutcome<CollectOutcome>;
  openKit: OpenOutcome<KitOpenResult>;
  listWorkspaces: readonly WorkspaceSummary[];
  getWorkspace: WorkspaceView;
  unsealInject: UnsealResult;
  writeReturn: SaveOutcome;
}

/** What crosses the wire: errors travel as data so the renderer shows the main process's own message. */
export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorData };

/**
 * The data changed (main -> renderer): an action of a window, or a writer elsewhere (the
 * command line on the same file, the worker thread, a collected return). Each view re-reads
 * what it shows; the message carries no data, so a window never learns more than it asks for.
 */
export const CHANGES_CHANNEL = 'data:changed';
export interface DataChange {
  readonly origin: 'window' | 'elsewhere';
}
export const isDataChange = (value: unknown): value is DataChange =>
  typeof value === 'object' && value !== null && ((value as DataChange).origin === 'window' || (value as DataChange).origin === 'elsewhere');
export interface ChangeBridge {
  onChange(listener: (change: DataChange) => void): () => void;
}

/** Commands the application menu sends to the page (main -> renderer). */
export const MENU_CHANNEL = 'menu:command';
export const MENU_COMMANDS = ['new-run', 'search', 'library', 'runs', 'exercises', 'room'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const isMenuCommand = (value: unknown): value is MenuCommand => (MENU_COMMANDS as readonly unknown[]).includes(value);

/**
 * Long work in the main process (an import of a large package), step by step (main ->
 * renderer); null when it is over. The window stays usable meanwhile and shows where it is.
 */
export const PROGRESS_CHANNEL = 'work:progress';
export const WORK_TASKS = ['importExercise', 'importScenario', 'exportExercise', 'buildReport', 'issueKits', 'buildHandouts'] as const;
export type WorkTask = (typeof WORK_TASKS)[number];
export const WORK_STEPS = ['reading', 'checking', 'building', 'sealing'] as const;
export type WorkStep = (typeof WORK_STEPS)[number];
export interface WorkProgress {
  readonly task: WorkTask;
  readonly step: WorkStep;
  readonly done: number;
  readonly total: number;
}
export const isWorkProgress = (value: unknown): value is WorkProgress | null =>
  value === null ||
  (typeof value === 'object' &&
    (WORK_TASKS as readonly unknown[]).includes((value as WorkProgress).task) &&
    (WORK_STEPS as readonly unknown[]).includes((value as WorkProgress).step) &&
    Number.isInteger((value as WorkProgress).done) &&
    Number.isInteger((value as WorkProgress).total));

export interface ProgressBridge {
  onProgress(listener: (progress: WorkProgress | null) => void): () => void;
}

/** What the preload exposes besides the actions: a subscription to menu commands. */
export interface MenuBridge {
  onCommand(listener: (command: MenuCommand) => void): () => void;
}

export type Api = { readonly [A in Action]: (input: Input<A>) => Promise<Results[A]> };

export type Invoke = (channel: string, payload: unknown) => Promise<Envelope<unknown>>;

/**
 * What the preload (or the e2e bridge) puts in the page: one method per action, resolving to
 * the envelope. Errors stay data across Electron's context bridge, which keeps only the
 * message of an Error thrown through it; the page's own code turns them into UserErrors.
 */
export type Bridge = { readonly [A in Action]: (input: Input<A>) => Promise<Envelope<Results[A]>> };

/** The bridge over any transport (Electron IPC in the app, a page binding in e2e tests). */
export function buildBridge(invoke: Invoke): Bridge {
  const bridge: Record<string, (input: unknown) => Promise<Envelope<unknown>>> = {};
  for (const [action, { channel }] of Object.entries(contract)) bridge[action] = (input) => invoke(channel, input);
  return Object.freeze(bridge) as unknown as Bridge;
}

/** The page's API over the bridge: a refusal becomes a UserError with its problems. */
export function apiOver(bridge: Bridge): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const action of Object.keys(contract) as Action[]) {
    api[action] = async (input) => {
      const reply = await (bridge[action] as (input: unknown) => Promise<Envelope<unknown>>)(input);
      if (!reply.ok) throw errorFromData(reply.error);
      return reply.value;
    };
  }
  return Object.freeze(api) as unknown as Api;
}
