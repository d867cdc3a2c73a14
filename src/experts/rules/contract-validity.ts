/**
 * A commission contract is valid from `validFrom` to `validTo`, both inclusive (ISO dates). Only
 * one contract may be valid on any day; an expert without a valid contract gets no new offers.
 */
export interface ContractPeriod {
  validFrom: string;
  validTo: string;
}

export function isValidOn(contract: ContractPeriod, date: string): boolean {
  return contract.validFrom <= date && date <= contract.validTo;
}

export function overlaps(a: ContractPeriod, b: ContractPeriod): boolean {
  return a.validFrom <= b.validTo && b.validFrom <= a.validTo;
}

/** The contract valid on `date`, if any. */
export function contractOn<C extends ContractPeriod>(contracts: readonly C[], date: string): C | undefined {
  return contracts.find((c) => isValidOn(c, date));
}

/** An expert can be offered new work on `date` only when ACTIVE and under a valid contract. */
export function availableOn(status: string, contracts: readonly ContractPeriod[], date: string): boolean {
  return status === 'ACTIVE' && contractOn(contracts, date) !== undefined;
}

/** Formatters are costly to build and every profile on a page needs one: one per time zone. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The last answer per time zone, by UTC minute: every profile of a page asks for today's date, and
 * formatting is what costs. Since 1972 every zone's offset is whole minutes, so all instants of
 * one UTC minute fall on the same local date; earlier instants are always formatted.
 */
const lastDates = new Map<string, { minute: number; date: string }>();
const WHOLE_MINUTE_OFFSETS_FROM = Date.UTC(1973, 0, 1);

/** The date in a time zone at an instant, as YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  const ms = at.getTime();
  const minute = Math.floor(ms / 60_000);
  const last = lastDates.get(timeZone);
  if (last?.minute === minute && ms >= WHOLE_MINUTE_OFFSETS_FROM) return last.date;
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  const date = format.format(at);
  if (ms >= WHOLE_MINUTE_OFFSETS_FROM) lastDates.set(timeZone, { minute, date });
  return date;
}
