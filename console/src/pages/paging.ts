import { execute } from '../api';
import { useSession } from '../auth';
import type { TypedDocumentString } from '../gql/graphql';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  totalCount?: number;
}

interface State<T> {
  key: string;
  rows: T[];
  endCursor: string | null;
  hasNextPage: boolean;
  total: number | null;
  loading: boolean;
  error: string | null;
}

/**
 * A list paged by the API's keyset cursor: the first page whenever `key` (the query) changes, and
 * the next page appended on `loadMore`. A page that arrives after the query changed is dropped.
 */
export function useKeysetList<T>(key: string, fetchPage: (after: string | null) => Promise<Page<T>>) {
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const keyRef = useRef(key);
  keyRef.current = key;
  const [state, setState] = useState<State<T>>({
    key,
    rows: [],
    endCursor: null,
    hasNextPage: false,
    total: null,
    loading: true,
    error: null,
  });

  const load = useCallback((forKey: string, after: string | null) => {
    setState((previous) => ({ ...previous, loading: true, error: null }));
    fetchRef.current(after).then(
      (page) => {
        if (keyRef.current !== forKey) return;
        setState((previous) => ({
          key: forKey,
          rows: after && previous.key === forKey ? [...previous.rows, ...page.nodes] : page.nodes,
          endCursor: page.pageInfo.endCursor ?? null,
          hasNextPage: page.pageInfo.hasNextPage,
          total: page.totalCount ?? null,
          loading: false,
          error: null,
        }));
      },
      (error: unknown) => {
        if (keyRef.current !== forKey) return;
        setState((previous) => ({ ...previous, loading: false, error: (error as Error).message }));
      },
    );
  }, []);

  useEffect(() => load(key, null), [key, load]);

  const loadMore = useCallback(() => {
    if (state.endCursor) load(state.key, state.endCursor);
  }, [load, state.endCursor, state.key]);

  return { ...state, loadMore };
}

/**
 * Like useQuery, with `reload()` to ask again after a change the page made; the previous data stays
 * on screen until the answer arrives, so focus and scroll are kept.
 */
export function useReloadingQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  skip = false,
) {
  const { session } = useSession();
  const token = session?.token;
  const key = JSON.stringify(variables);
  const [round, setRound] = useState(0);
  const [state, setState] = useState<{ data: TResult | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: !skip,
  });
  useEffect(() => {
    if (skip) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    execute(document, JSON.parse(key) as TVariables, token).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState({ data: null, error: (error as Error).message, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [document, key, token, skip, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}
