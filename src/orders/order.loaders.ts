import DataLoader from 'dataloader';
import { Expert } from '../experts/expert.entity';
import type { RequestScope } from '../scope';
import { Unit } from '../units/unit.entity';
import { Offer, Order, OrderSession } from './order.entity';

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
 * Per request: what a page of orders needs, one statement per kind of row for the whole page
 * (sessions, offers, experts, units), so the statement count does not grow with the page.
 */
export function createOrderLoaders(ctx: RequestScope) {
  return {
    orders: new DataLoader<string, Order | null>(async (ids) =>
      byId(await ctx.em.find(Order, { id: { $in: [...ids] } }), ids),
    ),
    sessionsByOrder: new DataLoader<string, OrderSession[]>(async (orderIds) => {
      const rows = await ctx.em.find(
        OrderSession,
        { orderId: { $in: [...orderIds] } },
        { orderBy: { startsAt: 'asc', id: 'asc' } },
      );
      return grouped(rows, (r) => r.orderId, orderIds);
    }),
    offersByOrder: new DataLoader<string, Offer[]>(async (orderIds) => {
      const rows = await ctx.em.find(
        Offer,
        { orderId: { $in: [...orderIds] } },
        { orderBy: { offeredAt: 'asc', id: 'asc' } },
      );
      return grouped(rows, (r) => r.orderId, orderIds);
    }),
    experts: new DataLoader<string, Expert | null>(async (ids) =>
      byId(await ctx.em.find(Expert, { id: { $in: [...ids] } }), ids),
    ),
    /** The caller's own expert profile per region (an expert reading orders offered to them). */
    ownExpert: new DataLoader<string, Expert | null>(async (regionIds) => {
      const rows = await ctx.em.find(Expert, { regionId: { $in: [...regionIds] }, accountId: ctx.viewer.id });
      return regionIds.map((id) => rows.find((e) => e.regionId === id) ?? null);
    }),
    units: new DataLoader<string, Unit | null>(async (ids) =>
      byId(await ctx.em.find(Unit, { id: { $in: [...ids] } }), ids),
    ),
  };
}
