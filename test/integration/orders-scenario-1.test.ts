/**
 * Scenario 1 (../shared/SCENARIOS.md): Itä-Uusimaa, a pair process for a client, ordered by the
 * professional, up to the point where fees take over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddOrderSessionDocument,
  CancelSessionDocument,
  MyOffersDocument,
  MySessionsDocument,
  OrderDocument,
  RecordDebriefingDocument,
  RecordSessionOutcomeDocument,
  RespondToOfferDocument,
  WriteSessionReportDocument,
} from '../generated/graphql';
import { bootTestServer, errorCodes, type TestApi } from '../helpers/boot';
import { helsinki, offer, placeOrder, readyExpert, unitIn } from '../helpers/orders';

const ITA = 'ita-uusimaa';
let clock = new Date(helsinki('2026-11-04T09:00'));

describe('scenario 1: a pair process for a client in Itä-Uusimaa', () => {
  let api: TestApi;
  let coordinator: string;
  let marja: string;
  let colleague: string;
  let katja: string;
  let otherUnitProfessional: string;
  let jussi: string;
  let jussiId: string;
  let unitId: string;
  let orderId: string;
  let sessionIds: string[];

  beforeAll(async () => {
    api = await bootTestServer({ now: () => clock });
    unitId = await unitIn(api, ITA, 'Aikuissosiaalityö, Porvoo', 'working-age');
    const otherUnit = await unitIn(api, ITA, 'Lastensuojelu, Loviisa', 'child-protection');
    coordinator = await api.token({ sub: 'kaisa', grants: [`COORDINATOR@${ITA}`] });
    marja = await api.token({ sub: 'marja', name: 'Marja', grants: [`PROFESSIONAL@${ITA}/${unitId}`] });
    colleague = await api.token({ sub: 'pekka', grants: [`PROFESSIONAL@${ITA}/${unitId}`] });
    katja = await api.token({ sub: 'katja', grants: [`UNIT_COORDINATOR@${ITA}/${unitId}`] });
    otherUnitProfessional = await api.token({ sub: 'olli', grants: [`PROFESSIONAL@${ITA}/${otherUnit}`] });
    jussi = await api.token({ sub: 'jussi', grants: [`EXPERT@${ITA}`] });
    jussiId = await readyExpert(api, coordinator, ITA, {
      displayName: 'Jussi',
      accountId: 'jussi',
      email: 'jussi@example.fi',
      taskTypeIds: ['pair-work', 'individual-work'],
      topicIds: ['addictions', 'finances-and-debt'],
      unitIds: [unitId],
    });
  });
  afterAll(() => api?.close());

  it('when Marja orders a client process, then the plan, the agreed rates and each deadline are stored', async () => {
    const order = await placeOrder(api, marja, {
      regionId: ITA,
      taskTypeId: 'pair-work',
      topicIds: ['addictions', 'finances-and-debt'],
      title: 'Asiakasprosessi A-17',
      description: 'Päihteet ja velat; yksi työparitapaaminen, sitten yksilötapaamiset.',
      language: 'fi',
      municipality: 'Porvoo',
      preparationMinutes: 30,
      clientRef: 'A-17',
      clientProcess: {
        plannedMeetings: 5,
        frequency: 'joka toinen viikko',
        contactWay: 'työntekijän kautta',
        responsibleProfessional: 'Marja',
      },
      sessions: [
        { startsAt: helsinki('2026-11-10T10:00'), endsAt: helsinki('2026-11-10T11:30') },
        ...['2026-11-24', '2026-12-08', '2026-12-22', '2027-01-05'].map((d) => ({
          startsAt: helsinki(`${d}T10:00`),
          endsAt: helsinki(`${d}T11:30`),
        })),
      ],
    });
    orderId = order.id;
    sessionIds = order.sessions.map((s) => s.id);
    expect(order).toMatchObject({
      status: 'REQUESTED',
      kind: 'CLIENT_PROCESS',
      unit: { id: unitId },
      clientRef: 'A-17',
      expertsNeeded: 1,
      clientProcess: { plannedMeetings: 5, frequency: 'joka toinen viikko' },
      agreedFee: { ratesOn: '2026-11-04', paid: true, feeCategory: 'client-meeting' },
    });
    expect(order.sessions.map((s) => s.kind)).toEqual(['PAIR', 'INDIVIDUAL', 'INDIVIDUAL', 'INDIVIDUAL', 'INDIVIDUAL']);
    // By 15:00 on the previous day, local time.
    expect(order.sessions[0]!.cancellationDeadline).toBe(helsinki('2026-11-09T15:00'));
    expect(order.agreedFee.rows.find((r) => r.category === 'client-meeting')?.hourlyRateCents).toBe(3000);
  });

  it('when Jussi has not accepted, then nobody on the ordering side sees how to reach him', async () => {
    const offered = await offer(api, marja, orderId, [jussiId]);
    expect(offered.status).toBe('OFFERED');
    const seen = await api.request(OrderDocument, { id: orderId }, { token: marja });
    expect(seen.data!.order.acceptedExperts).toEqual([]);
    expect(seen.data!.order.offers.map((o) => o.expert.id)).toEqual([jussiId]);
  });

  it('when Jussi reads the offer and accepts, then Marja can reach him, and the read is audited', async () => {
    const offers = await api.request(MyOffersDocument, { regionId: ITA }, { token: jussi });
    expect(offers.data!.myOffers).toHaveLength(1);
    expect(offers.data!.myOffers[0]).toMatchObject({
      status: 'OFFERED',
      order: { id: orderId, title: 'Asiakasprosessi A-17' },
    });
    const accepted = await api.request(
      RespondToOfferDocument,
      { offerId: offers.data!.myOffers[0]!.id, accept: true },
      { token: jussi },
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.respondToOffer).toMatchObject({ status: 'ACCEPTED', order: { status: 'ACCEPTED' } });

    const seen = await api.request(OrderDocument, { id: orderId }, { token: marja });
    expect(seen.data!.order.acceptedExperts).toEqual([
      { id: jussiId, displayName: 'Jussi', contact: { email: 'jussi@example.fi', phone: '+358 40 765 4321' } },
    ]);
    const audit = await api.sql<{ actor_id: string; fields: string[]; reason: string }>(
      `select actor_id, fields, reason from audit_entry where subject_id = $1 and action = 'READ' and actor_id = 'marja'`,
      [jussiId],
    );
    expect(audit).toEqual([{ actor_id: 'marja', fields: ['email', 'phone'], reason: `accepted order ${orderId}` }]);
  });

  it('when another professional of the unit or of another unit looks, then only the orderer and the unit coordinator reach Jussi', async () => {
    const byColleague = await api.request(OrderDocument, { id: orderId }, { token: colleague });
    expect(byColleague.data!.order.acceptedExperts[0]!.contact).toBeNull();
    const byKatja = await api.request(OrderDocument, { id: orderId }, { token: katja });
    expect(byKatja.data!.order.acceptedExperts[0]!.contact?.email).toBe('jussi@example.fi');
    const byOtherUnit = await api.request(OrderDocument, { id: orderId }, { token: otherUnitProfessional });
    expect(errorCodes(byOtherUnit)).toEqual(['NOT_FOUND']);
  });

  it('when the client cancels on Monday at 16:10, then the Tuesday meeting is a LATE cancellation (paid)', async () => {
    clock = new Date(helsinki('2026-11-09T16:10'));
    const cancelled = await api.request(
      CancelSessionDocument,
      { sessionId: sessionIds[0]!, reason: 'asiakas peruu' },
      { token: marja },
    );
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelSession).toMatchObject({
      status: 'CANCELLED',
      cancellation: { class: 'LATE', at: helsinki('2026-11-09T16:10'), reason: 'asiakas peruu' },
      order: { status: 'ACCEPTED' },
    });
  });

  it('when the meetings happen, then each gets its outcome: held, no-show (paid), expert ill and moved', async () => {
    clock = new Date(helsinki('2027-01-05T12:00'));
    const record = (sessionId: string, outcome: 'COMPLETED' | 'CLIENT_NO_SHOW' | 'EXPERT_ILL', minutes?: number) =>
      api.request(RecordSessionOutcomeDocument, { sessionId, input: { outcome, minutes } }, { token: marja });
    expect((await record(sessionIds[1]!, 'COMPLETED', 90)).data!.recordSessionOutcome.outcome).toBe('COMPLETED');
    expect((await record(sessionIds[2]!, 'COMPLETED', 85)).data!.recordSessionOutcome.workedMinutes).toBe(85);
    expect((await record(sessionIds[3]!, 'CLIENT_NO_SHOW')).data!.recordSessionOutcome.outcome).toBe('CLIENT_NO_SHOW');
    // Jussi is ill for the fourth: the meeting is moved to a new date, and the ill one is not paid.
    const moved = await api.request(
      AddOrderSessionDocument,
      { orderId, input: { startsAt: helsinki('2027-01-19T10:00'), endsAt: helsinki('2027-01-19T11:30') } },
      { token: marja },
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.addOrderSession).toMatchObject({ kind: 'INDIVIDUAL', status: 'SCHEDULED' });
    sessionIds.push(moved.data!.addOrderSession.id);
    const ill = await record(sessionIds[4]!, 'EXPERT_ILL');
    expect(ill.data!.recordSessionOutcome).toMatchObject({
      status: 'DONE',
      outcome: 'EXPERT_ILL',
      order: { status: 'ACCEPTED' },
    });
    clock = new Date(helsinki('2027-01-19T12:00'));
    const last = await record(sessionIds[5]!, 'COMPLETED', 90);
    expect(last.data!.recordSessionOutcome.order.status).toBe('DONE');
  });

  it('when the order is DONE, then it takes no more sessions (CONFLICT naming the status)', async () => {
    const late = await api.request(
      AddOrderSessionDocument,
      { orderId, input: { startsAt: helsinki('2027-02-02T10:00'), endsAt: helsinki('2027-02-02T11:30') } },
      { token: marja },
    );
    expect(errorCodes(late)).toEqual(['CONFLICT']);
    expect(late.errors![0]!.message).toMatch(/DONE/);
  });

  it('when Jussi writes a short report, then Marja reads it and the expert sees his sessions', async () => {
    const report = await api.request(
      WriteSessionReportDocument,
      { sessionId: sessionIds[1]!, text: 'Tapaaminen sujui, seuraavaksi budjetti.' },
      { token: jussi },
    );
    expect(report.errors).toBeUndefined();
    const seen = await api.request(OrderDocument, { id: orderId }, { token: marja });
    expect(seen.data!.order.sessions[1]!.report).toBe('Tapaaminen sujui, seuraavaksi budjetti.');
    const mine = await api.request(MySessionsDocument, { regionId: ITA }, { token: jussi });
    expect(mine.data!.mySessions.map((s) => s.id)).toEqual(sessionIds);
  });

  it('when the work is done, then Marja records the debriefing and no longer sees Jussi’s contact details', async () => {
    const debriefed = await api.request(RecordDebriefingDocument, { orderId, heldOn: '2027-01-19' }, { token: marja });
    expect(debriefed.data!.recordDebriefing.debriefingHeldOn).toBe('2027-01-19');
    const seen = await api.request(OrderDocument, { id: orderId }, { token: marja });
    expect(seen.data!.order).toMatchObject({ status: 'DONE', debriefingOffered: true });
    expect(seen.data!.order.closedAt).not.toBeNull();
    expect(seen.data!.order.acceptedExperts[0]!.contact).toBeNull();
  });
});
