import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestServer, type TestApi } from '../helpers/boot';

/**
 * Tables with a region_id that are deliberately readable across regions, and why. Every other
 * table with a region_id must have forced row-level security with the region policy.
 */
const PUBLIC_REGION_TABLES: Record<string, string> = {
  region_revision: 'the rules of a region are public; drafts are guarded by the service',
};

describe('row-level security covers every region-scoped table', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await bootTestServer();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('when a table carries region_id, then it has forced row-level security, the region policy and an index on region_id', async () => {
    const tables = await api.sql<{ table: string; rls: boolean; forced: boolean; policies: string[]; indexed: boolean }>(`
      select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
             coalesce(array(select polname::text from pg_policy p where p.polrelid = c.oid), '{}') as policies,
             exists (select 1 from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                     where i.indrelid = c.oid and a.attname = 'region_id') as indexed
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'region_id' and not a.attisdropped)
      order by 1`);
    const scoped = tables.filter((t) => !(t.table in PUBLIC_REGION_TABLES));
    expect(scoped.length).toBeGreaterThanOrEqual(6);
    for (const t of scoped) {
      expect({ table: t.table, rls: t.rls, forced: t.forced, policy: t.policies.includes('region_isolation'), indexed: t.indexed }).toEqual({
        table: t.table,
        rls: true,
        forced: true,
        policy: true,
        indexed: true,
      });
    }
  });

  it('when the application role has no region setting, then it sees no region-scoped rows at all (fail closed)', async () => {
    await api.sql(
      "insert into unit (id, region_id, name, service_interface_id, municipality, coordinator_names, created_at) values (gen_random_uuid(), 'lapland', 'Rovaniemen yksikkö', 'x', 'Rovaniemi', '{}', now())",
    );
    const connection = api.server.orm.em.fork().getConnection();
    expect(await connection.execute('select count(*)::int as n from unit')).toEqual([{ n: 0 }]);
    const inLapland = await api.server.orm.em.fork().transactional(async (em) => {
      await em.execute(`select set_config('app.region_ids', 'lapland', true)`);
      return em.execute('select count(*)::int as n from unit');
    });
    expect(inLapland).toEqual([{ n: 1 }]);
    // The setting is transaction-local: the pooled connection forgets it.
    expect(await connection.execute('select count(*)::int as n from unit')).toEqual([{ n: 0 }]);
  });
});
