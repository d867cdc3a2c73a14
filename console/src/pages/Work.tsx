import { useState, type FormEvent } from 'react';
import { Button, Link } from 'react-aria-components';
import { execute } from '../api';
import { useSession } from '../auth';
import { graphql } from '../gql';
import type { OrderStatus } from '../gql/graphql';
import { useI18n } from '../i18n';
import { useQuery } from '../useQuery';
import { Gate, hasRole, SelectInput } from './forms';
import { ListStatus, LoadMore } from './KeysetListParts';
import { useKeysetList } from './paging';
import { WorkOrderPage } from './WorkOrder';
import { useWorkMessages } from './work.messages';
import { formatInstant, WorkRegionQuery } from './work.queries';
import './pages.css';

export const WORK_ROLES = ['COORDINATOR', 'UNIT_COORDINATOR', 'PROFESSIONAL'];
const ORDER_STATUSES: OrderStatus[] = ['DRAFT', 'REQUESTED', 'OFFERED', 'ACCEPTED', 'DONE', 'CANCELLED'];
const PAGE_SIZE = 25;

const WorkOrdersQuery = graphql(`
  query ConsoleWorkOrders($regionId: ID!, $filter: OrderFilter, $first: Int, $after: String) {
    orders(regionId: $regionId, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        status
        createdAt
        expertsNeeded
        taskType {
          id
        }
        unit {
          id
          name
        }
        sessions {
          id
          startsAt
        }
        acceptedExperts {
          id
        }
      }
    }
  }
`);

/** A date and time in the region's zone, in the console's language. */

/** /console/orders/<regionId>[/orders/<id>] */
export function WorkPages({ regionId, rest }: { regionId: string; rest: string }) {
  const t = useWorkMessages();
  const { session } = useSession();
  const order = /^orders\/([^/]+)$/.exec(rest);
  return (
    <Gate
      signedIn={Boolean(session)}
      allowed={hasRole(session, WORK_ROLES, regionId)}
      messages={{ signInFirst: t.signInFirst, notAllowed: t.notAllowed }}
    >
      {order ? (
        <WorkOrderPage regionId={regionId} orderId={decodeURIComponent(order[1]!)} />
      ) : (
        <WorkListPage regionId={regionId} />
      )}
    </Gate>
  );
}

function WorkListPage({ regionId }: { regionId: string }) {
  const t = useWorkMessages();
  const { locale, t: common } = useI18n();
  const { session } = useSession();
  const region = useQuery(WorkRegionQuery, { id: regionId, locale }).data?.region;
  const timeZone = region?.timeZone ?? 'Europe/Helsinki';
  const [draft, setDraft] = useState('');
  const [status, setStatus] = useState('');
  const filter = status ? { status: status as OrderStatus } : {};
  const list = useKeysetList(
    JSON.stringify([regionId, status, session?.token]),
    async (after) =>
      (await execute(WorkOrdersQuery, { regionId, filter, first: PAGE_SIZE, after }, session?.token)).orders,
  );
  const taskLabel = (id: string) => region?.taskTypes.find((task) => task.id === id)?.label ?? id;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStatus(draft);
  };

  return (
    <div className="console-page">
      <h1>
        {t.title}: {region?.name ?? regionId}
      </h1>
      <form className="filters" onSubmit={submit} aria-label={t.title}>
        <SelectInput
          label={t.status}
          name="status"
          value={draft}
          onChange={setDraft}
          emptyLabel={t.any}
          options={ORDER_STATUSES.map((value) => ({ value, label: t.orderStatuses[value] ?? value }))}
        />
        <Button type="submit">{t.show}</Button>
      </form>
      <ListStatus list={list} loadingText={common.loading} results={t.results} />
      <table data-testid="orders">
        <thead>
          <tr>
            <th scope="col">{t.orderTitle}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.taskType}</th>
            <th scope="col">{t.unit}</th>
            <th scope="col">{t.starts}</th>
            <th scope="col">{t.experts}</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((order) => (
            <tr key={order.id} data-order={order.id}>
              <th scope="row">
                <Link href={`/console/orders/${regionId}/orders/${encodeURIComponent(order.id)}`}>{order.title}</Link>
              </th>
              <td>{t.orderStatuses[order.status] ?? order.status}</td>
              <td>{taskLabel(order.taskType.id)}</td>
              <td>{order.unit?.name ?? ''}</td>
              <td>{order.sessions[0] ? formatInstant(order.sessions[0].startsAt, locale, timeZone) : ''}</td>
              <td className="number">
                {order.acceptedExperts.length} / {order.expertsNeeded}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <LoadMore list={list} label={t.loadMore} />
    </div>
  );
}
