import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readableRegionIds, requireRole } from './policy';
import { SignJWT } from 'jose';
import { checkTimes, createAuthenticator, formatGrant, parseGrant, signDevToken, viewerFromClaims } from './tokens';
import { ROLES, type Grant } from './viewer';

const regionId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const unitId = fc.stringMatching(/^[A-Za-z0-9_-]{1,36}$/);
const grant: fc.Arbitrary<Grant> = fc.record(
  { role: fc.constantFrom(...ROLES), regionId, unitId: unitId },
  { requiredKeys: ['role', 'regionId'] },
);

describe('grants in the kp_grants claim', () => {
  it('when any grant is written and read back, then it is the same grant', () => {
    fc.assert(
      fc.property(grant, (g) => {
        expect(parseGrant(formatGrant(g))).toEqual(g);
      }),
    );
  });

  it.each([
    'COORDINATOR',
    'COORDINATOR@',
    '@lapland',
    'SUPERUSER@lapland',
    'coordinator@lapland',
    'COORDINATOR@Lapland',
    'COORDINATOR@lapland/',
    'COORDINATOR@lapland/a/b',
  ])('when the grant is "%s", then it is refused', (text) => {
    expect(parseGrant(text)).toBeUndefined();
  });

  it('when a unit grant is read, then the unit is kept', () => {
    expect(parseGrant('UNIT_COORDINATOR@ita-uusimaa/porvoo-1')).toEqual({
      role: 'UNIT_COORDINATOR',
      regionId: 'ita-uusimaa',
      unitId: 'porvoo-1',
    });
  });
});

describe('region walls from grants', () => {
  it('when a viewer holds grants, then it reads rows of exactly those regions, never through NATIONAL_ANALYST', () => {
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 8 }), (grants) => {
        const readable = readableRegionIds({ id: 'x', name: null, grants });
        const expected = new Set(grants.filter((g) => g.role !== 'NATIONAL_ANALYST').map((g) => g.regionId));
        expect(new Set(readable)).toEqual(expected);
      }),
    );
  });

  it('when the role is held in another region only, then requireRole refuses with FORBIDDEN; without a token, UNAUTHENTICATED', () => {
    const viewer = { id: 'lars', name: null, grants: [{ role: 'REGION_ADMIN' as const, regionId: 'lapland' }] };
    expect(() => requireRole(viewer, 'vantaa-kap', ['REGION_ADMIN'], 'x')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(requireRole(viewer, 'lapland', ['REGION_ADMIN'], 'x')).toEqual({
      role: 'REGION_ADMIN',
      regionId: 'lapland',
    });
    expect(() => requireRole({ id: null, name: null, grants: [] }, 'lapland', ['REGION_ADMIN'], 'x')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });
});

describe('times and subject of a token', () => {
  const DAY = 24 * 3600;
  const now = 1_800_000_000;
  const refusal = (run: () => void) => {
    try {
      run();
    } catch (error) {
      return error as { code?: string; message: string };
    }
    return undefined;
  };

  it('when a token lives at most the maximum (plus 60 s of skew), then it passes; longer, it is refused saying so', () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 30 * DAY }), fc.integer({ min: 0, max: 3600 }), (lifetime, age) => {
        const iat = now - age;
        const problem = refusal(() => checkTimes({ iat, exp: iat + lifetime }, now, DAY));
        if (lifetime <= DAY + 60) expect(problem).toBeUndefined();
        else
          expect(problem).toMatchObject({
            code: 'UNAUTHENTICATED',
            message: expect.stringContaining('lives too long') as string,
          });
      }),
    );
  });

  it('when iat lies in the future beyond the skew, then the token is refused', () => {
    expect(refusal(() => checkTimes({ iat: now + 60, exp: now + 3600 }, now, DAY))).toBeUndefined();
    expect(refusal(() => checkTimes({ iat: now + 61, exp: now + 3600 }, now, DAY))?.message).toContain(
      'issued in the future',
    );
  });

  it('when iat is missing, then the lifetime counts from now', () => {
    expect(refusal(() => checkTimes({ exp: now + DAY }, now, DAY))).toBeUndefined();
    expect(refusal(() => checkTimes({ exp: now + 2 * DAY }, now, DAY))?.message).toContain('48 h');
  });

  it.each([[{ id: 'x' }], [''], ['  '], [42], [['a']]])(
    'when sub is %j, then UNAUTHENTICATED, not a crash later',
    (sub) => {
      expect(() => viewerFromClaims({ sub } as never)).toThrow('"sub" must be a non-empty string');
    },
  );

  it('when the configured maximum is 8 h, then a 12 h development token is refused and an 8 h one accepted', async () => {
    const secret = new TextEncoder().encode('unit-test-secret-unit-test-secret-0123');
    const authenticate = createAuthenticator({ production: false, devSecret: secret, maxLifetimeMinutes: 8 * 60 });
    const grants = [{ role: 'COORDINATOR' as const, regionId: 'lapland' }];
    await expect(
      authenticate(`Bearer ${await signDevToken(secret, { sub: 'k', grants, expiresIn: '12h' })}`),
    ).rejects.toThrow('lives too long: 12 h from "iat" to "exp", at most 8 h');
    await expect(
      authenticate(`Bearer ${await signDevToken(secret, { sub: 'k', grants, expiresIn: '8h' })}`),
    ).resolves.toMatchObject({ id: 'k' });
  });

  /** A development token for `k` issued at 2026-01-01T00:00Z and valid for an hour. */
  const hourLongToken = async (grants: string[]) => {
    const secret = new TextEncoder().encode('unit-test-secret-unit-test-secret-0123');
    const issued = Math.floor(Date.UTC(2026, 0, 1) / 1000);
    const token = await new SignJWT({ kp_grants: grants })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('k')
      .setIssuer('kokemuspankki-dev')
      .setAudience('kokemuspankki')
      .setIssuedAt(issued)
      .setExpirationTime(issued + 3600)
      .sign(secret);
    return { secret, issued, token };
  };

  it('when the server clock is given, then expiry and iat are judged by it', async () => {
    const { secret, issued, token } = await hourLongToken([]);
    const at = (seconds: number) =>
      createAuthenticator({ production: false, devSecret: secret, now: () => new Date(seconds * 1000) });
    await expect(at(issued + 10)(`Bearer ${token}`)).resolves.toMatchObject({ id: 'k' });
    await expect(at(issued - 600)(`Bearer ${token}`)).rejects.toThrow('issued in the future');
    await expect(at(issued + 7200)(`Bearer ${token}`)).rejects.toThrow('expired');
  });

  it('when an accepted token is sent again after it expired, then it is refused although its check was kept', async () => {
    const { secret, issued, token } = await hourLongToken(['COORDINATOR@lapland']);
    let nowS = issued + 10;
    const authenticate = createAuthenticator({
      production: false,
      devSecret: secret,
      now: () => new Date(nowS * 1000),
    });
    const first = await authenticate(`Bearer ${token}`);
    first.grants.length = 0;
    // A second request gets the grants of the token, whatever the first did with its viewer.
    await expect(authenticate(`Bearer ${token}`)).resolves.toEqual({
      id: 'k',
      name: null,
      grants: [{ role: 'COORDINATOR', regionId: 'lapland' }],
    });
    nowS = issued + 3600 + 61;
    await expect(authenticate(`Bearer ${token}`)).rejects.toThrow('expired');
    // A token with a wrong signature is refused even though its claims equal a kept one's.
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    nowS = issued + 10;
    await expect(authenticate(`Bearer ${forged}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
