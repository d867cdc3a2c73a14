/**
 * Who sees what of an expert (issue 5/11): unit coordinators, grants in force, what the pool may
 * ask, analysts, and one profile per account.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChangeExpertStatusDocument,
  CreateExpertDocument,
  ExpertDocument,
  ExpertPrivateDocument,
  ExpertPublicDocument,
  ExpertsDocument,
  UnitsDocument,
  UpdateExpertProfileDocument,
  ViewerDocument,
} from '../generated/graphql';
import { bootTestServer, errorCodes, type TestApi } from '../helpers/boot';
import { activeExpert, applicantInput, createApplicant, createUnit, ITA, sign } from '../helpers/experts';

describe('who sees what of an expert', () => {
  let api: TestApi;
  let coordinator: string;
  let admin: string;
  let porvoo: string;
  let loviisa: string;
  let ucPorvoo: string;
  let ucLoviisa: string;
  let professional: string;
  let hidden: string;
  let shown: string;
  let applicant: string;
  let paused: string;
  let renewed: string;

  const ids = async (token: string, filter: object = {}) => {
    const result = await api.request(ExpertsDocument, { regionId: ITA, filter, first: 100 }, { token });
    expect(result.errors).toBeUndefined();
    return result.data!.experts.edges.map((e) => e.node.id);
  };

  beforeAll(async () => {
    api = await bootTestServer({ now: () => new Date('2026-06-15T09:00:00Z') });
    admin = await api.token({ sub: 'anna', grants: [`REGION_ADMIN@${ITA}`] });
    coordinator = await api.token({ sub: 'kaisa', name: 'Kaisa', grants: [`COORDINATOR@${ITA}`] });
    porvoo = await createUnit(api, admin, 'Aikuissosiaalityö, Porvoo', 'Porvoo');
    loviisa = await createUnit(api, admin, 'Aikuissosiaalityö, Loviisa', 'Loviisa');
    ucPorvoo = await api.token({ sub: 'katja', name: 'Katja', grants: [`UNIT_COORDINATOR@${ITA}/${porvoo}`] });
    ucLoviisa = await api.token({ sub: 'lotta', name: 'Lotta', grants: [`UNIT_COORDINATOR@${ITA}/${loviisa}`] });
    professional = await api.token({ sub: 'marja', name: 'Marja', grants: [`PROFESSIONAL@${ITA}/${porvoo}`] });
    hidden = await activeExpert(api, coordinator, {
      displayName: 'Hidden Hanna',
      topicIds: ['crime'],
      topicsPublic: false,
      unitIds: [porvoo],
      email: 'hanna@example.fi',
    });
    shown = await activeExpert(api, coordinator, {
      displayName: 'Shown Sami',
      topicIds: ['crime'],
      topicsPublic: true,
      email: 'sami@example.fi',
    });
    applicant = await createApplicant(api, coordinator, {
      displayName: 'Applicant Anni',
      topicIds: ['crime'],
      topicsPublic: true,
      unitIds: [porvoo],
    });
    paused = await activeExpert(api, coordinator, {
      displayName: 'Paused Pekka',
      topicsPublic: true,
      unitIds: [porvoo],
    });
    expect(
      (await api.request(ChangeExpertStatusDocument, { id: paused, status: 'PAUSED' }, { token: coordinator })).errors,
    ).toBeUndefined();
    renewed = await activeExpert(api, coordinator, { displayName: 'Renewed Riikka', languages: ['sv'] }, [
      '2026-01-01',
      '2026-12-31',
    ]);
    await sign(api, coordinator, renewed, '2027-01-01', '2027-12-31');
  });
  afterAll(async () => {
    await api?.close();
  });

  describe('unit coordinators', () => {
    it('when a Loviisa unit coordinator filters by crime, then only the expert who consented is found (not the one who keeps topics hidden, nor applicants)', async () => {
      expect(await ids(ucLoviisa, { topicIds: ['crime'] })).toEqual([shown]);
      expect((await ids(ucPorvoo, { topicIds: ['crime'] })).sort()).toEqual([hidden, shown].sort());
      expect((await ids(coordinator, { topicIds: ['crime'] })).sort()).toEqual([applicant, hidden, shown].sort());
    });

    it("when the Porvoo unit coordinator finds the expert who keeps her topics hidden by a topic filter, then that is audited as a read of her topics; a consented expert's is not", async () => {
      const auditedReads = async (subjectId: string) =>
        (
          await api.sql<{ n: number }>(
            `select count(*)::int as n from audit_entry where subject_id = $1 and actor_id = 'katja' and action = 'READ' and operation = 'experts (filter.topicIds)'`,
            [subjectId],
          )
        )[0]!.n;
      const [hiddenBefore, shownBefore] = [await auditedReads(hidden), await auditedReads(shown)];
      const found = await api.request(
        ExpertsDocument,
        { regionId: ITA, filter: { topicIds: ['crime'] }, first: 100 },
        { token: ucPorvoo },
      );
      expect(found.errors).toBeUndefined();
      expect(await auditedReads(hidden)).toBe(hiddenBefore + 1);
      expect(await auditedReads(shown)).toBe(shownBefore);
    });

    it('when a unit coordinator lists experts, then applicants, paused and ended experts are left out, even when asked for by status', async () => {
      const listed = await ids(ucPorvoo, { statuses: ['APPLIED', 'PAUSED'] });
      expect(listed).not.toContain(applicant);
      expect(listed).not.toContain(paused);
      expect(listed).toContain(hidden);
      for (const id of [applicant, paused]) {
        expect(errorCodes(await api.request(ExpertPublicDocument, { id }, { token: ucPorvoo }))).toEqual(['NOT_FOUND']);
        expect((await api.request(ExpertPublicDocument, { id }, { token: coordinator })).data?.expert.id).toBe(id);
      }
    });

    it('when the unit coordinator of the unit the expert was inducted in reads her, then contact and hidden topics are shown and the read is audited', async () => {
      const result = await api.request(ExpertDocument, { id: hidden }, { token: ucPorvoo });
      expect(result.errors).toBeUndefined();
      expect(result.data?.expert).toMatchObject({
        contact: { email: 'hanna@example.fi' },
        topics: [{ id: 'crime' }],
        units: [{ id: porvoo, name: 'Aikuissosiaalityö, Porvoo' }],
      });
      // The contact and the hidden topics, read together, are one entry (trainings come in one of their own).
      const rows = await api.sql<{ fields: string[]; grant: string }>(
        `select array(select unnest(fields) order by 1) as fields, "grant" from audit_entry
          where subject_id = $1 and actor_id = 'katja' and operation = 'Expert'`,
        [hidden],
      );
      expect(rows).toEqual(
        expect.arrayContaining([
          { fields: ['email', 'phone', 'topicIds'], grant: `UNIT_COORDINATOR@${ITA}/${porvoo}` },
        ]),
      );
    });

    it('when a unit coordinator of another unit reads the same expert, then she sees what a professional sees, and nothing is audited in her name', async () => {
      const result = await api.request(ExpertDocument, { id: hidden }, { token: ucLoviisa });
      expect(result.data?.expert).toMatchObject({ contact: null, topics: null });
      expect(JSON.stringify(result)).not.toContain('hanna@example.fi');
      const consented = await api.request(ExpertDocument, { id: shown }, { token: ucLoviisa });
      expect(consented.data?.expert).toMatchObject({ contact: null, topics: [{ id: 'crime' }] });
      const [rows] = await api.sql<{ n: number }>(
        `select count(*)::int as n from audit_entry where actor_id = 'lotta'`,
      );
      expect(rows!.n).toBe(0);
    });
  });

  describe('what the pool may ask', () => {
    it('when a professional reads trainings of an expert who keeps topics hidden, then only hours and the Kokoa recommendation show', async () => {
      const result = await api.request(ExpertDocument, { id: hidden }, { token: professional });
      expect(result.data?.expert.trainings).toEqual([
        {
          name: null,
          provider: null,
          hours: 60,
          startedOn: '2025-01-10',
          completedOn: '2025-05-20',
          meetsKokoaRecommendation: true,
        },
      ]);
      expect(JSON.stringify(result)).not.toContain('KEIJO');
      const open = await api.request(ExpertDocument, { id: shown }, { token: professional });
      expect(open.data?.expert.trainings[0]).toMatchObject({
        name: 'KEIJO-vertaisohjaajakoulutus',
        provider: 'KRITS ry',
      });
    });

    it('when a professional asks who is available on a day of a future contract, then only the contract in force today counts', async () => {
      expect(await ids(coordinator, { availableOn: '2027-03-01', languages: ['sv'] })).toEqual([renewed]);
      expect(await ids(professional, { availableOn: '2027-03-01', languages: ['sv'] })).toEqual([]);
      expect(await ids(professional, { availableOn: '2026-11-30', languages: ['sv'] })).toEqual([renewed]);
      expect(await ids(professional, { availableOn: '2027-03-01' })).toEqual(expect.arrayContaining([hidden, shown]));
    });

    it('when the pool reads version, contracts, interview, earnings limit or the account, then each is null; the coordinator sees version and account', async () => {
      for (const token of [professional, ucPorvoo, ucLoviisa]) {
        const result = await api.request(ExpertPrivateDocument, { id: hidden }, { token });
        expect(result.data?.expert).toEqual({
          id: hidden,
          taxCards: null,
          contracts: null,
          interview: null,
          earningsLimitOptIn: null,
          earningsLimitCents: null,
          accountId: null,
          version: null,
        });
      }
      const linked = await activeExpert(api, coordinator, { displayName: 'Linked Liisa', accountId: 'liisa-sub' });
      const asCoordinator = await api.request(ExpertPrivateDocument, { id: linked }, { token: coordinator });
      expect(asCoordinator.data?.expert).toMatchObject({
        accountId: 'liisa-sub',
        version: expect.any(Number) as number,
        interview: { notes: 'Sopiva' },
      });
    });
  });

  describe('analysts and admins', () => {
    it.each(['ANALYST', 'NATIONAL_ANALYST', 'REGION_ADMIN'])(
      'when a %s asks for an existing, a missing and a malformed expert id, then the answer is the same',
      async (role) => {
        const token = await api.token({ sub: `x-${role}`, grants: [`${role}@${ITA}`] });
        const answers = await Promise.all(
          [hidden, randomUUID(), 'not-an-id'].map(async (id) => {
            const result = await api.request(ExpertPublicDocument, { id }, { token });
            return { codes: errorCodes(result), data: result.data ?? null };
          }),
        );
        expect(answers).toEqual([answers[0], answers[0], answers[0]]);
        expect(answers[0]!.codes).toEqual(['FORBIDDEN']);
      },
    );

    it('when an analyst of the region coordinates another region, then an existing and a missing expert id of the analysed region get the same answer', async () => {
      const token = await api.token({ sub: 'x-mixed', grants: [`ANALYST@${ITA}`, 'COORDINATOR@lapland'] });
      const answers = await Promise.all(
        [hidden, randomUUID()].map(async (id) => {
          const result = await api.request(ExpertPublicDocument, { id }, { token });
          return {
            codes: errorCodes(result),
            data: result.data ?? null,
            message: result.errors?.[0]?.message.replace(id, '<id>'),
          };
        }),
      );
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[0]!.codes).toEqual(['NOT_FOUND']);
    });
  });

  describe('grants in force', () => {
    it("when unit grants name no unit, an unknown unit or another region's unit, then they open nothing, viewer shows only the grants in force and the token's other grants still work", async () => {
      const [lapland] = await api.sql<{ id: string }>(
        `insert into unit (id, region_id, name, service_interface_id, municipality, coordinator_names, created_at) values (gen_random_uuid(), 'lapland', 'Rovaniemi', 'mental-health-services', 'Rovaniemi', '{}', now()) returning id`,
      );
      const token = await api.token({
        sub: 'mixed',
        grants: [
          `PROFESSIONAL@${ITA}`,
          `PROFESSIONAL@${ITA}/${randomUUID()}`,
          `UNIT_COORDINATOR@${ITA}/${lapland!.id}`,
          `PROFESSIONAL@${ITA}/porvoo`,
          'COORDINATOR@lapland',
        ],
      });
      const viewer = await api.request(ViewerDocument, {}, { token });
      expect(viewer.data?.viewer?.grants).toEqual([{ role: 'COORDINATOR', regionId: 'lapland', unitId: null }]);
      expect(errorCodes(await api.request(ExpertsDocument, { regionId: ITA }, { token }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await api.request(UnitsDocument, { regionId: ITA }, { token }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await api.request(ExpertPublicDocument, { id: shown }, { token }))).toEqual(['NOT_FOUND']);
      const lappi = await api.request(ExpertsDocument, { regionId: 'lapland' }, { token });
      expect(lappi.errors).toBeUndefined();

      const valid = await api.token({
        sub: 'valid',
        grants: [`PROFESSIONAL@${ITA}/${porvoo}`, `PROFESSIONAL@${ITA}/${lapland!.id}`],
      });
      expect((await api.request(ViewerDocument, {}, { token: valid })).data?.viewer?.grants).toEqual([
        { role: 'PROFESSIONAL', regionId: ITA, unitId: porvoo },
      ]);
      expect(await ids(valid)).toContain(shown);
    });
  });

  describe('paging', () => {
    it('when an expert is recorded while the coordinator pages, then no expert repeats or is skipped; a forged cursor is BAD_USER_INPUT', async () => {
      const before = await ids(coordinator);
      const first = await api.request(ExpertsDocument, { regionId: ITA, first: 2 }, { token: coordinator });
      // Sorts first by name: with offsets it would push the second page back by one.
      const added = await createApplicant(api, coordinator, { displayName: 'AAA Aalto' });
      const seen = first.data!.experts.edges.map((e) => e.node.id);
      let after = first.data!.experts.pageInfo.endCursor;
      for (;;) {
        const page = await api.request(ExpertsDocument, { regionId: ITA, first: 2, after }, { token: coordinator });
        seen.push(...page.data!.experts.edges.map((e) => e.node.id));
        if (!page.data!.experts.pageInfo.hasNextPage) break;
        after = page.data!.experts.pageInfo.endCursor;
      }
      expect(seen).toEqual(before);
      expect(seen).not.toContain(added);
      const forged = Buffer.from('junk').toString('base64url');
      expect(
        errorCodes(
          await api.request(ExpertsDocument, { regionId: ITA, first: 2, after: forged }, { token: coordinator }),
        ),
      ).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('one profile per account', () => {
    it('when a second expert is given an account id already in use, then CONFLICT names accountId and myData still answers for the first', async () => {
      const first = await api.request(
        CreateExpertDocument,
        { input: applicantInput({ displayName: 'Owner Olli', accountId: 'olli-sub' }) },
        { token: coordinator },
      );
      expect(first.errors).toBeUndefined();
      const second = await api.request(
        CreateExpertDocument,
        { input: applicantInput({ displayName: 'Other Oona', accountId: 'olli-sub' }) },
        { token: coordinator },
      );
      expect(errorCodes(second)).toEqual(['CONFLICT']);
      expect(second.errors![0]!.message).toMatch(/^input\.accountId: .*olli-sub/);
      expect(second.errors![0]!.extensions).toMatchObject({ field: 'input.accountId' });
      const other = await createApplicant(api, coordinator, { displayName: 'Other Oona' });
      const relink = await api.request(
        UpdateExpertProfileDocument,
        { id: other, input: { accountId: 'olli-sub' } },
        { token: coordinator },
      );
      expect(errorCodes(relink)).toEqual(['CONFLICT']);
      const [row] = await api.sql<{ n: number }>(`select count(*)::int as n from expert where account_id = 'olli-sub'`);
      expect(row!.n).toBe(1);
      // Keeping one's own account id is no conflict.
      const same = await api.request(
        UpdateExpertProfileDocument,
        { id: first.data!.createExpert.id, input: { accountId: 'olli-sub', displayName: 'Owner Olli K.' } },
        { token: coordinator },
      );
      expect(same.errors).toBeUndefined();
    });
  });
});
