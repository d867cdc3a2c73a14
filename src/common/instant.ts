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
