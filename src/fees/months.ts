import { Temporal } from '@js-temporal/polyfill';
/** Calendar months ('YYYY-MM') in a region's time zone: a fee belongs to the month its work began in. */
const monthFormats = new Map<string, Intl.DateTimeFormat>();

export function localMonth(at: Date, timeZone: string): string {
  let format = monthFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
    monthFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The instants a month of a region begins and ends (the end is the next month's first instant). */
export function monthBounds(month: string, timeZone: string): { from: Date; to: Date } {
  const start = (m: string) =>
    new Date(
      Temporal.PlainDate.from(`${m}-01`).toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from('00:00') })
        .epochMilliseconds,
    );
  return { from: start(month), to: start(nextMonth(month)) };
}
