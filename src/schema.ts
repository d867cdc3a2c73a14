import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { ViewerResolver } from './auth/viewer.resolver';
import { RegionResolver } from './region/region.resolver';
import { AuditResolver } from './audit/audit.resolver';
import { ExpertResolver } from './experts/expert.resolver';
import { UnitResolver } from './units/unit.resolver';
import { guardOperations } from './auth/policy-guard';
import { guardArguments } from './common/input-guard';
import { countWhenAsked } from './common/pagination';
import { MetricsResolver } from './metrics/metrics.resolver';
import { FeedbackResolver } from './feedback/feedback.resolver';
import { ReceptionResolver } from './reception/reception.resolver';
import { SupportResolver } from './support/support.resolver';
import { FeeResolver } from './fees/fee.resolver';
import { OfferResolver, OrderExpertResolver, OrderResolver, SessionResolver } from './orders/order.resolver';

/** Every resolver class of the API. */
const resolvers = [
  ViewerResolver,
  RegionResolver,
  UnitResolver,
  ExpertResolver,
  AuditResolver,
  OrderResolver,
  SessionResolver,
  OfferResolver,
  OrderExpertResolver,
  FeeResolver,
  SupportResolver,
  ReceptionResolver,
  FeedbackResolver,
  MetricsResolver,
] as const;

export async function buildGraphQLSchema(): Promise<GraphQLSchema> {
  readPropertiesDirectly();
  // Every operation passes its declared policy (src/auth/policies.ts) before its resolver runs;
  // before that, every argument passes one guard (control characters, lengths, list sizes).
  return countWhenAsked(
    guardArguments(guardOperations(await buildSchema({ resolvers, validate: false, emitSchemaFile: false }))),
  );
}

/**
 * A field of an object type that is a property of its parent's value (no field resolver, the
 * same name in the schema and in the class, no middleware) gets no resolver, so the executor reads
 * the property itself. type-graphql's default gives each one a resolver that returns the property,
 * and graphql-jit makes every such field of every row a deferred resolver call with its own
 * resolve info (an order list of 20 with its sessions made 440). A field with a resolver of its
 * own keeps it (type-graphql prefers it whatever `simple` says), as does a renamed one.
 */
function readPropertiesDirectly(): void {
  for (const field of getMetadataStorage().fields) {
    const plain = field.schemaName === field.name && !field.middlewares?.length && !field.roles?.length;
    if (field.simple === undefined && plain) field.simple = true;
  }
}

/** The SDL committed in schema/schema.graphql: sorted, so that diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
