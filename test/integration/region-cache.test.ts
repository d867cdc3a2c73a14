/**
 * Region rules are public and read on every page of a frontend: once the published revisions are
 * cached, such queries take no connection and send no SQL, and the cache stays true when any
 * instance publishes (6/11).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CancellationDeadlineDocument,
  PayoutDatesDocument,
  ProposeRegionRevisionDocument,
  PublishRegionRevisionDocument,
  RegionRulesDocument,
  RegionsWithRulesDocument,
  ViewerDocument,
} from '../generated/graphql';
import { bootTestServer, type TestApi } from '../helpers/boot';
import { publishRevision } from '../helpers/revisions';

const NOW = new Date('2026-12-01T08:00:00Z');
let first: TestApi;
let second: TestApi;
let admin: string;

/** Connections the server's pool hands out while `work` runs. */
async function connectionsTaken(api: TestApi, work: () => Promise<unknown>): Promise<number> {
  const pool = (
    api.server.orm.em.getConnection().getKnex().client as {
      pool: { on(e: string, f: () => void): void; removeListener(e: string, f: () => void): void };
    }
  ).pool;
  let taken = 0;
  const count = () => {
    taken += 1;
  };
  pool.on('acquireSuccess', count);
  try {
    await work();
  } finally {
    pool.removeListener('acquireSuccess', count);
  }
  return taken;
}

async function publishNoticeDay(api: TestApi, day: number, effectiveFrom: string): Promise<void> {
  await publishRevision(api, admin, {
    regionId: 'vantaa-kap',
    effectiveFrom,
    reason: `ilmoitus ${day}. päivään mennessä`,
    changes: { payoutSchedule: { noticeDueDay: day } },
  });
}

const noticeDayAt = async (api: TestApi, at: string) =>
  (await api.request(RegionRulesDocument, { id: 'vantaa-kap', at })).data!.region!.payoutSchedule.noticeDueDay;

beforeAll(async () => {
  first = await bootTestServer({ now: () => NOW });
  second = await bootTestServer({ now: () => NOW, sameDatabaseAs: first });
  admin = await first.token({ sub: 'vantaa-admin', grants: ['REGION_ADMIN@vantaa-kap'] });
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

describe('public region queries from memory', () => {
  it('when the rules of every region, a deadline and payout dates are read, then no SQL is sent and no connection is taken', async () => {
    const results: Array<{ statements: number; errors?: unknown }> = [];
    const taken = await connectionsTaken(first, async () => {
      results.push(await first.request(RegionsWithRulesDocument, { at: '2027-01-01T00:00:00Z' }));
      results.push(await first.request(RegionRulesDocument, { id: 'lapland' }));
      results.push(
        await first.request(CancellationDeadlineDocument, {
          regionId: 'ita-uusimaa',
          startsAt: '2027-03-02T08:00:00Z',
        }),
      );
      results.push(await first.request(PayoutDatesDocument, { regionId: 'ita-uusimaa', workMonth: '2026-11' }));
    });
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.statements).toBe(0);
    }
    expect(taken).toBe(0);
  });

  it('when a query also asks for something stored, then it runs in a transaction as before', async () => {
    const token = await first.token({ sub: 'x', grants: ['COORDINATOR@lapland'] });
    const taken = await connectionsTaken(first, () => first.request(ViewerDocument, {}, { token }));
    expect(taken).toBeGreaterThan(0);
  });
});

describe('two instances on one database', () => {
  it('when one instance publishes, then the other answers with the new rules from then on, and both serve from memory again', async () => {
    const at = '2027-02-10T10:00:00Z';
    const before = await noticeDayAt(second, at);
    await publishNoticeDay(first, before === 12 ? 13 : 12, '2027-02-01T00:00:00+02:00');
    const expected = before === 12 ? 13 : 12;

    // The publishing instance answers with the new rules at once.
    expect(await noticeDayAt(first, at)).toBe(expected);
    // The other one learns of it through PostgreSQL (a notification sent when the publish commits).
    let seen = await noticeDayAt(second, at);
    for (let i = 0; seen !== expected && i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen = await noticeDayAt(second, at);
    }
    expect(seen).toBe(expected);
    // Before the date the old rules stand, and the caches are warm again.
    expect(await noticeDayAt(second, '2027-01-31T21:59:59Z')).toBe(before);
    const again = await second.request(RegionRulesDocument, { id: 'vantaa-kap', at });
    expect(again.statements).toBe(0);
  });

  it('when a publish is refused and rolled back, then no instance shows it', async () => {
    const at = '2027-05-10T10:00:00Z';
    const before = await noticeDayAt(first, at);
    // The same rule from the same date twice: the second publish gets CONFLICT.
    const propose = (day: number) =>
      first.request(
        ProposeRegionRevisionDocument,
        {
          input: {
            regionId: 'vantaa-kap',
            effectiveFrom: '2027-05-01T00:00:00+03:00',
            reason: 'kilpaileva',
            changes: { payoutSchedule: { noticeDueDay: day } },
          },
        },
        { token: admin },
      );
    const a = (await propose(20)).data!.proposeRegionRevision.id;
    const b = (await propose(21)).data!.proposeRegionRevision.id;
    expect((await first.request(PublishRegionRevisionDocument, { id: a }, { token: admin })).errors).toBeUndefined();
    const refused = await first.request(PublishRegionRevisionDocument, { id: b }, { token: admin });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const api of [first, second]) expect(await noticeDayAt(api, at)).toBe(20);
    expect(before).not.toBe(20);
  });

  it('when the notification connection is lost, then rules are read from the database until it is back', async () => {
    // Cut every listening connection of this database; the listeners reconnect within seconds.
    await first.sql(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen %'`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const during = await first.request(RegionRulesDocument, { id: 'lapland' });
    expect(during.errors).toBeUndefined();
    expect(during.statements).toBeGreaterThan(0);
    let after = during;
    for (let i = 0; i < 60 && after.statements !== 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await first.request(RegionRulesDocument, { id: 'lapland' });
    }
    expect(after.statements).toBe(0);
  });
});
