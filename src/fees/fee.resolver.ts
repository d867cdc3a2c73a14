import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import type { Expert } from '../experts/expert.entity';
import type { FeeLineRecord } from './fee.entity';
import type { NoticeView, PeriodView } from './fee.service';
import {
  CsvDialectEnum,
  EarningsType,
  EarningsWarningType,
  MyMonthType,
  PayoutNoticeType,
  PayoutPeriodType,
  type AmountByKeyType,
  type FeeExpertType,
  type FeeLineType,
} from './fee.types';

const feeExpert = (e: Expert): FeeExpertType => ({
  id: e.id,
  displayName: e.erasedAt ? e.pseudonym : e.displayName,
  pseudonym: e.pseudonym,
});

const byKey = (amounts: Record<string, number>): AmountByKeyType[] =>
  Object.entries(amounts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, amountCents]) => ({ key, amountCents }));

/** A stored line as the API shows it; `experts` holds the line's expert. */
export function lineOf(line: FeeLineRecord, experts: ReadonlyMap<string, Expert>): FeeLineType {
  return {
    id: line.id,
    expert: feeExpert(experts.get(line.expertId)!),
    category: line.category,
    minutes: line.minutes,
    rateCents: line.hourlyRateCents,
    amountCents: line.amountCents,
    taxClass: line.taxClass,
    taxClassIsDefault: line.taxClassIsDefault,
    rule: line.rule,
    sessionId: line.sessionId,
    orderId: line.orderId,
    workMonth: line.workMonth,
    adjustment: line.workMonth !== line.periodMonth,
  };
}

function noticeOf(n: NoticeView): PayoutNoticeType {
  const experts = new Map(n.experts.map((e) => [e.expert.id, e.expert]));
  return {
    payerId: n.payerKey,
    unit: n.unit,
    externalRequester: n.externalRequester,
    status: n.status,
    approvedAt: n.approvedAt,
    totalCents: n.totalCents,
    totalsByTaxClass: byKey(n.byTaxClass),
    totalsByCategory: byKey(n.byCategory),
    lines: n.lines.map((l) => lineOf(l, experts)),
    experts: n.experts.map((e) => ({ ...e, expert: feeExpert(e.expert) })),
  };
}

function periodOf(p: PeriodView): PayoutPeriodType {
  return {
    regionId: p.regionId,
    month: p.month,
    status: p.status,
    closedAt: p.closedAt,
    noticeDueOn: p.dates.noticeDueOn,
    paymentOn: p.dates.paymentOn,
    notices: p.notices.map(noticeOf),
  };
}

@Resolver()
export class FeeResolver {
  @Query(() => PayoutPeriodType, {
    description:
      "A region's payout period for a work month (YYYY-MM): every notice for the COORDINATOR, their unit's for a UNIT_COORDINATOR.",
  })
  async payoutPeriod(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('month', () => String) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PayoutPeriodType> {
    return periodOf(await ctx.services.fees.period(ctx, regionId, month));
  }

  @Query(() => String, {
    description: "A unit's fee payment notice as CSV for payroll; the download is audited.",
  })
  payoutCsv(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('month', () => String) month: string,
    @Arg('unitId', () => ID, { description: 'The unit id (or the payerId of an external requester).' }) unitId: string,
    @Arg('dialect', () => CsvDialectEnum) dialect: keyof typeof CsvDialectEnum,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    return ctx.services.fees.csv(ctx, regionId, month, unitId, dialect);
  }

  @Mutation(() => PayoutNoticeType, {
    description: "Approves a unit's notice as it stands (its UNIT_COORDINATOR or the COORDINATOR).",
  })
  async approvePayoutNotice(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('month', () => String) month: string,
    @Arg('unitId', () => ID, { description: 'The unit id (or the payerId of an external requester).' }) unitId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PayoutNoticeType> {
    return noticeOf(await ctx.services.fees.approveNotice(ctx, regionId, month, unitId));
  }

  @Mutation(() => PayoutPeriodType, {
    description:
      'Closes a month once it is over and every notice is approved (COORDINATOR); a closed period never changes.',
  })
  async closePayoutPeriod(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('month', () => String) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PayoutPeriodType> {
    return periodOf(await ctx.services.fees.closePeriod(ctx, regionId, month));
  }

  @Query(() => MyMonthType, { description: "The calling expert's fee lines of a payout period (EXPERT)." })
  async myMonth(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('month', () => String) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MyMonthType> {
    const mine = await ctx.services.fees.myMonth(ctx, regionId, month);
    const experts = new Map([[mine.expert.id, mine.expert]]);
    return {
      month,
      lines: mine.lines.map((l) => lineOf(l, experts)),
      totalCents: mine.totalCents,
      confirmedAt: mine.confirmedAt,
    };
  }

  @Mutation(() => MyMonthType, { description: 'The expert confirms their lines of a month (EXPERT).' })
  async confirmMyMonth(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('month', () => String) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MyMonthType> {
    const mine = await ctx.services.fees.confirmMyMonth(ctx, regionId, month);
    const experts = new Map([[mine.expert.id, mine.expert]]);
    return {
      month,
      lines: mine.lines.map((l) => lineOf(l, experts)),
      totalCents: mine.totalCents,
      confirmedAt: mine.confirmedAt,
    };
  }

  @Query(() => EarningsType, {
    description: "The month's fees so far and the work accepted against the expert's own limit (EXPERT).",
  })
  myEarnings(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('month', () => String) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<EarningsType> {
    return ctx.services.fees.myEarnings(ctx, regionId, month);
  }

  @Query(() => [EarningsWarningType], {
    description:
      'Experts (who opted in) whose month, with the work they accepted and `additionalCents` more, would pass their limit (COORDINATOR).',
  })
  async expertsNearEarningsLimit(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('month', () => String) month: string,
    @Ctx() ctx: RequestContext,
    @Arg('additionalCents', () => Int, { nullable: true, description: 'e.g. the fee of one more lecture.' })
    additionalCents?: number | null,
  ): Promise<EarningsWarningType[]> {
    const rows = await ctx.services.fees.nearEarningsLimit(ctx, regionId, month, additionalCents ?? 0);
    return rows.map((r) => ({ ...r, expert: feeExpert(r.expert) }));
  }
}
