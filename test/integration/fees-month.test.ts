/**
 * One month of Itä-Uusimaa work, from sessions to a closed payout period (scenarios 1 and 2,
 * 003 §6.2–6.3): every outcome's fee, the notice's dates, the expert's confirmation, the unit's
 * approval, closing, an adjustment after closing, and the CSV in both dialects.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApprovePayoutNoticeDocument,
  CancelSessionDocument,
  ClosePayoutPeriodDocument,
  ConfirmMyMonthDocument,
  MyMonthDocument,
  PayoutCsvDocument,
  PayoutPeriodDocument,
  RecordSessionOutcomeDocument,
  RecordTaxCardDocument,
  RespondToOfferDocument,
  type CreateOrderInput,
  type SessionOutcome,
} from '../generated/graphql';
import { bootTestServer, errorCodes, type TestApi } from '../helpers/boot';
import { helsinki, offer, placeOrder, readyExpert, unitIn } from '../helpers/orders';

const ITA = 'ita-uusimaa';
const OCTOBER = '2026-10';
let clock = new Date(helsinki('2026-09-20T09:00'));

describe('a month of fees in Itä-Uusimaa', () => {
  let api: TestApi;
  let coordinator: string;
  let marja: string;
  let katja: string;
  let jussi: string;
  let jussiId: string;
  let annaId: string;
  let unitId: string;
  const sessions: Record<string, string> = {};

  const at = (local: string) => helsinki(local);
  const meeting = (title: string, day: string, from: string, to: string, over: Partial<CreateOrderInput> = {}) =>
    placeOrder(api, marja, {
      regionId: ITA,
      taskTypeId: 'individual-work',
      title,
      language: 'fi',
      municipality: 'Porvoo',
      sessions: [{ startsAt: at(`${day}T${from}`), endsAt: at(`${day}T${to}`) }],
      ...over,
    });
  const acceptedBy = async (orderId: string, experts: Array<[string, string]>) => {
    const offered = await offer(
      api,
      marja,
      orderId,
      experts.map(([id]) => id),
    );
    for (const [id, token] of experts) {
      const offerId = offered.offers.find((o) => o.expert.id === id)!.id;
      const answer = await api.request(RespondToOfferDocument, { offerId, accept: true }, { token });
      expect(answer.errors).toBeUndefined();
    }
  };
  const outcome = async (key: string, outcome: SessionOutcome, minutes?: number) => {
    const result = await api.request(
      RecordSessionOutcomeDocument,
      { sessionId: sessions[key]!, input: { outcome, minutes } },
      { token: marja },
    );
    expect(result.errors).toBeUndefined();
  };

  beforeAll(async () => {
    api = await bootTestServer({ now: () => clock });
    unitId = await unitIn(api, ITA, 'Aikuissosiaalityö, Porvoo', 'working-age');
    coordinator = await api.token({ sub: 'kaisa', grants: [`COORDINATOR@${ITA}`] });
    marja = await api.token({ sub: 'marja', grants: [`PROFESSIONAL@${ITA}/${unitId}`] });
    katja = await api.token({ sub: 'katja', grants: [`UNIT_COORDINATOR@${ITA}/${unitId}`] });
    jussi = await api.token({ sub: 'jussi', grants: [`EXPERT@${ITA}`] });
    const anna = await api.token({ sub: 'anna', grants: [`EXPERT@${ITA}`] });
    const kinds = ['individual-work', 'group-guidance'];
    jussiId = await readyExpert(api, coordinator, ITA, {
      displayName: 'Jussi',
      accountId: 'jussi',
      taskTypeIds: kinds,
      unitIds: [unitId],
    });
    annaId = await readyExpert(api, coordinator, ITA, {
      displayName: 'Anna',
      accountId: 'anna',
      taskTypeIds: kinds,
      unitIds: [unitId],
    });
    const card = await api.request(
      RecordTaxCardDocument,
      { id: jussiId, year: 2026, receivedOn: '2026-01-10' },
      { token: coordinator },
    );
    expect(card.errors).toBeUndefined();

    const completed = await meeting('Tapaaminen', '2026-10-06', '10:00', '11:30', {
      preparationMinutes: 30,
      travelCents: 1240,
    });
    const late = await meeting('Myöhään peruttu', '2026-10-13', '10:00', '11:30');
    const early = await meeting('Ajoissa peruttu', '2026-10-14', '10:00', '11:00');
    const noShow = await meeting('Ei saapunut', '2026-10-20', '10:00', '11:00');
    const ill = await meeting('Sairas', '2026-10-21', '10:00', '11:00');
    const group = await placeOrder(api, marja, {
      regionId: ITA,
      taskTypeId: 'group-guidance',
      title: 'Vertaisryhmä',
      language: 'fi',
      municipality: 'Porvoo',
      expertsNeeded: 2,
      group: { from: '2026-10-01', to: '2026-10-31' },
      sessions: ['2026-10-15', '2026-10-22', '2026-10-29'].map((d) => ({
        startsAt: at(`${d}T14:00`),
        endsAt: at(`${d}T15:30`),
      })),
    });
    for (const order of [completed, late, early, noShow, ill]) await acceptedBy(order.id, [[jussiId, jussi]]);
    await acceptedBy(group.id, [
      [jussiId, jussi],
      [annaId, anna],
    ]);
    Object.assign(sessions, {
      completed: completed.sessions[0]!.id,
      late: late.sessions[0]!.id,
      early: early.sessions[0]!.id,
      noShow: noShow.sessions[0]!.id,
      ill: ill.sessions[0]!.id,
      groupHeld: group.sessions[0]!.id,
      groupEmpty: group.sessions[1]!.id,
      groupEnded: group.sessions[2]!.id,
    });

    clock = new Date(at('2026-10-12T16:10'));
    await api.request(CancelSessionDocument, { sessionId: sessions.late!, reason: 'asiakas peruu' }, { token: marja });
    clock = new Date(at('2026-10-13T14:00'));
    await api.request(CancelSessionDocument, { sessionId: sessions.early!, reason: 'ajoissa' }, { token: marja });
    clock = new Date(at('2026-10-30T12:00'));
    await outcome('completed', 'COMPLETED', 90);
    await outcome('noShow', 'CLIENT_NO_SHOW');
    await outcome('ill', 'EXPERT_ILL');
    await outcome('groupHeld', 'COMPLETED', 90);
    await outcome('groupEmpty', 'NO_PARTICIPANTS');
    await outcome('groupEnded', 'GROUP_ENDED');
    clock = new Date(at('2026-11-02T09:00'));
  });
  afterAll(() => api?.close());

  it('when Jussi opens his October, then every outcome has its fee and the total is theirs to confirm', async () => {
    const month = await api.request(MyMonthDocument, { regionId: ITA, month: OCTOBER }, { token: jussi });
    const lines = month.data!.myMonth.lines.map((l) => [
      l.sessionId,
      l.category,
      l.minutes,
      l.rateCents,
      l.amountCents,
      l.rule,
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        [sessions.completed, 'client-meeting', 90, 3000, 4500, 'WORKED'],
        [sessions.completed, 'preparation', 30, 2500, 1250, 'PREPARATION'],
        [sessions.completed, 'travel', 0, null, 1240, 'TRAVEL_AGREED'],
        [sessions.late, 'client-meeting', 90, 3000, 4500, 'LATE_CANCELLATION'],
        [sessions.noShow, 'client-meeting', 60, 3000, 3000, 'CLIENT_NO_SHOW'],
        [sessions.groupHeld, 'group-guidance', 90, 3000, 4500, 'WORKED'],
        [sessions.groupEmpty, 'group-guidance', 90, 3000, 4500, 'NO_PARTICIPANTS'],
      ]),
    );
    expect(lines).toHaveLength(7);
    // Cancelled in time, ill, and a group ended for a reason: nothing.
    for (const unpaid of [sessions.early, sessions.ill, sessions.groupEnded])
      expect(lines.some((l) => l[0] === unpaid)).toBe(false);
    expect(month.data!.myMonth.totalCents).toBe(23_490);
    const confirmed = await api.request(ConfirmMyMonthDocument, { regionId: ITA, month: OCTOBER }, { token: jussi });
    expect(confirmed.data!.confirmMyMonth).toMatchObject({ totalCents: 23_490, confirmedAt: clock.toISOString() });
  });

  it('when Katja opens the notice, then it is due 9 November, paid 30 November, with totals per tax class and both experts of the group', async () => {
    const period = (await api.request(PayoutPeriodDocument, { regionId: ITA, month: OCTOBER }, { token: katja })).data!
      .payoutPeriod;
    expect(period).toMatchObject({ status: 'OPEN', noticeDueOn: '2026-11-09', paymentOn: '2026-11-30' });
    expect(period.notices).toHaveLength(1);
    const notice = period.notices[0]!;
    expect(notice).toMatchObject({ unit: { id: unitId }, status: 'OPEN', totalCents: 32_490 });
    expect(notice.totalsByTaxClass).toEqual([
      { key: 'NONE', amountCents: 1240 },
      { key: 'WORK_COMPENSATION', amountCents: 31_250 },
    ]);
    expect(notice.experts).toEqual(
      expect.arrayContaining([
        { expert: { id: jussiId }, totalCents: 23_490, confirmed: true, taxCardMissing: false },
        { expert: { id: annaId }, totalCents: 9000, confirmed: false, taxCardMissing: true },
      ]),
    );
    expect(
      notice.lines
        .filter((l) => l.expert.id === annaId)
        .map((l) => l.rule)
        .sort(),
    ).toEqual(['NO_PARTICIPANTS', 'WORKED']);
  });

  it('when the coordinator closes before the unit approves, then CONFLICT names the unit; after approval the period closes once', async () => {
    const early = await api.request(
      ClosePayoutPeriodDocument,
      { regionId: ITA, month: OCTOBER },
      { token: coordinator },
    );
    expect(errorCodes(early)).toEqual(['CONFLICT']);
    expect(early.errors![0]!.message).toContain('Aikuissosiaalityö, Porvoo');
    const approved = await api.request(
      ApprovePayoutNoticeDocument,
      { regionId: ITA, month: OCTOBER, unitId },
      { token: katja },
    );
    expect(approved.data!.approvePayoutNotice).toMatchObject({ status: 'APPROVED', totalCents: 32_490 });
    const closed = await api.request(
      ClosePayoutPeriodDocument,
      { regionId: ITA, month: OCTOBER },
      { token: coordinator },
    );
    expect(closed.data!.closePayoutPeriod).toMatchObject({ status: 'CLOSED' });
    const twice = await api.request(
      ClosePayoutPeriodDocument,
      { regionId: ITA, month: OCTOBER },
      { token: coordinator },
    );
    expect(errorCodes(twice)).toEqual(['CONFLICT']);
  });

  it('when October work is recorded after closing, then it goes to November as an adjustment and October stays as it was', async () => {
    const after = await placeOrder(api, coordinator, {
      regionId: ITA,
      unitId,
      taskTypeId: 'individual-work',
      title: 'Jälkikäteen kirjattu',
      language: 'fi',
      municipality: 'Porvoo',
      sessions: [{ startsAt: at('2026-10-27T10:00'), endsAt: at('2026-10-27T11:00') }],
    });
    const offered = await offer(api, coordinator, after.id, [jussiId]);
    await api.request(RespondToOfferDocument, { offerId: offered.offers[0]!.id, accept: true }, { token: jussi });
    await api.request(
      RecordSessionOutcomeDocument,
      { sessionId: after.sessions[0]!.id, input: { outcome: 'COMPLETED', minutes: 60 } },
      { token: coordinator },
    );
    const october = (await api.request(PayoutPeriodDocument, { regionId: ITA, month: OCTOBER }, { token: coordinator }))
      .data!.payoutPeriod;
    expect(october.notices[0]!.totalCents).toBe(32_490);
    const november = (
      await api.request(PayoutPeriodDocument, { regionId: ITA, month: '2026-11' }, { token: coordinator })
    ).data!.payoutPeriod;
    expect(november.notices[0]!.lines).toMatchObject([{ workMonth: OCTOBER, adjustment: true, amountCents: 3000 }]);
  });

  it('when the notice is downloaded, then both dialects parse back to the same amounts, and the download is audited', async () => {
    const download = async (dialect: 'EXCEL_FI' | 'RFC4180') =>
      (await api.request(PayoutCsvDocument, { regionId: ITA, month: OCTOBER, unitId, dialect }, { token: katja })).data!
        .payoutCsv;
    const excel = await download('EXCEL_FI');
    expect(excel.startsWith('\uFEFF')).toBe(true);
    const excelRows = parse<Record<string, string>>(excel, { bom: true, columns: true, delimiter: ';' });
    const excelCents = excelRows.map((r) => Math.round(Number(r.amount_eur!.replace(',', '.')) * 100));
    expect(excelRows[0]!.amount_eur).toMatch(/^\d+,\d{2}$/);
    const machine = await download('RFC4180');
    expect(machine.startsWith('\uFEFF')).toBe(false);
    const machineRows = parse<Record<string, string>>(machine, { columns: true });
    const machineCents = machineRows.map((r) => Math.round(Number(r.amount_eur) * 100));
    expect(machineCents).toEqual(excelCents);
    expect(machineCents.reduce((a, b) => a + b, 0)).toBe(32_490);
    expect(new Set(machineRows.map((r) => r.expert))).toEqual(new Set(['Jussi', 'Anna']));
    const audit = await api.sql<{ subject_id: string }>(
      `select distinct subject_id from audit_entry where actor_id = 'katja' and operation = 'payoutCsv'`,
    );
    expect(audit.map((a) => a.subject_id).sort()).toEqual([jussiId, annaId].sort());
  });

  it('when a unit coordinator of another unit or a professional asks, then the notice is not theirs', async () => {
    const other = await unitIn(api, ITA, 'Vammaispalvelut', 'disability');
    const stranger = await api.token({ sub: 'ville', grants: [`UNIT_COORDINATOR@${ITA}/${other}`] });
    const seen = await api.request(PayoutPeriodDocument, { regionId: ITA, month: OCTOBER }, { token: stranger });
    expect(seen.data!.payoutPeriod.notices).toEqual([]);
    const csv = await api.request(
      PayoutCsvDocument,
      { regionId: ITA, month: OCTOBER, unitId, dialect: 'RFC4180' },
      { token: stranger },
    );
    expect(errorCodes(csv)).toEqual(['FORBIDDEN']);
    const byProfessional = await api.request(PayoutPeriodDocument, { regionId: ITA, month: OCTOBER }, { token: marja });
    expect(errorCodes(byProfessional)).toEqual(['FORBIDDEN']);
    const badMonth = await api.request(PayoutPeriodDocument, { regionId: ITA, month: '2026-13' }, { token: katja });
    expect(errorCodes(badMonth)).toEqual(['BAD_USER_INPUT']);
    expect(badMonth.errors![0]!.message).toMatch(/^month: /);
  });
});
