/** Kokoa ry recommends expert training of at least 50 hours over at least 4 months (001). */
export const KOKOA_MIN_HOURS = 50;
export const KOKOA_MIN_MONTHS = 4;

/** Whole calendar months from `start` to `end` (ISO dates); 15 Jan → 15 May is 4, 15 Jan → 14 May is 3. */
export function wholeMonthsBetween(start: string, end: string): number {
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = end.split('-').map(Number) as [number, number, number];
  let months = (ey - sy) * 12 + (em - sm);
  if (ed < sd && !isLastDayOfMonth(ey, em, ed)) months -= 1;
  return months;
}

function isLastDayOfMonth(y: number, m: number, d: number): boolean {
  return new Date(Date.UTC(y, m, 0)).getUTCDate() === d;
}

/**
 * Whether a training meets the Kokoa ry recommendation. Without a start date the length cannot be
 * shown, so it does not meet it.
 */
export function meetsKokoaRecommendation(training: {
  hours: number;
  startedOn?: string | null;
  completedOn: string;
}): boolean {
  if (training.hours < KOKOA_MIN_HOURS || !training.startedOn) return false;
  return wholeMonthsBetween(training.startedOn, training.completedOn) >= KOKOA_MIN_MONTHS;
}
