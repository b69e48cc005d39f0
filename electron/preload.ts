import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, isMenuCommand, MENU_CHANNEL, type MenuBridge } from '../shared/ipc/contract';

// The page gets one method per action and never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'cdt',
  buildApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
);

const menu: MenuBridge = {
  onCommand(listener) {
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => ipcRenderer.off(MENU_CHANNEL, forward);
  },
};
contextBridge.exposeInMainWorld('cdtMenu', menu);
