import DataLoader from 'dataloader';
import type { RequestScope } from '../scope';
import type { RegionConfig } from '../region/region-config';
import { Unit } from '../units/unit.entity';
import { ExpertContract, ExpertTaxCard, ExpertTraining } from './expert-records.entity';

function groupBy<T>(rows: T[], key: (row: T) => string, keys: readonly string[]): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (!map.has(k)) map.set(k, []);
    map.get(k)!.push(row);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * Per request: everything a page of expert profiles needs, one statement per kind of row for the
 * whole page (trainings, contracts, tax cards, units), and the region rules once per region.
 */
export function createExpertLoaders(ctx: RequestScope) {
  return {
    config: new DataLoader<string, RegionConfig>(async (regionIds) =>
      Promise.all(regionIds.map(async (id) => (await ctx.services.regions.rulesAt(ctx, id, ctx.now())).config)),
    ),
    trainings: new DataLoader<string, ExpertTraining[]>(async (expertIds) => {
      const rows = await ctx.em.find(
        ExpertTraining,
        { expert: { $in: [...expertIds] } },
        { orderBy: { completedOn: 'asc', id: 'asc' } },
      );
      return groupBy(rows, (r) => r.expert.id, expertIds);
    }),
    contracts: new DataLoader<string, ExpertContract[]>(async (expertIds) => {
      const rows = await ctx.em.find(
        ExpertContract,
        { expert: { $in: [...expertIds] } },
        { orderBy: { validFrom: 'asc', id: 'asc' } },
      );
      return groupBy(rows, (r) => r.expert.id, expertIds);
    }),
    taxCards: new DataLoader<string, ExpertTaxCard[]>(async (expertIds) => {
      const rows = await ctx.em.find(ExpertTaxCard, { expert: { $in: [...expertIds] } }, { orderBy: { year: 'asc' } });
      return groupBy(rows, (r) => r.expert.id, expertIds);
    }),
    units: new DataLoader<string, Unit | null>(async (unitIds) => {
      const rows = await ctx.em.find(Unit, { id: { $in: [...unitIds] } });
      const byId = new Map(rows.map((u) => [u.id, u]));
      return unitIds.map((id) => byId.get(id) ?? null);
    }),
  };
}
