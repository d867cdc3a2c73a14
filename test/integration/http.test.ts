import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestServer, TEST_DEV_SECRET, type TestApi } from '../helpers/boot';

const secret = new TextEncoder().encode(TEST_DEV_SECRET);
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** A raw HTTP request, as a client that does not use our typed helper would send it. */
async function post(api: TestApi, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Answer['body']) : {} };
}
const query = (text: string, variables?: Record<string, unknown>) =>
  JSON.stringify({ query: text, ...(variables ? { variables } : {}) });
const codes = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.extensions?.code);

function devToken(claims: Record<string, unknown> = {}) {
  return new SignJWT({ sub: 'katja', name: 'Katja', kp_grants: ['COORDINATOR@lapland'], ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('kokemuspankki-dev')
    .setAudience('kokemuspankki');
}

describe('HTTP statuses, as GraphQL over HTTP expects', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await bootTestServer();
  });
  afterAll(async () => {
    await api?.close();
  });

  describe('a rejected token', () => {
    it.each([['application/json'], [GRAPHQL_RESPONSE]])(
      'when a public query carries a bad token (accept %s), then 401 with UNAUTHENTICATED and a WWW-Authenticate challenge',
      async (accept) => {
        const answer = await post(api, query('{ regions { id } }'), { authorization: 'Bearer not.a.jwt', accept });
        expect(answer.status).toBe(401);
        expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
        expect(answer.body.data).toBeUndefined();
        expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
        expect(answer.headers.get('content-type')).toContain(accept);
      },
    );

    it('when the same query comes without a token, then it answers 200 with data', async () => {
      const answer = await post(api, query('{ regions { id } }'));
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    });
  });

  describe('a document that cannot run', () => {
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: regions { id }`).join(' ')} }`;
    const deep = `{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { name } } } } } } } } } } } }`;
    const cases: [string, string, string | undefined][] = [
      ['a syntax error', query('{ regions { id '), undefined],
      ['an unknown field', query('{ noSuchField }'), 'noSuchField'],
      ['too many aliases (graphql-armor)', query(aliases), 'alias'],
      ['too deep a selection (graphql-armor)', query(deep), 'depth'],
      [
        'a variable of the wrong type',
        query('query R($id: ID!) { region(id: $id) { id } }', { id: { not: 'an id' } }),
        '$id',
      ],
    ];

    it.each(cases)(
      'when the client accepts application/graphql-response+json and sends %s, then 400 and no data',
      async (_case, body, words) => {
        const answer = await post(api, body, { accept: GRAPHQL_RESPONSE });
        expect(answer.status).toBe(400);
        expect(answer.headers.get('content-type')).toContain(GRAPHQL_RESPONSE);
        expect('data' in answer.body).toBe(false);
        expect(answer.body.errors?.length).toBeGreaterThan(0);
        if (words) expect(answer.body.errors![0]!.message.toLowerCase()).toContain(words.toLowerCase());
      },
    );

    it.each(cases)(
      'when a legacy client (application/json or no Accept) sends %s, then 200 with the errors in the body, as the specification asks',
      async (_case, body) => {
        for (const headers of [{ accept: 'application/json' }, {}] as Record<string, string>[]) {
          const answer = await post(api, body, headers);
          expect(answer.status).toBe(200);
          expect(answer.headers.get('content-type')).toContain('application/json');
          expect('data' in answer.body).toBe(false);
          expect(answer.body.errors?.length).toBeGreaterThan(0);
        }
      },
    );
  });

  describe('the request itself', () => {
    it('when the body is over 1 MB, then 413 with a JSON error and the connection stays usable', async () => {
      const answer = await post(api, JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(1_200_000) }));
      expect(answer.status).toBe(413);
      expect(answer.body.errors?.[0]?.message).toContain('exceeds');
      expect(codes(answer)).toEqual(['BAD_REQUEST']);
      expect((await post(api, query('{ __typename }'))).status).toBe(200);
    });

    it.each([
      ['text/plain'],
      ['application/graphql'],
      ['application/x-www-form-urlencoded'],
      ['application/json; charset=iso-8859-1'],
    ])('when the body is sent as %s, then 415 Unsupported Media Type', async (contentType) => {
      const answer = await post(api, '{ __typename }', { 'content-type': contentType });
      expect(answer.status).toBe(415);
      expect(answer.headers.get('content-type')).toContain('application/json');
      expect(answer.body.errors?.[0]?.message).toMatch(/not supported/);
    });

    it('when a POST has no content type, then 415 saying what to send', async () => {
      const response = await fetch(api.url, {
        method: 'POST',
        body: new Uint8Array(Buffer.from('{"query":"{ __typename }"}')),
      });
      expect(response.status).toBe(415);
      expect(((await response.json()) as Answer['body']).errors?.[0]?.message).toContain('application/json');
    });

    it('when the operation name is unknown, then 400 naming it', async () => {
      const answer = await post(api, JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }));
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.message).toContain('B');
    });

    it('when a query comes by GET with a preflight header, then it runs; a mutation by GET or a PUT does not', async () => {
      const get = (text: string) =>
        fetch(`${api.url}?query=${encodeURIComponent(text)}`, { headers: { 'apollo-require-preflight': 'true' } });
      const query = await get('{ __typename }');
      expect(query.status).toBe(200);
      expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
      expect((await get('mutation { __typename }')).status).toBe(405);
      const put = await fetch(api.url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(put.status).toBe(405);
      expect(put.headers.get('allow')).toBe('GET, POST, OPTIONS');
    });

    it('when the body is not JSON, then 400 in the media type the client accepts', async () => {
      const answer = await post(api, '{"query":', { accept: GRAPHQL_RESPONSE });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain(GRAPHQL_RESPONSE);
    });
  });

  describe('token claims', () => {
    const rejected: [string, () => Promise<string>, string][] = [
      [
        'an object as sub',
        () =>
          devToken({ sub: { id: 'katja' } })
            .setIssuedAt()
            .setExpirationTime('1h')
            .sign(secret),
        '"sub" must be a non-empty string',
      ],
      [
        'an empty sub',
        () => devToken({ sub: ' ' }).setIssuedAt().setExpirationTime('1h').sign(secret),
        '"sub" must be a non-empty string',
      ],
      [
        'an iat 10 minutes in the future',
        () => {
          const now = Math.floor(Date.now() / 1000);
          return devToken()
            .setIssuedAt(now + 600)
            .setExpirationTime(now + 3600)
            .sign(secret);
        },
        'issued in the future',
      ],
      [
        'a lifetime of 48 h (the default maximum is 24 h)',
        () => devToken().setIssuedAt().setExpirationTime('48h').sign(secret),
        'lives too long: 48 h',
      ],
      ['no iat and an expiry 30 days away', () => devToken().setExpirationTime('30d').sign(secret), 'lives too long'],
    ];

    it.each(rejected)('when the token has %s, then 401 with UNAUTHENTICATED saying why', async (_case, make, words) => {
      const answer = await post(api, query('{ viewer { id } }'), { authorization: `Bearer ${await make()}` });
      expect(answer.status).toBe(401);
      expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
      expect(answer.body.errors![0]!.message).toContain(words);
    });

    it('when a token lives exactly 24 h and was issued 30 s ahead of the server clock, then it is accepted', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = await devToken()
        .setIssuedAt(now + 30)
        .setExpirationTime(now + 30 + 24 * 3600)
        .sign(secret);
      const answer = await post(api, query('{ viewer { id } }'), { authorization: `Bearer ${token}` });
      expect(answer.body).toEqual({ data: { viewer: { id: 'katja' } } });
    });
  });

  describe('CORS in development', () => {
    const preflight = (origin: string) =>
      fetch(api.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });

    it('when a frontend on localhost (any port) sends a preflight, then it is allowed to POST with a bearer token, without credentials', async () => {
      const response = await preflight('http://localhost:5173');
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
      expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('vary')).toContain('Origin');
    });

    it('when another origin asks, then no CORS permission is given', async () => {
      const response = await preflight('https://evil.example');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const answer = await post(api, query('{ __typename }'), { origin: 'https://evil.example' });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect(answer.headers.get('vary')).toContain('Origin');
    });

    it('when the allowed frontend POSTs, then the response carries its origin and Vary: Origin', async () => {
      const answer = await post(api, query('{ __typename }'), { origin: 'http://127.0.0.1:3000' });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
      expect(answer.headers.get('vary')).toContain('Origin');
    });
  });

  describe('a rolled-back mutation', () => {
    const REGION = 'ita-uusimaa';
    const unit = (name: string, serviceInterfaceId: string) =>
      `createUnit(input: { regionId: "${REGION}", name: "${name}", serviceInterfaceId: "${serviceInterfaceId}", municipality: "Porvoo", coordinatorNames: [] }) { id name }`;

    it('when the second of two mutation fields fails, then the response says nothing was saved, shows no ids, and the first unit is not stored', async () => {
      const admin = await api.token({ sub: 'anna', grants: [`REGION_ADMIN@${REGION}`] });
      const answer = await post(
        api,
        query(
          `mutation { first: ${unit('Rolled back unit', 'working-age')} second: ${unit('Broken unit', 'no-such-interface')} }`,
        ),
        {
          authorization: `Bearer ${admin}`,
        },
      );
      expect(answer.status).toBe(200);
      expect(answer.body.data).toBeNull();
      expect(JSON.stringify(answer.body)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(codes(answer)).toEqual(['BAD_USER_INPUT', 'ROLLED_BACK']);
      expect(answer.body.errors![1]!.message).toMatch(/^Nothing was saved/);
      expect(await api.sql(`select id from unit where name = 'Rolled back unit'`)).toEqual([]);
    });

    it('when the only mutation field fails, then the response is its own error alone', async () => {
      const admin = await api.token({ sub: 'anna', grants: [`REGION_ADMIN@${REGION}`] });
      const answer = await post(api, query(`mutation { ${unit('Broken unit', 'no-such-interface')} }`), {
        authorization: `Bearer ${admin}`,
      });
      expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(answer.body.data).toBeNull();
    });

    it('when both mutation fields succeed, then both units are stored and shown', async () => {
      const admin = await api.token({ sub: 'anna', grants: [`REGION_ADMIN@${REGION}`] });
      const answer = await post(
        api,
        query(`mutation { a: ${unit('Unit A', 'working-age')} b: ${unit('Unit B', 'working-age')} }`),
        { authorization: `Bearer ${admin}` },
      );
      expect(answer.body.errors).toBeUndefined();
      expect(await api.sql(`select name from unit where name in ('Unit A', 'Unit B') order by name`)).toEqual([
        { name: 'Unit A' },
        { name: 'Unit B' },
      ]);
    });
  });
});

describe('CORS in production', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await bootTestServer({
      env: {
        NODE_ENV: 'production',
        AUTH_ALLOW_DEV_TOKENS: 'true',
        CORS_ORIGINS: 'https://kokemuspankki.ita-uusimaa.example, https://app.lapland.example',
      },
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('when a configured regional frontend sends a preflight, then it is allowed; localhost is not', async () => {
    const ask = (origin: string) =>
      fetch(api.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await ask('https://app.lapland.example')).headers.get('access-control-allow-origin')).toBe(
      'https://app.lapland.example',
    );
    expect((await ask('http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
