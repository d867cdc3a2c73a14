import { useEffect, useState } from 'react';
import { execute } from './api';
import { useSession } from './auth';
import type { TypedDocumentString } from './gql/graphql';

/** Runs a typed query whenever its variables change; the signed-in person's token goes along. */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  skip = false,
): { data: TResult | null; error: string | null; loading: boolean } {
  const { session } = useSession();
  const token = session?.token;
  const key = JSON.stringify(variables);
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
  }, [document, key, token, skip]);
  return state;
}
