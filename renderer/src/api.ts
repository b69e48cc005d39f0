import type { Api } from '../../shared/ipc/contract';

declare global {
  interface Window {
    readonly cdt: Api;
  }
}

/** The main process's API, as the preload (or the e2e bridge) exposed it. */
export const api = (): Api => window.cdt;
