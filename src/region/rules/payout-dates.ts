/**
 * Dates of the monthly fee payout for one work month: when the fee payment notice is due and when
 * the fee is paid (Itä-Uusimaa 003 §6.3: notice by the 9th, payment on the last day of the
 * month, in arrears: work in November → notice 9 December, payment 31 December).
 * Dates are calendar dates ('YYYY-MM-DD') in the region's own calendar; no instants involved.
 */
import { Temporal } from '@js-temporal/polyfill';
import { isYearInRange, MAX_YEAR, MIN_YEAR } from '../../common/date-range';
import type { PayoutSchedule } from '../region-config';

export class WorkMonthError extends Error {
  constructor(readonly value: unknown) {
    super(
      `workMonth must be a month in the form YYYY-MM (01-12) of the years ${MIN_YEAR} to ${MAX_YEAR}, got ${JSON.stringify(value)}`,
    );
    this.name = 'WorkMonthError';
  }
}

export interface WorkMonth {
  year: number;
  month: number;
}

export interface PayoutDates {
  noticeDueOn: string;
  paymentOn: string;
}

const WORK_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseWorkMonth(s: string): WorkMonth {
  const match = typeof s === 'string' ? WORK_MONTH.exec(s) : null;
  // Year 9999 would push the payment date past what a LocalDate can carry.
  if (!match || !isYearInRange(Number(match[1]))) throw new WorkMonthError(s);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** `workMonth` is 'YYYY-MM'. The notice is always due in the month after the work month. */
export function payoutDates(schedule: PayoutSchedule, workMonth: string): PayoutDates {
  const month = Temporal.PlainYearMonth.from(parseWorkMonth(workMonth));
  const noticeMonth = month.add({ months: 1 });
  const paymentMonth = month.add({ months: schedule.paymentMonthOffset });
  const paymentDay = schedule.paymentDay === 'LAST_DAY' ? paymentMonth.daysInMonth : schedule.paymentDay;
  return {
    noticeDueOn: noticeMonth.toPlainDate({ day: schedule.noticeDueDay }).toString(),
    paymentOn: paymentMonth.toPlainDate({ day: paymentDay }).toString(),
  };
}

/** The work month ('YYYY-MM') a task belongs to: the local month in which it starts. */
export function workMonthOf(startsAt: Date, timeZone: string): string {
  const local = Temporal.Instant.fromEpochMilliseconds(startsAt.getTime()).toZonedDateTimeISO(timeZone);
  return local.toPlainDate().toPlainYearMonth().toString();
}
