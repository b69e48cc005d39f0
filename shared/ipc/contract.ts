import { z } from 'zod';
import { LANGS, type CorpusDocument, type DocumentSummary, type SearchResult } from '../corpus';

/**
 * The one IPC contract. Each action names its channel, the zod schema its payload must
 * pass in the main process, and (through Results) the type it resolves to. The preload's
 * API and the main process's handlers are both derived from this table.
 */
const lang = z.enum(LANGS);
const docRef = z.string().min(1).max(32);

export const contract = {
  listDocuments: { channel: 'corpus:list', input: z.object({}).strict() },
  getDocument: { channel: 'corpus:document', input: z.object({ docRef, lang }).strict() },
  searchCorpus: {
    channel: 'corpus:search',
    input: z
      .object({
        query: z.string().max(500),
        lang: lang.optional(),
        docRef: docRef.optional(),
        limit: z.number().int().min(1).max(200).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
  },
} as const;

export type Action = keyof typeof contract;
export type Input<A extends Action> = z.input<(typeof contract)[A]['input']>;

export interface Results {
  listDocuments: readonly DocumentSummary[];
  getDocument: CorpusDocument | null;
  searchCorpus: SearchResult;
}

/** What crosses the wire: errors travel as data so the renderer shows the main process's own message. */
export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export type Api = { readonly [A in Action]: (input: Input<A>) => Promise<Results[A]> };

export type Invoke = (channel: string, payload: unknown) => Promise<Envelope<unknown>>;

/** Builds the renderer's API over any transport (Electron IPC in the app, a page binding in e2e tests). */
export function buildApi(invoke: Invoke): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [action, { channel }] of Object.entries(contract)) {
    api[action] = async (input) => {
      const reply = await invoke(channel, input);
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    };
  }
  return Object.freeze(api) as unknown as Api;
}
