import { Button } from 'react-aria-components';

interface ListState {
  rows: readonly unknown[];
  total: number | null;
  loading: boolean;
  error: string | null;
}

/** Above a keyset list: its error, and how many of how many are shown (or that it is loading). */
export function ListStatus(props: {
  list: ListState;
  loadingText: string;
  results: (shown: number, total: number) => string;
}) {
  const { list } = props;
  return (
    <>
      {list.error && <p role="alert">{list.error}</p>}
      <p role="status">
        {list.loading ? props.loadingText : list.total !== null ? props.results(list.rows.length, list.total) : ''}
      </p>
    </>
  );
}

/** Below a keyset list: the next page, while there is one. */
export function LoadMore(props: {
  list: { hasNextPage: boolean; loading: boolean; loadMore: () => void };
  label: string;
}) {
  const { list } = props;
  if (!list.hasNextPage) return null;
  return (
    <Button isDisabled={list.loading} onPress={list.loadMore}>
      {props.label}
    </Button>
  );
}
