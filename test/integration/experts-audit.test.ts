/**
 * Every sensitive field of ExpertProfile, walked from the schema and the one declaration of the
 * field rules (src/experts/expert-access.ts): each reader the rules allow gets the value and leaves
 * an audit row naming the declared fields; everyone else gets null and leaves none. A new field
 * on ExpertProfile that is in neither list fails here.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getNamedType, isObjectType, parse, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraphQLSchema } from '../../src/schema';
import {
  EXPERT_FIELD_RULES,
  OPEN_EXPERT_FIELDS,
  type AccessLevel,
  type ExpertField,
  type FieldRule,
} from '../../src/experts/expert-access';
import {
  ExpertAuditDocument,
  MyDataDocument,
  type ExpertAuditQuery,
  RecordTaxCardDocument,
  SetEarningsLimitDocument,
} from '../generated/graphql';
import { bootTestServer, type TestApi } from '../helpers/boot';
import { activeExpert, createUnit, ITA } from '../helpers/experts';

/** A selection of every leaf under a type, so a read of the field returns all it holds. */
function selectionOf(type: GraphQLObjectType, depth = 0): string {
  const parts = Object.values(type.getFields())
    .filter((f) => f.args.every((a) => a.type.toString().endsWith('!') === false))
    .map((f) => {
      const named = getNamedType(f.type);
      return isObjectType(named) ? (depth < 2 ? `${f.name} ${selectionOf(named, depth + 1)}` : '') : f.name;
    })
    .filter(Boolean);
  return `{ ${parts.join(' ')} }`;
}

describe('audit of every sensitive read', async () => {
  const schema = await buildGraphQLSchema();
  const profile = schema.getType('ExpertProfile') as GraphQLObjectType;
  const FIELDS = Object.keys(EXPERT_FIELD_RULES) as ExpertField[];

  it('when ExpertProfile has a field, then the field rules declare it sensitive or open', () => {
    const declared = new Set<string>([...FIELDS, ...OPEN_EXPERT_FIELDS]);
    expect(Object.keys(profile.getFields()).filter((f) => !declared.has(f))).toEqual([]);
    expect([...declared].filter((f) => !profile.getFields()[f])).toEqual([]);
  });

  let api: TestApi;
  let expertId: string;
  const tokens: Partial<Record<AccessLevel, { token: string; sub: string }>> = {};

  beforeAll(async () => {
    api = await bootTestServer({ now: () => new Date('2026-06-15T09:00:00Z') });
    const admin = await api.token({ sub: 'anna', grants: [`REGION_ADMIN@${ITA}`] });
    const coordinator = await api.token({ sub: 'kaisa', grants: [`COORDINATOR@${ITA}`] });
    const unit = await createUnit(api, admin, 'Aikuissosiaalityö, Porvoo', 'Porvoo');
    const other = await createUnit(api, admin, 'Aikuissosiaalityö, Loviisa', 'Loviisa');
    // Topics hidden, so that every rule that depends on consent is in play.
    expertId = await activeExpert(api, coordinator, {
      displayName: 'Jussi Järvinen',
      accountId: 'jussi-sub',
      topicsPublic: false,
      unitIds: [unit],
    });
    expect(
      (
        await api.request(
          RecordTaxCardDocument,
          { id: expertId, year: 2026, receivedOn: '2026-01-10' },
          { token: coordinator },
        )
      ).errors,
    ).toBeUndefined();
    expect(
      (await api.request(SetEarningsLimitDocument, { id: expertId, optIn: true, cents: 90000 }, { token: coordinator }))
        .errors,
    ).toBeUndefined();
    tokens.COORDINATOR = { token: coordinator, sub: 'kaisa' };
    tokens.UNIT = {
      token: await api.token({ sub: 'katja', grants: [`UNIT_COORDINATOR@${ITA}/${unit}`] }),
      sub: 'katja',
    };
    tokens.POOL = {
      token: await api.token({ sub: 'lotta', grants: [`UNIT_COORDINATOR@${ITA}/${other}`] }),
      sub: 'lotta',
    };
    tokens.SELF = { token: await api.token({ sub: 'jussi-sub', grants: [`EXPERT@${ITA}`] }), sub: 'jussi-sub' };
  });
  afterAll(async () => {
    await api?.close();
  });

  const cases = (['COORDINATOR', 'UNIT', 'POOL', 'SELF'] as const).flatMap((level) =>
    FIELDS.map((field) => [field, level] as const),
  );

  it.each(cases)(
    'when %s is read by %s, then the value and an audit row follow the declared rule',
    async (field, level) => {
      const rule: FieldRule = EXPERT_FIELD_RULES[field];
      const named = getNamedType(profile.getFields()[field]!.type);
      const selection = isObjectType(named) ? selectionOf(named) : '';
      const operation = `Walk_${field}_${level}`;
      const document = parse(
        `query ${operation}($id: ID!) { expert(id: $id) { ${field} ${selection} } }`,
      ) as TypedDocumentNode<{ expert: Record<string, unknown> }, { id: string }>;
      const { token, sub } = tokens[level]!;
      const result = await api.request(document, { id: expertId }, { token });
      expect(result.errors).toBeUndefined();
      const value = result.data!.expert[field];
      const readable = rule.readers.includes(level);
      if (field === 'trainings') {
        // The list stays; names and providers follow the rule.
        expect((value as Array<{ name: string | null }>)[0]!.name !== null).toBe(readable);
      } else {
        expect(value !== null).toBe(readable);
      }
      const rows = await api.sql<{ fields: string[]; actor_id: string }>(
        `select fields, actor_id from audit_entry where subject_id = $1 and operation = $2`,
        [expertId, operation],
      );
      const audited = readable && level !== 'SELF' && rule.audited !== 'NEVER';
      expect(rows).toEqual(audited ? [{ fields: [...rule.auditFields], actor_id: sub }] : []);
    },
  );

  it('when the expert asks who read their data, then myData lists every audited read of the walk (scenario 8)', async () => {
    const result = await api.request(MyDataDocument, { regionId: ITA }, { token: tokens.SELF!.token });
    expect(result.errors).toBeUndefined();
    const reads = result.data!.myData.auditEntries.filter(
      (e) => e.action === 'READ' && e.operation?.startsWith('Walk_'),
    );
    const expected = FIELDS.flatMap((field) => {
      const rule: FieldRule = EXPERT_FIELD_RULES[field];
      if (rule.audited === 'NEVER') return [];
      return rule.readers.filter((l) => l !== 'SELF').map((l) => `${tokens[l]!.sub}:${rule.auditFields.join(',')}`);
    });
    expect(reads.map((e) => `${e.actorId}:${e.fields.join(',')}`).sort()).toEqual(expected.sort());
  });

  it("when the coordinator opens an expert's audit, then it lists the same reads, newest first, a page at a time", async () => {
    const mine = await api.request(MyDataDocument, { regionId: ITA }, { token: tokens.SELF!.token });
    const walkReads = (entries: ReadonlyArray<{ action: string; operation?: string | null }>) =>
      entries.filter((e) => e.action === 'READ' && e.operation?.startsWith('Walk_'));
    const expected = walkReads(mine.data!.myData.auditEntries).map((e) => `${e.operation}`);
    const seen: Array<{ action: string; operation?: string | null; subjectId: string }> = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result = await api.request(
        ExpertAuditDocument,
        { expertId, first: 10, after },
        { token: tokens.COORDINATOR!.token },
      );
      expect(result.errors).toBeUndefined();
      const connection: ExpertAuditQuery['expertAudit'] = result.data!.expertAudit;
      seen.push(...connection.nodes);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor ?? null;
    }
    expect(seen.every((e) => e.subjectId === expertId)).toBe(true);
    // myData lists oldest first, the audit newest first.
    expect(walkReads(seen).map((e) => `${e.operation}`)).toEqual([...expected].reverse());
  });

  it("when the coordinator's page of an expert's audit holds 1 entry or all of them, then it costs the same statements; 101 is refused naming first", async () => {
    const token = tokens.COORDINATOR!.token;
    const one = await api.request(ExpertAuditDocument, { expertId, first: 1 }, { token });
    const all = await api.request(ExpertAuditDocument, { expertId, first: 100 }, { token });
    expect(one.data!.expertAudit.nodes).toHaveLength(1);
    expect(all.data!.expertAudit.nodes.length).toBeGreaterThan(10);
    expect(all.statements).toBe(one.statements);
    const tooMany = await api.request(ExpertAuditDocument, { expertId, first: 101 }, { token });
    expect(tooMany.errors?.[0]?.message).toMatch(/^first: /);
  });

  it("when the reader's name holds quotes, backslashes and question marks, then the audit entry names them exactly", async () => {
    const contactOf = parse('query ContactOf($id: ID!) { expert(id: $id) { contact { email } } }') as TypedDocumentNode<
      { expert: { contact: { email: string | null } | null } | null },
      { id: string }
    >;
    // Without a backslash the literal is a plain one, with one an E'' literal: both are covered.
    for (const [sub, name] of [
      ['quoted-reader', "Tiina O'Brien? ??"],
      ['escaped-reader', "Tiina O'Brien \\ ? ?? \\?"],
    ] as const) {
      const token = await api.token({ sub, name, grants: [`COORDINATOR@${ITA}`] });
      const read = await api.request(contactOf, { id: expertId }, { token });
      expect(read.errors).toBeUndefined();
      const rows = await api.sql<{ actor_name: string }>(`select actor_name from audit_entry where actor_id = $1`, [
        sub,
      ]);
      expect(rows).toEqual([{ actor_name: name }]);
    }
  });

  it("when anyone but the region's coordinator asks for an expert's audit, then it is refused, and another region's coordinator finds no such expert", async () => {
    for (const level of ['UNIT', 'SELF'] as const) {
      const result = await api.request(ExpertAuditDocument, { expertId }, { token: tokens[level]!.token });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const elsewhere = await api.token({ sub: 'kerttu', grants: ['COORDINATOR@lapland'] });
    const result = await api.request(ExpertAuditDocument, { expertId }, { token: elsewhere });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('when the audit log cannot be written for one reader, then that reader gets no data and an error, while readers served before, after and at the same moment are answered and logged', async () => {
    // Only this reader's entries fail, so other requests run as usual meanwhile.
    await api.sql(`create function fail_audit_for_test() returns trigger language plpgsql as $$
      begin raise exception 'the audit log is unavailable'; end $$`);
    await api.sql(`create trigger fail_audit_for_test before insert on audit_entry for each row
      when (new.actor_id = 'broken-audit') execute function fail_audit_for_test()`);
    try {
      const broken = await api.token({ sub: 'broken-audit', grants: [`COORDINATOR@${ITA}`] });
      const document = parse(
        `query BrokenAudit($id: ID!) { expert(id: $id) { contact { email } } }`,
      ) as TypedDocumentNode<{ expert: { contact: { email: string } | null } }, { id: string }>;
      for (let i = 0; i < 3; i++) {
        const refused = await api.request(document, { id: expertId }, { token: broken });
        expect(refused.data?.expert).toBeFalsy();
        expect(refused.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
        const answered = await api.request(document, { id: expertId }, { token: tokens.COORDINATOR!.token });
        expect(answered.errors).toBeUndefined();
        expect(answered.data!.expert.contact?.email).toBeTruthy();
      }
      // Requests served at the same moment share the log's INSERT: the one whose entries fail still fails alone.
      const coordinator = tokens.COORDINATOR!;
      const countOf = async (actor: string) =>
        (
          await api.sql<{ n: number }>(
            `select count(*)::int as n from audit_entry where actor_id = $1 and operation = 'BrokenAudit'`,
            [actor],
          )
        )[0]!.n;
      const before = await countOf(coordinator.sub);
      for (let i = 0; i < 3; i++) {
        const [refused, ...answered] = await Promise.all([
          api.request(document, { id: expertId }, { token: broken }),
          ...[1, 2, 3, 4].map(() => api.request(document, { id: expertId }, { token: coordinator.token })),
        ]);
        expect(refused.data?.expert).toBeFalsy();
        expect(refused.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
        for (const each of answered) expect(each.data!.expert.contact?.email).toBeTruthy();
      }
      expect(await countOf(coordinator.sub)).toBe(before + 12);
      const logged = await api.sql(`select count(*)::int as n from audit_entry where actor_id = 'broken-audit'`);
      expect(logged).toEqual([{ n: 0 }]);
    } finally {
      await api.sql('drop trigger fail_audit_for_test on audit_entry');
      await api.sql('drop function fail_audit_for_test()');
    }
  });
});
