import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  buildBridge, CHANGES_CHANNEL, isDataChange, isMenuCommand, isWorkProgress, MENU_CHANNEL, PROGRESS_CHANNEL, type ChangeBridge, type MenuBridge,
  type ProgressBridge,
} from '../shared/ipc/contract';

// The page gets one method per action and never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'cdt',
  buildBridge((channel, payload) => ipcRenderer.invoke(channel, payload)),
);

/** A listener on one main -> renderer channel that passes on only messages of the channel's shape. */
function subscription<T>(channel: string, accepts: (value: unknown) => value is T) {
  return (listener: (value: T) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, value: unknown): void => {
      if (accepts(value)) listener(value);
    };
    ipcRenderer.on(channel, forward);
    return () => ipcRenderer.off(channel, forward);
  };
}

const menu: MenuBridge = { onCommand: subscription(MENU_CHANNEL, isMenuCommand) };
contextBridge.exposeInMainWorld('cdtMenu', menu);
const work: ProgressBridge = { onProgress: subscription(PROGRESS_CHANNEL, isWorkProgress) };
contextBridge.exposeInMainWorld('cdtWork', work);
const changes: ChangeBridge = { onChange: subscription(CHANGES_CHANNEL, isDataChange) };
contextBridge.exposeInMainWorld('cdtChanges', changes);
