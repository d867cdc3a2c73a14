/**
 * The work around orders (003 §3–§4, 002, 004): a unit's instructions and orientation, reception
 * shifts paid through the unit's notice, and supervision and peer meetings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateOrderDocument,
  ExpertsWithoutSupportDocument,
  ExpertUnitsDocument,
  MarkExpertOrientedDocument,
  OfferOrderDocument,
  PayoutPeriodDocument,
  ReceptionShiftsDocument,
  RecordReceptionShiftDocument,
  RecordSupportMeetingDocument,
  UnitOrientationsDocument,
  UnitsWithInstructionsDocument,
  UpdateUnitInstructionsDocument,
  type RecordReceptionShiftInput,
} from '../generated/graphql';
import { bootTestServer, errorCodes, type GraphQLResult, type TestApi } from '../helpers/boot';
import { publishRevision } from '../helpers/revisions';
import { helsinki, readyExpert, unitIn } from '../helpers/orders';
import { kokoaFeeRows } from '../../regions/shared/kokoa-fee-table';

const ITA = 'ita-uusimaa';
let clock = new Date(helsinki('2026-06-15T09:00'));
let api: TestApi;
let coordinator: string;
let katja: string;
let otherUnitCoordinator: string;
let unitId: string;
let otherUnit: string;
let expertId: string;

function refusal(result: GraphQLResult<unknown>, code: string): string {
  expect(errorCodes(result)).toEqual([code]);
  return result.errors![0]!.message;
}

beforeAll(async () => {
  api = await bootTestServer({ now: () => clock });
  unitId = await unitIn(api, ITA, 'Mielenterveys- ja päihdepalvelut, Porvoo', 'mental-health-substance');
  otherUnit = await unitIn(api, ITA, 'Vammaispalvelut, Loviisa', 'disability');
  coordinator = await api.token({ sub: 'kaisa', grants: [`COORDINATOR@${ITA}`] });
  katja = await api.token({ sub: 'katja', grants: [`UNIT_COORDINATOR@${ITA}/${unitId}`] });
  otherUnitCoordinator = await api.token({ sub: 'ville', grants: [`UNIT_COORDINATOR@${ITA}/${otherUnit}`] });
  expertId = await readyExpert(api, coordinator, ITA, {
    displayName: 'Jussi',
    accountId: 'jussi',
    taskTypeIds: ['individual-work', 'reception'],
  });
});
afterAll(() => api?.close());

describe('a unit orients its experts (003 §3)', () => {
  it('when the unit coordinator keeps instructions, then every member of the region reads them; another unit’s coordinator may not change them', async () => {
    const saved = await api.request(
      UpdateUnitInstructionsDocument,
      { unitId, text: 'Ilmoittaudu vastaanoton aulassa; työpuhelin haetaan toimistosta.' },
      { token: katja },
    );
    expect(saved.data!.updateUnitInstructions.instructionsForExperts).toMatch(/^Ilmoittaudu/);
    const expert = await api.token({ sub: 'jussi', grants: [`EXPERT@${ITA}`] });
    const units = await api.request(UnitsWithInstructionsDocument, { regionId: ITA }, { token: expert });
    expect(units.data!.units.find((u) => u.id === unitId)?.instructionsForExperts).toMatch(/^Ilmoittaudu/);
    const refused = await api.request(
      UpdateUnitInstructionsDocument,
      { unitId, text: 'Muutettu' },
      { token: otherUnitCoordinator },
    );
    expect(refusal(refused, 'FORBIDDEN')).toMatch(/^unitId: /);
  });

  it('when an expert is not oriented, then Itä-Uusimaa refuses to offer them work in the unit; once oriented, they can be offered it', async () => {
    const professional = await api.token({ sub: 'marja', grants: [`PROFESSIONAL@${ITA}/${unitId}`] });
    const order = await api.request(
      CreateOrderDocument,
      {
        input: {
          regionId: ITA,
          taskTypeId: 'individual-work',
          title: 'Tapaaminen',
          language: 'fi',
          municipality: 'Porvoo',
          sessions: [{ startsAt: helsinki('2026-07-01T10:00'), endsAt: helsinki('2026-07-01T11:00') }],
        },
      },
      { token: professional },
    );
    const orderId = order.data!.createOrder.id;
    const before = await api.request(OfferOrderDocument, { orderId, expertIds: [expertId] }, { token: professional });
    expect(refusal(before, 'BAD_USER_INPUT')).toMatch(/not oriented in unit/);

    const future = await api.request(
      MarkExpertOrientedDocument,
      { unitId, expertId, orientedOn: '2026-06-16' },
      { token: katja },
    );
    expect(refusal(future, 'BAD_USER_INPUT')).toMatch(/^orientedOn: /);
    const elsewhere = await api.request(
      MarkExpertOrientedDocument,
      { unitId, expertId, orientedOn: '2026-06-10' },
      { token: otherUnitCoordinator },
    );
    expect(refusal(elsewhere, 'FORBIDDEN')).toMatch(/^unitId: /);
    const oriented = await api.request(
      MarkExpertOrientedDocument,
      { unitId, expertId, orientedOn: '2026-06-10' },
      { token: katja },
    );
    expect(oriented.data!.markExpertOriented).toEqual({
      unitId,
      expertId,
      displayName: 'Jussi',
      orientedOn: '2026-06-10',
    });
    const profile = await api.request(ExpertUnitsDocument, { id: expertId }, { token: coordinator });
    expect(profile.data!.expert.units.map((u) => u.id)).toEqual([unitId]);
    const list = await api.request(UnitOrientationsDocument, { unitId }, { token: katja });
    expect(list.data!.unitOrientations).toEqual([{ expertId, displayName: 'Jussi', orientedOn: '2026-06-10' }]);
    const audit = await api.sql<{ fields: string[] }>(
      `select fields from audit_entry where subject_id = $1 and action = 'CHANGE' and actor_id = 'katja'`,
      [expertId],
    );
    expect(audit).toEqual([{ fields: ['unitIds'] }]);
    const after = await api.request(OfferOrderDocument, { orderId, expertIds: [expertId] }, { token: professional });
    expect(after.data!.offerOrder.status).toBe('OFFERED');
  });
});

describe('reception shifts (003 §4)', () => {
  const shift = (over: Partial<RecordReceptionShiftInput> = {}): RecordReceptionShiftInput => ({
    regionId: ITA,
    unitId,
    expertId,
    startsAt: helsinki('2026-06-12T09:00'),
    endsAt: helsinki('2026-06-12T12:00'),
    kind: 'WALK_IN',
    visitorCount: 4,
    ...over,
  });

  it('when a walk-in shift is recorded, then it keeps the rate of the day, counts visitors only, and is paid on the unit’s notice', async () => {
    const recorded = await api.request(RecordReceptionShiftDocument, { input: shift() }, { token: katja });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordReceptionShift).toMatchObject({
      minutes: 180,
      visitorCount: 4,
      feeCategory: 'client-meeting',
      hourlyRateCents: 3000,
      taxClass: 'WORK_COMPENSATION',
      unit: { id: unitId },
      expert: { id: expertId },
    });
    const columns = await api.sql<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'reception_shift'`,
    );
    expect(columns.map((c) => c.column_name)).not.toEqual(expect.arrayContaining(['client_ref']));
    const period = await api.request(PayoutPeriodDocument, { regionId: ITA, month: '2026-06' }, { token: katja });
    expect(period.data!.payoutPeriod.notices[0]!.lines).toMatchObject([
      { category: 'client-meeting', minutes: 180, amountCents: 9000, rule: 'RECEPTION' },
    ]);
  });

  it('when a later fee table is published, then a recorded shift keeps its rate and a shift after it gets the new one', async () => {
    const admin = await api.token({ sub: 'anna', grants: [`REGION_ADMIN@${ITA}`] });
    const rows = kokoaFeeRows.map((row) => ({ ...row, hourlyRateCents: row.hourlyRateCents + 100 }));
    await publishRevision(api, admin, {
      regionId: ITA,
      effectiveFrom: helsinki('2026-06-16T00:00'),
      reason: 'Korotus',
      changes: { feeTable: { rows } },
    });
    clock = new Date(helsinki('2026-06-17T09:00'));
    const later = await api.request(
      RecordReceptionShiftDocument,
      { input: shift({ startsAt: helsinki('2026-06-16T09:00'), endsAt: helsinki('2026-06-16T10:00') }) },
      { token: katja },
    );
    expect(later.data!.recordReceptionShift.hourlyRateCents).toBe(3100);
    const period = await api.request(PayoutPeriodDocument, { regionId: ITA, month: '2026-06' }, { token: katja });
    expect(period.data!.payoutPeriod.notices[0]!.lines.map((l) => [l.minutes, l.rateCents, l.amountCents])).toEqual(
      expect.arrayContaining([
        [180, 3000, 9000],
        [60, 3100, 3100],
      ]),
    );
  });

  it('when input is wrong or the unit is not theirs, then the shift is refused naming the field', async () => {
    const cases: Array<[string, Partial<RecordReceptionShiftInput>, string]> = [
      ['input.endsAt', { endsAt: helsinki('2026-06-12T08:00') }, 'BAD_USER_INPUT'],
      [
        'input.startsAt',
        { startsAt: helsinki('2026-06-20T09:00'), endsAt: helsinki('2026-06-20T10:00') },
        'BAD_USER_INPUT',
      ],
      ['input.visitorCount', { visitorCount: -1 }, 'BAD_USER_INPUT'],
      ['input.expertId', { unitId: otherUnit }, 'BAD_USER_INPUT'],
      ['input.unitId', { unitId: otherUnit }, 'FORBIDDEN'],
    ];
    for (const [field, over, code] of cases) {
      const token = field === 'input.expertId' ? coordinator : katja;
      const result = await api.request(RecordReceptionShiftDocument, { input: shift(over) }, { token });
      expect(refusal(result, code), field).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
    }
    const vantaa = await api.token({ sub: 'pia', grants: ['COORDINATOR@vantaa-kap'] });
    const noReception = await api.request(
      RecordReceptionShiftDocument,
      { input: shift({ regionId: 'vantaa-kap' }) },
      { token: vantaa },
    );
    expect(refusal(noReception, 'BAD_USER_INPUT')).toMatch(/^input\.regionId: .*no reception work/);
  });

  it('when shifts are listed, then each sees theirs, and the statement count does not grow with the list', async () => {
    const expert = await api.token({ sub: 'jussi', grants: [`EXPERT@${ITA}`] });
    const mine = await api.request(ReceptionShiftsDocument, { regionId: ITA }, { token: expert });
    expect(mine.data!.receptionShifts).toHaveLength(2);
    expect(mine.data!.receptionShifts.every((s) => s.expert.id === expertId)).toBe(true);
    for (const day of ['2026-06-08', '2026-06-09', '2026-06-10'])
      await api.request(
        RecordReceptionShiftDocument,
        { input: shift({ startsAt: helsinki(`${day}T09:00`), endsAt: helsinki(`${day}T11:00`), kind: 'BOOKED' }) },
        { token: katja },
      );
    const four = await api.request(ReceptionShiftsDocument, { regionId: ITA }, { token: coordinator });
    const oneAgain = await api.request(ReceptionShiftsDocument, { regionId: ITA, first: 1 }, { token: coordinator });
    expect(four.data!.receptionShifts).toHaveLength(5);
    expect(four.statements).toBe(oneAgain.statements);
    const stranger = await api.request(ReceptionShiftsDocument, { regionId: ITA }, { token: otherUnitCoordinator });
    expect(stranger.data!.receptionShifts).toEqual([]);
  });
});

describe('supervision and peer meetings', () => {
  it('when an expert has had no supervision in three months, then the coordinator sees them; an attended one clears them', async () => {
    const missing = async () =>
      (await api.request(ExpertsWithoutSupportDocument, { regionId: ITA, kind: 'SUPERVISION' }, { token: coordinator }))
        .data!.expertsWithoutSupport;
    expect(await missing()).toEqual([{ expert: { id: expertId, displayName: 'Jussi' }, lastAttendedOn: null }]);
    const record = (heldOn: string, attended: boolean) =>
      api.request(
        RecordSupportMeetingDocument,
        { input: { regionId: ITA, expertId, kind: 'SUPERVISION', heldOn, attended } },
        { token: coordinator },
      );
    expect((await record('2026-02-10', true)).errors).toBeUndefined();
    // Offered but not attended, and one too long ago: still without.
    expect((await record('2026-05-20', false)).errors).toBeUndefined();
    expect(await missing()).toEqual([{ expert: { id: expertId, displayName: 'Jussi' }, lastAttendedOn: '2026-02-10' }]);
    expect((await record('2026-06-01', true)).errors).toBeUndefined();
    expect(await missing()).toEqual([]);
    const future = await record('2026-07-01', true);
    expect(refusal(future, 'BAD_USER_INPUT')).toMatch(/^input\.heldOn: /);
    const byUnit = await api.request(
      ExpertsWithoutSupportDocument,
      { regionId: ITA, kind: 'PEER_MEETING' },
      { token: katja },
    );
    expect(errorCodes(byUnit)).toEqual(['FORBIDDEN']);
  });
});
