import { requireAuthenticated, requireRole } from '../auth/policy';
import type { Role } from '../auth/viewer';
import { BadUserInputError, NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import type { RegionConfig } from '../region/region-config';
import { checkListLength } from '../common/pagination';
import type { RequestContext } from '../context';
import { Unit } from './unit.entity';

export interface UpdateUnitInput {
  name?: string | null;
  serviceInterfaceId?: string | null;
  municipality?: string | null;
  coordinatorNames?: string[] | null;
}

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
    const unit = ctx.em.create(Unit, {
      regionId: input.regionId,
      name: requiredText('input.name', input.name),
      serviceInterfaceId: checkServiceInterface(config, input.regionId, input.serviceInterfaceId),
      municipality: requiredText('input.municipality', input.municipality),
      coordinatorNames: checkCoordinatorNames(input.coordinatorNames),
      createdAt: ctx.now(),
    });
    await ctx.em.flush();
    return unit;
  }

  /** Renames a unit, moves it to another service interface or changes its named coordinators (REGION_ADMIN). */
  async update(ctx: RequestContext, id: string, input: UpdateUnitInput): Promise<Unit> {
    requireAuthenticated(ctx.viewer, 'updateUnit');
    // The region filter hides other regions' units: they answer NOT_FOUND.
    const unit = isUuid(id) ? await ctx.em.findOne(Unit, { id }) : null;
    if (!unit) throw new NotFoundError('unit', id);
    requireRole(ctx.viewer, unit.regionId, ['REGION_ADMIN'], 'updateUnit');
    const { config } = await ctx.services.regions.rulesAt(ctx, unit.regionId, ctx.now());
    if (input.name != null) unit.name = requiredText('input.name', input.name);
    if (input.serviceInterfaceId != null) unit.serviceInterfaceId = checkServiceInterface(config, unit.regionId, input.serviceInterfaceId);
    if (input.municipality != null) unit.municipality = requiredText('input.municipality', input.municipality);
    if (input.coordinatorNames != null) unit.coordinatorNames = checkCoordinatorNames(input.coordinatorNames);
    await ctx.em.flush();
    return unit;
  }

  async list(ctx: RequestContext, regionId: string): Promise<Unit[]> {
    requireRole(ctx.viewer, regionId, UNIT_READERS, 'units');
    await ctx.services.regions.rulesAt(ctx, regionId, ctx.now());
    return ctx.em.find(Unit, { regionId }, { orderBy: { name: 'asc', id: 'asc' } });
  }
}

function requiredText(field: string, value: string): string {
  const text = value.trim();
  if (!text) throw new BadUserInputError(field, 'must not be empty');
  if (text.length > 200) throw new BadUserInputError(field, 'must be at most 200 characters');
  return text;
}

function checkServiceInterface(config: RegionConfig, regionId: string, id: string): string {
  if (!config.serviceInterfaces.some((s) => s.id === id)) {
    throw new BadUserInputError('input.serviceInterfaceId', `unknown service interface "${id}" in region ${regionId}`);
  }
  return id;
}

function checkCoordinatorNames(names: string[]): string[] {
  checkListLength('input.coordinatorNames', names);
  const trimmed = names.map((n) => n.trim());
  if (trimmed.some((n) => !n)) throw new BadUserInputError('input.coordinatorNames', 'names must not be empty');
  return trimmed;
}
