import { create } from 'zustand';
import type { ConsensusView, JointEntryInput } from '../../../../shared/consensus/joint';
import { api } from '../../api';
import type { Loaded } from '../../ui/loaded';
import { positionChanges, type PositionChange } from './consensus';
import { consoleView } from './consoleView';

/**
 * The table of positions and the joint decision of the exercise open in the console: a store
 * of its own, re-read with every other view when the data changes (app/live.ts), whoever
 * changed it (a delegation's run in this window, a return collected, the command line).
 */
interface ConsensusState {
  readonly exerciseId: string | null;
  readonly consensus: Loaded<ConsensusView> | null;
  /** What moved in the table at the last re-read, for the console to announce. */
  readonly changes: readonly PositionChange[];
  load(exerciseId: string): Promise<void>;
  refresh(): Promise<void>;
  /** null when recorded; else the main process's reasons, one per line. */
  record(entry: JointEntryInput): Promise<readonly string[] | null>;
  showInRoom(show: boolean): Promise<readonly string[] | null>;
}

export const useConsensus = create<ConsensusState>()((set, get) => {
  const { read, change } = consoleView<ConsensusView>(
    () => get().exerciseId,
    (consensus) => {
      const before = get().consensus;
      const changes =
        before?.status === 'ready' && consensus.status === 'ready' ? positionChanges(before.value.table, consensus.value.table) : [];
      set({ consensus, ...(changes.length > 0 ? { changes } : {}) });
    },
    (exerciseId) => api().getConsensus({ exerciseId }),
  );
  return {
    exerciseId: null,
    consensus: null,
    changes: [],
    async load(exerciseId) {
      // Another exercise shows nothing of the one before while it loads.
      if (get().exerciseId !== exerciseId) set({ exerciseId, consensus: { status: 'loading' } });
      // What moved while the console was not open is not news when it opens again.
      set({ changes: [] });
      await read(exerciseId);
    },
    async refresh() {
      const { exerciseId } = get();
      if (exerciseId !== null) await read(exerciseId);
    },
    record: (entry) => change((exerciseId) => api().recordJointEntry({ exerciseId, entry })),
    showInRoom: (show) => change((exerciseId) => api().setRoomPositions({ exerciseId, show })),
  };
});
