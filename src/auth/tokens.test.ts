import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readableRegionIds, requireRole } from './policy';
import { formatGrant, parseGrant } from './tokens';
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

  it.each(['COORDINATOR', 'COORDINATOR@', '@lapland', 'SUPERUSER@lapland', 'coordinator@lapland', 'COORDINATOR@Lapland', 'COORDINATOR@lapland/', 'COORDINATOR@lapland/a/b'])(
    'when the grant is "%s", then it is refused',
    (text) => {
      expect(parseGrant(text)).toBeUndefined();
    },
  );

  it('when a unit grant is read, then the unit is kept', () => {
    expect(parseGrant('UNIT_COORDINATOR@ita-uusimaa/porvoo-1')).toEqual({ role: 'UNIT_COORDINATOR', regionId: 'ita-uusimaa', unitId: 'porvoo-1' });
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
    expect(() => requireRole(viewer, 'vantaa-kap', ['REGION_ADMIN'], 'x')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(requireRole(viewer, 'lapland', ['REGION_ADMIN'], 'x')).toEqual({ role: 'REGION_ADMIN', regionId: 'lapland' });
    expect(() => requireRole({ id: null, name: null, grants: [] }, 'lapland', ['REGION_ADMIN'], 'x')).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });
});
