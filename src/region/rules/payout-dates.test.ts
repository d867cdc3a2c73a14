import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import ita from '../../../regions/ita-uusimaa';
import type { PayoutSchedule } from '../region-config';
import { validateRegionConfig } from '../validate';
import { WorkMonthError, parseWorkMonth, payoutDates, workMonthOf } from './payout-dates';

const itaSchedule = validateRegionConfig('regions/ita-uusimaa', ita).payoutSchedule;

describe('parseWorkMonth', () => {
  it('parses YYYY-MM', () => {
    expect(parseWorkMonth('2026-11')).toEqual({ year: 2026, month: 11 });
    expect(parseWorkMonth('2027-01')).toEqual({ year: 2027, month: 1 });
  });

  it.each([
    '2026-13',
    '2026-00',
    '2026-1',
    '26-11',
    '2026-11-01',
    '2026/11',
    '',
    ' 2026-11',
    '9999-12',
    '0000-01',
    '1899-12',
    '2200-01',
  ])('rejects %j with an error naming workMonth and the value', (value) => {
    expect(() => parseWorkMonth(value)).toThrow(WorkMonthError);
    expect(() => parseWorkMonth(value)).toThrow(/workMonth/);
    expect(() => parseWorkMonth(value)).toThrow(JSON.stringify(value));
  });

  it('accepts the first and the last month of the years the API serves', () => {
    expect(parseWorkMonth('1900-01')).toEqual({ year: 1900, month: 1 });
    expect(payoutDates(itaSchedule, '2199-12')).toEqual({ noticeDueOn: '2200-01-09', paymentOn: '2200-01-31' });
  });
});

describe('payoutDates, Itä-Uusimaa (003 §6.3: notice by the 9th, paid on the last day of the month)', () => {
  it('work in November 2026: notice 9 December, payment 31 December', () => {
    expect(payoutDates(itaSchedule, '2026-11')).toEqual({ noticeDueOn: '2026-12-09', paymentOn: '2026-12-31' });
  });

  it('work in October 2026: notice 9 November, payment 30 November', () => {
    expect(payoutDates(itaSchedule, '2026-10')).toEqual({ noticeDueOn: '2026-11-09', paymentOn: '2026-11-30' });
  });

  it('work in December crosses the year', () => {
    expect(payoutDates(itaSchedule, '2026-12')).toEqual({ noticeDueOn: '2027-01-09', paymentOn: '2027-01-31' });
  });

  it('February in common and leap years', () => {
    expect(payoutDates(itaSchedule, '2027-01').paymentOn).toBe('2027-02-28');
    expect(payoutDates(itaSchedule, '2028-01').paymentOn).toBe('2028-02-29');
    expect(payoutDates(itaSchedule, '2100-01').paymentOn).toBe('2100-02-28');
    expect(payoutDates(itaSchedule, '2000-01').paymentOn).toBe('2000-02-29');
  });
});

describe('payoutDates, other schedules', () => {
  it('a fixed payment day two months later', () => {
    const schedule: PayoutSchedule = { noticeDueDay: 5, paymentDay: 15, paymentMonthOffset: 2 };
    expect(payoutDates(schedule, '2026-11')).toEqual({ noticeDueOn: '2026-12-05', paymentOn: '2027-01-15' });
  });

  it('rejects a bad work month', () => {
    expect(() => payoutDates(itaSchedule, '2026-13')).toThrow(WorkMonthError);
  });
});

describe('payoutDates properties', () => {
  const schedules = fc
    .record({
      noticeDueDay: fc.integer({ min: 1, max: 28 }),
      paymentDay: fc.oneof(fc.constant('LAST_DAY' as const), fc.integer({ min: 1, max: 28 })),
      paymentMonthOffset: fc.integer({ min: 1, max: 3 }),
    })
    // The schema refuses payment before the notice in the same month.
    .filter((s) => s.paymentMonthOffset > 1 || s.paymentDay === 'LAST_DAY' || s.paymentDay >= s.noticeDueDay);
  const months = fc
    .record({ year: fc.integer({ min: 1970, max: 2199 }), month: fc.integer({ min: 1, max: 12 }) })
    .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);

  it('the notice falls in the next month on its day, and payment never comes before it', () => {
    fc.assert(
      fc.property(schedules, months, (schedule, workMonth) => {
        const { noticeDueOn, paymentOn } = payoutDates(schedule, workMonth);
        const { year, month } = parseWorkMonth(workMonth);
        const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
        expect(noticeDueOn).toBe(`${next}-${String(schedule.noticeDueDay).padStart(2, '0')}`);
        expect(paymentOn >= noticeDueOn).toBe(true);
      }),
    );
  });
});

describe('workMonthOf', () => {
  it('uses the local month: 31 October 23:30 UTC is already November in Helsinki', () => {
    expect(workMonthOf(new Date('2026-10-31T23:30:00Z'), 'Europe/Helsinki')).toBe('2026-11');
    expect(workMonthOf(new Date('2026-10-31T21:30:00Z'), 'Europe/Helsinki')).toBe('2026-10');
  });
});
