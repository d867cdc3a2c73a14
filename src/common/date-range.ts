/**
 * The dates the API accepts. Nothing the registry records (trainings, contracts, tax cards,
 * payouts, revisions) lies outside these years, and the bounds keep every date well inside what
 * PostgreSQL, JavaScript and Temporal can represent, also after adding months or days to it.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;
export const FIRST_DAY = `${MIN_YEAR}-01-01`;
export const LAST_DAY = `${MAX_YEAR}-12-31`;

const FIRST_INSTANT_MS = Date.UTC(MIN_YEAR, 0, 1);
/** Exclusive: the first instant of the year after MAX_YEAR. */
const END_INSTANT_MS = Date.UTC(MAX_YEAR + 1, 0, 1);

export function isYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** A calendar date 'YYYY-MM-DD' (already checked for form) within the years accepted. */
export function isDateInRange(date: string): boolean {
  return date >= FIRST_DAY && date <= LAST_DAY;
}

/** An instant within the years accepted, reckoned in UTC. */
export function isInstantInRange(instant: Date): boolean {
  const ms = instant.getTime();
  return ms >= FIRST_INSTANT_MS && ms < END_INSTANT_MS;
}
