import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableOn, contractOn, isValidOn, localDate, overlaps } from './contract-validity';
import {
  EXPERT_STATUSES,
  interviewPanel,
  LifecycleError,
  missingPanelRoles,
  nextStatus,
  type LifecycleEvent,
} from './expert-lifecycle';
import { meetsKokoaRecommendation, meetsTrainingRecommendation, wholeMonthsBetween } from './training';

const EVENTS: LifecycleEvent[] = ['INTERVIEW', 'SIGN_CONTRACT', 'ACTIVATE', 'PAUSE', 'END'];
const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('expert lifecycle', () => {
  it('when an applicant goes through the steps, then APPLIED → INTERVIEWED → CONTRACTED → ACTIVE → PAUSED → ACTIVE → ENDED', () => {
    let s = nextStatus('APPLIED', 'INTERVIEW');
    expect(s).toBe('INTERVIEWED');
    s = nextStatus(s, 'SIGN_CONTRACT');
    expect(s).toBe('CONTRACTED');
    s = nextStatus(s, 'ACTIVATE');
    expect(s).toBe('ACTIVE');
    expect(nextStatus(s, 'PAUSE')).toBe('PAUSED');
    expect(nextStatus('PAUSED', 'ACTIVATE')).toBe('ACTIVE');
    expect(nextStatus('ACTIVE', 'END')).toBe('ENDED');
  });

  it('when an applicant has not been interviewed, then no contract can be signed', () => {
    expect(() => nextStatus('APPLIED', 'SIGN_CONTRACT')).toThrow(LifecycleError);
  });

  it('when an expert has ended, then no event applies', () => {
    for (const e of EVENTS) expect(() => nextStatus('ENDED', e)).toThrow(LifecycleError);
  });

  it('when any sequence of events is applied, then an expert is never active without having signed a contract', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 20 }), (events) => {
        let status: (typeof EXPERT_STATUSES)[number] = 'APPLIED';
        let signed = false;
        for (const e of events) {
          try {
            status = nextStatus(status, e);
            if (e === 'SIGN_CONTRACT') signed = true;
          } catch (error) {
            expect(error).toBeInstanceOf(LifecycleError);
          }
          if (status === 'ACTIVE' || status === 'PAUSED' || status === 'CONTRACTED') expect(signed).toBe(true);
        }
      }),
    );
  });

  it('when the region has an interview step, then its panel is required; otherwise the last panel before the contract', () => {
    expect(
      interviewPanel([
        { id: 'contact' },
        { id: 'interview', panel: ['PROFESSIONAL', 'regional-coordinator'] },
        { id: 'contract' },
      ]),
    ).toEqual({
      stepId: 'interview',
      roles: ['PROFESSIONAL', 'regional-coordinator'],
    });
    expect(
      interviewPanel([
        { id: 'training' },
        { id: 'meet-coordinator', panel: ['brokerage-coordinator'] },
        { id: 'contract', panel: ['x'] },
      ]),
    ).toEqual({
      stepId: 'meet-coordinator',
      roles: ['brokerage-coordinator'],
    });
    expect(missingPanelRoles(['PROFESSIONAL', 'regional-coordinator'], ['regional-coordinator'])).toEqual([
      'PROFESSIONAL',
    ]);
  });
});

describe('Kokoa ry training recommendation', () => {
  it.each([
    [{ hours: 60, startedOn: '2025-01-15', completedOn: '2025-05-15' }, true],
    [{ hours: 60, startedOn: '2025-01-15', completedOn: '2025-05-14' }, false],
    [{ hours: 49, startedOn: '2025-01-01', completedOn: '2025-12-01' }, false],
    [{ hours: 50, startedOn: '2024-10-31', completedOn: '2025-02-28' }, true],
    [{ hours: 80, startedOn: null, completedOn: '2025-05-15' }, false],
  ])('when the training is %o, then meets is %s', (training, meets) => {
    expect(meetsKokoaRecommendation(training)).toBe(meets);
  });

  it('when a training meets it, then a longer one with more hours also does', () => {
    fc.assert(
      fc.property(isoDate, fc.nat(40), fc.nat(400), fc.nat(100), (start, extraMonths, hours, moreHours) => {
        const d = new Date(`${start}T00:00:00Z`);
        d.setUTCMonth(d.getUTCMonth() + 4 + extraMonths);
        const end = d.toISOString().slice(0, 10);
        if (meetsKokoaRecommendation({ hours, startedOn: start, completedOn: end })) {
          expect(meetsKokoaRecommendation({ hours: hours + moreHours, startedOn: start, completedOn: end })).toBe(true);
        }
        expect(wholeMonthsBetween(start, end)).toBeGreaterThanOrEqual(4);
      }),
    );
  });
});

describe("a region's own training recommendation", () => {
  it("when the recommendation is Kokoa ry's 50 hours over 4 months, then it agrees with the Kokoa check, and a stricter one never accepts more", () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.nat(200), fc.nat(60), fc.nat(6), (a, b, hours, extraHours, extraMonths) => {
        const [startedOn, completedOn] = a <= b ? [a, b] : [b, a];
        const training = { hours, startedOn, completedOn };
        expect(meetsTrainingRecommendation(training, { minimumHours: 50, overMonths: 4 })).toBe(
          meetsKokoaRecommendation(training),
        );
        const stricter = { minimumHours: 50 + extraHours, overMonths: 4 + extraMonths };
        if (meetsTrainingRecommendation(training, stricter)) expect(meetsKokoaRecommendation(training)).toBe(true);
      }),
    );
  });
});

describe('contract validity', () => {
  it('when a date is within a contract, then it is valid on both ends inclusive', () => {
    const c = { validFrom: '2026-01-01', validTo: '2027-12-31' };
    expect(isValidOn(c, '2026-01-01')).toBe(true);
    expect(isValidOn(c, '2027-12-31')).toBe(true);
    expect(isValidOn(c, '2028-01-01')).toBe(false);
  });

  it('when two periods do not overlap, then no date is valid in both', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, isoDate, isoDate, (a1, a2, b1, b2, d) => {
        const a = { validFrom: a1 < a2 ? a1 : a2, validTo: a1 < a2 ? a2 : a1 };
        const b = { validFrom: b1 < b2 ? b1 : b2, validTo: b1 < b2 ? b2 : b1 };
        if (!overlaps(a, b)) expect(isValidOn(a, d) && isValidOn(b, d)).toBe(false);
        if (isValidOn(a, d) && isValidOn(b, d)) expect(overlaps(a, b)).toBe(true);
      }),
    );
  });

  it('when the contract has expired, then the active expert is not available for new offers', () => {
    const contracts = [{ validFrom: '2025-01-01', validTo: '2025-12-31' }];
    expect(availableOn('ACTIVE', contracts, '2025-06-01')).toBe(true);
    expect(availableOn('ACTIVE', contracts, '2026-01-01')).toBe(false);
    expect(availableOn('PAUSED', contracts, '2025-06-01')).toBe(false);
    expect(contractOn(contracts, '2026-01-01')).toBeUndefined();
  });

  it('when it is 23:30 UTC on 31 December, then it is already 1 January in Helsinki', () => {
    expect(localDate(new Date('2025-12-31T23:30:00Z'), 'Europe/Helsinki')).toBe('2026-01-01');
  });

  it('when any instants follow one another in any zones, then each gets the date of its own zone', () => {
    const zones = ['Europe/Helsinki', 'America/St_Johns', 'Asia/Kathmandu', 'UTC'];
    const format = (at: Date, timeZone: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
    // Instants close to each other (the same minute, either side of midnight) and far apart.
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(2026, 2, 28, 21, 58), max: Date.UTC(2026, 2, 28, 22, 2) }),
      fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31) }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, fc.constantFrom(...zones)), { maxLength: 30 }), (calls) => {
        for (const [ms, zone] of calls) expect(localDate(new Date(ms), zone)).toBe(format(new Date(ms), zone));
      }),
    );
  });
});
