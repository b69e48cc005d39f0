import type { ComponentType } from 'react';
// In the navigation's order, which is also the order their stylesheets cascade in.
import { LibraryScreen } from '../features/library/LibraryScreen';
import { RunsScreen } from '../features/runs/RunsScreen';
import { ExercisesScreen } from '../features/exercises/ExercisesScreen';
import type { Screen } from '../ui/navigation';
import { openRunOnRunsScreen } from './commands';

export interface ScreenEntry {
  readonly id: Screen;
  /** i18n key of its name in the navigation. */
  readonly labelKey: string;
  readonly Component: ComponentType;
}

// Features do not import each other: where one leads to another, the shell passes the way in.
function Exercises() {
  return <ExercisesScreen onOpenRun={openRunOnRunsScreen} />;
}

/** What each screen id shows, in the navigation's order (ui/navigation's SCREEN_IDS). */
export const screens: readonly ScreenEntry[] = [
  { id: 'library', labelKey: 'nav.library', Component: LibraryScreen },
  { id: 'runs', labelKey: 'nav.runs', Component: RunsScreen },
  { id: 'exercises', labelKey: 'exercises.nav', Component: Exercises },
];

/** The screen to render: the chosen one, or the first. */
export function activeScreen(screen: Screen): ScreenEntry {
  return screens.find((s) => s.id === screen) ?? screens[0]!;
}
