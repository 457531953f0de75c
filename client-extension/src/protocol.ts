// The custom messages between the client and the PaperLsp server (both sides must match).

export const collectionStatusNotification = 'paperlsp/collectionStatus';
export const searchPapersRequest = 'paperlsp/searchPapers';

export interface CollectionStatusParams {
  readonly state: 'loading' | 'ready' | 'error';
  readonly papers: number;
  readonly collections: number;
  readonly problems: number;
  readonly message: string;
}

export interface SearchPapersParams {
  readonly query: string;
  readonly limit?: number;
}

export interface PaperSearchItem {
  readonly key: string;
  readonly title: string;
  /** "First Author et al. · 2023 · key" */
  readonly detail: string;
}

export interface SearchPapersResult {
  readonly items: readonly PaperSearchItem[];
}
