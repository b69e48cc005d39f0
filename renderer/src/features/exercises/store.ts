import { create } from 'zustand';
import type {
  ClockAction, ExerciseSummary, ExerciseView, ScenarioSummary,
} from '../../../../shared/exercise/exercises';
import type { CollectOutcome, IssuedKit, ReleaseCode } from '../../../../shared/exchange/views';
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
  /**
   * Release codes given in this session, by exercise, inject and delegation (UI state: the
   * main process gives a code when the inject is released, and the facilitator may need it again).
   */
  readonly codes: Readonly<Record<string, Readonly<Record<string, readonly ReleaseCode[]>>>>;
  /** The codes on show in the code dialog, for one inject. */
  readonly showingCodes: ShownCodes | null;

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
  /** Shows again the codes given for an inject in this session. */
  showCodes(injectId: string): void;
  closeCodes(): void;
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

/** The codes known for an inject, with the newest for each delegation. */
function mergeCodes(known: readonly ReleaseCode[], added: readonly ReleaseCode[]): readonly ReleaseCode[] {
  const fresh = new Set(added.map((c) => c.delegationId));
  return [...known.filter((c) => !fresh.has(c.delegationId)), ...added];
}

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
    codes: {},
    showingCodes: null,

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
        if (result.codes.length > 0) {
          set((s) => {
            const ofExercise = s.codes[view.id] ?? {};
            const merged = mergeCodes(ofExercise[injectId] ?? [], result.codes);
            return {
              codes: { ...s.codes, [view.id]: { ...ofExercise, [injectId]: merged } },
              showingCodes: { exerciseId: view.id, injectId, codes: result.codes },
            };
          });
        }
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
      const view = get().view;
      if (view.kind !== 'console') return;
      const shown = get().codes[view.id]?.[injectId] ?? [];
      if (shown.length > 0) set({ showingCodes: { exerciseId: view.id, injectId, codes: shown } });
    },

    closeCodes() {
      set({ showingCodes: null });
    },
  };
});

/** The open exercise, once loaded. */
export const useOpenExercise = (): ExerciseView | null =>
  useExercises((s) => (s.exercise?.status === 'ready' ? s.exercise.value : null));
