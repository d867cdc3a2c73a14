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

export interface CompletedTraining {
  hours: number;
  startedOn?: string | null;
  completedOn: string;
}

/**
 * Whether a training meets a recommendation of so many hours over so many months. Without a start
 * date the length cannot be shown, so it does not meet it.
 */
export function meetsTrainingRecommendation(
  training: CompletedTraining,
  recommendation: { minimumHours: number; overMonths: number },
): boolean {
  if (training.hours < recommendation.minimumHours || !training.startedOn) return false;
  return wholeMonthsBetween(training.startedOn, training.completedOn) >= recommendation.overMonths;
}

/** Whether a training meets the Kokoa ry recommendation (50 hours over 4 months). */
export function meetsKokoaRecommendation(training: CompletedTraining): boolean {
  return meetsTrainingRecommendation(training, { minimumHours: KOKOA_MIN_HOURS, overMonths: KOKOA_MIN_MONTHS });
}
