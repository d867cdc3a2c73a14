import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CancellationDeadlineDocument,
  FeedbackQuestionsDocument,
  PayoutDatesDocument,
  RegionRulesDocument,
  RegionsDocument,
  RegionsWithRulesDocument,
} from '../generated/graphql';
import { bootTestServer, discoveredRegionIds, errorCodes, type TestApi } from '../helpers/boot';

let api: TestApi;
beforeAll(async () => {
  api = await bootTestServer();
});
afterAll(async () => {
  await api?.close();
});

const rules = async (id: string, at?: string, locale?: string) => {
  const result = await api.request(RegionRulesDocument, { id, at, locale });
  expect(result.errors).toBeUndefined();
  return result.data!.region!;
};

describe('regions are public', () => {
  it('when anyone lists regions, then every region module is served without a token', async () => {
    const result = await api.request(RegionsDocument, {});
    expect(result.errors).toBeUndefined();
    expect(result.data!.regions.map((r) => r.id).sort()).toEqual(await discoveredRegionIds());
    expect(result.data!.regions.map((r) => r.id)).toEqual(
      expect.arrayContaining(['ita-uusimaa', 'lapland', 'vantaa-kap']),
    );
  });

  it('when a name is asked in Swedish, then bilingual Itä-Uusimaa answers in Swedish and Finnish-only Lapland falls back to Finnish', async () => {
    const result = await api.request(RegionsDocument, { locale: 'sv' });
    const byId = Object.fromEntries(result.data!.regions.map((r) => [r.id, r]));
    expect(byId['ita-uusimaa']!.locales).toEqual(['fi', 'sv']);
    expect(byId['ita-uusimaa']!.name).toBe('Östra Nylands välfärdsområde');
    expect(byId['lapland']!.locales).toEqual(['fi']);
    expect(byId['lapland']!.name).toBe((await rules('lapland', undefined, 'fi')).name);
  });

  it('when an unknown region is asked for, then region is null', async () => {
    const result = await api.request(RegionRulesDocument, { id: 'atlantis' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.region).toBeNull();
  });

  it('when the ordering models are compared, then each region has its own', async () => {
    const result = await api.request(RegionsDocument, {});
    const models = Object.fromEntries(result.data!.regions.map((r) => [r.id, r.orderingModel]));
    expect(models).toMatchObject({
      'ita-uusimaa': 'PROFESSIONAL_ORDERS',
      'vantaa-kap': 'BANK_MATCHES',
      lapland: 'COORDINATOR_BROKERS',
    });
  });
});

describe('Itä-Uusimaa follows its service description', () => {
  it('when its cancellation policy is read, then cancelling is free until 15:00 the previous day and late cancellations, no-shows and empty groups are paid but expert illness is not', async () => {
    const region = await rules('ita-uusimaa');
    expect(region.cancellationPolicy).toMatchObject({
      hoursBefore: null,
      daysBefore: 1,
      localTime: '15:00',
      latePaid: true,
      noShowPaid: true,
      emptyGroupPaid: true,
      expertIllnessPaid: false,
      rescheduleByAgreement: true,
    });
  });

  it('when its payout schedule is read, then the notice is due on the 9th and payment is on the last day of the following month', async () => {
    const region = await rules('ita-uusimaa');
    expect(region.payoutSchedule).toEqual({
      noticeDueDay: 9,
      paymentDay: null,
      paymentOnLastDay: true,
      paymentMonthOffset: 1,
    });
    const dates = await api.request(PayoutDatesDocument, { regionId: 'ita-uusimaa', workMonth: '2026-11' });
    expect(dates.data!.payoutDates).toEqual({ noticeDueOn: '2026-12-09', paymentOn: '2026-12-31' });
  });

  it('when its fee table is read, then it is the nine-row Kokoa ry table in cents with tax classes', async () => {
    const region = await rules('ita-uusimaa');
    const rates = Object.fromEntries(region.feeTable.rows.map((r) => [r.category, r.hourlyRateCents]));
    expect(rates).toEqual({
      preparation: 2500,
      'group-guidance': 3000,
      'client-meeting': 3000,
      meeting: 4000,
      'demanding-meeting': 7000,
      'working-group': 4000,
      lecture: 5000,
      'demanding-event': 10000,
      'observation-interview-audit': 3000,
    });
    const taxOf = Object.fromEntries(region.feeTable.rows.map((r) => [r.category, r.taxClass]));
    expect(taxOf['meeting']).toBe('SALARY');
    expect(taxOf['lecture']).toBe('SALARY');
    expect(taxOf['client-meeting']).toBe('WORK_COMPENSATION');
    expect(taxOf['preparation']).toBe('WORK_COMPENSATION');
  });

  it('when travel, service interfaces and onboarding are read, then travel is agreed in advance, there are eight interfaces and a professional sits on the interview panel with the regional coordinator', async () => {
    const region = await rules('ita-uusimaa');
    expect(region.travel.rule).toBe('AGREED_IN_ADVANCE');
    const listed = await api.request(RegionsDocument, {});
    const ita = listed.data!.regions.find((r) => r.id === 'ita-uusimaa')!;
    expect(ita.serviceInterfaces).toHaveLength(8);
    expect(ita.coordinatorRoles.map((r) => [r.id, r.scope])).toEqual([
      ['regional-coordinator', 'REGION'],
      ['unit-coordinator', 'UNIT'],
    ]);
    const interview = region.onboardingSteps.find((s) => s.id === 'interview')!;
    expect(interview.panel.sort()).toEqual(['PROFESSIONAL', 'regional-coordinator']);
  });

  it('when the Swedish labels are asked for, then they are Swedish', async () => {
    const region = await rules('ita-uusimaa', undefined, 'sv');
    expect(region.cancellationPolicy.description).not.toBe(
      (await rules('ita-uusimaa', undefined, 'fi')).cancellationPolicy.description,
    );
  });
});

describe('Vantaa KAP follows its order form', () => {
  it('when its cancellation policy is read, then it is free until 24 hours before, and late cancellations and no-shows are paid', async () => {
    const region = await rules('vantaa-kap');
    expect(region.cancellationPolicy).toMatchObject({
      hoursBefore: 24,
      daysBefore: null,
      localTime: null,
      latePaid: true,
      noShowPaid: true,
    });
  });

  it('when its fee table is read, then a group guidance package of 50 EUR includes one planning hour at 25 EUR beside hourly rates', async () => {
    const region = await rules('vantaa-kap');
    expect(region.feeTable.rows).toHaveLength(9);
    expect(region.feeTable.packages).toHaveLength(1);
    expect(region.feeTable.packages[0]).toMatchObject({
      priceCents: 5000,
      includes: [{ category: 'preparation', minutes: 60, amountCents: 2500 }],
    });
  });

  it("when its task types are read, then they are the order form's own", async () => {
    const listed = await api.request(RegionsDocument, {});
    const vantaa = listed.data!.regions.find((r) => r.id === 'vantaa-kap')!;
    const ita = listed.data!.regions.find((r) => r.id === 'ita-uusimaa')!;
    expect(vantaa.taskTypes.length).toBe(9);
    expect(vantaa.taskTypes.map((t) => t.id)).not.toEqual(ita.taskTypes.map((t) => t.id));
  });
});

describe('Lapland follows the brokerage model', () => {
  it('when its task types are read, then volunteer tasks are unpaid and have no fee category, and remote work is supported', async () => {
    const listed = await api.request(RegionsDocument, {});
    const lapland = listed.data!.regions.find((r) => r.id === 'lapland')!;
    const unpaid = lapland.taskTypes.filter((t) => !t.paid);
    expect(unpaid.length).toBeGreaterThanOrEqual(1);
    expect(unpaid.every((t) => t.feeCategory === null)).toBe(true);
    expect(lapland.supportsRemoteWork).toBe(true);
    expect(lapland.coordinatorRoles.some((r) => r.scope === 'REGION')).toBe(true);
  });

  it('when feedback questions are asked per respondent, then each respondent has its own form', async () => {
    const expert = await api.request(FeedbackQuestionsDocument, { id: 'lapland', respondent: 'EXPERT' });
    const client = await api.request(FeedbackQuestionsDocument, { id: 'lapland', respondent: 'CLIENT' });
    expect(expert.data!.region!.feedbackQuestions.length).toBeGreaterThan(0);
    expect(client.data!.region!.feedbackQuestions.map((q) => q.id)).not.toEqual(
      expert.data!.region!.feedbackQuestions.map((q) => q.id),
    );
  });
});

describe('cancellation deadlines are reckoned in the region time zone', () => {
  const deadline = async (regionId: string, startsAt: string) => {
    const result = await api.request(CancellationDeadlineDocument, { regionId, startsAt });
    expect(result.errors).toBeUndefined();
    return result.data!.cancellationDeadline;
  };

  it('when a task is at 09:00 on the Monday after the spring clock change, then the deadline is 15:00 local (summer time) on the Sunday', async () => {
    // Clocks go forward on Sunday 29 March; Monday 30 March 09:00 EEST = 06:00Z, Sunday 15:00 EEST = 12:00Z.
    expect(await deadline('ita-uusimaa', '2026-03-30T06:00:00Z')).toBe('2026-03-29T12:00:00.000Z');
  });

  it('when a task is at 09:00 on the day of the spring change, then the deadline is 15:00 winter time the day before', async () => {
    // Sunday 29 March 09:00 EEST = 06:00Z; Saturday 28 March 15:00 EET = 13:00Z.
    expect(await deadline('ita-uusimaa', '2026-03-29T06:00:00Z')).toBe('2026-03-28T13:00:00.000Z');
  });

  it('when a task is at 09:00 on the Monday after the autumn clock change, then the deadline is 15:00 local (winter time) on the Sunday', async () => {
    // Monday 26 October 09:00 EET = 07:00Z; Sunday 25 October 15:00 EET = 13:00Z.
    expect(await deadline('ita-uusimaa', '2026-10-26T07:00:00Z')).toBe('2026-10-25T13:00:00.000Z');
  });

  it('when a task is on the Monday before the autumn change, then summer time still applies', async () => {
    // Monday 19 October 09:00 EEST = 06:00Z; Sunday 18 October 15:00 EEST = 12:00Z.
    expect(await deadline('ita-uusimaa', '2026-10-19T06:00:00Z')).toBe('2026-10-18T12:00:00.000Z');
  });

  it('when Vantaa KAP has a task across the spring change, then the deadline is exactly 24 elapsed hours before', async () => {
    expect(await deadline('vantaa-kap', '2026-03-29T10:00:00Z')).toBe('2026-03-28T10:00:00.000Z');
  });

  it("when Marja's client cancels Tuesday 10:00 on Monday at 16:10, then that is after the deadline (scenario 1)", async () => {
    // Tuesday 1 December 2026 10:00 EET = 08:00Z; the deadline is Monday 15:00 EET = 13:00Z.
    const due = await deadline('ita-uusimaa', '2026-12-01T08:00:00Z');
    expect(due).toBe('2026-11-30T13:00:00.000Z');
    expect(new Date('2026-11-30T14:10:00Z') > new Date(due)).toBe(true);
  });

  it('when the region is unknown, then NOT_FOUND', async () => {
    const result = await api.request(CancellationDeadlineDocument, {
      regionId: 'atlantis',
      startsAt: '2026-12-01T08:00:00Z',
    });
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
  });
});

describe('payout dates', () => {
  it.each([
    ['2026-01', '2026-02-09', '2026-02-28'],
    ['2027-12', '2028-01-09', '2028-01-31'],
    ['2028-01', '2028-02-09', '2028-02-29'],
  ])(
    'when work is done in %s in Itä-Uusimaa, then the notice is due %s and the fee is paid %s',
    async (workMonth, noticeDueOn, paymentOn) => {
      const result = await api.request(PayoutDatesDocument, { regionId: 'ita-uusimaa', workMonth });
      expect(result.data!.payoutDates).toEqual({ noticeDueOn, paymentOn });
    },
  );

  it.each(['2026-13', '2026-1', 'november', '2026-00', ''])(
    'when the work month is "%s", then BAD_USER_INPUT names workMonth',
    async (workMonth) => {
      const result = await api.request(PayoutDatesDocument, { regionId: 'ita-uusimaa', workMonth });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.message).toContain('workMonth');
    },
  );
});

describe('no N+1 over regions', () => {
  it("when every region's rules as of a date are listed, then the statements do not grow with the number of regions", async () => {
    // With nothing cached (as after a publish), the revisions are read once for all regions.
    api.server.services.regions.cache.invalidate();
    const all = await api.request(RegionsWithRulesDocument, { at: '2027-01-01T00:00:00Z' });
    expect(all.errors).toBeUndefined();
    expect(all.data!.regions.map((r) => r.id).sort()).toEqual(await discoveredRegionIds());
    api.server.services.regions.cache.invalidate();
    const one = await api.request(RegionRulesDocument, { id: 'lapland', at: '2027-01-01T00:00:00Z' });
    expect(one.errors).toBeUndefined();
    // One batched read of published revisions, whether one region or all are asked.
    expect(all.statements).toBe(1);
    expect(one.statements).toBe(all.statements);
  });
});
