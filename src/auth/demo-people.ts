import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemoPerson } from '../http/console';
import type { Orm } from '../db/orm';
import { inTransaction } from '../db/transaction';
import { enterRegions } from '../scope';

const STAFF: { role: DemoPerson['role']; name: string; unit: boolean }[] = [
  { role: 'REGION_ADMIN', name: 'Riikka Rekisterinpitäjä', unit: false },
  { role: 'COORDINATOR', name: 'Katja Koordinaattori', unit: false },
  { role: 'UNIT_COORDINATOR', name: 'Ulla Yksikkökoordinaattori', unit: true },
  { role: 'PROFESSIONAL', name: 'Sari Sosiaalityöntekijä', unit: true },
  { role: 'ANALYST', name: 'Antti Analyytikko', unit: false },
];

/**
 * The people the development sign-in offers: per region an admin, a coordinator, a unit coordinator
 * and a professional of the region's first unit, the first demo expert and an analyst; and one
 * national analyst. Units and the expert come from the demo data in the database.
 */
export async function demoPeople(orm: Orm, regionIds: readonly string[]): Promise<DemoPerson[]> {
  const rows = await inTransaction(orm.em, async (em: EntityManager) => {
    await enterRegions(em, regionIds);
    const units = await em.execute<{ id: string; region_id: string; name: string }[]>(
      `select distinct on (region_id) id, region_id, name from unit order by region_id, name, id`,
    );
    const experts = await em.execute<{ region_id: string; account_id: string; display_name: string }[]>(
      `select region_id, account_id, display_name from expert where account_id = 'demo-expert-' || region_id || '-0'`,
    );
    return { units, experts };
  });
  const people: DemoPerson[] = [];
  for (const regionId of regionIds) {
    const unit = rows.units.find((u) => u.region_id === regionId);
    const expert = rows.experts.find((e) => e.region_id === regionId);
    for (const staff of STAFF) {
      if (staff.unit && !unit) continue;
      const grant = staff.unit ? { role: staff.role, regionId, unitId: unit!.id } : { role: staff.role, regionId };
      people.push({
        id: `demo-${staff.role.toLowerCase().replace(/_/g, '-')}-${regionId}`,
        name: staff.name,
        role: staff.role,
        regionId,
        ...(staff.unit ? { unitName: unit!.name } : {}),
        grants: [grant],
      });
    }
    if (expert)
      people.push({
        id: expert.account_id,
        name: expert.display_name,
        role: 'EXPERT',
        regionId,
        grants: [{ role: 'EXPERT', regionId }],
      });
  }
  people.push({
    id: 'demo-national-analyst',
    name: 'Noora Kansallinen',
    role: 'NATIONAL_ANALYST',
    regionId: regionIds[0] ?? '',
    grants: regionIds[0] ? [{ role: 'NATIONAL_ANALYST', regionId: regionIds[0] }] : [],
  });
  return people;
}
