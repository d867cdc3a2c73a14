import { graphql, GraphQLID, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatError } from '../common/format-error';
import pino from 'pino';
import { guardOperations } from './policy-guard';
import { authorize, authorizeRow, checkRow, checkRowLookup } from './policy';
import type { Viewer } from './viewer';

const log = pino({ level: 'silent' });

/** A schema with one declared operation of each kind and one that nobody declared. */
function schema() {
  const answer = { type: GraphQLString, resolve: () => 'ran' };
  return guardOperations(
    new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          regions: answer,
          units: { ...answer, args: { regionId: { type: new GraphQLNonNull(GraphQLID) } } },
          somethingNew: answer,
        },
      }),
    }),
  );
}

async function run(query: string, viewer: Viewer) {
  const result = await graphql({ schema: schema(), source: query, contextValue: { viewer } });
  return {
    data: result.data,
    codes: (result.errors ?? []).map((e) => formatError({ log, production: true })(e.toJSON(), e).extensions?.code),
  };
}

const anonymous: Viewer = { id: null, name: null, grants: [] };
const professional: Viewer = {
  id: 'p',
  name: null,
  grants: [{ role: 'PROFESSIONAL', regionId: 'lapland', unitId: 'u' }],
};

/** A stored-row policy that refuses callers holding none of its roles anywhere. */
const COORDINATOR_ONLY_EXPERT_ROW = {
  access: 'STORED_ROW',
  roles: ['COORDINATOR'],
  row: 'Expert',
  idArg: 'id',
  noun: 'expert',
  refuseOtherRoles: true,
} as const;

describe('policy guard', () => {
  it('when an operation has no declared policy, then it is refused for everyone and its resolver never runs', async () => {
    expect(await run('{ somethingNew }', professional)).toEqual({ data: { somethingNew: null }, codes: ['FORBIDDEN'] });
    expect(await run('{ somethingNew }', anonymous)).toEqual({ data: { somethingNew: null }, codes: ['FORBIDDEN'] });
  });

  it('when an operation is declared public, then it runs without a token', async () => {
    expect(await run('{ regions }', anonymous)).toEqual({ data: { regions: 'ran' }, codes: [] });
  });

  it('when a region operation is called, then the declared roles in the named region decide', async () => {
    expect(await run('{ units(regionId: "lapland") }', professional)).toEqual({ data: { units: 'ran' }, codes: [] });
    expect((await run('{ units(regionId: "vantaa-kap") }', professional)).codes).toEqual(['FORBIDDEN']);
    expect((await run('{ units(regionId: "lapland") }', anonymous)).codes).toEqual(['UNAUTHENTICATED']);
  });
});

describe('policy checks in services', () => {
  const admin: Viewer = { id: 'a', name: null, grants: [{ role: 'REGION_ADMIN', regionId: 'lapland' }] };
  const national: Viewer = { id: 'n', name: null, grants: [{ role: 'NATIONAL_ANALYST', regionId: 'lapland' }] };

  it('when a job acts under a grant, then it gets that grant back for the audit', () => {
    expect(authorize({ viewer: admin }, 'Mutation.createUnit', 'lapland')).toEqual({
      role: 'REGION_ADMIN',
      regionId: 'lapland',
    });
    expect(() => authorize({ viewer: admin }, 'Mutation.createUnit', 'vantaa-kap')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('when a stored row is in a region whose rows the viewer cannot read, then it does not exist for the viewer', () => {
    const row = { id: 'u1', regionId: 'lapland' };
    expect(authorizeRow({ viewer: admin }, 'Mutation.updateUnit', row)).toEqual({
      role: 'REGION_ADMIN',
      regionId: 'lapland',
    });
    expect(() => authorizeRow({ viewer: admin }, 'Mutation.updateUnit', { ...row, regionId: 'vantaa-kap' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: 'unit u1 not found' }),
    );
    // A national analyst reads aggregates only: no row exists for it, even in a region it holds.
    expect(() => authorizeRow({ viewer: national }, 'Mutation.updateUnit', row)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => authorizeRow({ viewer: professional }, 'Mutation.updateUnit', row)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('when a policy refuses other roles, then a caller without any of its roles is FORBIDDEN whether or not the row exists or is readable', () => {
    const policy = COORDINATOR_ONLY_EXPERT_ROW;
    const analyst: Viewer = { id: 'an', name: null, grants: [{ role: 'ANALYST', regionId: 'lapland' }] };
    expect(() => checkRowLookup(analyst, policy, 'expert')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => checkRow(analyst, policy, 'expert', { id: 'e1', regionId: 'vantaa-kap' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    // Without the flag, another region's row simply does not exist for the caller.
    expect(() =>
      checkRow(analyst, { ...policy, refuseOtherRoles: false }, 'expert', { id: 'e1', regionId: 'vantaa-kap' }),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    const coordinator: Viewer = { id: 'c', name: null, grants: [{ role: 'COORDINATOR', regionId: 'lapland' }] };
    expect(() => checkRowLookup(coordinator, policy, 'expert')).not.toThrow();
    expect(() => checkRow(coordinator, policy, 'expert', { id: 'e1', regionId: 'vantaa-kap' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('when a policy refuses other roles and the caller holds them only elsewhere, then a readable row of that region answers NOT_FOUND, as a missing one does', () => {
    const policy = COORDINATOR_ONLY_EXPERT_ROW;
    const mixed: Viewer = {
      id: 'm',
      name: null,
      grants: [
        { role: 'COORDINATOR', regionId: 'lapland' },
        { role: 'ANALYST', regionId: 'vantaa-kap' },
      ],
    };
    expect(() => checkRow(mixed, policy, 'expert', { id: 'e1', regionId: 'vantaa-kap' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(checkRow(mixed, policy, 'expert', { id: 'e2', regionId: 'lapland' })).toMatchObject({ role: 'COORDINATOR' });
  });
});
