import { useEffect } from 'react';
import { assertNever } from '../../../shared/framework/catalogue';
import type { MenuBridge, MenuCommand } from '../../../shared/ipc/contract';
import { useExercises } from '../features/exercises/store';
import { useLibrary } from '../features/library/store';
import { useRuns } from '../features/runs/store';
import { useWorkspace } from '../features/workspace/store';
import { useNavigation, type Screen } from '../ui/navigation';

declare global {
  interface Window {
    /** Present in the desktop app; absent in a plain browser page. */
    readonly cdtMenu?: MenuBridge;
  }
}

/** What the menu sends, and Ctrl/Cmd+F, which the page keeps (find where the user is). */
export type Command = MenuCommand | 'find';

/** What a menu item or its shortcut does: the one place both lead to. */
export function runCommand(command: Command): void {
  const { navigate } = useNavigation.getState();
  switch (command) {
    case 'search':
      navigate('library');
      useLibrary.getState().focusSearch();
      return;
    case 'find':
      find();
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
    case 'exercises':
      navigate('exercises');
      return;
    case 'room':
      void useExercises.getState().toggleRoom();
      return;
    default:
      assertNever(command, 'menu command');
  }
}

/**
 * Ctrl/Cmd+F finds where the user is: in a list of runs, exercises or scenarios, its own find
 * field; in the library, and on a page with nothing of its own to search, the conclusions.
 */
function find(): void {
  const { screen, navigate } = useNavigation.getState();
  const runs = useRuns.getState();
  const runHere = runs.view.kind === 'run' && runs.host === screen;
  if (!runHere && screen === 'runs' && runs.focusFind()) return;
  if (!runHere && screen === 'exercises' && useWorkspace.getState().view.kind === 'none' && useExercises.getState().focusFind()) return;
  navigate('library');
  useLibrary.getState().focusSearch();
}

/**
 * The navigation's own buttons. On the exercises screen while a delegation's run is shown in
 * its place, the Exercises button leads back to what the run was opened from.
 */
export function showScreen(screen: Screen): void {
  const { screen: current, navigate } = useNavigation.getState();
  const runs = useRuns.getState();
  if (screen === current && screen === 'exercises' && runs.view.kind === 'run' && runs.host === 'exercises') {
    useNavigation.getState().leave(() => runs.closeRun());
    return;
  }
  navigate(screen);
}

/** Opens a delegation's run on the exercises screen: it is a screen of its exercise. */
export function openRunOnExercisesScreen(runId: string): void {
  void useRuns.getState().openRun(runId, { host: 'exercises' });
  useNavigation.getState().navigate('exercises');
}

/** Opens a delegation's workspace on the exercises screen: where its run's way back leads. */
export function openWorkspaceOnExercisesScreen(runId: string): void {
  useRuns.getState().closeRun();
  void useWorkspace.getState().openWorkspace(runId);
  useNavigation.getState().navigate('exercises');
}

/** Opens an exercise's console: where its delegations' runs lead back to. */
export function openExerciseConsole(exerciseId: string): void {
  useRuns.getState().closeRun();
  if (useWorkspace.getState().view.kind !== 'none') useWorkspace.getState().closeWorkspace();
  const exercises = useExercises.getState();
  const open = exercises.view;
  if (!(open.kind === 'console' && open.id === exerciseId && exercises.exercise?.status === 'ready')) void exercises.openExercise(exerciseId);
  useNavigation.getState().navigate('exercises');
}

// Ctrl/Cmd + key. In the desktop app the menu's accelerators take these keys first and send
// the same commands; the page's own listener serves where there is no menu.
const SHORTCUTS: Readonly<Record<string, Command>> = { k: 'search', f: 'find', n: 'new-run', '1': 'library', '2': 'runs', '3': 'exercises' };
/** Ctrl/Cmd + Shift + key. */
const SHIFT_SHORTCUTS: Readonly<Record<string, Command>> = { p: 'room' };

export function useCommands(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const command = (e.shiftKey ? SHIFT_SHORTCUTS : SHORTCUTS)[e.key.toLowerCase()];
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
