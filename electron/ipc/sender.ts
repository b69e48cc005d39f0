import { isAppUrl } from '../window';

/**
 * What the check reads of an IpcMainInvokeEvent. Structural, so that the check needs no
 * Electron at run time and its tests can hand it plain objects.
 */
export interface InvokeSender<Contents extends object> {
  readonly sender: Contents;
  readonly senderFrame: { readonly url: string } | null;
}

/**
 * Only our own window, showing our own files, may call the main process: another window
 * (a report being printed, a devtools page) is refused by identity, and a frame of ours that
 * was somehow navigated away is refused by its URL.
 */
export function isTrustedSender<Contents extends object>(event: InvokeSender<Contents>, window: Contents | null): boolean {
  const url = event.senderFrame?.url;
  return window !== null && event.sender === window && url !== undefined && isAppUrl(url);
}
