import { create } from 'zustand';
import type {
  ClockAction, ExerciseSummary, ExerciseView, ScenarioSummary,
} from '../../../../shared/exercise/exercises';
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

    show(view) {
      set({ view, outcome: null, ...(view.kind === 'console' ? {} : { exercise: null }) });
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
        set({
          outcome: {
            tone: 'ok',
            key: `exercises.console.${result.released.length > 0 ? (auto ? 'autoReleased' : 'released') : 'releasedNone'}`,
            values: { title, to: names(result.released) },
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

  };
});

/** The open exercise, once loaded. */
export const useOpenExercise = (): ExerciseView | null =>
  useExercises((s) => (s.exercise?.status === 'ready' ? s.exercise.value : null));
