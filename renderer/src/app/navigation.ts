import type { ComponentType } from 'react';
import { create } from 'zustand';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { RunsScreen } from '../features/runs/RunsScreen';
import { ExercisesScreen } from '../features/exercises/ExercisesScreen';

export type Screen = 'library' | 'runs' | 'exercises';

export interface ScreenEntry {
  readonly id: Screen;
  /** i18n key of its name in the navigation. */
  readonly labelKey: string;
  readonly Component: ComponentType;
}

/**
 * The screens the shell offers, in navigation order. A screen is in the navigation only
 * once it is registered here, so an unfinished screen never shows as an empty promise.
 * (The runs screen registers as `{ id: 'runs', labelKey: 'nav.runs', Component: RunsScreen }`.)
 */
export const screens: readonly ScreenEntry[] = [
  { id: 'library', labelKey: 'nav.library', Component: LibraryScreen },
  { id: 'runs', labelKey: 'nav.runs', Component: RunsScreen },
  { id: 'exercises', labelKey: 'exercises.nav', Component: ExercisesScreen },
];

interface NavigationState {
  readonly screen: Screen;
  navigate(screen: Screen): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  screen: 'library',
  navigate(screen) {
    if (screens.some((s) => s.id === screen)) set({ screen });
  },
}));

/** The screen to render: the chosen one, or the first registered. */
export function activeScreen(screen: Screen): ScreenEntry {
  return screens.find((s) => s.id === screen) ?? screens[0]!;
}
