/**
 * Scenarios 2–4 (../shared/SCENARIOS.md) up to the point where fees take over: a group in
 * Itä-Uusimaa that nobody attends, the bank that matches in Vantaa KAP, and brokering from far
 * away in Lapland.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CancelSessionDocument,
  CreateOrderDocument,
  OfferOrderDocument,
  OrderDocument,
  RecordDebriefingDocument,
  RecordSessionOutcomeDocument,
  RespondToOfferDocument,
} from '../generated/graphql';
import { bootTestServer, errorCodes, type GraphQLResult, type TestApi } from '../helpers/boot';
import { helsinki, offer, placeOrder, readyExpert, unitIn } from '../helpers/orders';

let clock = new Date(helsinki('2026-08-20T09:00'));
let api: TestApi;

function refusal(result: GraphQLResult<unknown>, code: string): string {
  expect(errorCodes(result)).toEqual([code]);
  return result.errors![0]!.message;
}

beforeAll(async () => {
  api = await bootTestServer({ now: () => clock });
});
afterAll(() => api?.close());

describe('scenario 2: a Swedish-language group in Loviisa that nobody attends (Itä-Uusimaa)', () => {
  const ITA = 'ita-uusimaa';
  it('when two experts lead a group for six Thursdays and nobody comes on the third, then that session is still held as NO_PARTICIPANTS for both', async () => {
    const unitId = await unitIn(api, ITA, 'Mielenterveys- ja päihdepalvelut, Loviisa', 'mental-health-substance');
    const coordinator = await api.token({ sub: 'kaisa', grants: [`COORDINATOR@${ITA}`] });
    const professional = await api.token({ sub: 'stina', grants: [`PROFESSIONAL@${ITA}/${unitId}`] });
    const leaders = await Promise.all(
      ['Mikael', 'Sara', 'Johan'].map(async (name) => ({
        name,
        id: await readyExpert(api, coordinator, ITA, {
          displayName: name,
          accountId: name.toLowerCase(),
          taskTypeIds: ['group-guidance'],
          unitIds: [unitId],
        }),
        token: await api.token({ sub: name.toLowerCase(), grants: [`EXPERT@${ITA}`] }),
      })),
    );
    const thursdays = ['2026-09-03', '2026-09-10', '2026-09-17', '2026-09-24', '2026-10-01', '2026-10-08'];
    const group = await placeOrder(api, professional, {
      regionId: ITA,
      taskTypeId: 'group-guidance',
      title: 'Kamratstödsgrupp',
      language: 'sv',
      municipality: 'Loviisa',
      expertsNeeded: 2,
      group: { from: '2026-09-03', to: '2026-10-08' },
      sessions: [
        { startsAt: helsinki('2026-08-27T14:00'), endsAt: helsinki('2026-08-27T15:00'), kind: 'PLANNING' },
        ...thursdays.map((d) => ({
          startsAt: helsinki(`${d}T17:00`),
          endsAt: helsinki(`${d}T18:30`),
          kind: 'GROUP' as const,
        })),
      ],
    });
    expect(group).toMatchObject({
      kind: 'GROUP',
      expertsNeeded: 2,
      groupPeriod: { from: '2026-09-03', to: '2026-10-08' },
    });
    expect(group.sessions.map((s) => s.kind)).toEqual([
      'PLANNING',
      'GROUP',
      'GROUP',
      'GROUP',
      'GROUP',
      'GROUP',
      'GROUP',
    ]);

    const offered = await offer(
      api,
      professional,
      group.id,
      leaders.map((l) => l.id),
    );
    const offerOf = (id: string) => offered.offers.find((o) => o.expert.id === id)!.id;
    for (const leader of leaders.slice(0, 2)) {
      const ok = await api.request(
        RespondToOfferDocument,
        { offerId: offerOf(leader.id), accept: true },
        { token: leader.token },
      );
      expect(ok.errors).toBeUndefined();
    }
    const third = await api.request(
      RespondToOfferDocument,
      { offerId: offerOf(leaders[2]!.id), accept: true },
      { token: leaders[2]!.token },
    );
    expect(refusal(third, 'CONFLICT')).toMatch(/already taken/);
    const seen = await api.request(OrderDocument, { id: group.id }, { token: professional });
    expect(seen.data!.order.status).toBe('ACCEPTED');
    expect(seen.data!.order.offers.map((o) => o.status).sort()).toEqual(['ACCEPTED', 'ACCEPTED', 'FILLED']);

    clock = new Date(helsinki('2026-09-17T19:00'));
    const empty = await api.request(
      RecordSessionOutcomeDocument,
      { sessionId: group.sessions[3]!.id, input: { outcome: 'NO_PARTICIPANTS' } },
      { token: professional },
    );
    expect(empty.data!.recordSessionOutcome).toMatchObject({
      status: 'DONE',
      outcome: 'NO_PARTICIPANTS',
      order: { status: 'ACCEPTED' },
    });
    clock = new Date(helsinki('2026-10-01T19:00'));
    const ended = await api.request(
      RecordSessionOutcomeDocument,
      { sessionId: group.sessions[5]!.id, input: { outcome: 'GROUP_ENDED' } },
      { token: professional },
    );
    expect(ended.data!.recordSessionOutcome.outcome).toBe('GROUP_ENDED');
    const after = await api.request(OrderDocument, { id: group.id }, { token: professional });
    expect(after.data!.order.acceptedExperts.map((e) => e.displayName).sort()).toEqual(['Mikael', 'Sara']);
    clock = new Date(helsinki('2026-08-20T09:00'));
  });
});

describe('scenario 3: the bank matches (Vantaa KAP)', () => {
  const VANTAA = 'vantaa-kap';
  it('when the nurse orders a lecture and a group package, then only the bank offers, the first acceptance wins, and cancellations are judged 24 hours before', async () => {
    const unitId = await unitIn(api, VANTAA, 'Mielenterveyspalvelut', 'mental-health-substance');
    const bank = await api.token({ sub: 'pia', grants: [`COORDINATOR@${VANTAA}`] });
    const nurse = await api.token({ sub: 'nina', grants: [`PROFESSIONAL@${VANTAA}/${unitId}`] });
    const experts = await Promise.all(
      ['Aleksi', 'Bea', 'Cecilia'].map(async (name) => ({
        id: await readyExpert(api, bank, VANTAA, {
          displayName: name,
          accountId: `kap-${name.toLowerCase()}`,
          taskTypeIds: ['lecture-training', 'group-guidance'],
        }),
        token: await api.token({ sub: `kap-${name.toLowerCase()}`, grants: [`EXPERT@${VANTAA}`] }),
      })),
    );
    const lecture = await placeOrder(api, nurse, {
      regionId: VANTAA,
      taskTypeId: 'lecture-training',
      title: 'Toipumistarina henkilöstöpäivässä',
      language: 'fi',
      municipality: 'Vantaa',
      sessions: [
        { startsAt: helsinki('2026-09-10T09:00'), endsAt: helsinki('2026-09-10T10:00') },
        { startsAt: helsinki('2026-09-24T09:00'), endsAt: helsinki('2026-09-24T10:00') },
      ],
    });
    const byNurse = await api.request(
      OfferOrderDocument,
      { orderId: lecture.id, expertIds: [experts[0]!.id] },
      { token: nurse },
    );
    expect(refusal(byNurse, 'FORBIDDEN')).toMatch(/coordinator offers the work/);
    const offered = await offer(
      api,
      bank,
      lecture.id,
      experts.map((e) => e.id),
    );
    expect(offered.status).toBe('OFFERED');
    const offerOf = (id: string) => offered.offers.find((o) => o.expert.id === id)!.id;
    const first = await api.request(
      RespondToOfferDocument,
      { offerId: offerOf(experts[0]!.id), accept: true },
      { token: experts[0]!.token },
    );
    const second = await api.request(
      RespondToOfferDocument,
      { offerId: offerOf(experts[1]!.id), accept: true },
      { token: experts[1]!.token },
    );
    expect(first.data!.respondToOffer).toMatchObject({ status: 'ACCEPTED', order: { status: 'ACCEPTED' } });
    expect(refusal(second, 'CONFLICT')).toMatch(/already taken/);

    const pack = await placeOrder(api, nurse, {
      regionId: VANTAA,
      taskTypeId: 'group-guidance',
      packageId: 'group-guidance-package',
      title: 'Kuntoutusryhmä',
      language: 'fi',
      municipality: 'Vantaa',
      sessions: [{ startsAt: helsinki('2026-09-15T13:00'), endsAt: helsinki('2026-09-15T14:30') }],
    });
    expect(pack.agreedFee.package).toEqual({
      id: 'group-guidance-package',
      priceCents: 5000,
      includes: [{ category: 'preparation', minutes: 60, amountCents: 2500 }],
    });

    // The training day is cancelled 30 hours before: free. The later session 20 hours before: paid.
    clock = new Date(new Date(helsinki('2026-09-10T09:00')).getTime() - 30 * 3_600_000);
    const early = await api.request(CancelSessionDocument, { sessionId: lecture.sessions[0]!.id }, { token: nurse });
    expect(early.data!.cancelSession.cancellation?.class).toBe('EARLY');
    clock = new Date(new Date(helsinki('2026-09-24T09:00')).getTime() - 20 * 3_600_000);
    const late = await api.request(CancelSessionDocument, { sessionId: lecture.sessions[1]!.id }, { token: nurse });
    expect(late.data!.cancelSession).toMatchObject({ cancellation: { class: 'LATE' }, order: { status: 'CANCELLED' } });
    clock = new Date(helsinki('2026-08-20T09:00'));
  });
});

describe('scenario 4: brokered from far away (Lapland)', () => {
  const LAPLAND = 'lapland';
  it('when a school asks the coordinator, then the coordinator records it for the school, forwards it to two, one accepts and the talk is given over video', async () => {
    const coordinator = await api.token({ sub: 'lauri', grants: [`COORDINATOR@${LAPLAND}`] });
    const unitId = await unitIn(api, LAPLAND, 'Mielenterveyspalvelut, Rovaniemi', 'mental-health-services');
    const professional = await api.token({ sub: 'pirjo', grants: [`PROFESSIONAL@${LAPLAND}/${unitId}`] });
    const [aino, eetu] = await Promise.all(
      ['Aino', 'Eetu'].map(async (name) => ({
        id: await readyExpert(api, coordinator, LAPLAND, {
          displayName: name,
          accountId: `lappi-${name.toLowerCase()}`,
          taskTypeIds: ['own-story', 'event-volunteer'],
          topicIds: ['mental-health'],
          remote: true,
        }),
        token: await api.token({ sub: `lappi-${name.toLowerCase()}`, grants: [`EXPERT@${LAPLAND}`] }),
      })),
    );
    const school = {
      organisation: 'Sodankylän yläkoulu',
      contactPerson: 'Opinto-ohjaaja Outi',
      email: 'outi@example.fi',
    };
    const byProfessional = await api.request(
      CreateOrderDocument,
      {
        input: {
          regionId: LAPLAND,
          externalRequester: school,
          taskTypeId: 'own-story',
          title: 'Ahdistuksen kanssa eläminen',
          language: 'fi',
          remote: true,
          sessions: [{ startsAt: helsinki('2026-09-08T10:00'), endsAt: helsinki('2026-09-08T11:00') }],
        },
      },
      { token: professional },
    );
    expect(refusal(byProfessional, 'FORBIDDEN')).toMatch(/^input\.externalRequester: /);
    const talk = await placeOrder(api, coordinator, {
      regionId: LAPLAND,
      externalRequester: school,
      taskTypeId: 'own-story',
      topicIds: ['mental-health'],
      title: 'Ahdistuksen kanssa eläminen',
      targetGroup: '9.-luokkalaiset',
      language: 'fi',
      remote: true,
      sessions: [{ startsAt: helsinki('2026-09-08T10:00'), endsAt: helsinki('2026-09-08T11:00') }],
    });
    expect(talk).toMatchObject({
      unit: null,
      remote: true,
      externalRequester: { organisation: 'Sodankylän yläkoulu' },
    });
    const offered = await offer(api, coordinator, talk.id, [aino!.id, eetu!.id]);
    const offerOf = (id: string) => offered.offers.find((o) => o.expert.id === id)!.id;
    const declined = await api.request(
      RespondToOfferDocument,
      { offerId: offerOf(eetu!.id), accept: false },
      { token: eetu!.token },
    );
    expect(declined.data!.respondToOffer).toMatchObject({ status: 'DECLINED', order: { status: 'OFFERED' } });
    const accepted = await api.request(
      RespondToOfferDocument,
      { offerId: offerOf(aino!.id), accept: true },
      { token: aino!.token },
    );
    expect(accepted.data!.respondToOffer.order.status).toBe('ACCEPTED');
    // The expert learns the task, not the requester's contact details: the coordinator brokers.
    const asExpert = await api.request(OrderDocument, { id: talk.id }, { token: aino!.token });
    expect(asExpert.data!.order.externalRequester).toBeNull();
    clock = new Date(helsinki('2026-09-08T11:05'));
    const held = await api.request(
      RecordSessionOutcomeDocument,
      { sessionId: talk.sessions[0]!.id, input: { outcome: 'COMPLETED', minutes: 60 } },
      { token: coordinator },
    );
    expect(held.data!.recordSessionOutcome.order.status).toBe('DONE');

    // A volunteer task at a pop-up event: unpaid, but recorded, with debriefing offered afterwards.
    const popUp = await placeOrder(api, coordinator, {
      regionId: LAPLAND,
      externalRequester: { organisation: 'Kauppakeskus Revontuli', contactPerson: 'Tapahtumavastaava' },
      taskTypeId: 'event-volunteer',
      title: 'Pop-up: mielen hyvinvointi',
      language: 'fi',
      municipality: 'Rovaniemi',
      sessions: [{ startsAt: helsinki('2026-09-12T10:00'), endsAt: helsinki('2026-09-12T13:00') }],
    });
    expect(popUp.agreedFee).toMatchObject({ paid: false, feeCategory: null });
    expect(popUp.debriefingOffered).toBe(true);
    const volunteer = await offer(api, coordinator, popUp.id, [eetu!.id]);
    await api.request(
      RespondToOfferDocument,
      { offerId: volunteer.offers[0]!.id, accept: true },
      { token: eetu!.token },
    );
    clock = new Date(helsinki('2026-09-12T14:00'));
    await api.request(
      RecordSessionOutcomeDocument,
      { sessionId: popUp.sessions[0]!.id, input: { outcome: 'COMPLETED', minutes: 180 } },
      { token: coordinator },
    );
    const debriefed = await api.request(
      RecordDebriefingDocument,
      { orderId: popUp.id, heldOn: '2026-09-12' },
      { token: coordinator },
    );
    expect(debriefed.data!.recordDebriefing.debriefingHeldOn).toBe('2026-09-12');

    const byOwnProfessional = await placeOrder(api, professional, {
      regionId: LAPLAND,
      taskTypeId: 'own-story',
      title: 'Henkilöstön koulutus',
      language: 'fi',
      remote: true,
      sessions: [{ startsAt: helsinki('2026-09-20T10:00'), endsAt: helsinki('2026-09-20T11:00') }],
    });
    const refused = await api.request(
      OfferOrderDocument,
      { orderId: byOwnProfessional.id, expertIds: [aino!.id] },
      { token: professional },
    );
    expect(refusal(refused, 'FORBIDDEN')).toMatch(/COORDINATOR_BROKERS/);
  });
});
