import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, isMenuCommand, isWorkProgress, MENU_CHANNEL, PROGRESS_CHANNEL, type MenuBridge, type ProgressBridge } from '../shared/ipc/contract';

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

const work: ProgressBridge = {
  onProgress(listener) {
    const forward = (_event: IpcRendererEvent, progress: unknown): void => {
      if (isWorkProgress(progress)) listener(progress);
    };
    ipcRenderer.on(PROGRESS_CHANNEL, forward);
    return () => ipcRenderer.off(PROGRESS_CHANNEL, forward);
  },
};
contextBridge.exposeInMainWorld('cdtWork', work);
