import { create } from 'zustand';
import { LANGS, isLangChoice } from '../../../../shared/corpus';
import type { EvidenceItem } from '../../../../shared/framework/evidence';
import type { ResolvedLink } from '../../../../shared/framework/evidence';
import type { IncomingEvent } from '../../../../shared/workflow/event-schema';
import type { RunSummary, RunView, SendResult } from '../../../../shared/workflow/runs';
import type { RunExercise } from '../../../../shared/exercise/exercises';
import { api, errorMessage } from '../../api';
import type { Loaded } from '../../ui/loaded';
import { itemKey, type EvidenceLang } from './model';

export type RunsView = { readonly kind: 'list' } | { readonly kind: 'run'; readonly id: string };

/**
 * The screen the open run is shown on: the runs screen, or the exercises screen for a
 * delegation's run, which is a screen of its exercise (the shell reads this; app/place keeps it).
 */
export type RunHost = 'runs' | 'exercises';

/** Why the main process refused what the user just did, in its own words. */
export interface Refusal {
  readonly reasons: readonly string[];
  readonly key: number;
}

interface RunsState {
  readonly view: RunsView;
  readonly host: RunHost;
  readonly runs: Loaded<readonly RunSummary[]>;
  /** The exercise each listed run belongs to (null: a run of its own), as far as it is known. */
  readonly exercisesOf: Readonly<Record<string, RunExercise | null>>;
  /** The exercise of the open run, with its scenario's context; null for a run of its own. */
  readonly exercise: RunExercise | null;
  /** Injects the delegation has read, by run (UI state: a new one is marked until then). */
  readonly readInjects: Readonly<Record<string, readonly string[]>>;
  /** The open run, as the main process last returned it. */
  readonly run: Loaded<RunView> | null;
  readonly refusal: Refusal | null;
  /** Events sent and not answered yet. */
  readonly pending: number;
  /** A message for the list (a run that could not be reopened). */
  readonly notice: string | null;
  readonly evidence: Readonly<Record<string, Loaded<readonly ResolvedLink[]>>>;
  readonly evidenceLang: EvidenceLang;
  /** The part of the step being worked on (a dimension, category or principle), for the evidence panel. */
  readonly evidenceFocus: EvidenceItem | null;
  /** Texts typed but not yet part of an event (the shared assessment before it is agreed, ...), by run and field. */
  readonly drafts: Readonly<Record<string, string>>;
  /** Bumped to ask the new-run field to take the focus (Ctrl/Cmd+N). */
  readonly newRunFocus: number;
  /** Bumped to ask the list's find field to take the focus (Ctrl/Cmd+F). */
  readonly findFocus: number;

  loadRuns(): Promise<void>;
  createRun(name: string): Promise<string | null>;
  renameRun(id: string, name: string): Promise<string | null>;
  deleteRun(id: string): Promise<string | null>;
  openRun(id: string, options?: { restoring?: boolean; host?: RunHost }): Promise<void>;
  showList(): void;
  /** Closes the open run without going to the list (its screen shows something else now). */
  closeRun(): void;
  reloadRun(): Promise<void>;
  /** The data changed (here or elsewhere): re-read what is shown, unless an answer is on its way anyway. */
  refresh(): Promise<void>;
  markRead(runId: string, injectId: string): void;
  send(event: IncomingEvent): Promise<SendResult | null>;
  /** Resolves when every event sent so far has its answer. */
  settled(): Promise<void>;
  dismissRefusal(): void;
  loadEvidence(item: EvidenceItem): Promise<void>;
  setEvidenceLang(lang: EvidenceLang): void;
  setEvidenceFocus(item: EvidenceItem | null): void;
  setDraft(key: string, value: string): void;
  clearDraft(key: string): void;
  focusNewRun(): void;
  /** Ctrl/Cmd+F on the list: its find field. False when no list is shown (a run is open). */
  focusFind(): boolean;
}

const PREFS_KEY = 'cdt.runs.prefs';
const DRAFTS_KEY = 'cdt.runs.drafts';
const READ_KEY = 'cdt.runs.readInjects';


function readJson(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : JSON.parse(raw);
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused: the UI state is a convenience, the run itself is safe.
  }
}

function initialLang(): EvidenceLang {
  const prefs = readJson(PREFS_KEY) as { evidenceLang?: unknown } | null;
  const lang = prefs?.evidenceLang;
  // 'both' is what the panel stored when it offered Dutch and Latvian only.
  return isLangChoice(lang) ? lang : lang === 'both' ? 'all' : LANGS[0];
}

function initialDrafts(): Record<string, string> {
  const drafts = readJson(DRAFTS_KEY);
  if (typeof drafts !== 'object' || drafts === null) return {};
  return Object.fromEntries(Object.entries(drafts).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function initialRead(): Record<string, readonly string[]> {
  const read = readJson(READ_KEY);
  if (typeof read !== 'object' || read === null) return {};
  return Object.fromEntries(
    Object.entries(read).filter((e): e is [string, string[]] => Array.isArray(e[1]) && e[1].every((x) => typeof x === 'string')),
  );
}

/** The exercise a run belongs to; a run of its own, or one that cannot be told, has none. */
async function exerciseOf(runId: string): Promise<RunExercise | null> {
  try {
    return await api().getRunExercise({ id: runId });
  } catch {
    return null;
  }
}

export const draftKey = (runId: string, field: string): string => `${runId}:${field}`;

/**
 * Leaving a decision (Reopen, or back through the stepper) keeps its summary: it is the
 * draft of the decision form again, to submit as it was or changed.
 */
export function keepDecisionSummary(run: RunView): void {
  const decision = run.snapshot.context.decision;
  if (decision) useRuns.getState().setDraft(draftKey(run.id, 'decision'), decision.summary);
}

// Events are applied one after the other, in the order the user made them: each send waits
// for the answer to the one before.
let queue: Promise<unknown> = Promise.resolve();
let refusalKey = 0;

export const useRuns = create<RunsState>((set, get) => ({
  view: { kind: 'list' },
  host: 'runs',
  runs: { status: 'loading' },
  exercisesOf: {},
  exercise: null,
  readInjects: initialRead(),
  run: null,
  refusal: null,
  pending: 0,
  notice: null,
  evidence: {},
  evidenceLang: initialLang(),
  evidenceFocus: null,
  drafts: initialDrafts(),
  newRunFocus: 0,
  findFocus: 0,

  async loadRuns() {
    try {
      const runs = await api().listRuns({});
      // A delegation's run is deleted only with its exercise: the list must know which runs are.
      const known = get().exercisesOf;
      const fresh = await Promise.all(runs.filter((r) => !(r.id in known)).map(async (r) => [r.id, await exerciseOf(r.id)] as const));
      set({ runs: { status: 'ready', value: runs }, exercisesOf: { ...known, ...Object.fromEntries(fresh) } });
    } catch (error) {
      set({ runs: { status: 'error', message: errorMessage(error) } });
    }
  },

  async createRun(name) {
    try {
      const run = await api().createRun({ name });
      set({
        view: { kind: 'run', id: run.id }, host: 'runs', run: { status: 'ready', value: run }, exercise: null,
        refusal: null, notice: null, evidenceFocus: null,
      });
      void get().loadRuns();
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  async renameRun(id, name) {
    try {
      const run = await api().renameRun({ id, name });
      const open = get().run;
      if (open?.status === 'ready' && open.value.id === id) set({ run: { status: 'ready', value: run } });
      await get().loadRuns();
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  async deleteRun(id) {
    try {
      await api().deleteRun({ id });
      const drafts = Object.fromEntries(Object.entries(get().drafts).filter(([k]) => !k.startsWith(`${id}:`)));
      set({ drafts });
      writeJson(DRAFTS_KEY, drafts);
      if (get().view.kind === 'run' && (get().view as { id: string }).id === id) set({ view: { kind: 'list' }, run: null, exercise: null });
      await get().loadRuns();
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },

  async openRun(id, options = {}) {
    set({
      view: { kind: 'run', id }, host: options.host ?? 'runs', run: { status: 'loading' }, exercise: null,
      refusal: null, notice: null, evidenceFocus: null,
    });
    try {
      // The run and its exercise together: a run played on another laptop is never shown editable for a moment.
      const [run, exercise] = await Promise.all([api().getRun({ id }), exerciseOf(id)]);
      const still = get().view;
      if (still.kind === 'run' && still.id === id) set({ run: { status: 'ready', value: run }, exercise });
    } catch (error) {
      if (options.restoring) {
        // The run open last time is gone (deleted): start from the list, and say why.
        set({ view: { kind: 'list' }, run: null, notice: errorMessage(error) });
        void get().loadRuns();
      } else {
        set({ run: { status: 'error', message: errorMessage(error) } });
      }
    }
  },

  showList() {
    set({ view: { kind: 'list' }, host: 'runs', run: null, exercise: null, refusal: null, evidenceFocus: null });
    void get().loadRuns();
  },

  closeRun() {
    set({ view: { kind: 'list' }, host: 'runs', run: null, exercise: null, refusal: null, evidenceFocus: null });
  },

  async reloadRun() {
    const view = get().view;
    if (view.kind !== 'run') return;
    try {
      const [run, exercise] = await Promise.all([api().getRun({ id: view.id }), exerciseOf(view.id)]);
      const still = get().view;
      if (still.kind === 'run' && still.id === view.id) set({ run: { status: 'ready', value: run }, exercise });
    } catch (error) {
      set({ run: { status: 'error', message: errorMessage(error) } });
    }
  },

  async refresh() {
    const view = get().view;
    if (view.kind === 'list') {
      await get().loadRuns();
      return;
    }
    // An event on its way brings the run back with its answer; a reload now would only race it.
    if (get().pending > 0 || get().run?.status !== 'ready') return;
    await get().reloadRun();
  },

  markRead(runId, injectId) {
    const known = get().readInjects[runId] ?? [];
    if (known.includes(injectId)) return;
    const readInjects = { ...get().readInjects, [runId]: [...known, injectId] };
    set({ readInjects });
    writeJson(READ_KEY, readInjects);
  },

  send(event) {
    const view = get().view;
    if (view.kind !== 'run') return Promise.resolve(null);
    const id = view.id;
    set((s) => ({ pending: s.pending + 1 }));
    const task = queue.then(async (): Promise<SendResult | null> => {
      try {
        const result = await api().sendEvent({ id, event });
        const still = get().view;
        if (still.kind !== 'run' || still.id !== id) return result;
        if (result.accepted) {
          set({ run: { status: 'ready', value: result.run }, refusal: null });
        } else {
          set({ refusal: { reasons: result.reasons, key: ++refusalKey } });
          // Our copy may be stale (changed elsewhere): show what the main process holds.
          await get().reloadRun();
        }
        return result;
      } catch (error) {
        set({ refusal: { reasons: [errorMessage(error)], key: ++refusalKey } });
        return null;
      } finally {
        set((s) => ({ pending: s.pending - 1 }));
      }
    });
    queue = task.catch(() => undefined);
    return task;
  },

  settled() {
    return queue.then(() => undefined);
  },

  dismissRefusal() {
    set({ refusal: null });
  },

  async loadEvidence(item) {
    const key = itemKey(item);
    const known = get().evidence[key];
    if (known && known.status !== 'error') return;
    set((s) => ({ evidence: { ...s.evidence, [key]: { status: 'loading' } } }));
    let loaded: Loaded<readonly ResolvedLink[]>;
    try {
      loaded = { status: 'ready', value: await api().getEvidence({ item }) };
    } catch (error) {
      loaded = { status: 'error', message: errorMessage(error) };
    }
    set((s) => ({ evidence: { ...s.evidence, [key]: loaded } }));
  },

  setEvidenceLang(evidenceLang) {
    set({ evidenceLang });
    writeJson(PREFS_KEY, { evidenceLang });
  },

  setEvidenceFocus(item) {
    const current = get().evidenceFocus;
    if (current?.kind === item?.kind && current?.id === item?.id) return;
    set({ evidenceFocus: item });
  },

  setDraft(key, value) {
    const drafts = { ...get().drafts, [key]: value };
    set({ drafts });
    writeJson(DRAFTS_KEY, drafts);
  },

  clearDraft(key) {
    if (!(key in get().drafts)) return;
    const drafts = { ...get().drafts };
    delete drafts[key];
    set({ drafts });
    writeJson(DRAFTS_KEY, drafts);
  },

  focusFind() {
    const runs = get().runs;
    if (get().view.kind !== 'list' || runs.status !== 'ready' || runs.value.length === 0) return false;
    set((s) => ({ findFocus: s.findFocus + 1 }));
    return true;
  },

  focusNewRun() {
    set((s) => ({ view: { kind: 'list' }, host: 'runs', run: null, exercise: null, refusal: null, newRunFocus: s.newRunFocus + 1 }));
    void get().loadRuns();
  },
}));

/** The open run, once loaded. */
export const useOpenRun = (): RunView | null => useRuns((s) => (s.run?.status === 'ready' ? s.run.value : null));

/**
 * Whether this laptop may change the open run: not once its delegation's kit is out, when it
 * is played on the delegation's own laptop and comes back in returns (read-only here).
 */
export const useWritable = (): boolean => useRuns((s) => s.exercise?.playedElsewhereSince == null);
