import { requireRole } from '../auth/policy';
import type { Role } from '../auth/viewer';
import { BadUserInputError } from '../common/errors';
import { checkListLength } from '../common/pagination';
import type { RequestContext } from '../context';
import { Unit } from './unit.entity';

export interface CreateUnitInput {
  regionId: string;
  name: string;
  serviceInterfaceId: string;
  municipality: string;
  coordinatorNames: string[];
}

/** Every role with rows in a region may list its units (they are not personal data). */
const UNIT_READERS: readonly Role[] = ['REGION_ADMIN', 'COORDINATOR', 'UNIT_COORDINATOR', 'PROFESSIONAL', 'EXPERT', 'ANALYST'];

/** Operating units of a region, managed by the region admin. */
export class UnitService {
  async create(ctx: RequestContext, input: CreateUnitInput): Promise<Unit> {
    requireRole(ctx.viewer, input.regionId, ['REGION_ADMIN'], 'createUnit');
    const { config } = await ctx.services.regions.rulesAt(ctx, input.regionId, ctx.now());
    const name = input.name.trim();
    if (!name) throw new BadUserInputError('input.name', 'must not be empty');
    if (!config.serviceInterfaces.some((s) => s.id === input.serviceInterfaceId)) {
      throw new BadUserInputError('input.serviceInterfaceId', `unknown service interface "${input.serviceInterfaceId}" in region ${input.regionId}`);
    }
    const municipality = input.municipality.trim();
    if (!municipality) throw new BadUserInputError('input.municipality', 'must not be empty');
    checkListLength('input.coordinatorNames', input.coordinatorNames);
    const coordinatorNames = input.coordinatorNames.map((n) => n.trim());
    if (coordinatorNames.some((n) => !n)) throw new BadUserInputError('input.coordinatorNames', 'names must not be empty');
    const unit = ctx.em.create(Unit, { regionId: input.regionId, name, serviceInterfaceId: input.serviceInterfaceId, municipality, coordinatorNames, createdAt: ctx.now() });
    await ctx.em.flush();
    return unit;
  }

  async list(ctx: RequestContext, regionId: string): Promise<Unit[]> {
    requireRole(ctx.viewer, regionId, UNIT_READERS, 'units');
    await ctx.services.regions.rulesAt(ctx, regionId, ctx.now());
    return ctx.em.find(Unit, { regionId }, { orderBy: { name: 'asc', id: 'asc' } });
  }
}
