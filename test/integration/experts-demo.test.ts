import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExpertsDocument, UnitsDocument } from '../generated/graphql';
import { bootTestServer, type TestApi } from '../helpers/boot';

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
    expect(rows.map((r) => r.region_id)).toEqual(['ita-uusimaa', 'lapland', 'vantaa-kap']);
    for (const row of rows) expect(row.n).toBeGreaterThanOrEqual(20), expect(row.n).toBeLessThanOrEqual(40);
    const swedish = await api.sql(`select 1 from expert where region_id = 'ita-uusimaa' and 'sv' = any(languages) limit 1`);
    expect(swedish).toHaveLength(1);
    const admin = await api.token({ sub: 'a', grants: ['REGION_ADMIN@lapland'] });
    expect((await api.request(UnitsDocument, { regionId: 'lapland' }, { token: admin })).data!.units.length).toBeGreaterThanOrEqual(3);
    const [unit] = await api.sql<{ id: string }>(`select id from unit where region_id = 'ita-uusimaa' limit 1`);
    const professional = await api.token({ sub: 'p', grants: [`PROFESSIONAL@ita-uusimaa/${unit!.id}`] });
    const search = await api.request(ExpertsDocument, { regionId: 'ita-uusimaa', first: 100 }, { token: professional });
    expect(search.data!.experts.totalCount).toBeGreaterThan(0);
  });
});
