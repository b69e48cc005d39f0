// Bundled into the page by the e2e harness: the page's API is built with the same builder
// the preload uses; only the transport differs (a page binding instead of Electron IPC).
import { buildApi, type Envelope } from '../../shared/ipc/contract';

type Binding = (channel: string, payload: unknown) => Promise<Envelope<unknown>>;
const page = globalThis as unknown as { __cdtInvoke: Binding };

Object.defineProperty(globalThis, 'cdt', {
  value: buildApi((channel, payload) => page.__cdtInvoke(channel, payload)),
  writable: false,
  configurable: false,
});
