import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { ServiceInterface, serviceInterfaceOf } from '../region/region.types';
import type { Unit } from './unit.entity';
import { CreateUnitInput, UnitType, UpdateUnitInput } from './unit.types';

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

  @FieldResolver(() => ServiceInterface, { description: 'The service interface of the region the unit belongs to.' })
  async serviceInterface(@Root() unit: Unit, @Ctx() ctx: RequestContext): Promise<ServiceInterface> {
    const { config } = await ctx.services.regions.rulesAt(ctx, unit.regionId, ctx.now());
    return serviceInterfaceOf(config, unit.serviceInterfaceId);
  }
}
