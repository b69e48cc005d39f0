import { create } from 'zustand';

// The store only: which screen is shown. The screens themselves are listed in app/screens,
// which imports the features; a feature that sends the user elsewhere needs only this.

/** The screens the shell offers, in navigation order. */
export const SCREEN_IDS = ['library', 'runs', 'exercises'] as const;

export type Screen = (typeof SCREEN_IDS)[number];

interface NavigationState {
  readonly screen: Screen;
  /** What is typed and not saved that leaving would lose (an i18n key naming it), or null. */
  readonly unsaved: string | null;
  /** A move the user asked for while something was unsaved: it waits for their answer. */
  readonly pendingLeave: (() => void) | null;
  navigate(screen: Screen): void;
  /** A form says it holds unsaved changes (its i18n key), or no longer does (null). */
  setUnsaved(what: string | null): void;
  /** Goes (`go`) now, or once the user agrees to leave what is unsaved behind. */
  leave(go: () => void): void;
  confirmLeave(): void;
  cancelLeave(): void;
}

export const useNavigation = create<NavigationState>((set, get) => ({
  screen: 'library',
  unsaved: null,
  pendingLeave: null,
  navigate(screen) {
    // A screen name read back from storage is only a string until it is checked.
    if (!(SCREEN_IDS as readonly string[]).includes(screen) || screen === get().screen) return;
    get().leave(() => set({ screen }));
  },
  setUnsaved(unsaved) {
    set({ unsaved });
  },
  leave(go) {
    if (get().unsaved === null) go();
    else set({ pendingLeave: go });
  },
  confirmLeave() {
    const go = get().pendingLeave;
    set({ unsaved: null, pendingLeave: null });
    go?.();
  },
  cancelLeave() {
    set({ pendingLeave: null });
  },
}));
