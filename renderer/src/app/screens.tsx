import type { ComponentType } from 'react';
// In the navigation's order, which is also the order their stylesheets cascade in.
import { LibraryScreen } from '../features/library/LibraryScreen';
import { RunsScreen } from '../features/runs/RunsScreen';
import { ExercisesScreen } from '../features/exercises/ExercisesScreen';
import { useRuns } from '../features/runs/store';
import { useWorkspace } from '../features/workspace/store';
import { WorkspaceList } from '../features/workspace/WorkspaceList';
import { WorkspacePage } from '../features/workspace/WorkspacePage';
import type { Screen } from '../ui/navigation';
import { openExerciseConsole, openRunOnExercisesScreen, openWorkspaceOnExercisesScreen } from './commands';

export interface ScreenEntry {
  readonly id: Screen;
  /** i18n key of its name in the navigation. */
  readonly labelKey: string;
  readonly Component: ComponentType;
}

// Features do not import each other: where one leads to another, the shell passes the way in.
// The exercises screen is also a delegation's laptop: the kits opened here are listed under
// the exercises, and an open workspace takes the screen's place until the user goes back.
// A delegation's run (from the console or a workspace) is shown here too, as a screen of its
// exercise, so that the navigation says where the user is and the way back leads to it.
function Exercises() {
  const runHere = useRuns((s) => s.view.kind === 'run' && s.host === 'exercises');
  const inWorkspace = useWorkspace((s) => s.view.kind === 'workspace');
  if (runHere) return <RunsScreen host="exercises" onOpenWorkspace={openWorkspaceOnExercisesScreen} onOpenExercise={openExerciseConsole} />;
  if (inWorkspace) return <WorkspacePage onOpenRun={openRunOnExercisesScreen} />;
  return <ExercisesScreen onOpenRun={openRunOnExercisesScreen} workspaces={<WorkspaceList />} />;
}

function Runs() {
  return <RunsScreen onOpenWorkspace={openWorkspaceOnExercisesScreen} onOpenExercise={openExerciseConsole} />;
}

/** What each screen id shows, in the navigation's order (ui/navigation's SCREEN_IDS). */
export const screens: readonly ScreenEntry[] = [
  { id: 'library', labelKey: 'nav.library', Component: LibraryScreen },
  { id: 'runs', labelKey: 'nav.runs', Component: Runs },
  { id: 'exercises', labelKey: 'exercises.nav', Component: Exercises },
];

/** The screen to render: the chosen one, or the first. */
export function activeScreen(screen: Screen): ScreenEntry {
  return screens.find((s) => s.id === screen) ?? screens[0]!;
}
