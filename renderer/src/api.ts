import type { Api } from '../../shared/ipc/contract';

declare global {
  interface Window {
    readonly cdt: Api;
  }
}

/** The main process's API, as the preload (or the e2e bridge) exposed it. */
export const api = (): Api => window.cdt;

/** The text to show for a failed call: the main process's own message. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
