import { HeldLoader } from '../common/held-loader';
import { readRows } from '../db/read-sql';
import type { RequestScope } from '../scope';
import {
  EXPERT_COLUMNS,
  expertFromJson,
  offerFromJson,
  orderFromJson,
  sessionFromJson,
  OFFER_COLUMNS,
  ORDER_COLUMNS,
  SESSION_COLUMNS,
  UNIT_COLUMNS,
  type OfferRow,
  type OrderExpertRow,
  type OrderPageRow,
  type OrderRow,
  type OrderUnitRow,
  type SessionRow,
} from './order.read';

function grouped<T>(rows: T[], key: (row: T) => string, keys: readonly string[]): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

function byId<T extends { id: string }>(rows: T[], keys: readonly string[]): Array<T | null> {
  const map = new Map(rows.map((r) => [r.id, r]));
  return keys.map((k) => map.get(k) ?? null);
}

/**
 * Per request: what a page of orders needs as plain rows, one statement per kind of row for the
 * whole page (sessions, offers, experts, units), so the statement count does not grow with the
 * page. A page read with its records (`primePage`) fills them without any statement.
 */
export function createOrderLoaders(ctx: RequestScope) {
  const read = async <T>(sql: string, bindings: unknown[], revive: (row: T) => T): Promise<T[]> =>
    (await readRows<T>(ctx.em, sql, bindings)).map(revive);
  const loaders = {
    orders: new HeldLoader<string, OrderRow | null>(async (keys) =>
      byId(
        await read(`select ${ORDER_COLUMNS} from work_order o where o.id = any(?::uuid[])`, [[...keys]], orderFromJson),
        keys,
      ),
    ),
    sessionsByOrder: new HeldLoader<string, SessionRow[]>(async (orderIds) =>
      grouped(
        await read(
          `select ${SESSION_COLUMNS} from order_session s where s.order_id = any(?::uuid[]) order by s.starts_at, s.id`,
          [[...orderIds]],
          sessionFromJson,
        ),
        (r) => r.orderId,
        orderIds,
      ),
    ),
    offersByOrder: new HeldLoader<string, OfferRow[]>(async (orderIds) =>
      grouped(
        await read(
          `select ${OFFER_COLUMNS} from order_offer f where f.order_id = any(?::uuid[]) order by f.offered_at, f.id`,
          [[...orderIds]],
          offerFromJson,
        ),
        (r) => r.orderId,
        orderIds,
      ),
    ),
    experts: new HeldLoader<string, OrderExpertRow | null>(async (keys) =>
      byId(
        await read(`select ${EXPERT_COLUMNS} from expert x where x.id = any(?::uuid[])`, [[...keys]], expertFromJson),
        keys,
      ),
    ),
    /** The caller's own expert profile per region (an expert reading orders offered to them). */
    ownExpert: new HeldLoader<string, OrderExpertRow | null>(async (regionIds) => {
      const rows = await read(
        `select ${EXPERT_COLUMNS} from expert x where x.region_id = any(?::text[]) and x.account_id = ?`,
        [[...regionIds], ctx.viewer.id],
        expertFromJson,
      );
      return regionIds.map((id) => rows.find((e) => e.regionId === id) ?? null);
    }),
    units: new HeldLoader<string, OrderUnitRow | null>(async (keys) =>
      byId(
        await read<OrderUnitRow>(
          `select ${UNIT_COLUMNS} from unit u where u.id = any(?::uuid[])`,
          [[...keys]],
          (u) => u,
        ),
        keys,
      ),
    ),
    /** Fills the loaders with what a page statement brought along. */
    primePage(rows: readonly OrderPageRow[]) {
      for (const row of rows) {
        loaders.orders.prime(row.order.id, row.order);
        if (row.sessions) loaders.sessionsByOrder.prime(row.order.id, row.sessions);
        if (row.offers) {
          loaders.offersByOrder.prime(
            row.order.id,
            row.offers.map((f) => f.offer),
          );
          for (const { expert } of row.offers) if (expert) loaders.experts.prime(expert.id, expert);
        }
        if (row.unit) loaders.units.prime(row.unit.id, row.unit);
      }
    },
  };
  return loaders;
}
