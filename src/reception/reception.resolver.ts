import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';
import type { RequestContext } from '../context';
import { FeeExpertType } from '../fees/fee.types';
import { createOrderLoaders } from '../orders/order.loaders';
import type { OrderExpertRow, OrderUnitRow } from '../orders/order.read';
import { TaxClassEnum } from '../region/region.types';
import { UnitType } from '../units/unit.types';
import { RECEPTION_KINDS, type ReceptionKind, type ReceptionShift } from './reception.entity';

const ReceptionKindEnum = Object.fromEntries(RECEPTION_KINDS.map((k) => [k, k])) as { [K in ReceptionKind]: K };
registerEnumType(ReceptionKindEnum, {
  name: 'ReceptionKind',
  description: "BOOKED through the county's appointment booking, or WALK_IN.",
});

@InputType({ description: 'Reception hours an expert held in a unit; only a visitor count is kept, never who came.' })
class RecordReceptionShiftInput {
  @Field(() => ID)
  regionId!: string;
  @Field(() => ID)
  unitId!: string;
  @Field(() => ID)
  expertId!: string;
  @Field(() => DateTimeScalar)
  startsAt!: Date;
  @Field(() => DateTimeScalar)
  endsAt!: Date;
  @Field(() => ReceptionKindEnum)
  kind!: ReceptionKind;
  @Field(() => Int)
  visitorCount!: number;
}

@ObjectType('ReceptionShift', { description: "An expert's reception hours in a unit (003 §4), paid hourly." })
class ReceptionShiftType {
  @Field(() => ID)
  id!: string;
  @Field(() => DateTimeScalar)
  startsAt!: Date;
  @Field(() => DateTimeScalar)
  endsAt!: Date;
  @Field(() => ReceptionKindEnum)
  kind!: string;
  @Field(() => Int, { description: 'How many came; nothing about who.' })
  visitorCount!: number;
  @Field(() => String)
  feeCategory!: string;
  @Field(() => Int, { description: 'The hourly rate in force on the day, kept with the shift.' })
  hourlyRateCents!: number;
  @Field(() => TaxClassEnum)
  taxClass!: string;
}

@Resolver(() => ReceptionShiftType)
export class ReceptionResolver {
  @Mutation(() => ReceptionShiftType, {
    description:
      'Records reception hours held (COORDINATOR, or the UNIT_COORDINATOR of the unit); the fee goes on the notice.',
  })
  recordReceptionShift(
    @Arg('input', () => RecordReceptionShiftInput) input: RecordReceptionShiftInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ReceptionShift> {
    return ctx.services.reception.record(ctx, input);
  }

  @Query(() => [ReceptionShiftType], {
    description:
      "Reception shifts in time order (at most 100): a coordinator's all, a unit coordinator's unit's, an expert's own.",
  })
  receptionShifts(
    @Arg('regionId', () => ID) regionId: string,
    @Ctx() ctx: RequestContext,
    @Arg('unitId', () => ID, { nullable: true }) unitId?: string | null,
    @Arg('from', () => DateTimeScalar, { nullable: true }) from?: Date | null,
    @Arg('to', () => DateTimeScalar, { nullable: true }) to?: Date | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ): Promise<ReceptionShift[]> {
    return ctx.services.reception.list(ctx, regionId, { unitId, from, to }, first);
  }

  @FieldResolver(() => Int)
  minutes(@Root() shift: ReceptionShift): number {
    return Math.round((shift.endsAt.getTime() - shift.startsAt.getTime()) / 60_000);
  }

  @FieldResolver(() => UnitType)
  async unit(@Root() shift: ReceptionShift, @Ctx() ctx: RequestContext): Promise<OrderUnitRow> {
    return (await ctx.loaders.get(createOrderLoaders).units.load(shift.unitId))!;
  }

  @FieldResolver(() => FeeExpertType)
  async expert(@Root() shift: ReceptionShift, @Ctx() ctx: RequestContext): Promise<FeeExpertType> {
    const e: OrderExpertRow = (await ctx.loaders.get(createOrderLoaders).experts.load(shift.expertId))!;
    return { id: e.id, displayName: e.erasedAt ? e.pseudonym : e.displayName, pseudonym: e.pseudonym };
  }
}
