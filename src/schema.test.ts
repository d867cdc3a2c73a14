import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraphQLSchema } from './schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphQLSchema();
});

const fieldsOf = (type: string) => (schema.getType(type) as GraphQLObjectType).getFields();

describe("the schema's object fields", () => {
  it('are read as properties by the executor when they are plain properties of their parent', () => {
    expect(fieldsOf('Order').title!.resolve).toBeUndefined();
    expect(fieldsOf('Session').startsAt!.resolve).toBeUndefined();
    expect(fieldsOf('SessionCancellation').at!.resolve).toBeUndefined();
  });

  it('keep their field resolvers', () => {
    expect(fieldsOf('Order').unit!.resolve).toBeDefined();
    expect(fieldsOf('Order').sessions!.resolve).toBeDefined();
  });

  it('keep a resolver when the schema names them otherwise than their property', () => {
    const resolve = fieldsOf('SessionCancellation').class!.resolve!;
    const cancellation = { cancellationClass: 'LATE', at: new Date('2026-11-10T08:00:00Z'), reason: null };
    expect(resolve(cancellation, {}, {}, undefined as never)).toBe('LATE');
    expect(fieldsOf('Order').clientProcess!.resolve).toBeDefined();
  });
});
