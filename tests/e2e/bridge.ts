// Bundled into the page by the e2e harness: the page's API is built with the same builder
// the preload uses; only the transport differs (a page binding instead of Electron IPC).
import { buildBridge, isDataChange, isWorkProgress, type ChangeBridge, type DataChange, type Envelope, type ProgressBridge, type WorkProgress } from '../../shared/ipc/contract';

type Binding = (channel: string, payload: unknown) => Promise<Envelope<unknown>>;
const page = globalThis as unknown as { __cdtInvoke: Binding };

Object.defineProperty(globalThis, 'cdt', {
  value: buildBridge((channel, payload) => page.__cdtInvoke(channel, payload)),
  writable: false,
  configurable: false,
});

// Progress of long work: the harness calls __cdtProgress where the app's main process would send it.
const listeners = new Set<(progress: WorkProgress | null) => void>();
const work: ProgressBridge = {
  onProgress(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
Object.defineProperty(globalThis, 'cdtWork', { value: work, writable: false, configurable: false });
Object.defineProperty(globalThis, '__cdtProgress', {
  value: (progress: unknown) => {
    if (isWorkProgress(progress)) for (const listener of listeners) listener(progress);
  },
  writable: false,
  configurable: false,
});

// Changes to the data: the harness calls __cdtChanged where the app's main process would send it.
const changeListeners = new Set<(change: DataChange) => void>();
const changes: ChangeBridge = {
  onChange(listener) {
    changeListeners.add(listener);
    return () => changeListeners.delete(listener);
  },
};
Object.defineProperty(globalThis, 'cdtChanges', { value: changes, writable: false, configurable: false });
Object.defineProperty(globalThis, '__cdtChanged', {
  value: (change: unknown) => {
    if (isDataChange(change)) for (const listener of changeListeners) listener(change);
  },
  writable: false,
  configurable: false,
});
