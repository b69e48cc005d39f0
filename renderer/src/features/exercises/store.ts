import { create } from 'zustand';
import type {
  ClockAction, ExerciseSummary, ExerciseView, ScenarioSummary,
} from '../../../../shared/exercise/exercises';
import type { CollectOutcome, IssuedKit, ReleaseCode } from '../../../../shared/exchange/views';
import type { InjectKind } from '../../../../shared/exercise/scenario';
import { UserError, type Problem } from '../../../../shared/errors';
import { api, errorMessage } from '../../api';
import type { Loaded } from '../../ui/loaded';
import { messageLines, refusalLines } from '../../ui/messages';
import { samePlan, type PlanDraft } from './improvementPlan';
import type { Outcome } from '../../ui/OutcomeNotice';

export type ExercisesView =
  | { readonly kind: 'list' }
  | { readonly kind: 'new' }
  | { readonly kind: 'console'; readonly id: string }
  | { readonly kind: 'scenarios' }
  /** id null: a new scenario; copyOf: a copy of that (read-only) example. */
  | { readonly kind: 'scenario'; readonly id: string | null; readonly copyOf?: string };


interface ExercisesState {
  readonly view: ExercisesView;
  readonly exercises: Loaded<readonly ExerciseSummary[]>;
  readonly scenarios: Loaded<readonly ScenarioSummary[]>;
  readonly exercise: Loaded<ExerciseView> | null;
  /** Date.now() when the open exercise was last fetched: the clock counts on from there. */
  readonly fetchedAt: number;
  readonly outcome: Outcome | null;
  /** Auto-release at planned time, per exercise (UI state: it acts only while the console is open). */
  readonly autoRelease: Readonly<Record<string, boolean>>;
  /** Injects auto-release tried and the main process refused: not retried every second. */
  readonly autoRefused: ReadonlySet<string>;
  /** The report's facilitator and plan as typed and not saved yet, by exercise (kept while the user goes elsewhere). */
  readonly planDrafts: Readonly<Record<string, PlanDraft>>;
  /** The kits last written, and where: which file is for which delegation (the file names carry no names). */
  readonly issued: IssuedKits | null;
  /** What became of each return file last collected. */
  readonly collected: CollectedReturns | null;
  /** The codes on show in the code dialog, for one inject. */
  readonly showingCodes: ShownCodes | null;
  /** The exercise the room's screen shows, if it is open. */
  readonly room: { readonly exerciseId: string; readonly showCountdown: boolean } | null;
  /** Whether the room's screen shows the next inject's countdown, per exercise (the facilitator's choice). */
  readonly roomCountdown: Readonly<Record<string, boolean>>;
  /** Injects whose coming due was signalled already, per exercise: each is signalled once. */
  readonly signalled: Readonly<Record<string, readonly string[]>>;
  /** A tone when an inject comes due (the facilitator's choice; off until turned on). */
  readonly sound: boolean;
  /** Bumped to ask the list's find field to take the focus (Ctrl/Cmd+F). */
  readonly findFocus: number;

  show(view: ExercisesView): void;
  setOutcome(outcome: Outcome | null): void;
  loadExercises(): Promise<void>;
  loadScenarios(): Promise<void>;
  openExercise(id: string): Promise<void>;
  reloadExercise(): Promise<void>;
  createExercise(name: string, scenarioId: string, delegationNames: readonly string[]): Promise<readonly string[] | null>;
  deleteExercise(id: string): Promise<void>;
  clock(action: ClockAction): Promise<void>;
  release(injectId: string, delegations: 'all' | readonly string[], auto?: boolean): Promise<boolean>;
  addNote(text: string): Promise<readonly string[] | null>;
  /** null when renamed; else the main process's reasons. */
  renameDelegation(delegationId: string, name: string): Promise<readonly string[] | null>;
  exportExercise(id: string): Promise<void>;
  importExercise(): Promise<void>;
  /** Imports the finished sample exercise shipped with the app (once) and opens its console. */
  openSample(): Promise<void>;
  setAutoRelease(id: string, on: boolean): void;
  /** null drops the draft: the form shows what is saved. */
  setPlanDraft(id: string, draft: PlanDraft | null): void;
  saveReportDetails(id: string, draft: PlanDraft): Promise<readonly string[] | null>;
  /** 'cancelled': no folder was chosen, nothing written; else the main process's reasons. */
  issueKits(delegations: 'all' | readonly string[], passphrase: string | null): Promise<ExchangeAnswer>;
  collectReturns(passphrase: string | null): Promise<ExchangeAnswer>;
  dismissIssued(): void;
  dismissCollected(): void;
  /** Shows again the codes of an inject's releases to delegations whose kit is out. */
  showCodes(injectId: string): void;
  closeCodes(): void;
  /** The data changed (here or elsewhere): re-read what is shown. */
  refresh(): Promise<void>;
  /** null when done; else the main process's reasons. */
  adjustClock(deltaMs: number, reason: string): Promise<readonly string[] | null>;
  withdraw(injectId: string, delegationIds: readonly string[]): Promise<readonly string[] | null>;
  /** The new inject's id; else the problems, each with the path of its field. */
  addWhiteCard(kind: InjectKind, title: string, body: string): Promise<{ readonly id: string } | { readonly problems: readonly Problem[] }>;
  addDelegation(name: string): Promise<readonly string[] | null>;
  removeDelegation(delegationId: string): Promise<void>;
  editNote(noteId: string, text: string): Promise<readonly string[] | null>;
  deleteNote(noteId: string): Promise<void>;
  saveHandouts(injects: boolean): Promise<void>;
  /** Ctrl/Cmd+Shift+P: opens the room's screen on the open console's exercise, or closes it. */
  toggleRoom(): Promise<void>;
  openRoom(exerciseId: string): Promise<void>;
  closeRoom(): Promise<void>;
  setRoomCountdown(exerciseId: string, on: boolean): Promise<void>;
  markSignalled(exerciseId: string, injectIds: readonly string[]): void;
  setSound(on: boolean): void;
  /** Ctrl/Cmd+F on a list (exercises, scenarios): its find field. False when no list is shown. */
  focusFind(): boolean;
}

export interface IssuedKits {
  readonly exerciseId: string;
  readonly folder: string;
  readonly kits: readonly IssuedKit[];
  readonly sealed: boolean;
}

export interface CollectedReturns {
  readonly exerciseId: string;
  readonly outcomes: readonly CollectOutcome[];
}

export interface ShownCodes {
  readonly exerciseId: string;
  readonly injectId: string;
  readonly codes: readonly ReleaseCode[];
}

/** How a file exchange went: done, the dialog cancelled, or refused with the main process's lines. */
export type ExchangeAnswer = 'done' | 'cancelled' | readonly string[];

const PREFS_KEY = 'cdt.exercises.prefs';

function readPrefs(): { sound: boolean; roomCountdown: Record<string, boolean> } {
  try {
    const raw = JSON.parse(localStorage.getItem(PREFS_KEY) ?? 'null') as { sound?: unknown; roomCountdown?: unknown } | null;
    const countdown = typeof raw?.roomCountdown === 'object' && raw.roomCountdown !== null ? raw.roomCountdown : {};
    return {
      sound: raw?.sound === true,
      roomCountdown: Object.fromEntries(Object.entries(countdown).filter((e): e is [string, boolean] => typeof e[1] === 'boolean')),
    };
  } catch {
    return { sound: false, roomCountdown: {} };
  }
}

function writePrefs(prefs: { sound: boolean; roomCountdown: Readonly<Record<string, boolean>> }): void {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // Refused storage only costs the facilitator the choice next time.
  }
}

/** The problems of a refusal with their paths, for a form that shows each at its field. */
const problemsOf = (error: unknown): readonly Problem[] =>
  error instanceof UserError && error.problems.length > 0 ? error.problems : [{ path: '', message: errorMessage(error) }];

/** A refusal: `key` is under `exercises.`, the lines are the main process's own. */
const failure = (key: string, error: unknown, values?: Outcome['values']): Outcome => ({
  tone: 'error', key: `exercises.${key}`, values, lines: messageLines(errorMessage(error)),
});

export const useExercises = create<ExercisesState>((set, get) => {
  /** Only the answer for the exercise still open is shown. */
  const showExercise = (view: ExerciseView): void => {
    const open = get().view;
    if (open.kind === 'console' && open.id === view.id) set({ exercise: { status: 'ready', value: view }, fetchedAt: Date.now() });
  };
  const prefs = readPrefs();
  /** The exercise whose console is open, if any. */
  const openId = (): string | null => {
    const view = get().view;
    return view.kind === 'console' ? view.id : null;
  };
  /** What a refused console action says, at the top of the console. */
  const refused = (key: string, error: unknown): void => set({ outcome: failure(key, error) });
  /** Whether the room's screen is open, and on what (the room window can be closed on its own). */
  const readRoom = async (): Promise<void> => {
    try {
      const room = await api().getRoomView({});
      set({ room: room ? { exerciseId: room.exerciseId, showCountdown: room.showCountdown } : null });
    } catch {
      set({ room: null });
    }
  };

  return {
    view: { kind: 'list' },
    exercises: { status: 'loading' },
    scenarios: { status: 'loading' },
    exercise: null,
    fetchedAt: 0,
    outcome: null,
    autoRelease: {},
    autoRefused: new Set(),
    planDrafts: {},
    issued: null,
    collected: null,
    showingCodes: null,
    room: null,
    roomCountdown: prefs.roomCountdown,
    signalled: {},
    sound: prefs.sound,
    findFocus: 0,

    show(view) {
      set({ view, outcome: null, showingCodes: null, ...(view.kind === 'console' ? {} : { exercise: null }) });
      if (view.kind === 'list') void get().loadExercises();
      if (view.kind === 'scenarios' || view.kind === 'new') void get().loadScenarios();
    },

    setOutcome(outcome) {
      set({ outcome });
    },

    async loadExercises() {
      try {
        set({ exercises: { status: 'ready', value: await api().listExercises({}) } });
      } catch (error) {
        set({ exercises: { status: 'error', message: errorMessage(error) } });
      }
    },

    async loadScenarios() {
      try {
        set({ scenarios: { status: 'ready', value: await api().listScenarios({}) } });
      } catch (error) {
        set({ scenarios: { status: 'error', message: errorMessage(error) } });
      }
    },

    async openExercise(id) {
      set({ view: { kind: 'console', id }, exercise: { status: 'loading' }, outcome: null, autoRefused: new Set() });
      void readRoom();
      try {
        showExercise(await api().getExercise({ id }));
      } catch (error) {
        set({ exercise: { status: 'error', message: errorMessage(error) } });
      }
    },

    async reloadExercise() {
      const view = get().view;
      if (view.kind !== 'console') return;
      try {
        showExercise(await api().getExercise({ id: view.id }));
      } catch (error) {
        set({ outcome: failure('console.reloadFailed', error) });
      }
    },

    async createExercise(name, scenarioId, delegationNames) {
      try {
        const view = await api().createExercise({ name, scenarioId, delegationNames: [...delegationNames] });
        set({ view: { kind: 'console', id: view.id }, outcome: null, autoRefused: new Set() });
        showExercise(view);
        return null;
      } catch (error) {
        return refusalLines(error);
      }
    },

    async deleteExercise(id) {
      try {
        await api().deleteExercise({ id });
        get().setPlanDraft(id, null);
        set({ outcome: null });
      } catch (error) {
        set({ outcome: failure('list.deleteFailed', error) });
      }
      await get().loadExercises();
    },

    async clock(action) {
      const view = get().view;
      if (view.kind !== 'console') return;
      try {
        showExercise(await api().exerciseClock({ id: view.id, action }));
      } catch (error) {
        set({ outcome: failure('console.clockFailed', error) });
      }
    },

    async release(injectId, delegations, auto = false) {
      const view = get().view;
      if (view.kind !== 'console') return false;
      try {
        const result = await api().releaseInject({
          exerciseId: view.id, injectId, delegations: delegations === 'all' ? 'all' : [...delegations],
        });
        showExercise(result.exercise);
        const names = (ids: readonly string[]): string =>
          ids.map((id) => result.exercise.delegations.find((d) => d.id === id)?.name ?? id).join(', ');
        const title = result.exercise.scenario.injects.find((i) => i.id === injectId)?.title ?? injectId;
        // Delegations whose kit is out get the inject by its code, on their laptop: the facilitator must give each its code now.
        if (result.codes.length > 0) set({ showingCodes: { exerciseId: view.id, injectId, codes: result.codes } });
        set({
          outcome: {
            tone: 'ok',
            key: `exercises.console.${result.released.length > 0 ? (auto ? 'autoReleased' : result.codes.length > 0 ? 'releasedCodes' : 'released') : 'releasedNone'}`,
            values: { title, to: names(result.released), coded: result.codes.map((c) => c.delegation).join(', ') },
            lines: result.skipped.map((s) => s.reason),
          },
        });
        return true;
      } catch (error) {
        if (auto) set((s) => ({ autoRefused: new Set([...s.autoRefused, injectId]) }));
        set({ outcome: failure('console.releaseFailed', error) });
        return false;
      }
    },

    async addNote(text) {
      const view = get().view;
      if (view.kind !== 'console') return null;
      try {
        showExercise(await api().addFacilitatorNote({ exerciseId: view.id, text }));
        return null;
      } catch (error) {
        return messageLines(errorMessage(error));
      }
    },

    async renameDelegation(delegationId, name) {
      const view = get().view;
      if (view.kind !== 'console') return null;
      try {
        showExercise(await api().renameDelegation({ exerciseId: view.id, delegationId, name }));
        return null;
      } catch (error) {
        return messageLines(errorMessage(error));
      }
    },

    async exportExercise(id) {
      try {
        const outcome = await api().exportExercise({ id });
        set({ outcome: outcome.saved ? { tone: 'ok', key: 'exercises.files.exported', values: { path: outcome.path }, lines: [] } : null });
      } catch (error) {
        set({ outcome: failure('files.exportFailed', error) });
      }
    },

    async importExercise() {
      try {
        const outcome = await api().importExercise({});
        if (outcome.opened) {
          set({
            outcome: {
              tone: 'ok',
              key: outcome.status === 'imported' ? 'exercises.files.imported' : 'exercises.files.alreadyImported',
              values: { name: outcome.exercise.name, path: outcome.path },
              lines: [],
            },
          });
        }
      } catch (error) {
        set({ outcome: failure('files.importFailed', error) });
      }
      await get().loadExercises();
    },

    async openSample() {
      try {
        const { exercise } = await api().importSampleExercise({});
        await get().loadExercises();
        await get().openExercise(exercise.id);
      } catch (error) {
        set({ outcome: failure('files.sampleFailed', error) });
      }
    },

    setAutoRelease(id, on) {
      set((s) => ({ autoRelease: { ...s.autoRelease, [id]: on }, autoRefused: new Set() }));
    },

    setPlanDraft(id, draft) {
      set((s) => {
        const planDrafts = { ...s.planDrafts };
        if (draft) planDrafts[id] = draft;
        else delete planDrafts[id];
        return { planDrafts };
      });
    },

    async saveReportDetails(id, draft) {
      try {
        const view = await api().saveReportDetails({
          exerciseId: id,
          details: { facilitator: draft.facilitator, improvementPlan: draft.items.map((item) => ({ ...item })) },
        });
        showExercise(view);
        // What was typed while the save was on its way stays a draft.
        const current = get().planDrafts[id];
        if (current && samePlan(current, draft)) get().setPlanDraft(id, null);
        return null;
      } catch (error) {
        return refusalLines(error);
      }
    },

    async issueKits(delegations, passphrase) {
      const view = get().view;
      if (view.kind !== 'console') return 'cancelled';
      try {
        const outcome = await api().issueKits({
          exerciseId: view.id, delegations: delegations === 'all' ? 'all' : [...delegations], passphrase,
        });
        if (!outcome.saved) return 'cancelled';
        set({ issued: { exerciseId: view.id, folder: outcome.folder, kits: outcome.kits, sealed: passphrase !== null } });
        await get().reloadExercise();
        return 'done';
      } catch (error) {
        return messageLines(errorMessage(error));
      }
    },

    async collectReturns(passphrase) {
      const view = get().view;
      if (view.kind !== 'console') return 'cancelled';
      try {
        const outcome = await api().collectReturns({ exerciseId: view.id, passphrase });
        if (!outcome.opened) return 'cancelled';
        set({ collected: { exerciseId: view.id, outcomes: outcome.outcomes } });
        await get().reloadExercise();
        return 'done';
      } catch (error) {
        return messageLines(errorMessage(error));
      }
    },

    dismissIssued() {
      set({ issued: null });
    },

    dismissCollected() {
      set({ collected: null });
    },

    showCodes(injectId) {
      const id = openId();
      const loaded = get().exercise;
      if (id === null || loaded?.status !== 'ready') return;
      const shown = loaded.value.injects.find((i) => i.inject.id === injectId)?.codes ?? [];
      if (shown.length > 0) set({ showingCodes: { exerciseId: id, injectId, codes: shown } });
    },

    closeCodes() {
      set({ showingCodes: null });
    },

    async refresh() {
      const view = get().view;
      switch (view.kind) {
        case 'list':
          await get().loadExercises();
          return;
        case 'new':
        case 'scenarios':
          await get().loadScenarios();
          return;
        case 'console':
          if (get().exercise?.status !== 'ready') return;
          await Promise.all([get().reloadExercise(), readRoom()]);
          return;
        case 'scenario':
          return; // the editor holds what the user typed; it is saved or left, never replaced
        default:
          return;
      }
    },

    async adjustClock(deltaMs, reason) {
      const id = openId();
      if (id === null) return null;
      try {
        showExercise(await api().adjustClock({ exerciseId: id, deltaMs, reason }));
        return null;
      } catch (error) {
        return refusalLines(error);
      }
    },

    async withdraw(injectId, delegationIds) {
      const id = openId();
      if (id === null) return null;
      try {
        let view: ExerciseView | null = null;
        for (const delegationId of delegationIds) view = await api().withdrawRelease({ exerciseId: id, injectId, delegationId });
        if (view) {
          showExercise(view);
          const title = view.scenario.injects.find((i) => i.id === injectId)?.title ?? injectId;
          const names = delegationIds.map((d) => view!.delegations.find((x) => x.id === d)?.name ?? d).join(', ');
          set({ outcome: { tone: 'ok', key: 'exercises.withdraw.done', values: { title, names }, lines: [] } });
        }
        return null;
      } catch (error) {
        await get().reloadExercise();
        return refusalLines(error);
      }
    },

    async addWhiteCard(kind, title, body) {
      const id = openId();
      if (id === null) return { problems: [] };
      try {
        const before = new Set(get().exercise?.status === 'ready' ? (get().exercise as { value: ExerciseView }).value.scenario.injects.map((i) => i.id) : []);
        const view = await api().addWhiteCard({ exerciseId: id, kind, title, body });
        showExercise(view);
        const added = view.scenario.injects.find((i) => i.whiteCard && !before.has(i.id)) ?? view.scenario.injects[view.scenario.injects.length - 1]!;
        const kits = view.delegations.filter((d) => d.kit !== null).map((d) => d.name);
        set({
          outcome: {
            tone: 'ok',
            key: kits.length > 0 ? 'exercises.whiteCard.addedKits' : 'exercises.whiteCard.added',
            values: { title: added.title, kits: kits.join(', ') },
            lines: [],
          },
        });
        return { id: added.id };
      } catch (error) {
        return { problems: problemsOf(error) };
      }
    },

    async addDelegation(name) {
      const id = openId();
      if (id === null) return null;
      try {
        const view = await api().addDelegation({ exerciseId: id, name });
        showExercise(view);
        set({ outcome: { tone: 'ok', key: 'exercises.delegations.added', values: { name: name.trim() }, lines: [] } });
        return null;
      } catch (error) {
        return refusalLines(error);
      }
    },

    async removeDelegation(delegationId) {
      const id = openId();
      if (id === null) return;
      const name = (get().exercise as { value?: ExerciseView } | null)?.value?.delegations.find((d) => d.id === delegationId)?.name ?? '';
      try {
        showExercise(await api().removeDelegation({ exerciseId: id, delegationId }));
        set({ outcome: { tone: 'ok', key: 'exercises.delegations.removed', values: { name }, lines: [] } });
      } catch (error) {
        refused('delegations.removeFailed', error);
      }
    },

    async editNote(noteId, text) {
      const id = openId();
      if (id === null) return null;
      try {
        showExercise(await api().editFacilitatorNote({ exerciseId: id, noteId, text }));
        return null;
      } catch (error) {
        return messageLines(errorMessage(error));
      }
    },

    async deleteNote(noteId) {
      const id = openId();
      if (id === null) return;
      try {
        showExercise(await api().deleteFacilitatorNote({ exerciseId: id, noteId }));
        set({ outcome: { tone: 'ok', key: 'exercises.notes.deleted', lines: [] } });
      } catch (error) {
        refused('notes.deleteFailed', error);
      }
    },

    async saveHandouts(injects) {
      const id = openId();
      if (id === null) return;
      try {
        const outcome = await api().saveHandouts({ exerciseId: id, injects });
        if (outcome.saved) {
          set({ outcome: { tone: 'ok', key: injects ? 'exercises.handouts.savedCards' : 'exercises.handouts.savedManual', values: { path: outcome.path }, lines: [] } });
        }
      } catch (error) {
        refused('handouts.failed', error);
      }
    },

    async toggleRoom() {
      await readRoom();
      const id = openId();
      const room = get().room;
      if (room && (id === null || room.exerciseId === id)) await get().closeRoom();
      else if (id !== null) await get().openRoom(id);
    },

    async openRoom(exerciseId) {
      const showCountdown = get().roomCountdown[exerciseId] ?? false;
      try {
        await api().openRoom({ exerciseId, showCountdown });
        set({ room: { exerciseId, showCountdown } });
      } catch (error) {
        refused('room.failed', error);
      }
    },

    async closeRoom() {
      try {
        await api().closeRoom({});
        set({ room: null });
      } catch (error) {
        refused('room.failed', error);
      }
    },

    async setRoomCountdown(exerciseId, on) {
      const roomCountdown = { ...get().roomCountdown, [exerciseId]: on };
      set({ roomCountdown });
      writePrefs({ sound: get().sound, roomCountdown });
      // Open already: shown again with the new choice.
      if (get().room?.exerciseId === exerciseId) await get().openRoom(exerciseId);
    },

    markSignalled(exerciseId, injectIds) {
      set((s) => ({ signalled: { ...s.signalled, [exerciseId]: [...new Set([...(s.signalled[exerciseId] ?? []), ...injectIds])] } }));
    },

    setSound(sound) {
      set({ sound });
      writePrefs({ sound, roomCountdown: get().roomCountdown });
    },

    focusFind() {
      const { view, exercises, scenarios } = get();
      // A list with a find field: one with something in it to find.
      const listed = view.kind === 'list' ? exercises : view.kind === 'scenarios' ? scenarios : null;
      if (listed?.status !== 'ready' || listed.value.length === 0) return false;
      set((s) => ({ findFocus: s.findFocus + 1 }));
      return true;
    },
  };
});

/** The open exercise, once loaded. */
export const useOpenExercise = (): ExerciseView | null =>
  useExercises((s) => (s.exercise?.status === 'ready' ? s.exercise.value : null));
