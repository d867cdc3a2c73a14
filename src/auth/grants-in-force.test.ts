import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grantsInForce, namedUnitIds } from './grants-in-force';
import { ROLES, type Grant } from './viewer';

const PORVOO = '0b9d3f8e-6c1a-4f51-9d7e-2a0c6f1e9b11';
const ROVANIEMI = '5e2b7c4d-1f3a-4b8e-a6d2-9c0e1f2a3b44';
const units = new Map([
  [PORVOO, 'ita-uusimaa'],
  [ROVANIEMI, 'lapland'],
]);

describe('grants in force', () => {
  it('when a unit grant names an existing unit of its region, then it stays; no unit, unknown or other-region unit falls away', () => {
    const grants: Grant[] = [
      { role: 'UNIT_COORDINATOR', regionId: 'ita-uusimaa', unitId: PORVOO },
      { role: 'PROFESSIONAL', regionId: 'ita-uusimaa' },
      { role: 'PROFESSIONAL', regionId: 'ita-uusimaa', unitId: '7f7f7f7f-0000-4000-8000-000000000000' },
      { role: 'UNIT_COORDINATOR', regionId: 'ita-uusimaa', unitId: ROVANIEMI },
      { role: 'COORDINATOR', regionId: 'lapland' },
    ];
    expect(grantsInForce(grants, units)).toEqual([grants[0], grants[4]]);
  });

  it('when grants name malformed unit ids, then they are not looked up', () => {
    expect(namedUnitIds([{ role: 'PROFESSIONAL', regionId: 'lapland', unitId: 'not-a-uuid' }])).toEqual([]);
  });

  it('property: grants in force are a subset, keep every region-wide grant, and every kept unit grant names a unit of its region', () => {
    const grant = fc.record({
      role: fc.constantFrom(...ROLES),
      regionId: fc.constantFrom('ita-uusimaa', 'lapland'),
      unitId: fc.option(fc.constantFrom(PORVOO, ROVANIEMI, 'x'), { nil: undefined }),
    }) as fc.Arbitrary<Grant>;
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 6 }), (grants) => {
        const kept = grantsInForce(grants, units);
        expect(kept.every((g) => grants.includes(g))).toBe(true);
        for (const g of grants)
          if (g.role !== 'UNIT_COORDINATOR' && g.role !== 'PROFESSIONAL') expect(kept).toContain(g);
        for (const g of kept)
          if (g.role === 'UNIT_COORDINATOR' || g.role === 'PROFESSIONAL') expect(units.get(g.unitId!)).toBe(g.regionId);
      }),
    );
  });
});
