/**
 * An instant as PostgreSQL writes a timestamptz as text: "2026-11-10 08:00:00+00" from a column,
 * "2026-11-10T08:00:00.5+00:00" from JSON. The common shape is read field by field (a page of
 * orders turns hundreds of these into Dates, and `new Date(text)` was a visible share of its
 * time); anything else goes to `new Date`, as before.
 */
export function parseInstant(text: string): Date {
  const known = fieldByField(text);
  if (known) return known;
  const iso = text.replace(' ', 'T');
  return new Date(/[+-]\d\d$/.test(iso) ? `${iso}:00` : iso);
}

function digit(text: string, at: number): number {
  const value = text.charCodeAt(at) - 48;
  return value >= 0 && value <= 9 ? value : NaN;
}

function twoDigits(text: string, at: number): number {
  return digit(text, at) * 10 + digit(text, at + 1);
}

function fieldByField(text: string): Date | null {
  if (text.length < 20 || text[4] !== '-' || text[7] !== '-' || text[13] !== ':' || text[16] !== ':') return null;
  if (text[10] !== ' ' && text[10] !== 'T') return null;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  // Two-digit years mean 19xx to Date.UTC; PostgreSQL writes years before 1000 with a BC or padding we leave to Date.
  if (!(year >= 1000)) return null;
  let at = 19;
  let millis = 0;
  if (text[at] === '.') {
    at += 1;
    // Digits past the millisecond are dropped, as Date drops them.
    for (let scale = 100; at < text.length && digit(text, at) >= 0; at += 1, scale /= 10)
      millis += digit(text, at) * scale;
    millis = Math.floor(millis);
  }
  let offsetMinutes = 0;
  const sign = text[at];
  if (sign === '+' || sign === '-') {
    const hours = twoDigits(text, at + 1);
    let minutes = 0;
    if (text[at + 3] === ':' && at + 6 === text.length) minutes = twoDigits(text, at + 4);
    else if (at + 3 !== text.length) return null;
    offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  } else if (sign !== 'Z' || at + 1 !== text.length) return null;
  const utc = Date.UTC(
    year,
    twoDigits(text, 5) - 1,
    twoDigits(text, 8),
    twoDigits(text, 11),
    twoDigits(text, 14),
    twoDigits(text, 17),
    millis,
  );
  const time = utc - offsetMinutes * 60_000;
  return Number.isNaN(time) ? null : new Date(time);
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
/** 9999-12-31T23:59:59.999Z: up to here a year has four digits. */
const LAST_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;

/**
 * An instant as `toISOString` writes it ("2026-10-25T07:00:00.000Z"), in about half its time: an
 * order list writes out a few hundred instants, and V8's own method was a visible share of the
 * response. The calendar date comes from the day number by Hinnant's `civil_from_days`. Instants
 * before 1970 or after year 9999 (and invalid dates, which throw) are left to `toISOString`.
 */
export function instantText(date: Date): string {
  const time = date.getTime();
  if (!(time >= 0 && time <= LAST_FOUR_DIGIT_YEAR_MS)) return date.toISOString();
  const millis = time % 1000;
  let rest = (time - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  rest = (rest - minutes) / 60;
  const hours = rest % 24;
  // Days since 1970-01-01, shifted to an era of 400 years starting on 0000-03-01.
  const shifted = (rest - hours) / 24 + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[millis]}Z`;
}
