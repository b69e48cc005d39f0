import { create } from 'zustand';
import type { CorpusDocument, DocumentSummary, Expansion, Lang, SearchHit } from '../../../../shared/corpus';
import type { Input } from '../../../../shared/ipc/contract';
import { api, errorMessage } from '../../api';
import type { Loaded } from '../../ui/loaded';

/** A paragraph to bring into view. `flash` highlights it briefly; `key` re-triggers for the same anchor. */
export interface Target {
  readonly anchor: string;
  readonly flash: boolean;
  readonly key: number;
}

export type LibraryView =
  | { readonly kind: 'index' }
  | { readonly kind: 'results' }
  | { readonly kind: 'reader'; readonly docRef: string; readonly lang: Lang; readonly target: Target | null }
  | { readonly kind: 'compare'; readonly docRef: string; readonly langs: readonly [Lang, Lang]; readonly target: Target | null };

export interface SearchState {
  readonly query: string;
  readonly lang: Lang | null;
  readonly docRef: string | null;
  readonly status: 'idle' | 'searching' | 'done' | 'error';
  /** The query that `total`, `hits` and `error` answer: it lags behind `query` while the user types. */
  readonly answered: string;
  readonly total: number;
  readonly hits: readonly SearchHit[];
  /** The glossary concepts the answered query expanded to. */
  readonly expanded: readonly Expansion[];
  readonly error: string | null;
}

interface LibraryState {
  readonly documents: readonly DocumentSummary[] | null;
  readonly error: string | null;
  /** Opened documents by `docRef/lang`. */
  readonly texts: Readonly<Record<string, Loaded<CorpusDocument | null>>>;
  readonly view: LibraryView;
  readonly search: SearchState;
  /** Bumped to ask the search field to take the focus (Ctrl+K). */
  readonly searchFocus: number;
  /** The control that opened the reader (its data-return-key): it gets the focus back on return. */
  readonly returnKey: string | null;
  load(): Promise<void>;
  loadText(docRef: string, lang: Lang): Promise<void>;
  openReader(docRef: string, lang: Lang, target?: { anchor: string; flash: boolean }): void;
  openCompare(docRef: string, langs: readonly [Lang, Lang], target?: { anchor: string; flash: boolean }): void;
  rememberReturn(key: string): void;
  back(): void;
  setQuery(query: string): void;
  setFilters(filters: { lang?: Lang | null; docRef?: string | null }): void;
  loadMore(): void;
  focusSearch(): void;
}

export const SEARCH_DEBOUNCE_MS = 150;
const PAGE_SIZE = 25;

export const textKey = (docRef: string, lang: Lang): string => `${docRef}/${lang}`;

const idleSearch: SearchState = {
  query: '',
  lang: null,
  docRef: null,
  status: 'idle',
  answered: '',
  total: 0,
  hits: [],
  expanded: [],
  error: null,
};

// Search as you type: one pending timer, and a sequence number so that a slow answer to an
// older query never replaces the answer to a newer one.
let timer: ReturnType<typeof setTimeout> | undefined;
let sequence = 0;
let targetKey = 0;

export const useLibrary = create<LibraryState>((set, get) => {
  const runSearch = async (offset: number): Promise<void> => {
    const mine = ++sequence;
    const { query, lang, docRef } = get().search;
    const input: Input<'searchCorpus'> = { query, limit: PAGE_SIZE, offset };
    if (lang) input.lang = lang;
    if (docRef) input.docRef = docRef;
    set((s) => ({ search: { ...s.search, status: 'searching' } }));
    try {
      const result = await api().searchCorpus(input);
      if (mine !== sequence) return;
      set((s) => ({
        search: {
          ...s.search,
          status: 'done',
          answered: query,
          total: result.total,
          hits: offset === 0 ? result.hits : [...s.search.hits, ...result.hits],
          expanded: result.expanded,
          error: null,
        },
      }));
    } catch (error) {
      if (mine !== sequence) return;
      set((s) => ({ search: { ...s.search, status: 'error', answered: query, total: 0, hits: [], expanded: [], error: errorMessage(error) } }));
    }
  };

  const scheduleSearch = (delay: number): void => {
    clearTimeout(timer);
    if (get().search.query.trim() === '') {
      sequence++; // drop any answer still on its way
      set((s) => ({ search: { ...idleSearch, lang: s.search.lang, docRef: s.search.docRef } }));
      return;
    }
    timer = setTimeout(() => void runSearch(0), delay);
  };

  return {
    documents: null,
    error: null,
    texts: {},
    view: { kind: 'index' },
    search: idleSearch,
    searchFocus: 0,
    returnKey: null,

    async load() {
      try {
        set({ documents: await api().listDocuments({}), error: null });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },

    async loadText(docRef, lang) {
      const key = textKey(docRef, lang);
      const known = get().texts[key];
      if (known && known.status !== 'error') return;
      set((s) => ({ texts: { ...s.texts, [key]: { status: 'loading' } } }));
      let loaded: Loaded<CorpusDocument | null>;
      try {
        loaded = { status: 'ready', value: await api().getDocument({ docRef, lang }) };
      } catch (error) {
        loaded = { status: 'error', message: errorMessage(error) };
      }
      set((s) => ({ texts: { ...s.texts, [key]: loaded } }));
    },

    openReader(docRef, lang, target) {
      set({ view: { kind: 'reader', docRef, lang, target: target ? { ...target, key: ++targetKey } : null } });
    },

    openCompare(docRef, langs, target) {
      set({ view: { kind: 'compare', docRef, langs, target: target ? { ...target, key: ++targetKey } : null } });
    },

    rememberReturn(key) {
      set({ returnKey: key });
    },

    back() {
      set({ view: get().search.query.trim() === '' ? { kind: 'index' } : { kind: 'results' } });
    },

    setQuery(query) {
      const searching = query.trim() !== '';
      set((s) => ({
        search: { ...s.search, query },
        view: searching ? { kind: 'results' } : s.view.kind === 'results' ? { kind: 'index' } : s.view,
      }));
      scheduleSearch(SEARCH_DEBOUNCE_MS);
    },

    setFilters(filters) {
      set((s) => ({ search: { ...s.search, ...filters } }));
      scheduleSearch(0);
    },

    loadMore() {
      const { status, hits, total } = get().search;
      if (status === 'done' && hits.length < total) void runSearch(hits.length);
    },

    focusSearch() {
      // The reader has no search field: go back to where it is.
      set((s) => ({
        searchFocus: s.searchFocus + 1,
        returnKey: null,
        view: s.view.kind === 'reader' || s.view.kind === 'compare' ? (s.search.query.trim() === '' ? { kind: 'index' } : { kind: 'results' }) : s.view,
      }));
    },
  };
});
