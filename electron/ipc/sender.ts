import { isAppUrl, ROOM_ENTRY } from '../window';
import { ROOM_ACTIONS, type Action } from '../../shared/ipc/contract';

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

/** The app's two windows: the main one, and the room's screen for the projector (while open). */
export interface AppWindows<Contents extends object> {
  readonly main: Contents | null;
  readonly room: Contents | null;
}

/**
 * Whether this call may run: any action from the main window; from the room's window, only
 * what the room may see (ROOM_ACTIONS), and only while it shows the room's page.
 */
export function mayCall<Contents extends object>(event: InvokeSender<Contents>, windows: AppWindows<Contents>, action: Action): boolean {
  if (isTrustedSender(event, windows.main)) return true;
  return isTrustedSender(event, windows.room) && event.senderFrame?.url === ROOM_ENTRY && ROOM_ACTIONS.includes(action);
}
