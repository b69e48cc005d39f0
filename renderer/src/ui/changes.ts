import type { ChangeBridge, DataChange } from '../../../shared/ipc/contract';

declare global {
  interface Window {
    /** Present in the desktop app (and the e2e bridge): the main process says when the data changed. */
    readonly cdtChanges?: ChangeBridge;
  }
}

/**
 * Calls `reread` when the data changed, wherever the change came from. Changes that arrive in
 * a burst while a re-read is on its way are answered by one more re-read, not one each.
 * Returns the unsubscription.
 */
export function onDataChange(reread: (change: DataChange) => Promise<unknown>): () => void {
  let running = false;
  let again: DataChange | null = null;
  const onChange = (change: DataChange): void => {
    if (running) {
      again = change;
      return;
    }
    running = true;
    void reread(change)
      .catch(() => undefined) // each view reports its own failures where it shows them
      .finally(() => {
        running = false;
        const next = again;
        again = null;
        if (next) onChange(next);
      });
  };
  return window.cdtChanges?.onChange(onChange) ?? (() => undefined);
}
