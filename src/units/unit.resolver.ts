import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { operationOf } from '../audit/audit.service';
import { LocalDateScalar } from '../common/scalars';
import type { RequestContext } from '../context';
import { ServiceInterface, serviceInterfaceOf } from '../region/region.types';
import type { Unit } from './unit.entity';
import { CreateUnitInput, ExpertOrientationType, UnitType, UpdateUnitInput } from './unit.types';

@Resolver(() => UnitType)
export class UnitResolver {
  @Query(() => [UnitType], { description: 'Operating units of a region, by name (at most 100).' })
  units(@Arg('regionId', () => ID) regionId: string, @Ctx() ctx: RequestContext): Promise<Unit[]> {
    return ctx.services.units.list(ctx, regionId);
  }

  @Mutation(() => UnitType, { description: 'Adds an operating unit to a region (REGION_ADMIN).' })
  createUnit(@Arg('input', () => CreateUnitInput) input: CreateUnitInput, @Ctx() ctx: RequestContext): Promise<Unit> {
    return ctx.services.units.create(ctx, input);
  }

  @Mutation(() => UnitType, {
    description: "Changes a unit's name, service interface, municipality or named coordinators (REGION_ADMIN).",
  })
  updateUnit(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateUnitInput) input: UpdateUnitInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Unit> {
    return ctx.services.units.update(ctx, id, input);
  }

  @Mutation(() => UnitType, {
    description: "Keeps the unit's instructions for experts current (its UNIT_COORDINATOR, or the COORDINATOR).",
  })
  updateUnitInstructions(
    @Arg('unitId', () => ID) unitId: string,
    @Arg('text', () => String) text: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Unit> {
    return ctx.services.units.updateInstructions(ctx, unitId, text);
  }

  @Mutation(() => ExpertOrientationType, {
    description:
      "Marks an expert oriented in the unit (its UNIT_COORDINATOR, or the COORDINATOR); the unit joins the expert's `units`.",
  })
  async markExpertOriented(
    @Arg('unitId', () => ID) unitId: string,
    @Arg('expertId', () => ID) expertId: string,
    @Arg('orientedOn', () => LocalDateScalar) orientedOn: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ExpertOrientationType> {
    const { orientation, expert } = await ctx.services.units.markOriented(
      ctx,
      unitId,
      expertId,
      orientedOn,
      operationOf(info),
    );
    return {
      unitId: orientation.unitId,
      expertId: expert.id,
      displayName: expert.displayName,
      orientedOn: orientation.orientedOn,
    };
  }

  @Query(() => [ExpertOrientationType], {
    description:
      'Experts oriented in the unit, and since when (its UNIT_COORDINATOR, or the COORDINATOR; at most 100).',
  })
  async unitOrientations(
    @Arg('unitId', () => ID) unitId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ExpertOrientationType[]> {
    return (await ctx.services.units.orientations(ctx, unitId)).map(({ orientation, expert }) => ({
      unitId: orientation.unitId,
      expertId: expert.id,
      displayName: expert.erasedAt ? expert.pseudonym : expert.displayName,
      orientedOn: orientation.orientedOn,
    }));
  }

  @FieldResolver(() => ServiceInterface, { description: 'The service interface of the region the unit belongs to.' })
  async serviceInterface(@Root() unit: Unit, @Ctx() ctx: RequestContext): Promise<ServiceInterface> {
    const { config } = await ctx.services.regions.rulesAt(ctx, unit.regionId, ctx.now());
    return serviceInterfaceOf(config, unit.serviceInterfaceId);
  }
}
