import type { OperationName } from '../auth/policies';
import { authorize, authorizeRow, authorizeRowLookup, grantsIn } from '../auth/policy';
import type { Grant } from '../auth/viewer';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import { Expert } from '../experts/expert.entity';
import { localDate } from '../experts/rules/contract-validity';
import { isUuid } from '../common/ids';
import type { RegionConfig } from '../region/region-config';
import { checkListLength, MAX_PAGE_SIZE } from '../common/pagination';
import type { RequestScope } from '../scope';
import { Unit, UnitOrientation } from './unit.entity';

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

  // ---- the unit's own work with experts (its unit coordinator, or the regional coordinator) ----

  /** The unit for a change by its unit coordinator or the region's coordinator; others FORBIDDEN. */
  private async ownUnit(
    ctx: RequestScope,
    unitId: string,
    operation: OperationName,
  ): Promise<{ unit: Unit; grant: Grant }> {
    authorizeRowLookup(ctx, operation);
    const unit = isUuid(unitId) ? await ctx.em.findOne(Unit, { id: unitId }) : null;
    if (!unit) throw new NotFoundError('unit', unitId);
    const grant = authorizeRow(ctx, operation, unit);
    if (grant.role === 'COORDINATOR') return { unit, grant };
    const own = grantsIn(ctx.viewer, unit.regionId, ['UNIT_COORDINATOR']).find((g) => g.unitId === unit.id);
    if (!own) throw new ForbiddenError(`unitId: unit ${unit.id} is not the unit you coordinate`);
    return { unit, grant: own };
  }

  async updateInstructions(ctx: RequestScope, unitId: string, text: string): Promise<Unit> {
    const { unit } = await this.ownUnit(ctx, unitId, 'Mutation.updateUnitInstructions');
    const trimmed = text.trim();
    if (trimmed.length > 10_000) throw new BadUserInputError('text', 'at most 10000 characters');
    unit.instructionsForExperts = trimmed || null;
    await ctx.em.flush();
    return unit;
  }

  /** The unit coordinator marks an expert oriented in the unit; this puts the unit in the expert's `units`. */
  async markOriented(
    ctx: RequestScope,
    unitId: string,
    expertId: string,
    orientedOn: string,
    operation: string | null,
  ): Promise<{ orientation: UnitOrientation; expert: Expert }> {
    const { unit, grant } = await this.ownUnit(ctx, unitId, 'Mutation.markExpertOriented');
    const expert = isUuid(expertId) ? await ctx.em.findOne(Expert, { id: expertId, regionId: unit.regionId }) : null;
    if (!expert) throw new BadUserInputError('expertId', `no expert ${expertId} in region ${unit.regionId}`);
    if (expert.erasedAt || (expert.status !== 'CONTRACTED' && expert.status !== 'ACTIVE'))
      throw new ConflictError(
        `expert ${expert.id} is ${expert.erasedAt ? 'erased' : expert.status}; CONTRACTED or ACTIVE experts are oriented`,
      );
    const { config } = await ctx.services.regions.rulesAt(ctx, unit.regionId, ctx.now());
    if (orientedOn > localDate(ctx.now(), config.timeZone))
      throw new BadUserInputError('orientedOn', 'an orientation is recorded once it has taken place');
    const existing = await ctx.em.findOne(UnitOrientation, { unitId: unit.id, expertId: expert.id });
    if (existing) return { orientation: existing, expert };
    const orientation = ctx.em.create(UnitOrientation, {
      regionId: unit.regionId,
      unitId: unit.id,
      expertId: expert.id,
      orientedOn,
      recordedBy: ctx.viewer.id!,
      recordedAt: ctx.now(),
    });
    await ctx.services.experts.markOriented(ctx, expert, unit.id, grant, operation);
    await ctx.em.flush();
    return { orientation, expert };
  }

  /** Who is oriented in the unit and since when (at most 100). */
  async orientations(
    ctx: RequestScope,
    unitId: string,
  ): Promise<Array<{ orientation: UnitOrientation; expert: Expert }>> {
    const { unit } = await this.ownUnit(ctx, unitId, 'Query.unitOrientations');
    const rows = await ctx.em.find(
      UnitOrientation,
      { unitId: unit.id },
      { orderBy: { orientedOn: 'asc', id: 'asc' }, limit: MAX_PAGE_SIZE },
    );
    const experts = rows.length ? await ctx.em.find(Expert, { id: { $in: rows.map((r) => r.expertId) } }) : [];
    const byId = new Map(experts.map((e) => [e.id, e]));
    return rows.flatMap((orientation) => {
      const expert = byId.get(orientation.expertId);
      return expert ? [{ orientation, expert }] : [];
    });
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
