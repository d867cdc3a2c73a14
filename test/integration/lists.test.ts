/**
 * Lists: keyset cursors that stay put while rows come and go, a count only when asked for, a cap
 * of 100 rows, and statements that do not grow with the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogDocument, AuditLogPageDocument, UnitsDocument } from '../generated/graphql';
import { bootTestServer, errorCodes, type TestApi } from '../helpers/boot';

const REGION = 'vantaa-kap';

describe('lists', () => {
  let api: TestApi;
  let admin: string;
  const subjectId = '00000000-0000-4000-8000-000000000001';

  /** `n` audit entries, three to an instant (so the id breaks ties), the newest `newest` ms after 2026-06-01. */
  async function auditRows(n: number, startMs: number, actor: string): Promise<void> {
    await api.sql(
      `insert into audit_entry (id, region_id, at, actor_id, "grant", action, subject_type, subject_id, fields)
       select gen_random_uuid(), $1, timestamptz '2026-06-01T00:00:00Z' + make_interval(secs => ($2::int + i / 3) / 1000.0), $3, 'COORDINATOR@vantaa-kap', 'READ', 'EXPERT', $4, '{email}'
       from generate_series(0, $5::int - 1) as i`,
      [REGION, startMs, actor, subjectId, n],
    );
  }

  async function page(first: number, after: string | null) {
    const result = await api.request(AuditLogPageDocument, { regionId: REGION, first, after }, { token: admin });
    expect(result.errors).toBeUndefined();
    return { ...result.data!.auditLog, statements: result.statements };
  }

  beforeAll(async () => {
    api = await bootTestServer({ now: () => new Date('2026-06-15T09:00:00Z') });
    admin = await api.token({ sub: 'lists-admin', grants: [`REGION_ADMIN@${REGION}`] });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('when new entries are written and old ones removed while an admin pages the audit log, then every entry there at the start is seen exactly once, in order', async () => {
    await auditRows(30, 0, 'before');
    const expectedOrder = (
      await api.sql<{ id: string }>(`select id from audit_entry where actor_id = 'before' order by at desc, id desc`)
    ).map((r) => r.id);

    const first = await page(7, null);
    const seen = first.edges.map((e) => e.node.id);
    // Reads go on while the admin looks: newer entries arrive at the top ...
    await auditRows(5, 60_000, 'during');
    // ... and an entry already shown disappears.
    await api.sql(`delete from audit_entry where id = $1`, [seen[6]]);

    let after = first.pageInfo.endCursor;
    let more = first.pageInfo.hasNextPage;
    while (more) {
      const next = await page(7, after);
      seen.push(...next.edges.map((e) => e.node.id));
      after = next.pageInfo.endCursor;
      more = next.pageInfo.hasNextPage;
    }
    expect(seen).toEqual(expectedOrder);
  });

  it('when totalCount is not selected, then no count is run; when it is, one statement more', async () => {
    const without = await page(5, null);
    const withCount = await api.request(AuditLogDocument, { regionId: REGION, first: 5 }, { token: admin });
    expect(withCount.data!.auditLog.totalCount).toBe(34);
    expect(withCount.statements).toBe(without.statements + 1);
  });

  it('when a page holds 100 entries instead of 1, then it costs the same statements; 101 is refused naming first', async () => {
    await auditRows(80, 120_000, 'bulk');
    const one = await page(1, null);
    const hundred = await page(100, null);
    expect(hundred.edges).toHaveLength(100);
    expect(hundred.statements).toBe(one.statements);
    const tooMany = await api.request(AuditLogPageDocument, { regionId: REGION, first: 101 }, { token: admin });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors![0]!.message).toMatch(/^first: /);
  });

  it('when a cursor was not handed out by the API, then BAD_USER_INPUT names after', async () => {
    for (const after of [
      'bm9wZQ',
      Buffer.from('kp:k:[1]').toString('base64url'),
      Buffer.from('kp:o:3').toString('base64url'),
    ]) {
      const result = await api.request(AuditLogPageDocument, { regionId: REGION, first: 5, after }, { token: admin });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.message).toMatch(/^after: /);
    }
  });

  it('when a region has more than 100 units, then units lists the first 100 by name with the statements of a short list', async () => {
    const reader = await api.token({ sub: 'lists-reader', grants: [`COORDINATOR@${REGION}`] });
    const insertUnits = (n: number, from: number) =>
      api.sql(
        `insert into unit (id, region_id, name, service_interface_id, municipality, coordinator_names, created_at)
         select gen_random_uuid(), $1, 'Yksikkö ' || lpad((i + $3::int)::text, 3, '0'), 'mental-health-substance', 'Vantaa', '{}', now() from generate_series(1, $2::int) as i`,
        [REGION, n, from],
      );
    await insertUnits(3, 0);
    const few = await api.request(UnitsDocument, { regionId: REGION }, { token: reader });
    expect(few.data!.units).toHaveLength(3);
    await insertUnits(102, 3);
    const many = await api.request(UnitsDocument, { regionId: REGION }, { token: reader });
    expect(many.data!.units).toHaveLength(100);
    expect(many.data!.units[0]!.name).toBe('Yksikkö 001');
    expect(many.statements).toBe(few.statements);
  });
});
