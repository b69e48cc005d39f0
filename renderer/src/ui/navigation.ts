import { create } from 'zustand';

// The store only: which screen is shown. The screens themselves are listed in app/screens,
// which imports the features; a feature that sends the user elsewhere needs only this.

/** The screens the shell offers, in navigation order. */
export const SCREEN_IDS = ['library', 'runs', 'exercises'] as const;

export type Screen = (typeof SCREEN_IDS)[number];

interface NavigationState {
  readonly screen: Screen;
  navigate(screen: Screen): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  screen: 'library',
  navigate(screen) {
    // A screen name read back from storage is only a string until it is checked.
    if ((SCREEN_IDS as readonly string[]).includes(screen)) set({ screen });
  },
}));
