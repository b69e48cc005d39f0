import { useEffect } from 'react';
import { useConsensus } from '../features/exercises/consensusStore';
import { useExercises } from '../features/exercises/store';
import { useObjectives } from '../features/exercises/objectivesStore';
import { useRuns } from '../features/runs/store';
import { useWorkspace } from '../features/workspace/store';
import { onDataChange } from '../ui/changes';

/**
 * Every view re-reads what it shows when the data under it changes, wherever the change came
 * from: this window, another, an import, a collected return, the command line on the same
 * file. The stores re-read; what the user is typing is state the forms keep (drafts, fields
 * being edited), which a re-read leaves alone.
 */
export function refreshAll(): Promise<unknown> {
  return Promise.all([
    useExercises.getState().refresh(), useRuns.getState().refresh(), useWorkspace.getState().refresh(), useObjectives.getState().refresh(),
    useConsensus.getState().refresh(),
  ]);
}

export function useLiveData(): void {
  useEffect(() => onDataChange(refreshAll), []);
}
