/**
 * The fee engine: what one expert earns for one session, as fee lines. Pure: the facts come from
 * the order (its agreed rates, never today's table) and the session, the rules from the region's
 * cancellation policy in force on the session's date. Every line says which rule produced it, so
 * an expert, a unit coordinator and payroll can all see why a cent is there.
 *
 * Amounts are computed from minutes and rounded once per line, half up, to the cent.
 */
import type { AgreedFee } from '../orders/order.entity';
import type { CancellationClass, SessionOutcome } from '../orders/rules/order-state';
import type { CancellationPolicy, TaxClass } from '../region/region-config';

/** Which rule produced a line. */
export type FeeRule =
  | 'WORKED'
  | 'PREPARATION'
  | 'LATE_CANCELLATION'
  | 'CLIENT_NO_SHOW'
  | 'NO_PARTICIPANTS'
  | 'EXPERT_ILL_PAID'
  | 'GROUP_ENDED_PAID'
  | 'PACKAGE_PART'
  | 'PACKAGE_REST'
  | 'VOLUNTEER'
  | 'RECEPTION'
  | 'TRAVEL_AGREED';

export interface FeeLine {
  /** Fee table category; `travel` for agreed travel compensation. */
  category: string;
  minutes: number;
  /** The agreed hourly rate; 0 for volunteer work, null for travel and package lines priced whole. */
  hourlyRateCents: number | null;
  amountCents: number;
  /** Salary or work compensation; null for travel compensation, which is neither. */
  taxClass: TaxClass | null;
  /** The class is a documented default, not a rule of the region's sources. */
  taxClassIsDefault: boolean;
  rule: FeeRule;
}

export interface SessionFacts {
  /** The rates and category agreed on the order. */
  agreedFee: AgreedFee;
  /** Minutes the session was agreed to last (end − start). */
  plannedMinutes: number;
  /** Minutes worked, as recorded with a COMPLETED outcome. */
  workedMinutes: number | null;
  /** Preparation agreed for this session (the order's preparation goes with its first session). */
  preparationMinutes: number;
  /** How the session ended; null while scheduled or when cancelled. */
  outcome: SessionOutcome | null;
  cancellationClass: CancellationClass | null;
  /** Travel compensation agreed in advance for the trip, in cents; null if none was agreed. */
  travelCents: number | null;
  /** Done over video: no trip. */
  remote: boolean;
  /**
   * For a package order: whether this session carries the package price (the order's first paid
   * session); the package covers its other sessions.
   */
  carriesPackage: boolean;
}

export type OutcomeRules = Pick<
  CancellationPolicy,
  'latePaid' | 'noShowPaid' | 'expertIllnessPaid' | 'emptyGroupPaid' | 'groupEndedPaid'
>;

/** `minutes` at `hourlyRateCents`, rounded half up to the cent (amounts are never negative). */
export function amountFor(minutes: number, hourlyRateCents: number): number {
  // Integer arithmetic: minutes × rate is exact; adding 30 before dividing by 60 rounds half up.
  return Math.floor((minutes * hourlyRateCents + 30) / 60);
}

/**
 * The minutes a session pays for, and the rule, by its outcome and the region's policy; null when
 * it pays nothing (cancelled in time, the expert ill, a group ended for a reason, or the policy
 * says so).
 */
export function paidMinutes(
  facts: Pick<SessionFacts, 'outcome' | 'cancellationClass' | 'plannedMinutes' | 'workedMinutes'>,
  rules: OutcomeRules,
): { minutes: number; rule: FeeRule } | null {
  if (facts.cancellationClass === 'EARLY') return null;
  if (facts.cancellationClass === 'LATE')
    return rules.latePaid ? { minutes: facts.plannedMinutes, rule: 'LATE_CANCELLATION' } : null;
  switch (facts.outcome) {
    case 'COMPLETED':
      return { minutes: facts.workedMinutes ?? facts.plannedMinutes, rule: 'WORKED' };
    // The agreed time is paid once, even if it was used for other joint work (003 §6.2).
    case 'CLIENT_NO_SHOW':
      return rules.noShowPaid ? { minutes: facts.plannedMinutes, rule: 'CLIENT_NO_SHOW' } : null;
    case 'NO_PARTICIPANTS':
      return rules.emptyGroupPaid ? { minutes: facts.plannedMinutes, rule: 'NO_PARTICIPANTS' } : null;
    case 'EXPERT_ILL':
      return rules.expertIllnessPaid ? { minutes: facts.plannedMinutes, rule: 'EXPERT_ILL_PAID' } : null;
    case 'GROUP_ENDED':
      return rules.groupEndedPaid ? { minutes: facts.plannedMinutes, rule: 'GROUP_ENDED_PAID' } : null;
    default:
      return null;
  }
}

/** Whether the expert travelled: the session took place on site (even if nobody came). */
function tripMade(facts: SessionFacts): boolean {
  if (facts.remote || facts.cancellationClass) return false;
  return facts.outcome === 'COMPLETED' || facts.outcome === 'CLIENT_NO_SHOW' || facts.outcome === 'NO_PARTICIPANTS';
}

function rowOf(fee: AgreedFee, category: string) {
  const row = fee.rows.find((r) => r.category === category);
  if (!row) throw new Error(`the agreed fee has no row for category ${category}`);
  return row;
}

/** The preparation row: preparation takes the class of the task it prepares (a lecture's is salary). */
const PREPARATION = 'preparation';

/**
 * One expert's fee lines for one session. Each expert of a two-expert group gets the same lines
 * (call once per expert).
 */
export function feeLines(facts: SessionFacts, rules: OutcomeRules): FeeLine[] {
  const paid = paidMinutes(facts, rules);
  const lines: FeeLine[] = [];
  const fee = facts.agreedFee;
  if (paid && !fee.paid) {
    // Volunteer work: recorded and counted, not paid.
    lines.push({
      category: fee.feeCategory ?? 'volunteer',
      minutes: paid.minutes + facts.preparationMinutes,
      hourlyRateCents: 0,
      amountCents: 0,
      taxClass: null,
      taxClassIsDefault: false,
      rule: 'VOLUNTEER',
    });
  } else if (paid && fee.package) {
    if (facts.carriesPackage) {
      const task = rowOf(fee, fee.feeCategory!);
      let parts = 0;
      for (const part of fee.package.includes) {
        parts += part.amountCents;
        // A package part prepares the task: it takes the task's tax class.
        lines.push({
          category: part.category,
          minutes: part.minutes,
          hourlyRateCents: rowOf(fee, part.category).hourlyRateCents,
          amountCents: part.amountCents,
          taxClass: task.taxClass,
          taxClassIsDefault: task.taxClassIsDefault,
          rule: 'PACKAGE_PART',
        });
      }
      lines.push({
        category: task.category,
        minutes: paid.minutes,
        hourlyRateCents: null,
        amountCents: Math.max(0, fee.package.priceCents - parts),
        taxClass: task.taxClass,
        taxClassIsDefault: task.taxClassIsDefault,
        rule: 'PACKAGE_REST',
      });
    }
  } else if (paid && fee.feeCategory) {
    const task = rowOf(fee, fee.feeCategory);
    lines.push({
      category: task.category,
      minutes: paid.minutes,
      hourlyRateCents: task.hourlyRateCents,
      amountCents: amountFor(paid.minutes, task.hourlyRateCents),
      taxClass: task.taxClass,
      taxClassIsDefault: task.taxClassIsDefault,
      rule: paid.rule,
    });
    if (facts.preparationMinutes > 0) {
      const preparation = rowOf(fee, PREPARATION);
      lines.push({
        category: preparation.category,
        minutes: facts.preparationMinutes,
        hourlyRateCents: preparation.hourlyRateCents,
        amountCents: amountFor(facts.preparationMinutes, preparation.hourlyRateCents),
        taxClass: task.taxClass,
        taxClassIsDefault: task.taxClassIsDefault,
        rule: 'PREPARATION',
      });
    }
  }
  if (facts.travelCents && fee.paid && tripMade(facts)) {
    lines.push({
      category: 'travel',
      minutes: 0,
      hourlyRateCents: null,
      amountCents: facts.travelCents,
      taxClass: null,
      taxClassIsDefault: false,
      rule: 'TRAVEL_AGREED',
    });
  }
  return lines;
}

/** Totals of lines per category and per tax class; the grand total is their sum. */
export function totals(lines: readonly FeeLine[]): {
  totalCents: number;
  byCategory: Record<string, number>;
  byTaxClass: Record<string, number>;
} {
  const byCategory: Record<string, number> = {};
  const byTaxClass: Record<string, number> = {};
  let totalCents = 0;
  for (const line of lines) {
    totalCents += line.amountCents;
    byCategory[line.category] = (byCategory[line.category] ?? 0) + line.amountCents;
    const cls = line.taxClass ?? 'NONE';
    byTaxClass[cls] = (byTaxClass[cls] ?? 0) + line.amountCents;
  }
  return { totalCents, byCategory, byTaxClass };
}
