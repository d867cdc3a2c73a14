import {
  Arg,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import { LocalDateScalar } from '../common/scalars';
import type { RequestContext } from '../context';
import { FeeExpertType } from '../fees/fee.types';
import { SUPPORT_KINDS, type SupportKind } from './support.entity';

const SupportKindEnum = Object.fromEntries(SUPPORT_KINDS.map((k) => [k, k])) as { [K in SupportKind]: K };
registerEnumType(SupportKindEnum, {
  name: 'SupportKind',
  description: 'SUPERVISION (työnohjaus), PEER_MEETING or DEBRIEFING.',
});

@InputType({ description: 'A supervision, peer meeting or debriefing offered to an expert.' })
class RecordSupportMeetingInput {
  @Field(() => ID)
  regionId!: string;
  @Field(() => ID)
  expertId!: string;
  @Field(() => SupportKindEnum)
  kind!: SupportKind;
  @Field(() => LocalDateScalar)
  heldOn!: string;
  @Field(() => Boolean, { description: 'False: offered, and the expert did not take part.' })
  attended!: boolean;
}

@ObjectType('SupportMeeting', { description: 'A supervision, peer meeting or debriefing of an expert.' })
class SupportMeetingType {
  @Field(() => ID)
  id!: string;
  @Field(() => ID)
  expertId!: string;
  @Field(() => SupportKindEnum)
  kind!: string;
  @Field(() => LocalDateScalar)
  heldOn!: string;
  @Field(() => Boolean)
  attended!: boolean;
}

@ObjectType('SupportStatus', { description: 'An expert who has had no meeting of a kind in the region’s interval.' })
class SupportStatusType {
  @Field(() => FeeExpertType)
  expert!: FeeExpertType;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The last one attended; null if never.' })
  lastAttendedOn!: string | null;
}

@Resolver()
export class SupportResolver {
  @Mutation(() => SupportMeetingType, {
    description: 'Records a supervision, peer meeting or debriefing (COORDINATOR).',
  })
  recordSupportMeeting(
    @Arg('input', () => RecordSupportMeetingInput) input: RecordSupportMeetingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SupportMeetingType> {
    return ctx.services.support.record(ctx, input);
  }

  @Query(() => [SupportStatusType], {
    description:
      "ACTIVE experts without an attended meeting of the kind in the region's `work.supportIntervalMonths` (COORDINATOR), longest without first.",
  })
  async expertsWithoutSupport(
    @Arg('regionId', () => ID) regionId: string,
    @Arg('kind', () => SupportKindEnum) kind: SupportKind,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ): Promise<SupportStatusType[]> {
    const rows = await ctx.services.support.withoutSupport(ctx, regionId, kind, first);
    return rows.map((r) => ({
      expert: { id: r.expert.id, displayName: r.expert.displayName, pseudonym: r.expert.pseudonym },
      lastAttendedOn: r.lastAttendedOn,
    }));
  }
}
