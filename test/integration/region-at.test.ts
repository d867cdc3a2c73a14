/**
 * Every field of a region is served as in force at a date (5/11): a revision published for a
 * later date shows from that date on, in `region(at:)` and `regions(at:)` alike, and the API that
 * accepts the new rule and the API that lists the rules agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddExpertTrainingDocument,
  CreateExpertDocument,
  ProposeRegionRevisionDocument,
  PublishRegionRevisionDocument,
  RegionAtDocument,
  RegionsAtDocument,
} from '../generated/graphql';
import { bootTestServer, errorCodes, type TestApi } from '../helpers/boot';
import { publishRevision } from '../helpers/revisions';

/** The server's clock: fixed, so that the revision below always lies in the future. */
let clock = new Date('2026-12-01T08:00:00Z');
const EFFECTIVE = '2027-01-01T00:00:00+02:00';
let api: TestApi;
let admin: string;
let coordinator: string;

beforeAll(async () => {
  api = await bootTestServer({ now: () => clock });
  admin = await api.token({ sub: 'lapland-admin', grants: ['REGION_ADMIN@lapland'] });
  coordinator = await api.token({ sub: 'lapland-coordinator', grants: ['COORDINATOR@lapland'] });
});
afterAll(async () => {
  await api?.close();
});

describe('a revision that adds a topic and changes other rules from 1 January', () => {
  let before: NonNullable<Awaited<ReturnType<typeof readAt>>>;

  async function readAt(at?: string) {
    const result = await api.request(RegionAtDocument, { id: 'lapland', ...(at ? { at } : {}) });
    expect(result.errors).toBeUndefined();
    return result.data!.region;
  }

  beforeAll(async () => {
    before = (await readAt())!;
    const topics = before.topics.map((t) => ({ id: t.id, label: { fi: t.label } }));
    await publishRevision(api, admin, {
      regionId: 'lapland',
      effectiveFrom: EFFECTIVE,
      reason: 'Hallituksen päätös: uusi aihe ja vastaanotto',
      changes: {
        topics: [...topics, { id: 'long-distances', label: { fi: 'Pitkät välimatkat ja syrjäseutu' } }],
        receptionWork: true,
        supervisionOffered: false,
        metrics: { smallCellThreshold: 7 },
      },
    });
  });

  it('when the region is read before the date (or now), then every field shows the old rules', async () => {
    const now = (await readAt())!;
    const eve = (await readAt('2026-12-31T21:59:59Z'))!;
    for (const region of [now, eve]) {
      expect(region.topics.map((t) => t.id)).not.toContain('long-distances');
      expect(region.receptionWork).toBe(false);
      expect(region.supervisionOffered).toBe(true);
      expect(region.smallCellThreshold).toBe(before.smallCellThreshold);
    }
    expect(now.rulesAt).toBe(clock.toISOString());
  });

  it('when the region is read at the date, then every field shows the revision, and the unchanged fields stay as they were', async () => {
    const after = (await readAt('2026-12-31T22:00:00Z'))!;
    expect(after.rulesAt).toBe('2026-12-31T22:00:00.000Z');
    expect(after.topics.map((t) => t.id)).toEqual([...before.topics.map((t) => t.id), 'long-distances']);
    expect(after.topics.at(-1)!.label).toBe('Pitkät välimatkat ja syrjäseutu');
    expect(after.receptionWork).toBe(true);
    expect(after.supervisionOffered).toBe(false);
    expect(after.smallCellThreshold).toBe(7);
    const {
      topics: _t1,
      receptionWork: _r1,
      supervisionOffered: _s1,
      smallCellThreshold: _c1,
      rulesAt: _a1,
      ...restAfter
    } = after;
    const {
      topics: _t2,
      receptionWork: _r2,
      supervisionOffered: _s2,
      smallCellThreshold: _c2,
      rulesAt: _a2,
      ...restBefore
    } = before;
    expect(restAfter).toEqual(restBefore);
  });

  it('when every region is listed at the date, then the revised region shows its new topic and the others are unchanged', async () => {
    const atDate = await api.request(RegionsAtDocument, { at: '2027-01-15T10:00:00Z' });
    const today = await api.request(RegionsAtDocument, {});
    const lapland = atDate.data!.regions.find((r) => r.id === 'lapland')!;
    expect(lapland.topics.map((t) => t.id)).toContain('long-distances');
    for (const region of atDate.data!.regions.filter((r) => r.id !== 'lapland')) {
      expect(region.topics).toEqual(today.data!.regions.find((r) => r.id === region.id)!.topics);
    }
  });

  it('when the date has come, then the topic the API lists is the one createExpert accepts, and not before', async () => {
    const input = {
      regionId: 'lapland',
      displayName: 'Uusi Hakija',
      introduction: { fi: 'Kerron pitkistä välimatkoista.' },
      languages: ['fi'],
      topicIds: ['long-distances'],
      taskTypeIds: [],
      topicsPublic: false,
    };
    const early = await api.request(CreateExpertDocument, { input }, { token: coordinator });
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    expect((await readAt())!.topics.map((t) => t.id)).not.toContain('long-distances');

    clock = new Date('2027-01-02T08:00:00Z');
    const listed = (await readAt())!.topics.map((t) => t.id);
    expect(listed).toContain('long-distances');
    const accepted = await api.request(CreateExpertDocument, { input }, { token: coordinator });
    expect(accepted.errors).toBeUndefined();
  });
});

describe('rules nothing read before are served', () => {
  it('when a region is read, then reception work, debriefing, supervision and the training recommendation show as its module says', async () => {
    const result = await api.request(RegionsAtDocument, {});
    expect(result.errors).toBeUndefined();
    for (const { id } of result.data!.regions) {
      const region = (await api.request(RegionAtDocument, { id })).data!.region!;
      expect(typeof region.receptionWork).toBe('boolean');
      expect(typeof region.debriefingOffered).toBe('boolean');
      if (region.recommendedTraining) {
        expect(region.recommendedTraining.minimumHours).toBeGreaterThan(0);
        expect(region.recommendedTraining.description).not.toBe('');
      }
    }
    const itaUusimaa = (await api.request(RegionAtDocument, { id: 'ita-uusimaa' })).data!.region!;
    expect(itaUusimaa.receptionWork).toBe(true);
    const vantaa = (await api.request(RegionAtDocument, { id: 'vantaa-kap', locale: 'fi' })).data!.region!;
    expect(vantaa.recommendedTraining).toMatchObject({ minimumHours: 50, overMonths: 4 });
  });

  it('when an unknown region is read at a date, then the answer is null', async () => {
    const result = await api.request(RegionAtDocument, { id: 'atlantis', at: '2027-01-01T00:00:00Z' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.region).toBeNull();
  });
});

describe('the training a region recommends is used', () => {
  it("when a training is recorded, then it is checked against the region's own recommendation in force, beside Kokoa's", async () => {
    const vantaa = await api.token({ sub: 'vantaa-coordinator', grants: ['COORDINATOR@vantaa-kap'] });
    const vantaaAdmin = await api.token({ sub: 'vantaa-admin', grants: ['REGION_ADMIN@vantaa-kap'] });
    const ita = await api.token({ sub: 'ita-coordinator', grants: ['COORDINATOR@ita-uusimaa'] });
    const trained = async (regionId: string, token: string) => {
      const created = await api.request(
        CreateExpertDocument,
        {
          input: {
            regionId,
            displayName: 'Koulutettu',
            introduction: { fi: 'Esittely' },
            languages: ['fi'],
            topicIds: [],
            taskTypeIds: [],
            topicsPublic: false,
          },
        },
        { token },
      );
      expect(created.errors).toBeUndefined();
      const added = await api.request(
        AddExpertTrainingDocument,
        {
          id: created.data!.createExpert.id,
          input: {
            name: 'Peruskoulutus',
            provider: 'Kokoa ry',
            hours: 60,
            startedOn: '2026-01-10',
            completedOn: '2026-05-20',
          },
        },
        { token },
      );
      expect(added.errors).toBeUndefined();
      return added.data!.addExpertTraining.id;
    };
    const read = async (id: string, token: string) => {
      const again = await api.request(
        AddExpertTrainingDocument,
        { id, input: { name: 'Jatko', provider: 'Kokoa ry', hours: 1, completedOn: '2026-06-01' } },
        { token },
      );
      return again.data!.addExpertTraining.trainings.find((t) => t.name === 'Peruskoulutus')!;
    };

    const inVantaa = await trained('vantaa-kap', vantaa);
    expect(await read(inVantaa, vantaa)).toMatchObject({
      meetsKokoaRecommendation: true,
      meetsRegionRecommendation: true,
    });
    // Itä-Uusimaa recommends no training: the question has no answer there.
    const inIta = await trained('ita-uusimaa', ita);
    expect(await read(inIta, ita)).toMatchObject({ meetsKokoaRecommendation: true, meetsRegionRecommendation: null });

    // The bank raises its own recommendation to 80 hours: from that date the 60 hours fall short of it.
    const proposed = await api.request(
      ProposeRegionRevisionDocument,
      {
        input: {
          regionId: 'vantaa-kap',
          effectiveFrom: '2027-03-01T00:00:00+02:00',
          reason: 'Pankin oma koulutus pitenee',
          changes: { recommendedTraining: { minimumHours: 80 } },
        },
      },
      { token: vantaaAdmin },
    );
    expect(proposed.errors).toBeUndefined();
    expect(
      (
        await api.request(
          PublishRegionRevisionDocument,
          { id: proposed.data!.proposeRegionRevision.id },
          { token: vantaaAdmin },
        )
      ).errors,
    ).toBeUndefined();
    const saved = clock;
    clock = new Date('2027-03-02T08:00:00Z');
    try {
      expect(await read(inVantaa, vantaa)).toMatchObject({
        meetsKokoaRecommendation: true,
        meetsRegionRecommendation: false,
      });
    } finally {
      clock = saved;
    }
  });
});
