/**
 * Lists that are shown whole (a region's revisions, the experts missing a tax card) are capped at
 * 100 and cost the same statements whatever their length.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExpertsMissingTaxCardDocument, MyDataDocument, RegionRevisionsDocument } from '../generated/graphql';
import { bootTestServer, errorCodes, type TestApi } from '../helpers/boot';

const REGION = 'lapland';
let api: TestApi;
let admin: string;
let coordinator: string;

/** `n` stored revisions of the region (drafts), effective on consecutive days of 2027. */
async function revisions(n: number, offset: number): Promise<void> {
  await api.sql(
    `insert into region_revision (id, region_id, effective_from, changes, diff, reason, status, created_at, author_id)
     select gen_random_uuid(), $1, timestamptz '2027-01-01T00:00:00Z' + make_interval(days => $2::int + i), '{}'::jsonb, '[]'::jsonb, 'luonnos ' || i, 'DRAFT', now(), 'tester'
     from generate_series(0, $3::int - 1) as i`,
    [REGION, offset, n],
  );
}

/** `n` contracted experts of the region without a tax card for 2026. */
async function experts(n: number, prefix: string): Promise<void> {
  await api.sql(
    `with made as (
       insert into expert (id, region_id, status, pseudonym, display_name, introduction, topic_ids, topics_public, languages, municipalities, task_type_ids, unit_ids, created_at, status_changed_at)
       select gen_random_uuid(), $1, 'CONTRACTED', 'KA-' || $2 || i, $2 || ' ' || lpad(i::text, 3, '0'), '{"fi":"Esittely"}', '{}', false, '{fi}', '{}', '{own-story}', '{}', now(), now()
       from generate_series(0, $3::int - 1) as i
       returning id, region_id)
     insert into expert_contract (id, region_id, expert_id, valid_from, valid_to, signed_on, topic_ids, task_type_ids, created_at)
     select gen_random_uuid(), region_id, id, '2026-01-01', '2026-12-31', '2025-12-15', '{}', '{own-story}', now() from made`,
    [REGION, prefix, n],
  );
}

beforeAll(async () => {
  api = await bootTestServer();
  admin = await api.token({ sub: 'cap-admin', grants: [`REGION_ADMIN@${REGION}`] });
  coordinator = await api.token({ sub: 'cap-coordinator', grants: [`COORDINATOR@${REGION}`] });
});
afterAll(async () => {
  await api?.close();
});

describe("a region's revisions", () => {
  it('when there are 2 or 120 revisions, then the same statements are sent, and at most the latest 100 are shown oldest first', async () => {
    await revisions(2, 0);
    const few = await api.request(RegionRevisionsDocument, { regionId: REGION }, { token: admin });
    expect(few.errors).toBeUndefined();
    expect(few.data!.regionRevisions).toHaveLength(2);

    await revisions(118, 2);
    const many = await api.request(RegionRevisionsDocument, { regionId: REGION }, { token: admin });
    expect(many.data!.regionRevisions).toHaveLength(100);
    expect(many.statements).toBe(few.statements);
    const dates = many.data!.regionRevisions.map((r) => r.effectiveFrom);
    expect(dates).toEqual([...dates].sort());
    // The latest is there: effective 120 days after the first.
    expect(dates.at(-1)).toMatch(/^2027-04-30/);

    const five = await api.request(RegionRevisionsDocument, { regionId: REGION, first: 5 }, { token: admin });
    expect(five.data!.regionRevisions).toHaveLength(5);
    const tooMany = await api.request(RegionRevisionsDocument, { regionId: REGION, first: 101 }, { token: admin });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors![0]!.message).toContain('first');
  });
});

describe('experts missing a tax card', () => {
  it('when 3 or 130 experts miss one, then the same statements are sent and at most 100 are listed, by name', async () => {
    await experts(3, 'Aalto');
    const few = await api.request(
      ExpertsMissingTaxCardDocument,
      { regionId: REGION, year: 2026 },
      { token: coordinator },
    );
    expect(few.errors).toBeUndefined();
    expect(few.data!.expertsMissingTaxCard).toHaveLength(3);

    await experts(127, 'Bäck');
    const many = await api.request(
      ExpertsMissingTaxCardDocument,
      { regionId: REGION, year: 2026 },
      { token: coordinator },
    );
    expect(many.errors).toBeUndefined();
    expect(many.data!.expertsMissingTaxCard).toHaveLength(100);
    expect(many.statements).toBe(few.statements);
    expect(many.data!.expertsMissingTaxCard.slice(0, 3).map((e) => e.displayName)).toEqual([
      'Aalto 000',
      'Aalto 001',
      'Aalto 002',
    ]);

    const tooMany = await api.request(
      ExpertsMissingTaxCardDocument,
      { regionId: REGION, year: 2026, first: 0 },
      { token: coordinator },
    );
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
  });
});

describe("the expert's own data request", () => {
  it('when 120 reads of their data are logged, then myData lists the latest 100, oldest first, for the same statements as 2', async () => {
    const [expert] = await api.sql<{ id: string }>(
      `insert into expert (id, region_id, status, pseudonym, account_id, display_name, introduction, topic_ids, topics_public, languages, municipalities, task_type_ids, unit_ids, created_at, status_changed_at)
       values (gen_random_uuid(), $1, 'ACTIVE', 'KA-CAP-ME', 'cap-me', 'Minä', '{"fi":"Hei"}', '{}', false, '{fi}', '{}', '{}', '{}', now(), now()) returning id`,
      [REGION],
    );
    const reads = (n: number, offset: number) =>
      api.sql(
        `insert into audit_entry (id, region_id, at, actor_id, "grant", action, subject_type, subject_id, fields)
         select gen_random_uuid(), $1, timestamptz '2026-05-01T00:00:00Z' + make_interval(mins => $2::int + i), 'reader', 'COORDINATOR@lapland', 'READ', 'EXPERT', $3, '{email}'
         from generate_series(0, $4::int - 1) as i`,
        [REGION, offset, expert!.id, n],
      );
    const me = await api.token({ sub: 'cap-me', grants: [`EXPERT@${REGION}`] });
    await reads(2, 0);
    const few = await api.request(MyDataDocument, { regionId: REGION }, { token: me });
    expect(few.data!.myData.auditEntries).toHaveLength(2);
    await reads(118, 2);
    const many = await api.request(MyDataDocument, { regionId: REGION }, { token: me });
    const times = many.data!.myData.auditEntries.map((e) => e.at);
    expect(times).toHaveLength(100);
    expect(times).toEqual([...times].sort());
    expect(times.at(-1)).toBe('2026-05-01T01:59:00.000Z');
    expect(many.statements).toBe(few.statements);
  });
});
