import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExpertsDocument, UnitsDocument } from '../generated/graphql';
import { bootTestServer, discoveredRegionIds, type TestApi } from '../helpers/boot';

describe('expert demo data', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await bootTestServer({ demoData: true });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('when the server starts with demo data, then each region has units and 20–40 experts a professional can search', async () => {
    const rows = await api.sql<{ region_id: string; n: number }>(`select region_id, count(*)::int as n from expert group by region_id order by region_id`);
    expect(rows.map((r) => r.region_id)).toEqual(await discoveredRegionIds());
    for (const row of rows) {
      expect(row.n).toBeGreaterThanOrEqual(20);
      expect(row.n).toBeLessThanOrEqual(40);
    }
    const swedish = await api.sql(`select 1 from expert where region_id = 'ita-uusimaa' and 'sv' = any(languages) limit 1`);
    expect(swedish).toHaveLength(1);
    const admin = await api.token({ sub: 'a', grants: ['REGION_ADMIN@lapland'] });
    expect((await api.request(UnitsDocument, { regionId: 'lapland' }, { token: admin })).data!.units.length).toBeGreaterThanOrEqual(3);
    const [unit] = await api.sql<{ id: string }>(`select id from unit where region_id = 'ita-uusimaa' limit 1`);
    const professional = await api.token({ sub: 'p', grants: [`PROFESSIONAL@ita-uusimaa/${unit!.id}`] });
    const search = await api.request(ExpertsDocument, { regionId: 'ita-uusimaa', first: 100 }, { token: professional });
    expect(search.data!.experts.totalCount).toBeGreaterThan(0);
  });

  it('when demo data is built, then it obeys the rules the API enforces: units named for their service interface, interview panels with the region\'s roles, active experts under a valid contract', async () => {
    const units = await api.sql<{ name: string; service_interface_id: string; region_id: string }>(`select name, service_interface_id, region_id from unit`);
    const labels: Record<string, Record<string, string>> = {
      'ita-uusimaa': { 'working-age': 'Työikäisten palvelut' },
    };
    for (const u of units) {
      const label = labels[u.region_id]?.[u.service_interface_id];
      if (label) expect(u.name.startsWith(label)).toBe(true);
    }
    const panels = await api.sql<{ region_id: string; roles: string[] }>(
      `select region_id, array(select distinct p->>'role' from jsonb_array_elements(interview->'panel') p order by 1) as roles from expert where interview is not null and region_id = 'ita-uusimaa'`,
    );
    expect(panels.length).toBeGreaterThan(0);
    for (const p of panels) expect(p.roles).toEqual(['PROFESSIONAL', 'regional-coordinator']);
    const [unavailable] = await api.sql<{ n: number }>(
      `select count(*)::int as n from expert e where e.status = 'ACTIVE' and not exists (select 1 from expert_contract c where c.expert_id = e.id and c.valid_from <= current_date and c.valid_to >= current_date)`,
    );
    expect(unavailable!.n).toBe(0);
    const [actors] = await api.sql<{ actors: string[] }>(`select array_agg(distinct actor_id) as actors from audit_entry where action = 'CHANGE'`);
    expect(actors!.actors).toEqual(['system:demo-data']);
  });
});
