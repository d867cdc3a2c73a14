import { stringify } from 'csv-stringify/sync';
import { authorize, grantsIn } from '../auth/policy';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { Expert } from '../experts/expert.entity';
import { ExpertTaxCard } from '../experts/expert-records.entity';
import type { Order, OrderSession } from '../orders/order.entity';
import { parseWorkMonth, WorkMonthError, type PayoutDates } from '../region/rules/payout-dates';
import type { RequestScope } from '../scope';
import { Unit } from '../units/unit.entity';
import { feeLines, totals, type FeeLine, type SessionFacts } from './fee-engine';
import { FeeLineRecord, MonthConfirmation, NoticeApproval, PayoutPeriodRecord } from './fee.entity';
import { localMonth, monthBounds, nextMonth } from './months';

export type CsvDialect = 'EXCEL_FI' | 'RFC4180';

export interface NoticeExpert {
  expert: Expert;
  totalCents: number;
  confirmed: boolean;
  taxCardMissing: boolean;
}

export interface NoticeView {
  regionId: string;
  month: string;
  payerKey: string;
  unit: Unit | null;
  externalRequester: string | null;
  status: 'OPEN' | 'APPROVED';
  approvedAt: Date | null;
  lines: FeeLineRecord[];
  totalCents: number;
  byTaxClass: Record<string, number>;
  byCategory: Record<string, number>;
  experts: NoticeExpert[];
}

export interface PeriodView {
  regionId: string;
  month: string;
  status: 'OPEN' | 'CLOSED';
  closedAt: Date | null;
  dates: PayoutDates;
  notices: NoticeView[];
}

const EXTERNAL = 'external:';

/**
 * Fees and the monthly fee payment notices (palkkionmaksuilmoitus, 003 §6.3): lines are written
 * when a session is settled, gathered per payer (unit or external requester) into the notice of a
 * payout period; the expert confirms their month, the unit approves its notice, the regional
 * coordinator closes the period, and a closed period never changes.
 */
export class FeeService {
  /**
   * Writes one settled session's lines for each expert who had accepted the order, in the
   * caller's transaction. The order's preparation and a package price go with its first session.
   */
  async recordSessionLines(
    ctx: RequestScope,
    order: Order,
    session: OrderSession,
    sessions: readonly OrderSession[],
    expertIds: readonly string[],
  ): Promise<void> {
    if (!expertIds.length) return;
    const { config } = await ctx.services.regions.rulesAt(ctx, order.regionId, session.startsAt);
    const first = [...sessions].sort(
      (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id),
    )[0];
    const isFirst = first?.id === session.id;
    const facts: SessionFacts = {
      agreedFee: order.agreedFee,
      plannedMinutes: Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000),
      workedMinutes: session.workedMinutes ?? null,
      preparationMinutes: isFirst ? order.preparationMinutes : 0,
      outcome: session.status === 'DONE' ? (session.outcome ?? null) : null,
      cancellationClass: session.status === 'CANCELLED' ? (session.cancellationClass ?? null) : null,
      travelCents: order.travelCents,
      remote: order.remote,
      carriesPackage: isFirst,
    };
    const lines = feeLines(facts, config.cancellationPolicy);
    if (!lines.length) return;
    const workMonth = localMonth(session.startsAt, config.timeZone);
    const periodMonth = await this.openPeriodFor(ctx, order.regionId, workMonth);
    const payerKey = order.unitId ?? `${EXTERNAL}${order.externalRequester?.organisation ?? order.id}`;
    const now = ctx.now();
    for (const expertId of expertIds)
      for (const line of lines)
        ctx.em.create(FeeLineRecord, {
          regionId: order.regionId,
          expertId,
          orderId: order.id,
          sessionId: session.id,
          payerKey,
          unitId: order.unitId,
          workMonth,
          periodMonth,
          category: line.category,
          minutes: line.minutes,
          hourlyRateCents: line.hourlyRateCents,
          amountCents: line.amountCents,
          taxClass: line.taxClass,
          taxClassIsDefault: line.taxClassIsDefault,
          rule: line.rule,
          createdAt: now,
        });
  }

  /** The fee line of a reception shift, paid through the unit's notice like a session. */
  async recordReceptionLine(
    ctx: RequestScope,
    shift: { id: string; regionId: string; unitId: string; expertId: string; startsAt: Date },
    line: FeeLine,
  ): Promise<void> {
    const { config } = await ctx.services.regions.rulesAt(ctx, shift.regionId, shift.startsAt);
    const workMonth = localMonth(shift.startsAt, config.timeZone);
    ctx.em.create(FeeLineRecord, {
      regionId: shift.regionId,
      expertId: shift.expertId,
      orderId: null,
      sessionId: null,
      receptionShiftId: shift.id,
      payerKey: shift.unitId,
      unitId: shift.unitId,
      workMonth,
      periodMonth: await this.openPeriodFor(ctx, shift.regionId, workMonth),
      ...line,
      createdAt: ctx.now(),
    });
  }

  /** The work month's period if it is open, else the first open one after it (an adjustment). */
  private async openPeriodFor(ctx: RequestScope, regionId: string, workMonth: string): Promise<string> {
    await this.lockPeriods(ctx, regionId);
    const closed = new Set(
      (await ctx.em.find(PayoutPeriodRecord, { regionId, month: { $gte: workMonth }, status: 'CLOSED' })).map(
        (p) => p.month,
      ),
    );
    let month = workMonth;
    while (closed.has(month)) month = nextMonth(month);
    return month;
  }

  /** Closing a period and writing lines into it are taken one at a time per region. */
  private async lockPeriods(ctx: RequestScope, regionId: string): Promise<void> {
    await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`payout|${regionId}`]);
  }

  // ---- the period and its notices ------------------------------------------------------------

  /**
   * A region's payout period: every notice for the regional coordinator, their own unit's for a
   * unit coordinator.
   */
  async period(ctx: RequestScope, regionId: string, month: string): Promise<PeriodView> {
    const grant = authorize(ctx, 'Query.payoutPeriod', regionId);
    checkMonth(month);
    const units = grant.role === 'COORDINATOR' ? null : this.ownUnits(ctx, regionId);
    return this.view(ctx, regionId, month, units);
  }

  private ownUnits(ctx: RequestScope, regionId: string): string[] {
    return grantsIn(ctx.viewer, regionId, ['UNIT_COORDINATOR']).flatMap((g) => (g.unitId ? [g.unitId] : []));
  }

  private async view(ctx: RequestScope, regionId: string, month: string, units: string[] | null): Promise<PeriodView> {
    const where = units ? { regionId, periodMonth: month, unitId: { $in: units } } : { regionId, periodMonth: month };
    const [record, lines, approvals, confirmations, dates] = await Promise.all([
      ctx.em.findOne(PayoutPeriodRecord, { regionId, month }),
      ctx.em.find(FeeLineRecord, where, {
        orderBy: { payerKey: 'asc', expertId: 'asc', createdAt: 'asc', sessionId: 'asc', category: 'asc' },
      }),
      ctx.em.find(NoticeApproval, { regionId, month }),
      ctx.em.find(MonthConfirmation, { regionId, month }),
      ctx.services.regions.payoutDates(ctx, regionId, month),
    ]);
    const expertIds = [...new Set(lines.map((l) => l.expertId))];
    const unitIds = [...new Set(lines.flatMap((l) => (l.unitId ? [l.unitId] : [])))];
    const year = Number(month.slice(0, 4));
    const [experts, unitRows, taxCards] = await Promise.all([
      expertIds.length ? ctx.em.find(Expert, { id: { $in: expertIds } }) : Promise.resolve([]),
      unitIds.length ? ctx.em.find(Unit, { id: { $in: unitIds } }) : Promise.resolve([]),
      expertIds.length ? ctx.em.find(ExpertTaxCard, { expert: { $in: expertIds }, year }) : Promise.resolve([]),
    ]);
    const expertById = new Map(experts.map((e) => [e.id, e]));
    const unitById = new Map(unitRows.map((u) => [u.id, u]));
    const withCard = new Set(taxCards.map((t) => t.expert.id));
    const payers = [...new Set(lines.map((l) => l.payerKey))];
    const notices = payers.map((payerKey): NoticeView => {
      const own = lines.filter((l) => l.payerKey === payerKey);
      const t = totals(own);
      const approval = approvals.find((a) => a.payerKey === payerKey);
      const approved = approval !== undefined && approval.approvedTotalCents === t.totalCents;
      const byExpert = [...new Set(own.map((l) => l.expertId))].map((expertId) => {
        const mine = own.filter((l) => l.expertId === expertId);
        const total = totals(mine).totalCents;
        const confirmation = confirmations.find((c) => c.expertId === expertId);
        return {
          expert: expertById.get(expertId)!,
          totalCents: total,
          confirmed: confirmation !== undefined,
          taxCardMissing: !withCard.has(expertId),
        };
      });
      return {
        regionId,
        month,
        payerKey,
        unit: own[0]!.unitId ? (unitById.get(own[0]!.unitId) ?? null) : null,
        externalRequester: payerKey.startsWith(EXTERNAL) ? payerKey.slice(EXTERNAL.length) : null,
        status: approved ? 'APPROVED' : 'OPEN',
        approvedAt: approved ? approval.approvedAt : null,
        lines: own,
        totalCents: t.totalCents,
        byTaxClass: t.byTaxClass,
        byCategory: t.byCategory,
        experts: byExpert,
      };
    });
    return {
      regionId,
      month,
      status: record?.status ?? 'OPEN',
      closedAt: record?.closedAt ?? null,
      dates,
      notices,
    };
  }

  /** The unit coordinator (or the regional coordinator) approves a unit's notice as it stands. */
  async approveNotice(ctx: RequestScope, regionId: string, month: string, unitId: string): Promise<NoticeView> {
    const grant = authorize(ctx, 'Mutation.approvePayoutNotice', regionId);
    checkMonth(month);
    if (grant.role !== 'COORDINATOR' && !this.ownUnits(ctx, regionId).includes(unitId))
      throw new ForbiddenError(`unitId: the notice of unit ${unitId} is not yours to approve`);
    await this.lockPeriods(ctx, regionId);
    const period = await ctx.em.findOne(PayoutPeriodRecord, { regionId, month });
    if (period?.status === 'CLOSED') throw new ConflictError(`the payout period ${month} is CLOSED`);
    const view = await this.view(ctx, regionId, month, null);
    const notice = view.notices.find((n) => n.payerKey === unitId || (n.externalRequester && unitId === n.payerKey));
    if (!notice) throw new NotFoundError(`fee payment notice of ${month} for unit`, unitId);
    const existing = await ctx.em.findOne(NoticeApproval, { regionId, month, payerKey: notice.payerKey });
    const approval =
      existing ??
      ctx.em.create(NoticeApproval, {
        regionId,
        month,
        payerKey: notice.payerKey,
        approvedAt: ctx.now(),
        approvedBy: ctx.viewer.id!,
        approvedTotalCents: notice.totalCents,
      });
    approval.approvedAt = ctx.now();
    approval.approvedBy = ctx.viewer.id!;
    approval.approvedTotalCents = notice.totalCents;
    await ctx.em.flush();
    return { ...notice, status: 'APPROVED', approvedAt: approval.approvedAt };
  }

  /**
   * The regional coordinator closes a month once it is over and every notice is approved; lines
   * for that month's work recorded later go to the next open period as adjustments.
   */
  async closePeriod(ctx: RequestScope, regionId: string, month: string): Promise<PeriodView> {
    authorize(ctx, 'Mutation.closePayoutPeriod', regionId);
    checkMonth(month);
    const { config } = await ctx.services.regions.rulesAt(ctx, regionId, ctx.now());
    if (month >= localMonth(ctx.now(), config.timeZone))
      throw new ConflictError(`the month ${month} is not over yet in region ${regionId}`);
    await this.lockPeriods(ctx, regionId);
    const existing = await ctx.em.findOne(PayoutPeriodRecord, { regionId, month });
    if (existing?.status === 'CLOSED') throw new ConflictError(`the payout period ${month} is already CLOSED`);
    const view = await this.view(ctx, regionId, month, null);
    const open = view.notices.filter((n) => n.status !== 'APPROVED');
    if (open.length)
      throw new ConflictError(
        `the notices of ${open.map((n) => n.unit?.name ?? n.externalRequester ?? n.payerKey).join(', ')} are not approved`,
      );
    const period = existing ?? ctx.em.create(PayoutPeriodRecord, { regionId, month, status: 'CLOSED' as const });
    period.status = 'CLOSED';
    period.closedAt = ctx.now();
    period.closedBy = ctx.viewer.id;
    await ctx.em.flush();
    return { ...view, status: 'CLOSED', closedAt: period.closedAt };
  }

  // ---- the expert's month --------------------------------------------------------------------

  async myMonth(
    ctx: RequestScope,
    regionId: string,
    month: string,
  ): Promise<{ lines: FeeLineRecord[]; totalCents: number; confirmedAt: Date | null; expert: Expert }> {
    authorize(ctx, 'Query.myMonth', regionId);
    checkMonth(month);
    const expert = await this.ownExpert(ctx, regionId);
    const [lines, confirmation] = await Promise.all([
      ctx.em.find(
        FeeLineRecord,
        { regionId, expertId: expert.id, periodMonth: month },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      ),
      ctx.em.findOne(MonthConfirmation, { regionId, month, expertId: expert.id }),
    ]);
    return { lines, totalCents: totals(lines).totalCents, confirmedAt: confirmation?.confirmedAt ?? null, expert };
  }

  async confirmMyMonth(ctx: RequestScope, regionId: string, month: string) {
    authorize(ctx, 'Mutation.confirmMyMonth', regionId);
    const mine = await this.myMonth(ctx, regionId, month);
    if (!mine.lines.length) throw new ConflictError(`there are no fee lines of ${month} to confirm`);
    const existing = await ctx.em.findOne(MonthConfirmation, { regionId, month, expertId: mine.expert.id });
    const confirmation =
      existing ??
      ctx.em.create(MonthConfirmation, {
        regionId,
        month,
        expertId: mine.expert.id,
        confirmedAt: ctx.now(),
        confirmedTotalCents: mine.totalCents,
      });
    confirmation.confirmedAt = ctx.now();
    confirmation.confirmedTotalCents = mine.totalCents;
    await ctx.em.flush();
    return { ...mine, confirmedAt: confirmation.confirmedAt };
  }

  // ---- earnings against the expert's own limit ----------------------------------------------

  /**
   * For each expert: the month's fees so far (lines of work done in the month) and what the work
   * they have accepted for the rest of the month would add, priced as agreed for its planned time.
   */
  private async monthEarnings(
    ctx: RequestScope,
    regionId: string,
    expertIds: readonly string[],
    month: string,
  ): Promise<Map<string, { earnedCents: number; expectedCents: number }>> {
    const result = new Map(expertIds.map((id) => [id, { earnedCents: 0, expectedCents: 0 }]));
    if (!expertIds.length) return result;
    const { config } = await ctx.services.regions.rulesAt(ctx, regionId, ctx.now());
    const { from, to } = monthBounds(month, config.timeZone);
    const [earned, upcoming] = await Promise.all([
      ctx.em.execute<Array<{ expert_id: string; cents: string }>>(
        `select expert_id, sum(amount_cents) as cents from fee_line
          where region_id = ? and work_month = ? and expert_id in (?) group by expert_id`,
        [regionId, month, [...expertIds]],
      ),
      ctx.em.execute<
        Array<{
          expert_id: string;
          starts_at: Date;
          ends_at: Date;
          agreed_fee: Order['agreedFee'];
          travel_cents: number | null;
          remote: boolean;
        }>
      >(
        `select f.expert_id, s.starts_at, s.ends_at, o.agreed_fee, o.travel_cents, o.remote
           from order_session s
           join work_order o on o.id = s.order_id
           join order_offer f on f.order_id = o.id and f.status = 'ACCEPTED'
          where s.region_id = ? and s.status = 'SCHEDULED' and s.starts_at >= ? and s.starts_at < ?
            and f.expert_id in (?)`,
        [regionId, from, to, [...expertIds]],
      ),
    ]);
    for (const row of earned) result.get(row.expert_id)!.earnedCents = Number(row.cents);
    for (const row of upcoming) {
      const minutes = Math.round((new Date(row.ends_at).getTime() - new Date(row.starts_at).getTime()) / 60_000);
      const lines = feeLines(
        {
          agreedFee: row.agreed_fee,
          plannedMinutes: minutes,
          workedMinutes: minutes,
          preparationMinutes: 0,
          outcome: 'COMPLETED',
          cancellationClass: null,
          travelCents: null,
          remote: row.remote,
          carriesPackage: true,
        },
        config.cancellationPolicy,
      );
      result.get(row.expert_id)!.expectedCents += totals(lines).totalCents;
    }
    return result;
  }

  /** The expert's month against their own earnings limit (only when they opted in). */
  async myEarnings(ctx: RequestScope, regionId: string, month: string) {
    authorize(ctx, 'Query.myEarnings', regionId);
    checkMonth(month);
    const expert = await this.ownExpert(ctx, regionId);
    const sums = (await this.monthEarnings(ctx, regionId, [expert.id], month)).get(expert.id)!;
    const limitCents = expert.earningsLimitOptIn ? (expert.earningsLimitCents ?? null) : null;
    return {
      month,
      ...sums,
      limitCents,
      remainingCents: limitCents === null ? null : limitCents - sums.earnedCents - sums.expectedCents,
    };
  }

  /**
   * Before offering more work: the experts (who opted in) whose fees of the month, with the work
   * they have accepted and `additionalCents` more, would pass their limit. The limit itself is
   * not shown here.
   */
  async nearEarningsLimit(ctx: RequestScope, regionId: string, month: string, additionalCents: number) {
    authorize(ctx, 'Query.expertsNearEarningsLimit', regionId);
    checkMonth(month);
    if (!Number.isInteger(additionalCents) || additionalCents < 0 || additionalCents > 10_000_000)
      throw new BadUserInputError('additionalCents', 'expected whole cents from 0 to 10000000');
    const experts = await ctx.em.find(
      Expert,
      { regionId, earningsLimitOptIn: true, earningsLimitCents: { $ne: null }, erasedAt: null },
      { orderBy: { displayName: 'asc', id: 'asc' }, limit: 100 },
    );
    const sums = await this.monthEarnings(
      ctx,
      regionId,
      experts.map((e) => e.id),
      month,
    );
    return experts.flatMap((expert) => {
      const s = sums.get(expert.id)!;
      const projected = s.earnedCents + s.expectedCents + additionalCents;
      return projected > (expert.earningsLimitCents ?? Infinity) ? [{ expert, ...s, projectedCents: projected }] : [];
    });
  }

  /** An expert's own fee lines, newest first (at most 100), for their data request. */
  async linesOfExpert(ctx: RequestScope, expertId: string): Promise<FeeLineRecord[]> {
    return ctx.em.find(FeeLineRecord, { expertId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 100 });
  }

  private async ownExpert(ctx: RequestScope, regionId: string): Promise<Expert> {
    const expert = await ctx.em.findOne(Expert, { regionId, accountId: ctx.viewer.id });
    if (!expert) throw new NotFoundError('expert profile for the caller in region', regionId);
    return expert;
  }

  // ---- export --------------------------------------------------------------------------------

  /**
   * A unit's notice as a file payroll can import: EXCEL_FI opens in a Finnish spreadsheet (UTF-8
   * with BOM, semicolons, decimal comma), RFC4180 is for machines (commas, decimal point). The
   * download names experts, so it is audited as a read of their data.
   */
  async csv(ctx: RequestScope, regionId: string, month: string, unitId: string, dialect: CsvDialect): Promise<string> {
    const grant = authorize(ctx, 'Query.payoutCsv', regionId);
    checkMonth(month);
    if (!isUuid(unitId) && !unitId.startsWith(EXTERNAL)) throw new BadUserInputError('unitId', 'expected a unit id');
    if (grant.role !== 'COORDINATOR' && !this.ownUnits(ctx, regionId).includes(unitId))
      throw new ForbiddenError(`unitId: the notice of unit ${unitId} is not yours to download`);
    const view = await this.view(ctx, regionId, month, null);
    const notice = view.notices.find((n) => n.payerKey === unitId);
    if (!notice) throw new NotFoundError(`fee payment notice of ${month} for unit`, unitId);
    const experts = new Map(notice.experts.map((e) => [e.expert.id, e.expert]));
    const euros = (cents: number | null) => {
      if (cents === null) return '';
      const text = (cents / 100).toFixed(2);
      return dialect === 'EXCEL_FI' ? text.replace('.', ',') : text;
    };
    const rows = notice.lines.map((l) => {
      const e = experts.get(l.expertId)!;
      return [
        month,
        notice.unit?.name ?? notice.externalRequester ?? '',
        e.pseudonym,
        e.erasedAt ? '' : e.displayName,
        l.workMonth,
        l.category,
        l.taxClass ?? '',
        String(l.minutes),
        euros(l.hourlyRateCents),
        euros(l.amountCents),
        l.rule,
        l.sessionId ?? '',
      ];
    });
    const header = [
      'month',
      'payer',
      'pseudonym',
      'expert',
      'work_month',
      'category',
      'tax_class',
      'minutes',
      'hourly_rate_eur',
      'amount_eur',
      'rule',
      'session_id',
    ];
    const text = stringify([header, ...rows], {
      delimiter: dialect === 'EXCEL_FI' ? ';' : ',',
      // RFC 4180 ends records with CRLF, and so does Excel.
      record_delimiter: 'windows',
      bom: dialect === 'EXCEL_FI',
    });
    for (const expertId of experts.keys())
      ctx.services.audit.recordRead(ctx, {
        regionId,
        grant,
        subjectId: expertId,
        fields: ['feeLines'],
        operation: 'payoutCsv',
        reason: `fee payment notice ${month}`,
      });
    return text;
  }
}

function checkMonth(month: string): void {
  try {
    parseWorkMonth(month);
  } catch (error) {
    if (error instanceof WorkMonthError)
      throw new BadUserInputError('month', error.message.replace('workMonth', 'month'));
    throw error;
  }
}
