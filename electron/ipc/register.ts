import { errorData, UserError } from '../../shared/errors';
import { ipcMain, type WebContents } from 'electron';
import { contract } from '../../shared/ipc/contract';
import { dispatch, type Handlers } from './handlers';
import { isTrustedSender } from './sender';

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
