import { Temporal } from '@js-temporal/polyfill';
import { authorize } from '../auth/policy';
import { BadUserInputError, ConflictError } from '../common/errors';
import { isUuid } from '../common/ids';
import { listCap } from '../common/pagination';
import { rowLimit } from '../db/read-sql';
import { Expert } from '../experts/expert.entity';
import { localDate } from '../experts/rules/contract-validity';
import type { RequestScope } from '../scope';
import { SupportMeeting, type SupportKind } from './support.entity';

export interface SupportStatus {
  expert: Expert;
  lastAttendedOn: string | null;
}

/** Supervision, peer meetings and debriefings per expert, and who has gone without them. */
export class SupportService {
  async record(
    ctx: RequestScope,
    input: { regionId: string; expertId: string; kind: SupportKind; heldOn: string; attended: boolean },
  ): Promise<SupportMeeting> {
    authorize(ctx, 'Mutation.recordSupportMeeting', input.regionId);
    const { config } = await ctx.services.regions.rulesAt(ctx, input.regionId, ctx.now());
    const expert = isUuid(input.expertId)
      ? await ctx.em.findOne(Expert, { id: input.expertId, regionId: input.regionId })
      : null;
    if (!expert)
      throw new BadUserInputError('input.expertId', `no expert ${input.expertId} in region ${input.regionId}`);
    if (expert.erasedAt || expert.status === 'ENDED' || expert.status === 'APPLIED')
      throw new ConflictError(`expert ${expert.id} is ${expert.erasedAt ? 'erased' : expert.status}`);
    if (input.heldOn > localDate(ctx.now(), config.timeZone))
      throw new BadUserInputError('input.heldOn', 'a meeting is recorded once it has been held');
    const meeting = ctx.em.create(SupportMeeting, {
      regionId: input.regionId,
      expertId: expert.id,
      kind: input.kind,
      heldOn: input.heldOn,
      attended: input.attended,
      recordedBy: ctx.viewer.id!,
      createdAt: ctx.now(),
    });
    await ctx.em.flush();
    return meeting;
  }

  /**
   * ACTIVE experts who have attended no meeting of `kind` in the region's interval
   * (`work.supportIntervalMonths`, counted back from today in the region's time zone), longest
   * without first. One statement for the list.
   */
  async withoutSupport(
    ctx: RequestScope,
    regionId: string,
    kind: SupportKind,
    first?: number | null,
  ): Promise<SupportStatus[]> {
    authorize(ctx, 'Query.expertsWithoutSupport', regionId);
    const { config } = await ctx.services.regions.rulesAt(ctx, regionId, ctx.now());
    const since = Temporal.PlainDate.from(localDate(ctx.now(), config.timeZone))
      .subtract({ months: config.work.supportIntervalMonths })
      .toString();
    const rows = await ctx.em.execute<Array<{ id: string; last_on: string | null }>>(
      `select e.id, (select max(m.held_on)::text from support_meeting m
                      where m.expert_id = e.id and m.kind = ? and m.attended) as last_on
         from expert e
        where e.region_id = ? and e.status = 'ACTIVE'
          and not exists (select 1 from support_meeting m
                           where m.expert_id = e.id and m.kind = ? and m.attended and m.held_on > ?)
        order by last_on nulls first, e.display_name, e.id
        ${rowLimit(listCap(first))}`,
      [kind, regionId, kind, since],
    );
    const experts = rows.length ? await ctx.em.find(Expert, { id: { $in: rows.map((r) => r.id) } }) : [];
    const byId = new Map(experts.map((e) => [e.id, e]));
    return rows.map((r) => ({ expert: byId.get(r.id)!, lastAttendedOn: r.last_on }));
  }
}
