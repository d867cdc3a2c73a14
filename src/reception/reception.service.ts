import { authorize, grantsIn, hasRole } from '../auth/policy';
import { BadUserInputError, ConflictError, ForbiddenError } from '../common/errors';
import { isUuid } from '../common/ids';
import { listCap } from '../common/pagination';
import { Expert } from '../experts/expert.entity';
import { ExpertContract } from '../experts/expert-records.entity';
import { localDate } from '../experts/rules/contract-validity';
import { amountFor } from '../fees/fee-engine';
import type { RequestScope } from '../scope';
import { Unit } from '../units/unit.entity';
import { ReceptionShift, type ReceptionKind } from './reception.entity';

/** The task type of reception work in a region's list. */
const RECEPTION = 'reception';
const MAX_SHIFT_MINUTES = 12 * 60;

export interface ReceptionShiftInput {
  regionId: string;
  unitId: string;
  expertId: string;
  startsAt: Date;
  endsAt: Date;
  kind: ReceptionKind;
  visitorCount: number;
}

/** Reception shifts: recorded after they are held, paid hourly through the month's fee notice. */
export class ReceptionService {
  async record(ctx: RequestScope, input: ReceptionShiftInput): Promise<ReceptionShift> {
    const grant = authorize(ctx, 'Mutation.recordReceptionShift', input.regionId);
    if (
      grant.role !== 'COORDINATOR' &&
      !grantsIn(ctx.viewer, input.regionId, ['UNIT_COORDINATOR']).some((g) => g.unitId === input.unitId)
    )
      throw new ForbiddenError(`input.unitId: unit ${input.unitId} is not the unit you coordinate`);
    const now = ctx.now();
    const { config } = await ctx.services.regions.rulesAt(ctx, input.regionId, input.startsAt);
    const task = config.taskTypes.find((t) => t.id === RECEPTION);
    if (!config.receptionWork || !task?.feeCategory)
      throw new BadUserInputError('input.regionId', `region ${input.regionId} has no reception work`);
    const unit = isUuid(input.unitId)
      ? await ctx.em.findOne(Unit, { id: input.unitId, regionId: input.regionId })
      : null;
    if (!unit) throw new BadUserInputError('input.unitId', `no unit ${input.unitId} in region ${input.regionId}`);
    const expert = isUuid(input.expertId)
      ? await ctx.em.findOne(Expert, { id: input.expertId, regionId: input.regionId })
      : null;
    if (!expert)
      throw new BadUserInputError('input.expertId', `no expert ${input.expertId} in region ${input.regionId}`);
    const minutes = (input.endsAt.getTime() - input.startsAt.getTime()) / 60_000;
    if (minutes <= 0) throw new BadUserInputError('input.endsAt', 'must be after startsAt');
    if (minutes > MAX_SHIFT_MINUTES || !Number.isInteger(minutes))
      throw new BadUserInputError(
        'input.endsAt',
        `a shift lasts whole minutes, at most ${MAX_SHIFT_MINUTES / 60} hours`,
      );
    if (input.startsAt.getTime() > now.getTime())
      throw new BadUserInputError('input.startsAt', 'a shift is recorded once it has begun');
    if (!Number.isInteger(input.visitorCount) || input.visitorCount < 0 || input.visitorCount > 500)
      throw new BadUserInputError('input.visitorCount', 'expected a whole number from 0 to 500');
    const day = localDate(input.startsAt, config.timeZone);
    if (expert.status !== 'ACTIVE')
      throw new ConflictError(`expert ${expert.id} is ${expert.status}; only ACTIVE experts hold reception`);
    const contracts = await ctx.em.find(ExpertContract, { expert: expert.id });
    if (!contracts.some((c) => c.validFrom <= day && day <= c.validTo && c.taskTypeIds.includes(RECEPTION)))
      throw new BadUserInputError('input.expertId', `expert ${expert.id} has no contract covering reception on ${day}`);
    if (config.work.unitOrientationRequired && !expert.unitIds.includes(unit.id))
      throw new BadUserInputError('input.expertId', `expert ${expert.id} is not oriented in unit ${unit.id}`);
    const row = config.feeTable.rows.find((r) => r.category === task.feeCategory)!;
    const shift = ctx.em.create(ReceptionShift, {
      regionId: input.regionId,
      unitId: unit.id,
      expertId: expert.id,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      kind: input.kind,
      visitorCount: input.visitorCount,
      taskTypeId: RECEPTION,
      feeCategory: row.category,
      hourlyRateCents: row.hourlyRateCents,
      taxClass: row.taxClass,
      recordedBy: ctx.viewer.id!,
      createdAt: now,
    });
    await ctx.services.fees.recordReceptionLine(ctx, shift, {
      category: row.category,
      minutes,
      hourlyRateCents: row.hourlyRateCents,
      amountCents: amountFor(minutes, row.hourlyRateCents),
      taxClass: row.taxClass,
      taxClassIsDefault: row.taxClassIsDefault,
      rule: 'RECEPTION',
    });
    await ctx.em.flush();
    return shift;
  }

  /** Shifts in time order (at most 100): all for the coordinator, a unit's for its coordinator, an expert's own. */
  async list(
    ctx: RequestScope,
    regionId: string,
    filter: { unitId?: string | null; from?: Date | null; to?: Date | null },
    first?: number | null,
  ): Promise<ReceptionShift[]> {
    authorize(ctx, 'Query.receptionShifts', regionId);
    if (filter.unitId && !isUuid(filter.unitId)) throw new BadUserInputError('unitId', 'expected a unit id');
    if (filter.from && filter.to && filter.from.getTime() >= filter.to.getTime())
      throw new BadUserInputError('to', 'must be after from');
    const where: Record<string, unknown> = { regionId };
    if (filter.unitId) where.unitId = filter.unitId;
    if (!hasRole(ctx.viewer, regionId, ['COORDINATOR'])) {
      const units = grantsIn(ctx.viewer, regionId, ['UNIT_COORDINATOR']).flatMap((g) => (g.unitId ? [g.unitId] : []));
      const expert = hasRole(ctx.viewer, regionId, ['EXPERT'])
        ? await ctx.em.findOne(Expert, { regionId, accountId: ctx.viewer.id })
        : null;
      if (filter.unitId && !units.includes(filter.unitId) && !expert)
        throw new ForbiddenError(`unitId: shifts of unit ${filter.unitId} are not yours to list`);
      where.$or = [{ unitId: { $in: units } }, ...(expert ? [{ expertId: expert.id }] : [])];
    }
    const startsAt: Record<string, Date> = {};
    if (filter.from) startsAt.$gte = filter.from;
    if (filter.to) startsAt.$lt = filter.to;
    if (filter.from || filter.to) where.startsAt = startsAt;
    return ctx.em.find(ReceptionShift, where, { orderBy: { startsAt: 'asc', id: 'asc' }, limit: listCap(first) });
  }
}
