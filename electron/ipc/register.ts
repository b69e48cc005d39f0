import { errorData, UserError } from '../../shared/errors';
import { ipcMain, type WebContents } from 'electron';
import { contract, type Action } from '../../shared/ipc/contract';
import { dispatch, type Handlers } from './handlers';
import { mayCall, type AppWindows } from './sender';

export function registerIpc(handlers: Handlers, windows: () => AppWindows<WebContents>, logFault: (error: unknown) => string | null): void {
  for (const [action, { channel }] of Object.entries(contract)) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!mayCall(event, windows(), action as Action)) {
        return { ok: false, error: errorData(new UserError('Refused: the request did not come from the app window.')) };
      }
      return dispatch(handlers, channel, payload, logFault);
    });
  }
}
