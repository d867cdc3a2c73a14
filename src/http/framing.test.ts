import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ROLLED_BACK_MESSAGE,
  requestErrorStatus,
  responseMediaType,
  rolledBackBody,
  rootResponseKeys,
  unsupportedMediaType,
} from './framing';

const GRJ = 'application/graphql-response+json';

describe('the media type of a response', () => {
  it.each([
    [undefined, 'application/json'],
    ['*/*', 'application/json'],
    ['application/json', 'application/json'],
    [GRJ, GRJ],
    [`${GRJ}, application/json`, GRJ],
    [`application/json, ${GRJ}`, GRJ],
    [`${GRJ};q=0.5, application/json`, 'application/json'],
    [`application/json;q=0.9, ${GRJ}`, GRJ],
    [`${GRJ};q=0`, 'application/json'],
    ['text/html', 'application/json'],
  ])('when Accept is %s, then the answer is %s', (accept, expected) => {
    expect(responseMediaType(accept)).toBe(expected);
  });
});

describe('the media type of a request body', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"'])(
    'when it is %s, then it is accepted',
    (type) => {
      expect(unsupportedMediaType(type)).toBeUndefined();
    },
  );
  it.each([
    undefined,
    '',
    'text/plain',
    'application/graphql',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
  ])('when it is %s, then it is refused', (type) => {
    expect(unsupportedMediaType(type)).toBeDefined();
  });
});

describe('the status of a response whose operation did not run', () => {
  it('when a token was rejected, then 401 whatever the media type', () => {
    expect(requestErrorStatus(['UNAUTHENTICATED'], 'application/json', 500)).toBe(401);
    expect(requestErrorStatus(['UNAUTHENTICATED'], GRJ, 500)).toBe(401);
  });

  it.each(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'])(
    'when the document fails with %s, then 400 for the specification media type and 200 for application/json',
    (code) => {
      expect(requestErrorStatus([code], GRJ, 500)).toBe(400);
      expect(requestErrorStatus([code, code], 'application/json', 400)).toBe(200);
    },
  );

  it('when a request parameter is wrong, then 400; an unknown failure keeps its status', () => {
    expect(requestErrorStatus(['BAD_REQUEST'], 'application/json', 400)).toBe(400);
    expect(requestErrorStatus(['BAD_REQUEST'], 'application/json', 500)).toBe(400);
    expect(requestErrorStatus(['BAD_REQUEST'], GRJ, 405)).toBe(405);
    expect(requestErrorStatus(['INTERNAL_SERVER_ERROR'], GRJ, 500)).toBe(500);
    expect(requestErrorStatus(['GRAPHQL_VALIDATION_FAILED', 'INTERNAL_SERVER_ERROR'], GRJ, 500)).toBe(500);
  });
});

describe('the response of a rolled-back mutation', () => {
  const failed = { message: 'serviceInterfaceId: unknown', path: ['second'], extensions: { code: 'BAD_USER_INPUT' } };

  it('when one of two root fields failed, then data goes and an error says nothing was saved', () => {
    const body = rolledBackBody({ data: null, errors: [failed] }, ['first', 'second']);
    expect(body).toEqual({
      data: null,
      errors: [failed, { message: ROLLED_BACK_MESSAGE, extensions: { code: 'ROLLED_BACK' } }],
    });
  });

  it('when a nullable field inside the result failed, then the ids the result showed are gone', () => {
    const nested = { message: 'x', path: ['createUnit', 'coordinators'], extensions: { code: 'FORBIDDEN' } };
    const body = rolledBackBody({ data: { createUnit: { id: 'u-1', coordinators: null } }, errors: [nested] }, [
      'createUnit',
    ]);
    expect(body.data).toBeNull();
    expect(body.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'ROLLED_BACK']);
  });

  it('when the only root field failed and data is null, then the response already says it all', () => {
    const body = { data: null, errors: [{ ...failed, path: ['createUnit'] }] };
    expect(rolledBackBody(body, ['createUnit'])).toBe(body);
  });

  it('when the request failed before execution (no data key, e.g. refused variables), then nothing ran and no rollback is claimed', () => {
    const body = {
      errors: [{ message: 'Variable "$input" got invalid value', extensions: { code: 'BAD_USER_INPUT' } }],
    };
    expect(rolledBackBody(body, ['createUnit'])).toBe(body);
  });

  it('for any response, the rewritten one shows no data and keeps every original error', () => {
    const error = fc.record({
      message: fc.string(),
      path: fc.array(fc.oneof(fc.string(), fc.nat()), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.option(fc.dictionary(fc.string(), fc.jsonValue())),
        fc.array(error, { maxLength: 4 }),
        fc.option(fc.array(fc.string(), { maxLength: 4 }), { nil: undefined }),
        (data, errors, keys) => {
          const body = rolledBackBody({ data, errors }, keys);
          expect(body.data ?? null).toBeNull();
          expect(body.errors!.slice(0, errors.length)).toEqual(errors);
        },
      ),
    );
  });
});

describe('the root fields of an operation', () => {
  it('when fields are aliased, then their response keys are listed', () => {
    expect(rootResponseKeys('mutation { a: createUnit { id } updateUnit { id } }', undefined)).toEqual([
      'a',
      'updateUnit',
    ]);
  });
  it('when the document has several operations, then the named one counts', () => {
    expect(rootResponseKeys('mutation A { x } mutation B { y z }', 'B')).toEqual(['y', 'z']);
    expect(rootResponseKeys('mutation A { x } mutation B { y z }', undefined)).toBeUndefined();
  });
  it('when a fragment sits at the root or the query does not parse, then it cannot be told', () => {
    expect(rootResponseKeys('mutation { ...F } fragment F on Mutation { x }', undefined)).toBeUndefined();
    expect(rootResponseKeys('mutation {', undefined)).toBeUndefined();
    expect(rootResponseKeys(42, undefined)).toBeUndefined();
  });
});
