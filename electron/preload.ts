import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/ipc/contract';

// The page gets one method per action and never ipcRenderer itself.
contextBridge.exposeInMainWorld(
  'cdt',
  buildApi((channel, payload) => ipcRenderer.invoke(channel, payload)),
);
