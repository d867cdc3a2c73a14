import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ExpertPrivateDocument,
  ExpertsDocument,
  MyDataDocument,
  RegionRulesDocument,
  RegionsDocument,
  UnitsDocument,
} from '../generated/graphql';
import { demoClock } from '../../src/db/demo-data';
import { bootTestServer, discoveredRegionIds, type TestApi } from '../helpers/boot';

describe('expert demo data', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await bootTestServer({ demoData: true });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('when the server starts with demo data, then each region has units and 20–40 experts a professional can search', async () => {
    const rows = await api.sql<{ region_id: string; n: number }>(
      `select region_id, count(*)::int as n from expert group by region_id order by region_id`,
    );
    expect(rows.map((r) => r.region_id)).toEqual(await discoveredRegionIds());
    for (const row of rows) {
      expect(row.n).toBeGreaterThanOrEqual(20);
      expect(row.n).toBeLessThanOrEqual(40);
    }
    const swedish = await api.sql(
      `select 1 from expert where region_id = 'ita-uusimaa' and 'sv' = any(languages) limit 1`,
    );
    expect(swedish).toHaveLength(1);
    const admin = await api.token({ sub: 'a', grants: ['REGION_ADMIN@lapland'] });
    expect(
      (await api.request(UnitsDocument, { regionId: 'lapland' }, { token: admin })).data!.units.length,
    ).toBeGreaterThanOrEqual(3);
    const [unit] = await api.sql<{ id: string }>(`select id from unit where region_id = 'ita-uusimaa' limit 1`);
    const professional = await api.token({ sub: 'p', grants: [`PROFESSIONAL@ita-uusimaa/${unit!.id}`] });
    const search = await api.request(ExpertsDocument, { regionId: 'ita-uusimaa', first: 100 }, { token: professional });
    expect(search.data!.experts.totalCount).toBeGreaterThan(0);
  });

  it("when demo data is built, then it obeys the rules the API enforces: units named for their service interface, interview panels with the region's roles, active experts under a valid contract", async () => {
    const units = await api.sql<{ name: string; service_interface_id: string; region_id: string }>(
      `select name, service_interface_id, region_id from unit`,
    );
    const labels: Record<string, Record<string, string>> = {
      'ita-uusimaa': { 'working-age': 'Työikäisten palvelut' },
    };
    for (const u of units) {
      const label = labels[u.region_id]?.[u.service_interface_id];
      if (label) expect(u.name.startsWith(label)).toBe(true);
    }
    const panels = await api.sql<{ region_id: string; roles: string[] }>(
      `select region_id, array(select distinct p->>'role' from jsonb_array_elements(interview->'panel') p order by 1) as roles from expert where interview is not null and region_id = 'ita-uusimaa'`,
    );
    expect(panels.length).toBeGreaterThan(0);
    for (const p of panels) expect(p.roles).toEqual(['PROFESSIONAL', 'regional-coordinator']);
    const [unavailable] = await api.sql<{ n: number }>(
      `select count(*)::int as n from expert e where e.status = 'ACTIVE' and not exists (select 1 from expert_contract c where c.expert_id = e.id and c.valid_from <= current_date and c.valid_to >= current_date)`,
    );
    expect(unavailable!.n).toBe(0);
    const [actors] = await api.sql<{ actors: string[] }>(
      `select array_agg(distinct actor_id) as actors from audit_entry where action = 'CHANGE'`,
    );
    expect(actors!.actors).toEqual(['system:demo-data']);
  });

  it('when demo data is read through the API, then in every region each unit is named for its service interface, each interview panel holds the roles its onboarding step names, and each expert logs in as demo-expert-<region>-<n> and reads their own data', async () => {
    const regions = (await api.request(RegionsDocument, { locale: 'fi' })).data!.regions;
    expect(regions.length).toBeGreaterThanOrEqual(3);
    for (const region of regions) {
      const admin = await api.token({
        sub: `admin-${region.id}`,
        grants: [`REGION_ADMIN@${region.id}`, `COORDINATOR@${region.id}`],
      });
      const labels = new Map(region.serviceInterfaces.map((s) => [s.id, s.label]));
      const units = (await api.request(UnitsDocument, { regionId: region.id }, { token: admin })).data!.units;
      expect(units.length, region.id).toBeGreaterThanOrEqual(3);
      expect(units.length, region.id).toBeLessThanOrEqual(4);
      for (const unit of units) {
        const label = labels.get(unit.serviceInterface.id);
        expect(label, `${region.id}: ${unit.name}`).toBeDefined();
        expect(unit.name.startsWith(`${label}, `), `${region.id}: ${unit.name}`).toBe(true);
      }

      const steps = (await api.request(RegionRulesDocument, { id: region.id }, { token: admin })).data!.region!
        .onboardingSteps;
      const page = (await api.request(ExpertsDocument, { regionId: region.id, first: 100 }, { token: admin })).data!
        .experts;
      expect(page.totalCount, region.id).toBeGreaterThanOrEqual(20);
      expect(page.totalCount, region.id).toBeLessThanOrEqual(40);
      let interviewed = 0;
      const accounts = new Set<string>();
      for (const { node } of page.edges) {
        const expert = (await api.request(ExpertPrivateDocument, { id: node.id }, { token: admin })).data!.expert;
        expect(expert.accountId, node.displayName).toMatch(new RegExp(`^demo-expert-${region.id}-\\d+$`));
        accounts.add(expert.accountId!);
        if (!expert.interview) continue;
        interviewed += 1;
        const step = steps.find((s) => s.id === expert.interview!.stepId);
        expect(step, `${region.id}: step ${expert.interview.stepId}`).toBeDefined();
        const roles = expert.interview.panel.map((m) => m.role);
        for (const role of step!.panel) expect(roles, `${region.id}: ${node.displayName}`).toContain(role);
        for (const member of expert.interview.panel) expect(member.name.trim()).not.toBe('');
      }
      expect(interviewed, region.id).toBeGreaterThan(0);
      expect(accounts.size, region.id).toBe(page.totalCount);

      const [first] = page.edges;
      const own = await api.request(ExpertPrivateDocument, { id: first!.node.id }, { token: admin });
      const token = await api.token({ sub: own.data!.expert.accountId!, grants: [`EXPERT@${region.id}`] });
      const mine = await api.request(MyDataDocument, { regionId: region.id }, { token });
      expect(mine.errors, region.id).toBeUndefined();
      expect(mine.data!.myData.profile.id).toBe(first!.node.id);
    }
  });

  it("when demo data is built, then it is dated by the demo's fixed clock, never in the future, so every first start in a year builds the same rows", async () => {
    const stamps = await api.sql<{ at: Date }>(
      `select distinct at from audit_entry where actor_id = 'system:demo-data'`,
    );
    expect(stamps.map((s) => new Date(s.at).toISOString())).toEqual([demoClock().toISOString()]);
    expect(demoClock().getTime()).toBeLessThan(Date.now());
  });
});
