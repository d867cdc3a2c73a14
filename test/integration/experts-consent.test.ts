/**
 * Scenario 5, becoming an expert, with Leena giving and withdrawing her consents herself; and the
 * rules of the expert's own consent (issue 5/11).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddExpertTrainingDocument,
  ChangeExpertStatusDocument,
  CreateExpertDocument,
  ExpertDocument,
  ExpertPrivateDocument,
  ExpertsDocument,
  ExpertsMissingTaxCardDocument,
  MyDataDocument,
  RecordExpertInterviewDocument,
  RecordTaxCardDocument,
  SignExpertContractDocument,
  UpdateExpertProfileDocument,
  UpdateMyConsentDocument,
} from '../generated/graphql';
import { bootTestServer, errorCodes, type TestApi } from '../helpers/boot';
import { applicantInput, createUnit, ITA } from '../helpers/experts';

let clock = new Date('2026-06-15T09:00:00Z');
let ticks = 0;

describe("the expert's own consent", () => {
  let api: TestApi;
  let coordinator: string;
  let professional: string;
  let leena: string;
  let leenaId: string;

  beforeAll(async () => {
    api = await bootTestServer({ now: () => new Date(clock.getTime() + ticks++) });
    const admin = await api.token({ sub: 'anna', grants: [`REGION_ADMIN@${ITA}`] });
    coordinator = await api.token({ sub: 'kaisa', name: 'Kaisa Koordinaattori', grants: [`COORDINATOR@${ITA}`] });
    const unit = await createUnit(api, admin, 'Aikuissosiaalityö, Porvoo', 'Porvoo');
    professional = await api.token({ sub: 'marja', name: 'Marja', grants: [`PROFESSIONAL@${ITA}/${unit}`] });
    leena = await api.token({ sub: 'leena-sub', name: 'Leena', grants: [`EXPERT@${ITA}`] });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('when Leena becomes an expert and gives and withdraws her consents herself, then each is in force at once, kept with its time, and audited (scenario 5)', async () => {
    // Recorded as an applicant; she has not consented to anything yet.
    const created = await api.request(
      CreateExpertDocument,
      {
        input: applicantInput({
          displayName: 'Leena Virtanen',
          accountId: 'leena-sub',
          topicIds: ['mental-health', 'addictions'],
          topicsPublic: false,
        }),
      },
      { token: coordinator },
    );
    expect(created.errors).toBeUndefined();
    leenaId = created.data!.createExpert.id;
    const training = await api.request(
      AddExpertTrainingDocument,
      {
        id: leenaId,
        input: {
          name: 'Kokemusasiantuntijakoulutus',
          provider: 'Kokoa ry',
          hours: 60,
          startedOn: '2026-01-12',
          completedOn: '2026-05-20',
        },
      },
      { token: coordinator },
    );
    expect(training.data?.addExpertTraining.trainings).toEqual([
      {
        name: 'Kokemusasiantuntijakoulutus',
        hours: 60,
        meetsKokoaRecommendation: true,
        meetsRegionRecommendation: null,
      },
    ]);
    // Interviewed by a social worker and the coordinator.
    const panel = [
      { role: 'PROFESSIONAL', name: 'Sari Sosiaalityöntekijä' },
      { role: 'regional-coordinator', name: 'Kaisa Koordinaattori' },
    ];
    expect(
      (
        await api.request(
          RecordExpertInterviewDocument,
          { id: leenaId, input: { heldOn: '2026-06-10', panel } },
          { token: coordinator },
        )
      ).data?.recordExpertInterview.status,
    ).toBe('INTERVIEWED');
    // A contract to the end of next year for client work and lectures; her tax card.
    const signed = await api.request(
      SignExpertContractDocument,
      {
        id: leenaId,
        input: {
          validFrom: '2026-06-15',
          validTo: '2027-12-31',
          topicIds: ['mental-health'],
          taskTypeIds: ['individual-work', 'lecture-training'],
        },
      },
      { token: coordinator },
    );
    expect(signed.data?.signExpertContract.status).toBe('CONTRACTED');
    expect(
      (
        await api.request(
          RecordTaxCardDocument,
          { id: leenaId, year: 2026, receivedOn: '2026-06-15' },
          { token: coordinator },
        )
      ).errors,
    ).toBeUndefined();
    expect(
      (await api.request(ChangeExpertStatusDocument, { id: leenaId, status: 'ACTIVE' }, { token: coordinator })).data
        ?.changeExpertStatus.availableForOffers,
    ).toBe(true);

    // Hidden until she says otherwise.
    expect(
      (await api.request(ExpertDocument, { id: leenaId }, { token: professional })).data?.expert.topics,
    ).toBeNull();
    const byTopic = () =>
      api.request(ExpertsDocument, { regionId: ITA, filter: { topicIds: ['mental-health'] } }, { token: professional });
    expect((await byTopic()).data!.experts.edges).toEqual([]);

    // She shows her topics herself: in force at once.
    clock = new Date('2026-06-20T10:00:00Z');
    const given = await api.request(
      UpdateMyConsentDocument,
      { regionId: ITA, input: { topicsPublic: true } },
      { token: leena },
    );
    expect(given.errors).toBeUndefined();
    expect(given.data!.updateMyConsent).toMatchObject({ id: leenaId, topicsPublic: true });
    expect((await api.request(ExpertDocument, { id: leenaId }, { token: professional })).data?.expert.topics).toEqual([
      { id: 'mental-health', label: expect.any(String) as string },
      { id: 'addictions', label: expect.any(String) as string },
    ]);
    expect((await byTopic()).data!.experts.edges.map((e) => e.node.id)).toEqual([leenaId]);

    // She opts in to an earnings limit of 900 EUR a month because of her rehabilitation benefit.
    const limit = await api.request(
      UpdateMyConsentDocument,
      { regionId: ITA, input: { earningsLimitOptIn: true, earningsLimitCents: 90000 } },
      { token: leena },
    );
    expect(limit.data!.updateMyConsent).toMatchObject({ earningsLimitOptIn: true, earningsLimitCents: 90000 });
    expect(
      (await api.request(ExpertPrivateDocument, { id: leenaId }, { token: coordinator })).data?.expert,
    ).toMatchObject({ earningsLimitOptIn: true, earningsLimitCents: 90000 });
    const seenByProfessional = await api.request(ExpertPrivateDocument, { id: leenaId }, { token: professional });
    expect(seenByProfessional.data?.expert).toMatchObject({ earningsLimitOptIn: null, earningsLimitCents: null });

    // Withdrawing is as easy as giving.
    clock = new Date('2026-09-01T08:00:00Z');
    const withdrawn = await api.request(
      UpdateMyConsentDocument,
      { regionId: ITA, input: { topicsPublic: false } },
      { token: leena },
    );
    expect(withdrawn.data!.updateMyConsent.topicsPublic).toBe(false);
    expect(
      (await api.request(ExpertDocument, { id: leenaId }, { token: professional })).data?.expert.topics,
    ).toBeNull();
    expect((await byTopic()).data!.experts.edges).toEqual([]);

    // In January the coordinator's list shows that her tax card for the new year is missing.
    clock = new Date('2027-01-10T08:00:00Z');
    const missing = await api.request(
      ExpertsMissingTaxCardDocument,
      { regionId: ITA, year: 2027 },
      { token: coordinator },
    );
    expect(missing.data!.expertsMissingTaxCard.map((e) => e.id)).toContain(leenaId);

    // myData keeps when each consent was given or withdrawn, by her own hand, and the audit shows the changes.
    const mine = await api.request(MyDataDocument, { regionId: ITA }, { token: leena });
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myData.consents).toEqual([
      {
        consent: 'TOPICS_PUBLIC',
        given: true,
        at: expect.stringMatching(/^2026-06-20T10:00:00/) as string,
        onBehalf: false,
      },
      {
        consent: 'EARNINGS_LIMIT',
        given: true,
        at: expect.stringMatching(/^2026-06-20T10:00:00/) as string,
        onBehalf: false,
      },
      {
        consent: 'TOPICS_PUBLIC',
        given: false,
        at: expect.stringMatching(/^2026-09-01T08:00:00/) as string,
        onBehalf: false,
      },
    ]);
    const changes = mine.data!.myData.auditEntries.filter((e) => e.operation === 'UpdateMyConsent');
    expect(changes.map((e) => [e.actorId, e.grant, e.action, [...e.fields].sort()])).toEqual([
      ['leena-sub', `EXPERT@${ITA}`, 'CHANGE', ['topicsPublic']],
      ['leena-sub', `EXPERT@${ITA}`, 'CHANGE', ['earningsLimitCents', 'earningsLimitOptIn']],
      ['leena-sub', `EXPERT@${ITA}`, 'CHANGE', ['topicsPublic']],
    ]);
    // The coordinator's reads of her earnings limit are there too.
    expect(
      mine.data!.myData.auditEntries.some(
        (e) => e.actorId === 'kaisa' && e.action === 'READ' && e.fields.includes('earningsLimitCents'),
      ),
    ).toBe(true);
  });

  it('when Leena withdraws the earnings-limit consent, then the limit is forgotten; a limit without consent is refused naming the field', async () => {
    const refused = await api.request(
      UpdateMyConsentDocument,
      { regionId: ITA, input: { earningsLimitOptIn: false, earningsLimitCents: 50000 } },
      { token: leena },
    );
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toMatch(/^input\.earningsLimitCents: /);
    const out = await api.request(
      UpdateMyConsentDocument,
      { regionId: ITA, input: { earningsLimitOptIn: false } },
      { token: leena },
    );
    expect(out.data!.updateMyConsent).toMatchObject({ earningsLimitOptIn: false, earningsLimitCents: null });
    const [row] = await api.sql<{ earnings_limit_cents: number | null }>(
      'select earnings_limit_cents from expert where id = $1',
      [leenaId],
    );
    expect(row!.earnings_limit_cents).toBeNull();
  });

  it('when a coordinator records a consent given on paper, then it is in force, kept as given on her behalf, and audited so', async () => {
    const result = await api.request(
      UpdateExpertProfileDocument,
      { id: leenaId, input: { topicsPublic: true } },
      { token: coordinator },
    );
    expect(result.errors).toBeUndefined();
    const mine = await api.request(MyDataDocument, { regionId: ITA }, { token: leena });
    expect(mine.data!.myData.consents.at(-1)).toMatchObject({ consent: 'TOPICS_PUBLIC', given: true, onBehalf: true });
    const [audit] = await api.sql<{ actor_id: string; reason: string }>(
      `select actor_id, reason from audit_entry where subject_id = $1 and action = 'CHANGE' and operation = 'UpdateExpertProfile' order by at desc limit 1`,
      [leenaId],
    );
    expect(audit).toEqual({ actor_id: 'kaisa', reason: expect.stringContaining("on the expert's behalf") as string });
  });

  it('when an expert has changed a consent more than 100 times, then myData shows the latest 100, oldest first, in the same statements', async () => {
    const before = await api.request(MyDataDocument, { regionId: ITA }, { token: leena });
    await api.sql(
      `insert into expert_consent (id, region_id, expert_id, consent, given, at, recorded_by, on_behalf)
       select gen_random_uuid(), 'ita-uusimaa', $1, 'TOPICS_PUBLIC', i % 2 = 0, timestamptz '2030-01-01T00:00:00Z' + make_interval(mins => i), 'leena', false
       from generate_series(1, 120) as i`,
      [leenaId],
    );
    const after = await api.request(MyDataDocument, { regionId: ITA }, { token: leena });
    expect(after.errors).toBeUndefined();
    const consents = after.data!.myData.consents;
    expect(consents).toHaveLength(100);
    expect(consents.at(-1)!.at).toMatch(/^2030-01-01T02:00:00/);
    expect(consents[0]!.at).toMatch(/^2030-01-01T00:21:00/);
    expect(after.statements).toBe(before.statements);
  });

  it('when someone other than an expert with a profile calls updateMyConsent, then FORBIDDEN or NOT_FOUND and nothing changes', async () => {
    expect(
      errorCodes(
        await api.request(
          UpdateMyConsentDocument,
          { regionId: ITA, input: { topicsPublic: false } },
          { token: coordinator },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const stranger = await api.token({ sub: 'no-profile', grants: [`EXPERT@${ITA}`] });
    expect(
      errorCodes(
        await api.request(
          UpdateMyConsentDocument,
          { regionId: ITA, input: { topicsPublic: false } },
          { token: stranger },
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    const otherRegion = await api.token({ sub: 'leena-sub', grants: ['EXPERT@lapland'] });
    expect(
      errorCodes(
        await api.request(
          UpdateMyConsentDocument,
          { regionId: ITA, input: { topicsPublic: false } },
          { token: otherRegion },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const [row] = await api.sql<{ topics_public: boolean }>('select topics_public from expert where id = $1', [
      leenaId,
    ]);
    expect(row!.topics_public).toBe(true);
  });
});
