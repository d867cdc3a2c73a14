import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CancellationDeadlineDocument,
  ProposeRegionRevisionDocument,
  PublishRegionRevisionDocument,
  RegionRevisionsDocument,
  RegionRulesDocument,
} from '../generated/graphql';
import { bootTestServer, errorCodes, type TestApi } from '../helpers/boot';

/** A fixed clock: the revisions below take effect in 2027, which must stay in the future. */
const NOW = new Date('2026-12-01T08:00:00Z');
let api: TestApi;
let anna: string;
let ville: string;
beforeAll(async () => {
  api = await bootTestServer({ now: () => NOW });
  anna = await api.token({ sub: 'anna', name: 'Anna Admin', grants: ['REGION_ADMIN@ita-uusimaa'] });
  ville = await api.token({ sub: 'ville', name: 'Ville Admin', grants: ['REGION_ADMIN@ita-uusimaa'] });
});
afterAll(async () => {
  await api?.close();
});

/** Kokoa rows with every rate raised by one euro. */
async function raisedRows(regionId: string) {
  const current = await api.request(RegionRulesDocument, { id: regionId });
  return current.data!.region!.feeTable.rows.map((row) => ({
    category: row.category,
    label: { fi: row.label, sv: row.label },
    hourlyRateCents: row.hourlyRateCents + 100,
    taxClass: row.taxClass,
  }));
}

const revisionCount = async (regionId: string) =>
  Number(
    (await api.sql<{ n: string }>('select count(*) as n from region_revision where region_id = $1', [regionId]))[0]!.n,
  );

describe('an admin changes the fee table from 1 March (scenario 6)', () => {
  it('when the revision is proposed and published, then February is paid at the old rates and March at the new ones', async () => {
    const rows = await raisedRows('ita-uusimaa');
    const proposed = await api.request(
      ProposeRegionRevisionDocument,
      {
        input: {
          regionId: 'ita-uusimaa',
          effectiveFrom: '2027-02-28T22:00:00Z',
          reason: 'Board decision 12/2026',
          changes: { feeTable: { rows } },
        },
      },
      { token: anna },
    );
    expect(proposed.errors).toBeUndefined();
    const draft = proposed.data!.proposeRegionRevision;
    expect(draft.status).toBe('DRAFT');
    expect(draft.diff).toContainEqual({ path: 'feeTable.rows[0].hourlyRateCents', before: '2500', after: '2600' });

    // A draft changes nothing yet.
    const beforePublish = await api.request(RegionRulesDocument, { id: 'ita-uusimaa', at: '2027-03-15T10:00:00Z' });
    expect(beforePublish.data!.region!.feeTable.rows[0]!.hourlyRateCents).toBe(2500);

    const published = await api.request(PublishRegionRevisionDocument, { id: draft.id }, { token: anna });
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishRegionRevision.status).toBe('PUBLISHED');

    const february = await api.request(RegionRulesDocument, { id: 'ita-uusimaa', at: '2027-02-28T21:59:59Z' });
    expect(february.data!.region!.feeTable.rows[0]!.hourlyRateCents).toBe(2500);
    expect(february.data!.region!.feeTable.effectiveFrom).toBe('2026-01-01');
    const march = await api.request(RegionRulesDocument, { id: 'ita-uusimaa', at: '2027-03-01T08:00:00Z' });
    expect(march.data!.region!.feeTable.rows[0]!.hourlyRateCents).toBe(2600);
    expect(march.data!.region!.feeTable.effectiveFrom).toBe('2027-03-01');
    // Without `at`, the rules in force now.
    const now = await api.request(RegionRulesDocument, { id: 'ita-uusimaa' });
    expect(now.data!.region!.feeTable.rows[0]!.hourlyRateCents).toBe(2500);
  });

  it('when the list of revisions is read, then it shows author, reason, status, date and diff', async () => {
    const result = await api.request(RegionRevisionsDocument, { regionId: 'ita-uusimaa' }, { token: anna });
    expect(result.errors).toBeUndefined();
    const [first] = result.data!.regionRevisions;
    expect(first).toMatchObject({
      regionId: 'ita-uusimaa',
      status: 'PUBLISHED',
      reason: 'Board decision 12/2026',
      authorId: 'anna',
      authorName: 'Anna Admin',
      effectiveFrom: '2027-02-28T22:00:00.000Z',
    });
    expect(first!.diff.filter((d) => d.path.endsWith('.hourlyRateCents'))).toHaveLength(9);
    expect(first!.publishedAt).not.toBeNull();
  });

  it('when a rate is negative, then BAD_USER_INPUT points at the row and nothing is stored', async () => {
    const before = await revisionCount('ita-uusimaa');
    const rows = await raisedRows('ita-uusimaa');
    rows[3]!.hourlyRateCents = -4000;
    const result = await api.request(
      ProposeRegionRevisionDocument,
      {
        input: {
          regionId: 'ita-uusimaa',
          effectiveFrom: '2027-06-01T00:00:00Z',
          reason: 'typo',
          changes: { feeTable: { rows } },
        },
      },
      { token: anna },
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toContain('feeTable.rows[3].hourlyRateCents: expected a positive integer');
    expect(await revisionCount('ita-uusimaa')).toBe(before);
  });

  it('when a revision would take effect in the past, then BAD_USER_INPUT names effectiveFrom', async () => {
    const result = await api.request(
      ProposeRegionRevisionDocument,
      {
        input: {
          regionId: 'ita-uusimaa',
          effectiveFrom: '2020-01-01T00:00:00Z',
          reason: 'retroactive',
          changes: { payoutSchedule: { noticeDueDay: 10 } },
        },
      },
      { token: anna },
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toMatch(/^effectiveFrom: /);
  });

  it('when an unknown rule is changed, then BAD_USER_INPUT names it', async () => {
    const result = await api.request(
      ProposeRegionRevisionDocument,
      {
        input: {
          regionId: 'ita-uusimaa',
          effectiveFrom: '2027-06-01T00:00:00Z',
          reason: 'x',
          changes: { feeTabel: {} },
        },
      },
      { token: anna },
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toContain('feeTabel');
  });
});

describe("the cancellation deadline can be moved by a revision, written in the API's shape", () => {
  it('when localTime 12:00 is published from a date, then deadlines of tasks after it move and earlier ones do not', async () => {
    const proposed = await api.request(
      ProposeRegionRevisionDocument,
      {
        input: {
          regionId: 'ita-uusimaa',
          effectiveFrom: '2027-04-01T00:00:00Z',
          reason: 'Earlier deadline',
          changes: { cancellationPolicy: { localTime: '12:00' } },
        },
      },
      { token: anna },
    );
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data!.proposeRegionRevision.diff).toEqual([
      { path: 'cancellationPolicy.deadline.localTime', before: '"15:00"', after: '"12:00"' },
    ]);
    await api.request(PublishRegionRevisionDocument, { id: proposed.data!.proposeRegionRevision.id }, { token: anna });

    const march = await api.request(CancellationDeadlineDocument, {
      regionId: 'ita-uusimaa',
      startsAt: '2027-03-30T06:00:00Z',
    });
    expect(march.data!.cancellationDeadline).toBe('2027-03-29T12:00:00.000Z'); // 15:00 EEST
    const april = await api.request(CancellationDeadlineDocument, {
      regionId: 'ita-uusimaa',
      startsAt: '2027-04-06T06:00:00Z',
    });
    expect(april.data!.cancellationDeadline).toBe('2027-04-05T09:00:00.000Z'); // 12:00 EEST
  });
});

describe('who may revise', () => {
  const input = {
    regionId: 'ita-uusimaa',
    effectiveFrom: '2027-09-01T00:00:00Z',
    reason: 'x',
    changes: { payoutSchedule: { noticeDueDay: 12 } },
  };

  it.each([
    ['no token', 'UNAUTHENTICATED', undefined],
    ['a coordinator of the region', 'FORBIDDEN', ['COORDINATOR@ita-uusimaa']],
    ['the admin of another region', 'FORBIDDEN', ['REGION_ADMIN@lapland']],
    ['a national analyst', 'FORBIDDEN', ['NATIONAL_ANALYST@ita-uusimaa']],
  ])('when %s proposes a revision, then %s and nothing is stored', async (_who, code, grants) => {
    const before = await revisionCount('ita-uusimaa');
    const token = grants ? await api.token({ sub: 'someone', grants }) : undefined;
    const result = await api.request(ProposeRegionRevisionDocument, { input }, { token });
    expect(errorCodes(result)).toEqual([code]);
    expect(await revisionCount('ita-uusimaa')).toBe(before);
  });

  it('when the admin of another region lists revisions, then FORBIDDEN; when it publishes one by id, then NOT_FOUND', async () => {
    const draft = await api.request(ProposeRegionRevisionDocument, { input }, { token: anna });
    const lapland = await api.token({ sub: 'lars', grants: ['REGION_ADMIN@lapland'] });
    expect(
      errorCodes(await api.request(RegionRevisionsDocument, { regionId: 'ita-uusimaa' }, { token: lapland })),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await api.request(
          PublishRegionRevisionDocument,
          { id: draft.data!.proposeRegionRevision.id },
          { token: lapland },
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    const coordinator = await api.token({ sub: 'katja', grants: ['COORDINATOR@ita-uusimaa'] });
    expect(
      errorCodes(
        await api.request(
          PublishRegionRevisionDocument,
          { id: draft.data!.proposeRegionRevision.id },
          { token: coordinator },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const [row] = await api.sql<{ status: string }>('select status from region_revision where id = $1', [
      draft.data!.proposeRegionRevision.id,
    ]);
    expect(row!.status).toBe('DRAFT');
  });
});

describe('concurrent publishing', () => {
  it('when two admins publish conflicting revisions at once, then one succeeds and the other gets CONFLICT', async () => {
    const propose = (token: string, day: number) =>
      api.request(
        ProposeRegionRevisionDocument,
        {
          input: {
            regionId: 'ita-uusimaa',
            effectiveFrom: '2027-10-01T00:00:00Z',
            reason: `notice day ${day}`,
            changes: { payoutSchedule: { noticeDueDay: day } },
          },
        },
        { token },
      );
    const a = (await propose(anna, 10)).data!.proposeRegionRevision.id;
    const b = (await propose(ville, 11)).data!.proposeRegionRevision.id;
    const results = await Promise.all([
      api.request(PublishRegionRevisionDocument, { id: a }, { token: anna }),
      api.request(PublishRegionRevisionDocument, { id: b }, { token: ville }),
    ]);
    const codes = results.map((r) => errorCodes(r)[0] ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const published = await api.sql<{ n: string }>(
      "select count(*) as n from region_revision where region_id = 'ita-uusimaa' and status = 'PUBLISHED' and effective_from = '2027-10-01T00:00:00Z'",
    );
    expect(Number(published[0]!.n)).toBe(1);
  });

  it('when a revision is published twice, then the second gets CONFLICT', async () => {
    const draft = await api.request(
      ProposeRegionRevisionDocument,
      {
        input: {
          regionId: 'vantaa-kap',
          effectiveFrom: '2027-11-01T00:00:00Z',
          reason: 'x',
          changes: { cancellationPolicy: { hoursBefore: 48 } },
        },
      },
      { token: await api.token({ sub: 'v', grants: ['REGION_ADMIN@vantaa-kap'] }) },
    );
    const token = await api.token({ sub: 'v', grants: ['REGION_ADMIN@vantaa-kap'] });
    const id = draft.data!.proposeRegionRevision.id;
    expect((await api.request(PublishRegionRevisionDocument, { id }, { token })).errors).toBeUndefined();
    expect(errorCodes(await api.request(PublishRegionRevisionDocument, { id }, { token }))).toEqual(['CONFLICT']);
  });

  it('when the expected version is stale, then CONFLICT', async () => {
    const token = await api.token({ sub: 'l', grants: ['REGION_ADMIN@lapland'] });
    const draft = await api.request(
      ProposeRegionRevisionDocument,
      {
        input: {
          regionId: 'lapland',
          effectiveFrom: '2027-11-01T00:00:00Z',
          reason: 'x',
          changes: { cancellationPolicy: { hoursBefore: 72 } },
        },
      },
      { token },
    );
    const { id, version } = draft.data!.proposeRegionRevision;
    expect(
      errorCodes(await api.request(PublishRegionRevisionDocument, { id, expectedVersion: version + 1 }, { token })),
    ).toEqual(['CONFLICT']);
  });
});
