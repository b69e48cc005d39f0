import { create } from 'zustand';
import type { OpenedInject, WorkspaceSummary, WorkspaceView } from '../../../../shared/exchange/views';
import { api, errorMessage } from '../../api';
import type { Loaded } from '../../ui/loaded';
import { messageLines } from '../../ui/messages';
import type { Outcome } from '../../ui/OutcomeNotice';

/**
 * The delegation's side of a laptop: the kits opened here, each a workspace whose run this
 * laptop plays, whose injects open by the codes the facilitator reads out, and whose returns
 * go back on a stick.
 */
export type WorkspaceScreenView = { readonly kind: 'none' } | { readonly kind: 'workspace'; readonly runId: string };

/** How a file exchange went: done, the dialog cancelled, or refused with the main process's lines. */
export type OpenAnswer = 'done' | 'cancelled' | readonly string[];

interface WorkspaceState {
  readonly view: WorkspaceScreenView;
  readonly workspaces: Loaded<readonly WorkspaceSummary[]>;
  readonly workspace: Loaded<WorkspaceView> | null;
  /** What opening the kit or writing a return came to. */
  readonly outcome: Outcome | null;
  /** The inject the last code opened, to say so and mark it in the list. */
  readonly unsealed: OpenedInject | null;

  loadWorkspaces(): Promise<void>;
  openKit(passphrase: string | null): Promise<OpenAnswer>;
  openWorkspace(runId: string): Promise<void>;
  reloadWorkspace(): Promise<void>;
  closeWorkspace(): void;
  /** null when the code opened an inject; else why not, in the main process's words. */
  unseal(code: string): Promise<readonly string[] | null>;
  writeReturn(): Promise<void>;
  setOutcome(outcome: Outcome | null): void;
  /** The data changed: re-read the workspace shown, or the list. */
  refresh(): Promise<void>;
}

export const useWorkspace = create<WorkspaceState>((set, get) => {
  /** Only the answer for the workspace still open is shown. */
  const showWorkspace = (view: WorkspaceView): void => {
    const open = get().view;
    if (open.kind === 'workspace' && open.runId === view.runId) set({ workspace: { status: 'ready', value: view } });
  };

  return {
    view: { kind: 'none' },
    workspaces: { status: 'loading' },
    workspace: null,
    outcome: null,
    unsealed: null,

    async loadWorkspaces() {
      try {
        set({ workspaces: { status: 'ready', value: await api().listWorkspaces({}) } });
      } catch (error) {
        set({ workspaces: { status: 'error', message: errorMessage(error) } });
      }
    },

    async openKit(passphrase) {
      try {
        const outcome = await api().openKit({ passphrase });
        if (!outcome.opened) return 'cancelled';
        const { workspace } = outcome;
        set({
          view: { kind: 'workspace', runId: workspace.runId },
          workspace: { status: 'ready', value: workspace },
          unsealed: null,
          outcome: {
            tone: 'ok',
            key: outcome.status === 'opened' ? 'exchange.workspace.kitOpened' : 'exchange.workspace.kitReopened',
            values: { delegation: workspace.delegation, path: outcome.path },
            lines: [],
          },
        });
        void get().loadWorkspaces();
        return 'done';
      } catch (error) {
        return messageLines(errorMessage(error));
      }
    },

    async openWorkspace(runId) {
      set({ view: { kind: 'workspace', runId }, workspace: { status: 'loading' }, outcome: null, unsealed: null });
      try {
        showWorkspace(await api().getWorkspace({ runId }));
      } catch (error) {
        set({ workspace: { status: 'error', message: errorMessage(error) } });
      }
    },

    async reloadWorkspace() {
      const view = get().view;
      if (view.kind !== 'workspace') return;
      try {
        showWorkspace(await api().getWorkspace({ runId: view.runId }));
      } catch (error) {
        set({ workspace: { status: 'error', message: errorMessage(error) } });
      }
    },

    closeWorkspace() {
      set({ view: { kind: 'none' }, workspace: null, outcome: null, unsealed: null });
      void get().loadWorkspaces();
    },

    async unseal(code) {
      const view = get().view;
      if (view.kind !== 'workspace') return null;
      try {
        const result = await api().unsealInject({ runId: view.runId, code });
        showWorkspace(result.workspace);
        set({ unsealed: result.inject });
        return null;
      } catch (error) {
        return messageLines(errorMessage(error));
      }
    },

    async writeReturn() {
      const view = get().view;
      if (view.kind !== 'workspace') return;
      try {
        const outcome = await api().writeReturn({ runId: view.runId });
        if (outcome.saved) set({ outcome: { tone: 'ok', key: 'exchange.workspace.returnWritten', values: { path: outcome.path }, lines: [] } });
      } catch (error) {
        set({ outcome: { tone: 'error', key: 'exchange.workspace.returnFailed', lines: messageLines(errorMessage(error)) } });
      }
    },

    setOutcome(outcome) {
      set({ outcome });
    },

    async refresh() {
      if (get().view.kind === 'workspace') await get().reloadWorkspace();
      else await get().loadWorkspaces();
    },
  };
});
