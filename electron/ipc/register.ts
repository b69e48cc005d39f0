import { errorData, UserError } from '../../shared/errors';
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { contract } from '../../shared/ipc/contract';
import { isAppUrl } from '../window';
import { dispatch, type Handlers } from './handlers';

/** Only our own window, showing our own files, may call the main process. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: WebContents | null): boolean {
  const url = event.senderFrame?.url;
  return window !== null && event.sender === window && url !== undefined && isAppUrl(url);
}

export function registerIpc(handlers: Handlers, trustedContents: () => WebContents | null, logFault: (error: unknown) => string | null): void {
  for (const { channel } of Object.values(contract)) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!isTrustedSender(event, trustedContents())) {
        return { ok: false, error: errorData(new UserError('Refused: the request did not come from the app window.')) };
      }
      return dispatch(handlers, channel, payload, logFault);
    });
  }
}
