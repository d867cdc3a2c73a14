import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Expert } from '../../src/experts/expert.entity';
import { ExpertSearchWithTopicsDocument, ExpertsPageDocument } from '../generated/graphql';
import { bootTestServer, type TestApi } from '../helpers/boot';

const REGION = 'vantaa-kap';

/** 120 active experts with topics, two trainings, a contract and two units each, inserted as the owner. */
async function seed(api: TestApi): Promise<void> {
  await api.sql(
    `insert into unit (id, region_id, name, service_interface_id, municipality, coordinator_names, created_at)
    select gen_random_uuid(), $1, 'Yksikkö ' || g, 'mental-health-substance', 'Vantaa', '{}', now() from generate_series(1, 4) g`,
    [REGION],
  );
  await api.sql(
    `insert into expert (id, region_id, status, pseudonym, display_name, email, phone, introduction, topic_ids, topics_public, languages, municipalities, task_type_ids, unit_ids, created_at, status_changed_at)
     select gen_random_uuid(), $1, 'ACTIVE', 'KA-SEED' || g, 'Asiantuntija ' || lpad(g::text, 3, '0'), 'a' || g || '@example.fi', '+358401234' || g,
            '{"fi":"Esittely"}', '{mental-health,addictions}', true, '{fi}', '{Vantaa}', '{client-meeting}',
            (select array_agg(id::text) from (select id from unit where region_id = $1 order by name limit 2) u), now(), now()
     from generate_series(1, 120) g`,
    [REGION],
  );
  await api.sql(
    `insert into expert_training (id, region_id, expert_id, name, provider, hours, started_on, completed_on)
    select gen_random_uuid(), region_id, id, t.name, 'Kokoa ry', t.hours, '2025-01-01', '2025-06-01' from expert, (values ('Peruskoulutus', 60), ('Jatkokurssi', 20)) t(name, hours) where region_id = $1`,
    [REGION],
  );
  await api.sql(
    `insert into expert_contract (id, region_id, expert_id, valid_from, valid_to, signed_on, topic_ids, task_type_ids, created_at)
    select gen_random_uuid(), region_id, id, '2026-01-01', '2027-12-31', '2025-12-15', '{}', '{client-meeting}', now() from expert where region_id = $1`,
    [REGION],
  );
}

describe('expert queries in SQL', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await bootTestServer({ now: () => new Date('2026-06-15T09:00:00Z') });
    await seed(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('when a page of experts with topics, trainings, current contract and unit names is read, then the statement count does not depend on its size', async () => {
    const token = await api.token({ sub: 'kap', grants: [`COORDINATOR@${REGION}`] });
    const counts: number[] = [];
    for (const first of [5, 20, 100]) {
      const result = await api.request(ExpertsPageDocument, { regionId: REGION, first }, { token });
      expect(result.errors).toBeUndefined();
      expect(result.data!.experts.nodes).toHaveLength(first);
      const node = result.data!.experts.nodes[0]!;
      expect(node.trainings).toHaveLength(2);
      expect(node.units).toHaveLength(2);
      expect(node.currentContract).toEqual({ validFrom: '2026-01-01', validTo: '2027-12-31' });
      expect(node.topics?.map((t) => t.id)).toEqual(['mental-health', 'addictions']);
      counts.push(result.statements);
    }
    // The page with its records and total (the region setting goes ahead of it in its message),
    // then the audit of contact reads with the setting ahead: a request that only reads sends no
    // BEGIN or COMMIT.
    expect(counts).toEqual([2, 2, 2]);
    // Every contact read of the page is audited, in one statement.
    const [audit] = await api.sql(
      `select count(*)::int as n from audit_entry where region_id = $1 and action = 'READ'`,
      [REGION],
    );
    expect(audit!.n).toBe(125);
  });

  /** As a unit coordinator of the region while every expert keeps topics hidden (restored after). */
  const withTopicsHidden = async (sub: string, work: (token: string) => Promise<void>) => {
    await api.sql(`update expert set topics_public = false where region_id = $1`, [REGION]);
    try {
      const [unit] = await api.sql<{ id: string }>(`select id from unit where region_id = $1 order by name limit 1`, [
        REGION,
      ]);
      await work(await api.token({ sub, grants: [`UNIT_COORDINATOR@${REGION}/${unit!.id}`] }));
    } finally {
      await api.sql(`update expert set topics_public = true where region_id = $1`, [REGION]);
    }
  };

  it('when a unit coordinator pages experts who keep topics hidden, then reads of contact, topics and training names are audited as one entry per expert, in one statement per page, whatever its size', async () => {
    await withTopicsHidden('kap-unit', async (token) => {
      const counts: number[] = [];
      for (const first of [5, 20, 100]) {
        const result = await api.request(ExpertsPageDocument, { regionId: REGION, first }, { token });
        expect(result.errors).toBeUndefined();
        expect(result.data!.experts.nodes[0]!.topics?.map((t) => t.id)).toEqual(['mental-health', 'addictions']);
        counts.push(result.statements);
      }
      // As the coordinator's: the lookup that the unit of the grant still exists travels with the region setting.
      expect(counts).toEqual([3, 3, 3]);
      const rows = await api.sql<{ fields: string[]; n: number }>(
        `select array(select unnest(fields) order by 1) as fields, count(*)::int as n
         from audit_entry where actor_id = 'kap-unit' group by 1 order by 1`,
      );
      // One entry per expert and page, naming everything the page showed of them.
      expect(rows).toEqual([{ fields: ['email', 'phone', 'topicIds', 'trainings'], n: 125 }]);
    });
  });

  it('when a unit coordinator searches by a topic among experts who keep topics hidden, then what the filter tells and the topics shown are audited in one statement per page', async () => {
    await withTopicsHidden('kap-search', async (token) => {
      const counts: number[] = [];
      for (const first of [5, 20, 100]) {
        const result = await api.request(
          ExpertSearchWithTopicsDocument,
          { regionId: REGION, filter: { topicIds: ['addictions'], languages: ['fi'] }, first },
          { token },
        );
        expect(result.errors).toBeUndefined();
        expect(result.data!.experts.nodes).toHaveLength(first);
        expect(result.data!.experts.nodes[0]!.topics?.map((t) => t.id)).toEqual(['mental-health', 'addictions']);
        counts.push(result.statements);
      }
      // The unit lookup, the page, and one INSERT of the audit, each with the region setting ahead.
      expect(counts).toEqual([3, 3, 3]);
      const rows = await api.sql<{ operation: string; n: number }>(
        `select operation, count(*)::int as n from audit_entry where actor_id = 'kap-search' group by operation order by operation`,
      );
      expect(rows).toEqual([
        { operation: 'ExpertSearchWithTopics', n: 125 },
        { operation: 'experts (filter.topicIds)', n: 125 },
      ]);
    });
  });

  it('when the ORM region filter is switched off, then row-level security alone hides other regions', async () => {
    const em = api.server.orm.em.fork();
    const visible = async (setting: string | null) =>
      em.fork().transactional(async (tx) => {
        if (setting !== null) await tx.execute(`select set_config('app.region_ids', ?, true)`, [setting]);
        return tx.count(Expert, {}, { filters: { region: false } });
      });
    expect(await visible(REGION)).toBe(120);
    expect(await visible('lapland')).toBe(0);
    expect(await visible(null)).toBe(0);
    expect(await visible('lapland,vantaa-kap')).toBe(120);
  });

  it('when the application role inserts a row for a region outside its setting, then PostgreSQL refuses it', async () => {
    const em = api.server.orm.em.fork();
    await expect(
      em.transactional(async (tx) => {
        await tx.execute(`select set_config('app.region_ids', 'lapland', true)`);
        await tx.execute(
          `insert into unit (id, region_id, name, service_interface_id, municipality, coordinator_names, created_at) values (gen_random_uuid(), 'vantaa-kap', 'x', 'x', 'x', '{}', now())`,
        );
      }),
    ).rejects.toThrow(/row-level security/);
  });

  it('when the region filter applies, then the SQL of a lookup carries the viewer regions', async () => {
    const em = api.server.orm.em.fork();
    em.setFilterParams('region', { regionIds: ['lapland'] });
    const rows = await em.transactional(async (tx) => {
      await tx.execute(`select set_config('app.region_ids', 'lapland,vantaa-kap', true)`);
      return tx.find(Expert, {});
    });
    // RLS would let vantaa-kap through here; the ORM filter alone keeps it out.
    expect(rows).toHaveLength(0);
  });
});
