import { HeldLoader } from '../common/held-loader';
import { readRows } from '../db/read-sql';
import type { RequestScope } from '../scope';
import type { RegionConfig } from '../region/region-config';
import {
  CONTRACT_COLUMNS,
  TRAINING_COLUMNS,
  UNIT_COLUMNS,
  type ContractRow,
  type ExpertPageRow,
  type TrainingRow,
  type UnitRow,
} from './expert.read';

export interface TaxCardRow {
  year: number;
  receivedOn: string;
}

function groupBy<T extends { expertId: string }>(rows: T[], keys: readonly string[]): Array<Omit<T, 'expertId'>[]> {
  const map = new Map<string, Omit<T, 'expertId'>[]>();
  for (const { expertId, ...row } of rows) {
    if (!map.has(expertId)) map.set(expertId, []);
    map.get(expertId)!.push(row);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * Per request: everything a page of expert profiles needs as plain rows, one statement per kind of
 * row for the whole page (trainings, contracts, tax cards, units), and the region rules once per
 * region. A page read with its records (`primePage`) fills them without any statement, and a
 * field of the page reads them with `get`, without a promise.
 */
export function createExpertLoaders(ctx: RequestScope) {
  const loaders = {
    config: new HeldLoader<string, RegionConfig>(async (regionIds) =>
      Promise.all(regionIds.map(async (id) => (await ctx.services.regions.rulesAt(ctx, id, ctx.now())).config)),
    ),
    trainings: new HeldLoader<string, TrainingRow[]>(async (expertIds) =>
      groupBy(
        await readRows<TrainingRow & { expertId: string }>(
          ctx.em,
          `select t.expert_id as "expertId", ${TRAINING_COLUMNS}
          from expert_training t where t.expert_id = any(?::uuid[]) order by t.completed_on, t.id`,
          [[...expertIds]],
        ),
        expertIds,
      ),
    ),
    contracts: new HeldLoader<string, ContractRow[]>(async (expertIds) =>
      groupBy(
        await readRows<ContractRow & { expertId: string }>(
          ctx.em,
          `select c.expert_id as "expertId", ${CONTRACT_COLUMNS}
          from expert_contract c where c.expert_id = any(?::uuid[]) order by c.valid_from, c.id`,
          [[...expertIds]],
        ),
        expertIds,
      ),
    ),
    taxCards: new HeldLoader<string, TaxCardRow[]>(async (expertIds) =>
      groupBy(
        await readRows<TaxCardRow & { expertId: string }>(
          ctx.em,
          `select expert_id as "expertId", year, received_on::text as "receivedOn"
          from expert_tax_card where expert_id = any(?::uuid[]) order by year`,
          [[...expertIds]],
        ),
        expertIds,
      ),
    ),
    units: new HeldLoader<string, UnitRow | null>(async (unitIds) => {
      const rows = await readRows<UnitRow>(ctx.em, `select ${UNIT_COLUMNS} from unit u where u.id = any(?::uuid[])`, [
        [...unitIds],
      ]);
      const byId = new Map(rows.map((u) => [u.id, u]));
      return unitIds.map((id) => byId.get(id) ?? null);
    }),
    /** Fills the loaders with what a page statement brought along. */
    primePage(rows: readonly ExpertPageRow[], brought: { contracts: boolean; trainings: boolean; units: boolean }) {
      for (const row of rows) {
        if (brought.contracts) loaders.contracts.prime(row.expert.id, row.contracts);
        if (brought.trainings) loaders.trainings.prime(row.expert.id, row.trainings);
        if (brought.units) for (const unit of row.units) loaders.units.prime(unit.id, unit);
      }
    },
  };
  return loaders;
}
