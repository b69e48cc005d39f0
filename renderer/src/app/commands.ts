import { useEffect } from 'react';
import { assertNever } from '../../../shared/framework/catalogue';
import type { MenuBridge, MenuCommand } from '../../../shared/ipc/contract';
import { useLibrary } from '../features/library/store';
import { useRuns } from '../features/runs/store';
import { useWorkspace } from '../features/workspace/store';
import { useNavigation } from '../ui/navigation';

declare global {
  interface Window {
    /** Present in the desktop app; absent in a plain browser page. */
    readonly cdtMenu?: MenuBridge;
  }
}

/** What a menu item or its shortcut does: the one place both lead to. */
export function runCommand(command: MenuCommand): void {
  const { navigate } = useNavigation.getState();
  switch (command) {
    case 'search':
      navigate('library');
      useLibrary.getState().focusSearch();
      return;
    case 'new-run':
      navigate('runs');
      useRuns.getState().focusNewRun();
      return;
    case 'library':
      navigate('library');
      return;
    case 'runs':
      navigate('runs');
      return;
    default:
      assertNever(command, 'menu command');
  }
}

/** Opens a run on the runs screen: where the exercise console's delegations lead. */
export function openRunOnRunsScreen(runId: string): void {
  void useRuns.getState().openRun(runId);
  useNavigation.getState().navigate('runs');
}

/** Opens a delegation's workspace on the exercises screen: where its run's way back leads. */
export function openWorkspaceOnExercisesScreen(runId: string): void {
  void useWorkspace.getState().openWorkspace(runId);
  useNavigation.getState().navigate('exercises');
}

// Ctrl/Cmd + key. In the desktop app the menu's accelerators take these keys first and send
// the same commands; the page's own listener serves where there is no menu.
const SHORTCUTS: Readonly<Record<string, MenuCommand>> = { k: 'search', f: 'search', n: 'new-run', '1': 'library', '2': 'runs' };

export function useCommands(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const command = SHORTCUTS[e.key.toLowerCase()];
      if (!command) return;
      e.preventDefault();
      runCommand(command);
    };
    window.addEventListener('keydown', onKeyDown);
    const offMenu = window.cdtMenu?.onCommand(runCommand);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      offMenu?.();
    };
  }, []);
}
