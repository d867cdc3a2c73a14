import http from 'node:http';
import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ViewerDocument } from '../generated/graphql';
import { bootTestServer, errorCodes, TEST_DEV_SECRET, type TestApi } from '../helpers/boot';

const secret = new TextEncoder().encode(TEST_DEV_SECRET);
/** A unit-scoped grant is in force only when it names a unit of its region. */
const PORVOO = '3f0c2a9e-5b7d-4e1f-8a6c-0d9b2e4f7a10';
const addPorvoo = (api: TestApi) =>
  api.sql(
    `insert into unit (id, region_id, name, service_interface_id, municipality, coordinator_names, created_at) values ($1, 'ita-uusimaa', 'Porvoo', 'working-age', 'Porvoo', '{}', now())`,
    [PORVOO],
  );

function devToken() {
  return new SignJWT({
    name: 'Katja Koordinaattori',
    kp_grants: ['COORDINATOR@lapland', `UNIT_COORDINATOR@ita-uusimaa/${PORVOO}`],
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('katja')
    .setIssuer('kokemuspankki-dev')
    .setAudience('kokemuspankki')
    .setIssuedAt();
}

describe('authentication with development tokens', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await bootTestServer();
    await addPorvoo(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('when the token is valid, then viewer shows the subject, name and grants', async () => {
    const token = await devToken().setExpirationTime('1h').sign(secret);
    const result = await api.request(ViewerDocument, {}, { token });
    expect(result.errors).toBeUndefined();
    expect(result.data?.viewer).toEqual({
      id: 'katja',
      name: 'Katja Koordinaattori',
      grants: [
        { role: 'COORDINATOR', regionId: 'lapland', unitId: null },
        { role: 'UNIT_COORDINATOR', regionId: 'ita-uusimaa', unitId: PORVOO },
      ],
    });
  });

  it('when npm run token signs a token, then the server accepts it', async () => {
    const token = await api.token({ sub: 'anna', name: 'Anna', grants: ['REGION_ADMIN@vantaa-kap'] });
    const result = await api.request(ViewerDocument, {}, { token });
    expect(result.data?.viewer?.grants).toEqual([{ role: 'REGION_ADMIN', regionId: 'vantaa-kap', unitId: null }]);
  });

  const rejected: [string, () => Promise<string>, string][] = [
    [
      'a bad signature',
      () => devToken().setExpirationTime('1h').sign(new TextEncoder().encode('another-secret-another-secret-another')),
      'signature is invalid',
    ],
    [
      'alg none',
      () =>
        Promise.resolve(
          new UnsecuredJWT({ sub: 'x', kp_grants: ['REGION_ADMIN@lapland'] }).setExpirationTime('1h').encode(),
        ),
      'alg "none"',
    ],
    [
      'an expired token',
      () =>
        devToken()
          .setExpirationTime(Math.floor(Date.now() / 1000) - 120)
          .sign(secret),
      'expired',
    ],
    ['a wrong issuer', () => devToken().setIssuer('someone-else').setExpirationTime('1h').sign(secret), 'issuer'],
    ['a wrong audience', () => devToken().setAudience('another-api').setExpirationTime('1h').sign(secret), 'audience'],
    ['a malformed token', () => Promise.resolve('not.a.jwt'), 'malformed'],
    [
      'a grant with an unknown role',
      () =>
        new SignJWT({ kp_grants: ['SUPERUSER@lapland'] })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuer('kokemuspankki-dev')
          .setAudience('kokemuspankki')
          .setExpirationTime('1h')
          .sign(secret),
      'kp_grants[0]',
    ],
  ];
  it.each(rejected)('when the token has %s, then UNAUTHENTICATED says so', async (_case, make, words) => {
    const result = await api.request(ViewerDocument, {}, { token: await make() });
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.errors![0]!.message).toContain(words);
    expect(result.data ?? null).toBeNull();
  });

  it('when a token expired less than 60 s ago, then clock skew is allowed', async () => {
    const token = await devToken()
      .setExpirationTime(Math.floor(Date.now() / 1000) - 30)
      .sign(secret);
    const result = await api.request(ViewerDocument, {}, { token });
    expect(result.data?.viewer?.id).toBe('katja');
  });

  it('when the Authorization header is not Bearer, then UNAUTHENTICATED', async () => {
    const result = await api.request(ViewerDocument, {}, { headers: { authorization: 'Basic a2F0amE6eA==' } });
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('production settings', () => {
  let api: TestApi;
  let jwks: http.Server;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const port = (jwks.address() as { port: number }).port;
    api = await bootTestServer({
      env: {
        NODE_ENV: 'production',
        AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
        AUTH_ISSUER: 'https://idp.example',
        AUTH_AUDIENCE: 'kokemuspankki-api',
      },
    });
    await addPorvoo(api);
  });
  afterAll(async () => {
    await api?.close();
    jwks?.close();
  });

  const idpToken = (audience = 'kokemuspankki-api') =>
    new SignJWT({ name: 'Marja', kp_grants: [`PROFESSIONAL@ita-uusimaa/${PORVOO}`] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('marja')
      .setIssuer('https://idp.example')
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(privateKey);

  it('when the identity provider signed the token, then it is accepted', async () => {
    const result = await api.request(ViewerDocument, {}, { token: await idpToken() });
    expect(result.data?.viewer).toMatchObject({
      id: 'marja',
      grants: [{ role: 'PROFESSIONAL', regionId: 'ita-uusimaa', unitId: PORVOO }],
    });
  });

  it('when the audience is wrong, then UNAUTHENTICATED', async () => {
    const result = await api.request(ViewerDocument, {}, { token: await idpToken('other') });
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  it('when a development token is sent, then production refuses it', async () => {
    const result = await api.request(
      ViewerDocument,
      {},
      { token: await devToken().setExpirationTime('1h').sign(secret) },
    );
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.errors![0]!.message).toContain('not accepted in production');
  });

  it('when a client sends an introspection query, then production refuses it', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    expect(JSON.stringify(body)).not.toContain('stacktrace');
  });
});
