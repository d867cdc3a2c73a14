/**
 * Fees beyond Itä-Uusimaa's hourly table: Vantaa KAP's package (scenario 3), Lapland's volunteer
 * task (scenario 4), an expert's month against their own earnings limit (scenario 5), and fee
 * lines that outlive the expert's erasure (scenario 8).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApprovePayoutNoticeDocument,
  ClosePayoutPeriodDocument,
  EraseExpertDocument,
  ExpertsNearEarningsLimitDocument,
  MyEarningsDocument,
  MyFeeLinesDocument,
  PayoutPeriodDocument,
  RecordSessionOutcomeDocument,
  RespondToOfferDocument,
  UpdateMyConsentDocument,
  type CreateOrderInput,
} from '../generated/graphql';
import { bootTestServer, errorCodes, type TestApi } from '../helpers/boot';
import { helsinki, offer, placeOrder, readyExpert, unitIn } from '../helpers/orders';

const VANTAA = 'vantaa-kap';
const LAPLAND = 'lapland';
const ITA = 'ita-uusimaa';
let clock = new Date(helsinki('2026-09-01T09:00'));

let api: TestApi;

/** Orders, gets accepted by `expert`, and after the session records COMPLETED with the minutes. */
async function workDone(
  orderer: string,
  coordinator: string,
  expert: { id: string; token: string },
  input: CreateOrderInput,
  minutes: number,
) {
  const order = await placeOrder(api, orderer, input);
  const offered = await offer(api, coordinator, order.id, [expert.id]);
  const accepted = await api.request(
    RespondToOfferDocument,
    { offerId: offered.offers[0]!.id, accept: true },
    { token: expert.token },
  );
  expect(accepted.errors).toBeUndefined();
  const saved = clock;
  clock = new Date(new Date(input.sessions[0]!.endsAt).getTime() + 60_000);
  const done = await api.request(
    RecordSessionOutcomeDocument,
    { sessionId: order.sessions[0]!.id, input: { outcome: 'COMPLETED', minutes } },
    { token: coordinator },
  );
  expect(done.errors).toBeUndefined();
  clock = saved;
  return order;
}

beforeAll(async () => {
  api = await bootTestServer({ now: () => clock });
});
afterAll(() => api?.close());

describe('Vantaa KAP: a group guidance package (scenario 3)', () => {
  it('when the package is held, then the notice pays 50 EUR once: 25 EUR planning and the rest as group guidance', async () => {
    const unitId = await unitIn(api, VANTAA, 'Kuntoutus', 'mental-health-substance');
    const coordinator = await api.token({ sub: 'pia', grants: [`COORDINATOR@${VANTAA}`] });
    const nurse = await api.token({ sub: 'nina', grants: [`PROFESSIONAL@${VANTAA}/${unitId}`] });
    const id = await readyExpert(api, coordinator, VANTAA, {
      displayName: 'Veera',
      accountId: 'veera',
      taskTypeIds: ['group-guidance'],
    });
    const token = await api.token({ sub: 'veera', grants: [`EXPERT@${VANTAA}`] });
    await workDone(
      nurse,
      coordinator,
      { id, token },
      {
        regionId: VANTAA,
        taskTypeId: 'group-guidance',
        packageId: 'group-guidance-package',
        title: 'Kuntoutusryhmä',
        language: 'fi',
        municipality: 'Vantaa',
        group: { from: '2026-09-01', to: '2026-09-30' },
        sessions: [{ startsAt: helsinki('2026-09-16T13:00'), endsAt: helsinki('2026-09-16T14:30') }],
      },
      90,
    );
    clock = new Date(helsinki('2026-10-05T09:00'));
    const period = (
      await api.request(PayoutPeriodDocument, { regionId: VANTAA, month: '2026-09' }, { token: coordinator })
    ).data!.payoutPeriod;
    expect(period).toMatchObject({ noticeDueOn: '2026-10-09', paymentOn: '2026-10-31' });
    const notice = period.notices[0]!;
    expect(notice.totalCents).toBe(5000);
    expect(notice.lines.map((l) => [l.category, l.minutes, l.amountCents, l.rule]).sort()).toEqual([
      ['group-guidance', 90, 2500, 'PACKAGE_REST'],
      ['preparation', 60, 2500, 'PACKAGE_PART'],
    ]);
    await api.request(
      ApprovePayoutNoticeDocument,
      { regionId: VANTAA, month: '2026-09', unitId },
      { token: coordinator },
    );
    const closed = await api.request(
      ClosePayoutPeriodDocument,
      { regionId: VANTAA, month: '2026-09' },
      { token: coordinator },
    );
    expect(closed.data!.closePayoutPeriod.status).toBe('CLOSED');
    clock = new Date(helsinki('2026-09-01T09:00'));
  });
});

describe('Lapland: a volunteer task (scenario 4)', () => {
  it('when a volunteer task is done, then its minutes are on the notice at 0 cents', async () => {
    const coordinator = await api.token({ sub: 'lauri', grants: [`COORDINATOR@${LAPLAND}`] });
    const id = await readyExpert(api, coordinator, LAPLAND, {
      displayName: 'Aino',
      accountId: 'aino',
      taskTypeIds: ['event-volunteer'],
    });
    const token = await api.token({ sub: 'aino', grants: [`EXPERT@${LAPLAND}`] });
    await workDone(
      coordinator,
      coordinator,
      { id, token },
      {
        regionId: LAPLAND,
        externalRequester: { organisation: 'Kauppakeskus Revontuli', contactPerson: 'Tapahtumavastaava' },
        taskTypeId: 'event-volunteer',
        title: 'Pop-up-tapahtuma',
        language: 'fi',
        municipality: 'Rovaniemi',
        sessions: [{ startsAt: helsinki('2026-09-12T10:00'), endsAt: helsinki('2026-09-12T13:00') }],
      },
      180,
    );
    const period = (
      await api.request(PayoutPeriodDocument, { regionId: LAPLAND, month: '2026-09' }, { token: coordinator })
    ).data!.payoutPeriod;
    expect(period.notices).toHaveLength(1);
    expect(period.notices[0]).toMatchObject({
      unit: null,
      externalRequester: 'Kauppakeskus Revontuli',
      totalCents: 0,
      lines: [{ category: 'volunteer', minutes: 180, amountCents: 0, rule: 'VOLUNTEER', taxClass: null }],
    });
  });
});

describe('Itä-Uusimaa: an earnings limit (scenario 5) and erasure (scenario 8)', () => {
  let coordinator: string;
  let professional: string;
  let leena: { id: string; token: string };
  let unitId: string;

  beforeAll(async () => {
    unitId = await unitIn(api, ITA, 'Aikuissosiaalityö, Porvoo', 'working-age');
    coordinator = await api.token({ sub: 'kaisa', grants: [`COORDINATOR@${ITA}`] });
    professional = await api.token({ sub: 'marja', grants: [`PROFESSIONAL@${ITA}/${unitId}`] });
    leena = {
      id: await readyExpert(api, coordinator, ITA, {
        displayName: 'Leena',
        accountId: 'leena',
        taskTypeIds: ['lecture-training'],
        unitIds: [unitId],
      }),
      token: await api.token({ sub: 'leena', grants: [`EXPERT@${ITA}`] }),
    };
    const consent = await api.request(
      UpdateMyConsentDocument,
      { regionId: ITA, input: { earningsLimitOptIn: true, earningsLimitCents: 90_000 } },
      { token: leena.token },
    );
    expect(consent.errors).toBeUndefined();
  });

  const lecture = (day: string, hours: number): CreateOrderInput => ({
    regionId: ITA,
    taskTypeId: 'lecture-training',
    title: `Luento ${day}`,
    language: 'fi',
    municipality: 'Porvoo',
    sessions: [
      { startsAt: helsinki(`${day}T09:00`), endsAt: helsinki(`${day}T${String(9 + hours).padStart(2, '0')}:00`) },
    ],
  });

  it('when Leena has lectured and accepted more, then she sees her month against her limit, and the coordinator sees that one more lecture would pass it', async () => {
    // Two lectures held (8 h + 6 h at 50 EUR), one accepted for later in the month (3 h).
    await workDone(professional, professional, leena, lecture('2026-09-08', 8), 480);
    await workDone(professional, professional, leena, lecture('2026-09-15', 6), 360);
    const later = await placeOrder(api, professional, lecture('2026-09-29', 3));
    const offered = await offer(api, professional, later.id, [leena.id]);
    await api.request(RespondToOfferDocument, { offerId: offered.offers[0]!.id, accept: true }, { token: leena.token });
    clock = new Date(helsinki('2026-09-20T09:00'));
    const mine = await api.request(MyEarningsDocument, { regionId: ITA, month: '2026-09' }, { token: leena.token });
    expect(mine.data!.myEarnings).toEqual({
      month: '2026-09',
      earnedCents: 70_000,
      expectedCents: 15_000,
      limitCents: 90_000,
      remainingCents: 5_000,
    });
    const ok = await api.request(
      ExpertsNearEarningsLimitDocument,
      { regionId: ITA, month: '2026-09', additionalCents: 0 },
      { token: coordinator },
    );
    expect(ok.data!.expertsNearEarningsLimit).toEqual([]);
    const oneMore = await api.request(
      ExpertsNearEarningsLimitDocument,
      { regionId: ITA, month: '2026-09', additionalCents: 10_000 },
      { token: coordinator },
    );
    expect(oneMore.data!.expertsNearEarningsLimit).toEqual([
      {
        expert: { id: leena.id, displayName: 'Leena' },
        earnedCents: 70_000,
        expectedCents: 15_000,
        projectedCents: 95_000,
      },
    ]);
    const byProfessional = await api.request(
      ExpertsNearEarningsLimitDocument,
      { regionId: ITA, month: '2026-09' },
      { token: professional },
    );
    expect(errorCodes(byProfessional)).toEqual(['FORBIDDEN']);
  });

  it('when Leena asks for her data, then her fee lines are listed; when she is erased, they stay under her pseudonym', async () => {
    const data = await api.request(MyFeeLinesDocument, { regionId: ITA }, { token: leena.token });
    expect(data.data!.myData.feeLines.map((l) => l.amountCents).sort()).toEqual([30_000, 40_000]);
    const erased = await api.request(EraseExpertDocument, { id: leena.id, reason: 'pyyntö' }, { token: coordinator });
    expect(erased.errors).toBeUndefined();
    const pseudonym = erased.data!.eraseExpert.pseudonym;
    const period = (
      await api.request(PayoutPeriodDocument, { regionId: ITA, month: '2026-09' }, { token: coordinator })
    ).data!.payoutPeriod;
    const lines = period.notices.flatMap((n) => n.lines).filter((l) => l.expert.id === leena.id);
    expect(lines.map((l) => l.amountCents).sort()).toEqual([30_000, 40_000]);
    expect(new Set(lines.map((l) => l.expert.displayName))).toEqual(new Set([pseudonym]));
  });
});
