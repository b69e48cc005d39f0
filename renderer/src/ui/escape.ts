import type { KeyboardEvent } from 'react';

/** A keydown handler for an inline form or chooser: Escape closes it, as it closes a dialog. */
export const closeOnEscape =
  (close: () => void) =>
  (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    close();
  };
