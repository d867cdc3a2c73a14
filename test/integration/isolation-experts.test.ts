/**
 * Isolation cases the role × region matrix (isolation-matrix.test.ts) cannot express: unit-scoped
 * grants (the expert's unit, another unit, no unit, an unknown unit, another region's unit) and
 * analysts asking for existing and missing experts. Each row: who, what they ask, what they get.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExpertDocument, ExpertsDocument, UnitsDocument } from '../generated/graphql';
import { bootTestServer, errorCodes, type GraphQLResult, type TestApi } from '../helpers/boot';
import { activeExpert, createApplicant, createUnit, ITA } from '../helpers/experts';

type Who =
  | 'UC_OWN_UNIT'
  | 'UC_OTHER_UNIT'
  | 'PROFESSIONAL'
  | 'UC_NO_UNIT'
  | 'UC_UNKNOWN_UNIT'
  | 'UC_OTHER_REGION_UNIT'
  | 'PRO_OTHER_REGION_UNIT'
  | 'ANALYST'
  | 'NATIONAL_ANALYST';
type Ask = 'active expert' | 'applicant' | 'missing expert' | 'experts' | 'units';
/** CONTACT / NO_CONTACT: the expert is returned with or without contact details; OK: a list. */
type Outcome = 'CONTACT' | 'NO_CONTACT' | 'OK' | 'FORBIDDEN' | 'NOT_FOUND';

const NONE_IN_FORCE: Record<Ask, Outcome> = {
  'active expert': 'FORBIDDEN',
  applicant: 'FORBIDDEN',
  'missing expert': 'FORBIDDEN',
  experts: 'FORBIDDEN',
  units: 'FORBIDDEN',
};
const MATRIX: Record<Who, Record<Ask, Outcome>> = {
  UC_OWN_UNIT: {
    'active expert': 'CONTACT',
    applicant: 'NOT_FOUND',
    'missing expert': 'NOT_FOUND',
    experts: 'OK',
    units: 'OK',
  },
  UC_OTHER_UNIT: {
    'active expert': 'NO_CONTACT',
    applicant: 'NOT_FOUND',
    'missing expert': 'NOT_FOUND',
    experts: 'OK',
    units: 'OK',
  },
  PROFESSIONAL: {
    'active expert': 'NO_CONTACT',
    applicant: 'NOT_FOUND',
    'missing expert': 'NOT_FOUND',
    experts: 'OK',
    units: 'OK',
  },
  // A unit grant that names no unit of its region opens nothing.
  UC_NO_UNIT: NONE_IN_FORCE,
  UC_UNKNOWN_UNIT: NONE_IN_FORCE,
  UC_OTHER_REGION_UNIT: NONE_IN_FORCE,
  PRO_OTHER_REGION_UNIT: NONE_IN_FORCE,
  // Analysts read no expert: one answer for every id.
  ANALYST: {
    'active expert': 'FORBIDDEN',
    applicant: 'FORBIDDEN',
    'missing expert': 'FORBIDDEN',
    experts: 'FORBIDDEN',
    units: 'OK',
  },
  NATIONAL_ANALYST: NONE_IN_FORCE,
};

describe('isolation of experts by unit-scoped grants and for analysts', () => {
  let api: TestApi;
  const tokens = new Map<Who, string>();
  const targets = new Map<Ask, string>();

  beforeAll(async () => {
    api = await bootTestServer({ now: () => new Date('2026-06-15T09:00:00Z') });
    const admin = await api.token({ sub: 'anna', grants: [`REGION_ADMIN@${ITA}`] });
    const coordinator = await api.token({ sub: 'kaisa', grants: [`COORDINATOR@${ITA}`] });
    const own = await createUnit(api, admin, 'Aikuissosiaalityö, Porvoo', 'Porvoo');
    const other = await createUnit(api, admin, 'Aikuissosiaalityö, Loviisa', 'Loviisa');
    const [lapland] = await api.sql<{ id: string }>(
      `insert into unit (id, region_id, name, service_interface_id, municipality, coordinator_names, created_at) values (gen_random_uuid(), 'lapland', 'Rovaniemi', 'mental-health-services', 'Rovaniemi', '{}', now()) returning id`,
    );
    targets.set(
      'active expert',
      await activeExpert(api, coordinator, { displayName: 'Jussi', email: 'jussi@example.fi', unitIds: [own] }),
    );
    targets.set(
      'applicant',
      await createApplicant(api, coordinator, { displayName: 'Anni', email: 'anni@example.fi', unitIds: [own] }),
    );
    targets.set('missing expert', randomUUID());
    const grants: Record<Who, string> = {
      UC_OWN_UNIT: `UNIT_COORDINATOR@${ITA}/${own}`,
      UC_OTHER_UNIT: `UNIT_COORDINATOR@${ITA}/${other}`,
      PROFESSIONAL: `PROFESSIONAL@${ITA}/${own}`,
      UC_NO_UNIT: `UNIT_COORDINATOR@${ITA}`,
      UC_UNKNOWN_UNIT: `UNIT_COORDINATOR@${ITA}/${randomUUID()}`,
      UC_OTHER_REGION_UNIT: `UNIT_COORDINATOR@${ITA}/${lapland!.id}`,
      PRO_OTHER_REGION_UNIT: `PROFESSIONAL@${ITA}/${lapland!.id}`,
      ANALYST: `ANALYST@${ITA}`,
      NATIONAL_ANALYST: `NATIONAL_ANALYST@${ITA}`,
    };
    for (const [who, grant] of Object.entries(grants) as Array<[Who, string]>)
      tokens.set(who, await api.token({ sub: who.toLowerCase(), grants: [grant] }));
  });
  afterAll(async () => {
    await api?.close();
  });

  const cases = (Object.entries(MATRIX) as Array<[Who, Record<Ask, Outcome>]>).flatMap(([who, row]) =>
    (Object.entries(row) as Array<[Ask, Outcome]>).map(([ask, outcome]) => [who, ask, outcome] as const),
  );

  it.each(cases)('when %s asks for the %s, then %s', async (who, ask, outcome) => {
    const token = tokens.get(who)!;
    const result: GraphQLResult<unknown> =
      ask === 'experts'
        ? await api.request(ExpertsDocument, { regionId: ITA, first: 100 }, { token })
        : ask === 'units'
          ? await api.request(UnitsDocument, { regionId: ITA }, { token })
          : await api.request(ExpertDocument, { id: targets.get(ask)! }, { token });
    if (outcome === 'FORBIDDEN' || outcome === 'NOT_FOUND') {
      expect(errorCodes(result)).toEqual([outcome]);
      expect(JSON.stringify(result.data ?? null)).not.toContain('@example.fi');
      return;
    }
    expect(result.errors).toBeUndefined();
    if (outcome === 'OK') return;
    const contact = (result.data as { expert: { contact: { email: string | null } | null } }).expert.contact;
    expect(contact?.email ?? null).toBe(outcome === 'CONTACT' ? 'jussi@example.fi' : null);
  });

  it('when unit-scoped callers list experts, then the active expert appears and the applicant never does', async () => {
    for (const who of ['UC_OWN_UNIT', 'UC_OTHER_UNIT', 'PROFESSIONAL'] as const) {
      const result = await api.request(ExpertsDocument, { regionId: ITA, first: 100 }, { token: tokens.get(who)! });
      const ids = result.data!.experts.edges.map((e) => e.node.id);
      expect(ids).toContain(targets.get('active expert'));
      expect(ids).not.toContain(targets.get('applicant'));
    }
  });
});
