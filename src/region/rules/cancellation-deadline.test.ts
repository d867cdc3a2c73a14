import { Temporal } from '@js-temporal/polyfill';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CancellationPolicy } from '../region-config';
import { cancellationDeadline, isCancellationFree } from './cancellation-deadline';

const HELSINKI = 'Europe/Helsinki';

function policy(deadline: CancellationPolicy['deadline']): CancellationPolicy {
  return {
    deadline,
    description: { fi: 'x' },
    latePaid: true,
    noShowPaid: true,
    expertIllnessPaid: false,
    emptyGroupPaid: true,
    groupEndedPaid: false,
    rescheduleByAgreement: true,
  };
}

/** Itä-Uusimaa: by 15:00 on the previous day. */
const previousDayAt15 = policy({ kind: 'DAYS_BEFORE_AT_LOCAL_TIME', days: 1, localTime: '15:00' });
/** Vantaa: 24 hours before. */
const hours24 = policy({ kind: 'HOURS_BEFORE', hours: 24 });

const at = (iso: string): Date => new Date(iso);

describe('cancellationDeadline, days before at local time (Europe/Helsinki, 2026 clock changes)', () => {
  it('spring change, 29 March 2026: Monday 09:00 task → Sunday 15:00 EEST = 12:00Z', () => {
    // 30 March 09:00 EEST (+03:00) is 06:00Z.
    expect(cancellationDeadline(previousDayAt15, HELSINKI, at('2026-03-30T06:00:00Z'))).toEqual(
      at('2026-03-29T12:00:00Z'),
    );
  });

  it('spring change: a Sunday task after the change has its deadline on Saturday in winter time', () => {
    // 29 March 10:00 EEST is 07:00Z; the deadline is 28 March 15:00 EET (+02:00) = 13:00Z.
    expect(cancellationDeadline(previousDayAt15, HELSINKI, at('2026-03-29T07:00:00Z'))).toEqual(
      at('2026-03-28T13:00:00Z'),
    );
  });

  it('autumn change, 25 October 2026: Monday 09:00 task → Sunday 15:00 EET = 13:00Z', () => {
    // 26 October 09:00 EET is 07:00Z.
    expect(cancellationDeadline(previousDayAt15, HELSINKI, at('2026-10-26T07:00:00Z'))).toEqual(
      at('2026-10-25T13:00:00Z'),
    );
  });

  it('autumn change: a Sunday task after the change has its deadline on Saturday in summer time', () => {
    // 25 October 10:00 EET is 08:00Z; the deadline is 24 October 15:00 EEST = 12:00Z.
    expect(cancellationDeadline(previousDayAt15, HELSINKI, at('2026-10-25T08:00:00Z'))).toEqual(
      at('2026-10-24T12:00:00Z'),
    );
  });

  it('uses the local date of the start, not the UTC date', () => {
    // 1 April 00:30 EEST is 31 March 21:30Z: the previous local day is 31 March, not 30 March.
    expect(cancellationDeadline(previousDayAt15, HELSINKI, at('2026-03-31T21:30:00Z'))).toEqual(
      at('2026-03-31T12:00:00Z'),
    );
  });

  it('a wall time skipped by the spring change moves to the first instant after the gap', () => {
    // 29 March 2026 03:30 does not exist in Helsinki (03:00 EET → 04:00 EEST).
    const atSkippedTime = policy({ kind: 'DAYS_BEFORE_AT_LOCAL_TIME', days: 1, localTime: '03:30' });
    expect(cancellationDeadline(atSkippedTime, HELSINKI, at('2026-03-30T06:00:00Z'))).toEqual(
      at('2026-03-29T01:30:00Z'),
    );
  });

  it('a wall time repeated by the autumn change takes the earlier occurrence', () => {
    // 25 October 2026 03:30 happens at 00:30Z (EEST) and again at 01:30Z (EET).
    const atRepeatedTime = policy({ kind: 'DAYS_BEFORE_AT_LOCAL_TIME', days: 1, localTime: '03:30' });
    expect(cancellationDeadline(atRepeatedTime, HELSINKI, at('2026-10-26T07:00:00Z'))).toEqual(
      at('2026-10-25T00:30:00Z'),
    );
  });
});

describe('cancellationDeadline, hours before', () => {
  it('counts elapsed hours across the spring change (wall clock moves by 25 h)', () => {
    // Sunday 29 March 12:00 EEST (09:00Z) → Saturday 28 March 11:00 EET (09:00Z).
    expect(cancellationDeadline(hours24, HELSINKI, at('2026-03-29T09:00:00Z'))).toEqual(at('2026-03-28T09:00:00Z'));
  });

  it('counts elapsed hours across the autumn change', () => {
    // Sunday 25 October 12:00 EET (10:00Z) → Saturday 24 October 13:00 EEST (10:00Z).
    expect(cancellationDeadline(hours24, HELSINKI, at('2026-10-25T10:00:00Z'))).toEqual(at('2026-10-24T10:00:00Z'));
  });
});

describe('isCancellationFree', () => {
  const startsAt = at('2026-03-30T06:00:00Z');
  it('is free before and exactly at the deadline, paid one millisecond after', () => {
    expect(isCancellationFree(previousDayAt15, HELSINKI, startsAt, at('2026-03-29T11:59:59Z'))).toBe(true);
    expect(isCancellationFree(previousDayAt15, HELSINKI, startsAt, at('2026-03-29T12:00:00Z'))).toBe(true);
    expect(isCancellationFree(previousDayAt15, HELSINKI, startsAt, at('2026-03-29T12:00:00.001Z'))).toBe(false);
  });

  it('works for hours before', () => {
    expect(isCancellationFree(hours24, HELSINKI, startsAt, at('2026-03-29T06:00:00Z'))).toBe(true);
    expect(isCancellationFree(hours24, HELSINKI, startsAt, at('2026-03-29T06:00:01Z'))).toBe(false);
  });
});

/** False when a clock change skips this wall time on this date (a repeated time exists). */
function existsOnWallClock(date: Temporal.PlainDate, localTime: string, timeZone: string): boolean {
  const wall = Temporal.PlainDateTime.from(`${date.toString()}T${localTime}`);
  return wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' }).toPlainDateTime().equals(wall);
}

describe('cancellationDeadline properties', () => {
  const zones = fc.constantFrom(
    'Europe/Helsinki',
    'Europe/Stockholm',
    'America/Santiago',
    'Australia/Lord_Howe',
    'UTC',
  );
  // 2020–2035, covering many clock changes.
  const instants = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }).map((ms) => new Date(ms));
  const localTimes = fc
    .record({ h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) })
    .map(({ h, m }) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

  it('the deadline is before the start for any positive number of days', () => {
    fc.assert(
      fc.property(zones, instants, fc.integer({ min: 1, max: 14 }), localTimes, (tz, startsAt, days, localTime) => {
        const p = policy({ kind: 'DAYS_BEFORE_AT_LOCAL_TIME', days, localTime });
        expect(cancellationDeadline(p, tz, startsAt).getTime()).toBeLessThan(startsAt.getTime());
      }),
    );
  });

  it('the deadline is exactly the given hours before the start', () => {
    fc.assert(
      fc.property(zones, instants, fc.integer({ min: 1, max: 24 * 14 }), (tz, startsAt, hours) => {
        const deadline = cancellationDeadline(policy({ kind: 'HOURS_BEFORE', hours }), tz, startsAt);
        expect(startsAt.getTime() - deadline.getTime()).toBe(hours * 3_600_000);
      }),
    );
  });

  /** Starts within a few days after a Helsinki clock change (last Sunday of March or October). */
  const nearClockChanges = fc
    .record({
      year: fc.integer({ min: 2020, max: 2035 }),
      month: fc.constantFrom(3, 10),
      daysAfter: fc.integer({ min: 0, max: 3 }),
      minuteOfDay: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    })
    .map(({ year, month, daysAfter, minuteOfDay }) => {
      const lastDay = Temporal.PlainDate.from({ year, month, day: 31 });
      const lastSunday = lastDay.subtract({ days: lastDay.dayOfWeek % 7 });
      const local = lastSunday.add({ days: daysAfter }).toZonedDateTime({
        timeZone: HELSINKI,
        plainTime: { hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
      });
      return new Date(local.epochMilliseconds);
    });

  it('near Helsinki clock changes, the deadline keeps its wall time or moves past a skipped hour', () => {
    fc.assert(
      fc.property(nearClockChanges, fc.integer({ min: 1, max: 3 }), localTimes, (startsAt, days, localTime) => {
        const p = policy({ kind: 'DAYS_BEFORE_AT_LOCAL_TIME', days, localTime });
        const deadline = cancellationDeadline(p, HELSINKI, startsAt);
        expect(deadline.getTime()).toBeLessThan(startsAt.getTime());
        const local = Temporal.Instant.fromEpochMilliseconds(deadline.getTime()).toZonedDateTimeISO(HELSINKI);
        const expectedDate = Temporal.Instant.fromEpochMilliseconds(startsAt.getTime())
          .toZonedDateTimeISO(HELSINKI)
          .toPlainDate()
          .subtract({ days });
        expect(local.toPlainDate().toString()).toBe(expectedDate.toString());
        const wall = local.toPlainTime().toString({ smallestUnit: 'minute' });
        if (existsOnWallClock(expectedDate, localTime, HELSINKI)) expect(wall).toBe(localTime);
        else expect(wall.slice(0, 2)).toBe('04'); // Helsinki skips 03:00–03:59 in spring.
      }),
      { numRuns: 1000 },
    );
  });

  it('falls on the start date minus days, at localTime on the wall clock where that time exists', () => {
    fc.assert(
      fc.property(zones, instants, fc.integer({ min: 1, max: 14 }), localTimes, (tz, startsAt, days, localTime) => {
        const p = policy({ kind: 'DAYS_BEFORE_AT_LOCAL_TIME', days, localTime });
        const local = Temporal.Instant.fromEpochMilliseconds(
          cancellationDeadline(p, tz, startsAt).getTime(),
        ).toZonedDateTimeISO(tz);
        const expectedDate = Temporal.Instant.fromEpochMilliseconds(startsAt.getTime())
          .toZonedDateTimeISO(tz)
          .toPlainDate()
          .subtract({ days });
        const wallTimeExists = existsOnWallClock(expectedDate, localTime, tz);
        if (wallTimeExists) {
          expect(local.toPlainDate().toString()).toBe(expectedDate.toString());
          expect(local.toPlainTime().toString({ smallestUnit: 'minute' })).toBe(localTime);
        } else {
          // Skipped by a clock change: the first instant after the gap, later on the same day.
          expect(local.toPlainTime().toString({ smallestUnit: 'minute' }) > localTime).toBe(true);
        }
      }),
    );
  });
});
