import { apiOver, type Api, type Bridge } from '../../shared/ipc/contract';

declare global {
  interface Window {
    readonly cdt: Bridge;
  }
}

let current: { readonly bridge: Bridge; readonly api: Api } | null = null;

/** The main process's API over what the preload (or the e2e bridge) exposed. */
export function api(): Api {
  if (current?.bridge !== window.cdt) current = { bridge: window.cdt, api: apiOver(window.cdt) };
  return current.api;
}

/** The text to show for a failed call: the main process's own message. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
