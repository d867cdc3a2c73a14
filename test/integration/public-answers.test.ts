/**
 * Public answers about region rules are kept whole in the process (src/http/public-answers.ts).
 * A kept answer must never be one the caller would not have got had it been made afresh: it
 * changes at once with a publish or when a revision takes effect, differs per locale and date,
 * and an authenticated or rejected caller never gets it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegionAtDocument, RegionRulesDocument, RegionsDocument } from '../generated/graphql';
import { bootTestServer, type TestApi } from '../helpers/boot';
import { publishRevision } from '../helpers/revisions';

let clock = new Date('2026-12-01T08:00:00Z');
let first: TestApi;
let second: TestApi;
let admin: string;

async function publishNoticeDay(day: number, effectiveFrom: string): Promise<void> {
  await publishRevision(first, admin, {
    regionId: 'vantaa-kap',
    effectiveFrom,
    reason: `ilmoitus ${day}. päivään mennessä`,
    changes: { payoutSchedule: { noticeDueDay: day } },
  });
}

/** The notice day in force now (no `at`: the server's clock decides). */
const noticeDayNow = async (api: TestApi) => {
  const result = await api.request(RegionRulesDocument, { id: 'vantaa-kap' });
  expect(result.errors).toBeUndefined();
  return result.data!.region!.payoutSchedule.noticeDueDay;
};

beforeAll(async () => {
  first = await bootTestServer({ now: () => clock });
  second = await bootTestServer({ now: () => clock, sameDatabaseAs: first });
  admin = await first.token({ sub: 'vantaa-admin', grants: ['REGION_ADMIN@vantaa-kap'] });
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

describe('kept public answers', () => {
  it('when the same public query comes again, then it gets the same answer without SQL', async () => {
    const a = await first.request(RegionsDocument, { locale: 'fi' });
    const b = await first.request(RegionsDocument, { locale: 'fi' });
    expect(a.errors).toBeUndefined();
    expect(b).toEqual(a);
    expect(b.statements).toBe(0);
  });

  it('when another locale is asked for, then the names are in that locale', async () => {
    const name = async (locale: string) =>
      (await first.request(RegionsDocument, { locale })).data!.regions.find((r) => r.id === 'ita-uusimaa')!.name;
    expect(await name('fi')).toBe(await name('fi'));
    expect(await name('sv')).not.toBe(await name('fi'));
    expect(await name('sv')).toBe(await name('sv'));
  });

  it('when a publish commits, then both instances answer with the new rules, the publisher at once', async () => {
    const before = await noticeDayNow(first);
    await noticeDayNow(second);
    const after = before === 12 ? 13 : 12;
    await publishNoticeDay(after, clock.toISOString());
    expect(await noticeDayNow(first)).toBe(after);
    let seen = await noticeDayNow(second);
    for (let i = 0; seen !== after && i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen = await noticeDayNow(second);
    }
    expect(seen).toBe(after);
  });

  it('when the date changes and a revision takes effect at midnight, then the rules of the new day are answered at once', async () => {
    const today = await noticeDayNow(first);
    const tomorrow = today === 14 ? 15 : 14;
    // Midnight in Helsinki, the region's time zone, at the start of 2 December.
    await publishNoticeDay(tomorrow, '2026-12-02T00:00:00+02:00');
    expect(await noticeDayNow(first)).toBe(today);
    expect(await noticeDayNow(first)).toBe(today);
    clock = new Date('2026-12-01T21:59:59.999Z');
    expect(await noticeDayNow(first)).toBe(today);
    clock = new Date('2026-12-01T22:00:00.000Z');
    expect(await noticeDayNow(first)).toBe(tomorrow);
    clock = new Date('2026-12-01T08:00:00Z');
    expect(await noticeDayNow(first)).toBe(today);
  });

  it('when a query asks for the instant the rules are read at, then that instant is the present one', async () => {
    const rulesAt = async () => (await first.request(RegionAtDocument, { id: 'lapland' })).data!.region!.rulesAt;
    clock = new Date('2026-12-01T08:00:00Z');
    expect(await rulesAt()).toBe('2026-12-01T08:00:00.000Z');
    clock = new Date('2026-12-01T08:00:01Z');
    expect(await rulesAt()).toBe('2026-12-01T08:00:01.000Z');
    clock = new Date('2026-12-01T08:00:00Z');
  });

  it('when a caller sends a token, then the answer is made for it: a rejected token is refused although the public answer is kept', async () => {
    const anonymous = await first.request(RegionsDocument, { locale: 'fi' });
    expect(anonymous.status).toBe(200);
    const rejected = await first.request(RegionsDocument, { locale: 'fi' }, { token: 'not-a-token' });
    expect(rejected.status).toBe(401);
    expect(rejected.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const expired = await first.token({ sub: 'k', grants: ['COORDINATOR@lapland'], expiresIn: -3600 });
    const late = await first.request(RegionsDocument, { locale: 'fi' }, { token: expired });
    expect(late.status).toBe(401);
    const token = await first.token({ sub: 'k', grants: ['COORDINATOR@lapland'] });
    const signedIn = await first.request(RegionsDocument, { locale: 'fi' }, { token });
    expect(signedIn.data).toEqual(anonymous.data);
  });
});
