import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { ForbiddenError } from '../common/errors';
import { isUuid } from '../common/ids';
import type { RequestScope } from '../scope';
import { policyOf, type OperationPolicy } from './policies';
import { checkAnalysis, checkRow, checkRowLookup, requireRole } from './policy';

/**
 * Puts the declared policy in front of every Query and Mutation field of the schema: the one
 * guard resolvers share, so none can forget it. An operation without a declared policy is refused
 * (fails closed). Only root fields are wrapped, so object fields pay nothing.
 */
export function guardOperations(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (root) guardFields(root);
  }
  return schema;
}

function guardFields(root: GraphQLObjectType): void {
  for (const field of Object.values(root.getFields())) {
    const operation = `${root.name}.${field.name}`;
    const resolve: GraphQLFieldResolver<unknown, RequestScope> = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args: Record<string, unknown>, scope: RequestScope, info) => {
      const policy = policyOf(operation);
      if (!policy) throw new ForbiddenError(`${field.name} has no declared access policy`);
      await admit(scope, policy, field.name, args);
      return resolve(source, args, scope, info);
    };
  }
}

/** Checks the caller against the policy before the resolver runs. */
async function admit(
  scope: RequestScope,
  policy: OperationPolicy,
  action: string,
  args: Record<string, unknown>,
): Promise<void> {
  switch (policy.access) {
    case 'PUBLIC':
      return;
    case 'REGION':
      requireRole(scope.viewer, String(valueAt(args, policy.regionArg)), policy.roles, action);
      return;
    case 'ANALYSIS': {
      const regions = valueAt(args, policy.regionsArg);
      checkAnalysis(scope.viewer, policy, action, Array.isArray(regions) ? regions.map(String) : []);
      return;
    }
    case 'STORED_ROW': {
      checkRowLookup(scope.viewer, policy, action);
      // The row's region decides. A malformed id or a missing row is left to the service, which
      // answers for it as it does for any caller; the identity map serves its own lookup after this.
      const id = args[policy.idArg];
      if (typeof id !== 'string' || !isUuid(id)) return;
      const row = await scope.em.findOne<{ id: string; regionId: string }>(policy.row, { id });
      if (row) checkRow(scope.viewer, policy, action, row);
      return;
    }
  }
}

/** The argument at a dotted path, e.g. `input.regionId`. */
function valueAt(args: Record<string, unknown>, path: string): unknown {
  let value: unknown = args;
  for (const key of path.split('.'))
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}
