import { Ctx, Field, ID, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import type { RequestContext } from '../context';
import { ROLES, type Role } from './viewer';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in Role]: K };
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What a grant allows, within one region (NATIONAL_ANALYST: aggregates of every region).',
});

@ObjectType('Grant', { description: 'One role the caller holds in one region, optionally limited to one unit.' })
export class GrantType {
  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => ID)
  regionId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Set for roles limited to one unit (UNIT_COORDINATOR, PROFESSIONAL).',
  })
  unitId?: string | null;
}

@ObjectType('Viewer', { description: 'The authenticated caller.' })
export class ViewerType {
  @Field(() => ID, { description: 'Subject of the token.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Display name from the token.' })
  name!: string | null;

  @Field(() => [GrantType])
  grants!: GrantType[];
}

@Resolver()
export class ViewerResolver {
  @Query(() => ViewerType, { nullable: true, description: 'The caller, or null without a token.' })
  viewer(@Ctx() ctx: RequestContext): ViewerType | null {
    const { viewer } = ctx;
    if (!viewer.id) return null;
    return {
      id: viewer.id,
      name: viewer.name,
      grants: viewer.grants.map((g) => ({ role: g.role, regionId: g.regionId, unitId: g.unitId ?? null })),
    };
  }
}
