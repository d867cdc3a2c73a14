/**
 * When may the orderer still cancel a task without paying for it? Two kinds of deadline exist:
 * Itä-Uusimaa counts calendar days in local time ("by 15:00 on the previous day", 003 §6.2),
 * Vantaa counts elapsed hours ("24 hours before"). Both return instants (UTC Dates).
 */
import { Temporal } from '@js-temporal/polyfill';
import type { CancellationPolicy } from '../region-config';

const HOUR_MS = 3_600_000;

/**
 * The last instant at which a task starting at `startsAt` can be cancelled free of charge.
 *
 * DAYS_BEFORE_AT_LOCAL_TIME: the local date of `startsAt` in `timeZone`, minus `days`, at
 * `localTime` in `timeZone`, so the deadline stays at 15:00 on the wall clock across clock
 * changes. If that wall time does not exist (skipped by a spring change) the deadline is the
 * first instant after the gap; if it occurs twice (autumn change) the earlier one counts
 * (Temporal's "compatible" disambiguation).
 *
 * HOURS_BEFORE: exactly `hours` elapsed hours before `startsAt`, whatever the wall clock says.
 */
export function cancellationDeadline(policy: CancellationPolicy, timeZone: string, startsAt: Date): Date {
  const { deadline } = policy;
  switch (deadline.kind) {
    case 'HOURS_BEFORE':
      return new Date(startsAt.getTime() - deadline.hours * HOUR_MS);
    case 'DAYS_BEFORE_AT_LOCAL_TIME': {
      const localDate = Temporal.Instant.fromEpochMilliseconds(startsAt.getTime())
        .toZonedDateTimeISO(timeZone)
        .toPlainDate();
      const zoned = localDate
        .subtract({ days: deadline.days })
        .toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(deadline.localTime) });
      return new Date(zoned.epochMilliseconds);
    }
  }
}

/** Cancelling exactly at the deadline is still on time. */
export function isCancellationFree(
  policy: CancellationPolicy,
  timeZone: string,
  startsAt: Date,
  cancelledAt: Date,
): boolean {
  return cancelledAt.getTime() <= cancellationDeadline(policy, timeZone, startsAt).getTime();
}
