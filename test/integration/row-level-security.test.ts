import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestServer, type TestApi } from '../helpers/boot';

describe('row-level security covers every table with a region', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await bootTestServer();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('when a table carries region_id, then it has forced row-level security, the region policy and an index on region_id', async () => {
    const tables = await api.sql<{
      table: string;
      rls: boolean;
      forced: boolean;
      policies: string[];
      indexed: boolean;
    }>(`
      select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
             coalesce(array(select polname::text from pg_policy p where p.polrelid = c.oid), '{}') as policies,
             exists (select 1 from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                     where i.indrelid = c.oid and a.attname = 'region_id') as indexed
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'region_id' and not a.attisdropped)
      order by 1`);
    // Discovered, not listed: a new table with region_id is covered without touching this test.
    expect(tables.map((t) => t.table)).toContain('region_revision');
    expect(tables.length).toBeGreaterThanOrEqual(7);
    for (const t of tables) {
      expect({
        table: t.table,
        rls: t.rls,
        forced: t.forced,
        policy: t.policies.includes('region_isolation'),
        indexed: t.indexed,
      }).toEqual({
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

  it("when the application role works in one region, then it can read another region's published rules but neither read, publish, change nor delete its drafts", async () => {
    const [other] = await api.sql<{ id: string }>(
      `insert into region_revision (id, region_id, effective_from, changes, diff, reason, status, created_at, author_id)
       select gen_random_uuid(), 'ita-uusimaa', now() + interval '30 days', '{}'::jsonb, '{}'::jsonb, 'luonnos', 'DRAFT', now(), 'tester'
       returning id`,
    );
    const [published] = await api.sql<{ id: string }>(
      `insert into region_revision (id, region_id, effective_from, changes, diff, reason, status, created_at, author_id)
       select gen_random_uuid(), 'ita-uusimaa', now() + interval '40 days', '{}'::jsonb, '{}'::jsonb, 'julkaistu', 'PUBLISHED', now(), 'tester'
       returning id`,
    );
    const results = await api.server.orm.em.fork().transactional(async (em) => {
      await em.execute(`select set_config('app.region_ids', 'lapland', true)`);
      const readable = await em.execute(`select count(*)::int as n from region_revision where id in (?, ?)`, [
        other!.id,
        published!.id,
      ]);
      const draftReadable = await em.execute(`select count(*)::int as n from region_revision where id = ?`, [
        other!.id,
      ]);
      const flipped = (await em.execute(
        `update region_revision set status = 'PUBLISHED' where id = ?`,
        [other!.id],
        'run',
      )) as unknown as { affectedRows: number };
      const deleted = (await em.execute(`delete from region_revision where id = ?`, [other!.id], 'run')) as unknown as {
        affectedRows: number;
      };
      return { readable, draftReadable, flipped: flipped.affectedRows, deleted: deleted.affectedRows };
    });
    expect(results.readable).toEqual([{ n: 1 }]);
    expect(results.draftReadable).toEqual([{ n: 0 }]);
    expect({ flipped: results.flipped, deleted: results.deleted }).toEqual({ flipped: 0, deleted: 0 });
    // Moving a draft into another region is refused too.
    await expect(
      api.server.orm.em.fork().transactional(async (em) => {
        await em.execute(`select set_config('app.region_ids', 'lapland', true)`);
        await em.execute(`insert into region_revision (id, region_id, effective_from, changes, diff, reason, status, created_at, author_id)
          values (gen_random_uuid(), 'ita-uusimaa', now(), '{}'::jsonb, '{}'::jsonb, 'x', 'PUBLISHED', now(), 'tester')`);
      }),
    ).rejects.toThrow(/row-level security/);
    expect(await api.sql(`select status from region_revision where id = $1`, [other!.id])).toEqual([
      { status: 'DRAFT' },
    ]);
  });

  it('when the application role tries to rewrite the migration history or change a one-time marker, then PostgreSQL refuses', async () => {
    const connection = api.server.orm.em.fork().getConnection();
    for (const statement of [
      `update mikro_orm_migrations set name = name`,
      `delete from mikro_orm_migrations`,
      `insert into mikro_orm_migrations (name, executed_at) values ('x', now())`,
      `update app_state set value = value`,
      `delete from app_state`,
      `truncate app_state`,
    ]) {
      await expect(connection.execute(statement), statement).rejects.toThrow(/permission denied/);
    }
  });
});
