import { authorize, authorizeRow } from '../auth/policy';
import { BadUserInputError, NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import type { RegionConfig } from '../region/region-config';
import { checkListLength, MAX_PAGE_SIZE } from '../common/pagination';
import type { RequestScope } from '../scope';
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

/**
 * Operating units of a region, managed by the region admin. Who may do what is declared in
 * src/auth/policies.ts (Query.units, Mutation.createUnit, Mutation.updateUnit) and checked here,
 * so a job calling these methods meets the same rule as the API.
 */
export class UnitService {
  async create(ctx: RequestScope, input: CreateUnitInput): Promise<Unit> {
    authorize(ctx, 'Mutation.createUnit', input.regionId);
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
  async update(ctx: RequestScope, id: string, input: UpdateUnitInput): Promise<Unit> {
    // The region filter hides other regions' units: they answer NOT_FOUND.
    const unit = isUuid(id) ? await ctx.em.findOne(Unit, { id }) : null;
    if (!unit) throw new NotFoundError('unit', id);
    authorizeRow(ctx, 'Mutation.updateUnit', unit);
    const { config } = await ctx.services.regions.rulesAt(ctx, unit.regionId, ctx.now());
    if (input.name != null) unit.name = requiredText('input.name', input.name);
    if (input.serviceInterfaceId != null)
      unit.serviceInterfaceId = checkServiceInterface(config, unit.regionId, input.serviceInterfaceId);
    if (input.municipality != null) unit.municipality = requiredText('input.municipality', input.municipality);
    if (input.coordinatorNames != null) unit.coordinatorNames = checkCoordinatorNames(input.coordinatorNames);
    await ctx.em.flush();
    return unit;
  }

  async list(ctx: RequestScope, regionId: string): Promise<Unit[]> {
    authorize(ctx, 'Query.units', regionId);
    await ctx.services.regions.rulesAt(ctx, regionId, ctx.now());
    return ctx.em.find(Unit, { regionId }, { orderBy: { name: 'asc', id: 'asc' }, limit: MAX_PAGE_SIZE });
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
