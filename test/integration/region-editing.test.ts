import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProposeRegionRevisionDocument, RegionEditingBaseDocument } from '../generated/graphql';
import { bootTestServer, type TestApi } from '../helpers/boot';

/** A fixed clock: the revision below takes effect in 2027, which must stay in the future. */
const NOW = new Date('2026-12-01T08:00:00Z');
let api: TestApi;
let admin: string;
beforeAll(async () => {
  api = await bootTestServer({ now: () => NOW });
  admin = await api.token({ sub: 'riikka', name: 'Riikka Admin', grants: ['REGION_ADMIN@ita-uusimaa'] });
});
afterAll(async () => {
  await api?.close();
});

describe('an editor writes lists back as the API gives them', () => {
  it('when fee rows and topics are sent back with their labels in every locale, then the diff names only what the admin changed', async () => {
    const base = await api.request(RegionEditingBaseDocument, { id: 'ita-uusimaa' });
    const region = base.data!.region!;
    // The Kokoa rows carry English too, though the region serves Finnish and Swedish only.
    expect(region.locales).toEqual(['fi', 'sv']);
    expect(Object.keys(region.feeTable.rows[0]!.labels).sort()).toEqual(['en', 'fi', 'sv']);
    const rows = region.feeTable.rows.map((row, i) => ({
      category: row.category,
      label: row.labels,
      hourlyRateCents: i === 3 ? row.hourlyRateCents + 500 : row.hourlyRateCents,
      taxClass: row.taxClass,
      taxClassIsDefault: row.taxClassIsDefault,
    }));
    const topics = [
      ...region.topics.map((t) => ({ id: t.id, label: t.labels, emphasized: t.emphasized })),
      { id: 'gaming', label: { fi: 'Peliriippuvuus', sv: 'Spelberoende' } },
    ];
    const proposed = await api.request(
      ProposeRegionRevisionDocument,
      {
        input: {
          regionId: 'ita-uusimaa',
          effectiveFrom: '2027-02-28T22:00:00Z',
          reason: 'Board decision',
          changes: { feeTable: { rows }, topics },
        },
      },
      { token: admin },
    );
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data!.proposeRegionRevision.diff.map((d) => d.path)).toEqual([
      `topics[${region.topics.length}]`,
      'feeTable.rows[3].hourlyRateCents',
    ]);
  });
});
