import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddExpertTrainingDocument,
  AuditLogDocument,
  ChangeExpertStatusDocument,
  CreateExpertDocument,
  CreateUnitDocument,
  EraseExpertDocument,
  ExpertDocument,
  ExpertPrivateDocument,
  ExpertsDocument,
  ExpertsMissingTaxCardDocument,
  MyDataDocument,
  RecordExpertInterviewDocument,
  RecordTaxCardDocument,
  SignExpertContractDocument,
  UnitsDocument,
  UpdateUnitDocument,
  SetEarningsLimitDocument,
  UpdateExpertProfileDocument,
  type CreateExpertInput,
  type ExpertsQuery,
} from '../generated/graphql';
import { bootTestServer, errorCodes, type GraphQLResult, type TestApi } from '../helpers/boot';

const REGION = 'ita-uusimaa';
let clock = new Date('2026-06-15T09:00:00Z');
/** Each reading of the clock is a millisecond later, so audit entries have a definite order. */
let ticks = 0;

describe('expert registry', () => {
  let api: TestApi;
  let coordinator: string;
  let professional: string;
  let unitCoordinator: string;
  let admin: string;
  let unitId: string;

  const applicant = (over: Partial<CreateExpertInput> = {}): CreateExpertInput => ({
    regionId: REGION,
    displayName: 'Leena Virtanen',
    email: 'leena.virtanen@example.fi',
    phone: '+358 40 123 4567',
    topicIds: ['addictions', 'finances-and-debt'],
    languages: ['fi'],
    taskTypeIds: ['individual-work', 'lecture-training'],
    introduction: { fi: 'Olen toipunut päihderiippuvuudesta.', sv: 'Jag har återhämtat mig från beroende.' },
    topicsPublic: true,
    municipalities: ['Porvoo'],
    ...over,
  });

  async function create(over: Partial<CreateExpertInput> = {}): Promise<string> {
    const result = await api.request(CreateExpertDocument, { input: applicant(over) }, { token: coordinator });
    expect(result.errors).toBeUndefined();
    return result.data!.createExpert.id;
  }

  /** APPLIED → INTERVIEWED → CONTRACTED → ACTIVE with a contract for the given period. */
  async function activeExpert(
    over: Partial<CreateExpertInput> = {},
    validFrom = '2026-01-01',
    validTo = '2027-12-31',
  ): Promise<string> {
    const id = await create(over);
    const panel = [
      { role: 'PROFESSIONAL', name: 'Sari Sosiaalityöntekijä' },
      { role: 'regional-coordinator', name: 'Kaisa Koordinaattori' },
    ];
    expect(
      (
        await api.request(
          RecordExpertInterviewDocument,
          { id, input: { heldOn: '2026-05-01', panel } },
          { token: coordinator },
        )
      ).errors,
    ).toBeUndefined();
    const signed = await api.request(
      SignExpertContractDocument,
      {
        id,
        input: {
          validFrom,
          validTo,
          topicIds: over.topicIds ?? ['addictions'],
          taskTypeIds: ['individual-work', 'lecture-training'],
        },
      },
      { token: coordinator },
    );
    expect(signed.errors).toBeUndefined();
    expect(
      (await api.request(ChangeExpertStatusDocument, { id, status: 'ACTIVE' }, { token: coordinator })).errors,
    ).toBeUndefined();
    return id;
  }

  beforeAll(async () => {
    api = await bootTestServer({ now: () => new Date(clock.getTime() + ticks++) });
    admin = await api.token({ sub: 'anna', name: 'Anna Admin', grants: [`REGION_ADMIN@${REGION}`] });
    coordinator = await api.token({ sub: 'kaisa', name: 'Kaisa Koordinaattori', grants: [`COORDINATOR@${REGION}`] });
    const unit = await api.request(
      CreateUnitDocument,
      {
        input: {
          regionId: REGION,
          name: 'Aikuissosiaalityö, Porvoo',
          serviceInterfaceId: 'working-age',
          municipality: 'Porvoo',
          coordinatorNames: ['Katja Yksikkö'],
        },
      },
      { token: admin },
    );
    expect(unit.errors).toBeUndefined();
    unitId = unit.data!.createUnit.id;
    professional = await api.token({ sub: 'marja', name: 'Marja', grants: [`PROFESSIONAL@${REGION}/${unitId}`] });
    unitCoordinator = await api.token({
      sub: 'katja',
      name: 'Katja',
      grants: [`UNIT_COORDINATOR@${REGION}/${unitId}`],
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  describe('units', () => {
    it('when an admin creates a unit, then units lists it with its service interface', async () => {
      const result = await api.request(UnitsDocument, { regionId: REGION }, { token: professional });
      expect(result.data?.units).toEqual([
        expect.objectContaining({
          name: 'Aikuissosiaalityö, Porvoo',
          coordinatorNames: ['Katja Yksikkö'],
          serviceInterface: { id: 'working-age', label: 'Työikäisten palvelut' },
        }),
      ]);
    });

    it('when the service interface is not in the region list, then BAD_USER_INPUT names it', async () => {
      const result = await api.request(
        CreateUnitDocument,
        {
          input: {
            regionId: REGION,
            name: 'X',
            serviceInterfaceId: 'psychiatric-hospital-care',
            municipality: 'Loviisa',
            coordinatorNames: [],
          },
        },
        { token: admin },
      );
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.message).toContain('psychiatric-hospital-care');
    });

    it("when the admin changes a unit's named coordinators and name, then the unit shows them and other fields stay", async () => {
      const result = await api.request(
        UpdateUnitDocument,
        {
          id: unitId,
          input: { name: 'Aikuissosiaalityö, Porvoo (Näsinkatu)', coordinatorNames: ['Katja Yksikkö', 'Tuomas Tiimi'] },
        },
        { token: admin },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.updateUnit).toEqual({
        id: unitId,
        name: 'Aikuissosiaalityö, Porvoo (Näsinkatu)',
        municipality: 'Porvoo',
        coordinatorNames: ['Katja Yksikkö', 'Tuomas Tiimi'],
        serviceInterface: { id: 'working-age' },
      });
      await api.request(
        UpdateUnitDocument,
        { id: unitId, input: { name: 'Aikuissosiaalityö, Porvoo' } },
        { token: admin },
      );
    });

    it('when a unit update names an unknown service interface or an empty name, then BAD_USER_INPUT and nothing changes', async () => {
      const bad = await api.request(
        UpdateUnitDocument,
        { id: unitId, input: { name: 'Uusi nimi', serviceInterfaceId: 'astrology' } },
        { token: admin },
      );
      expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
      expect(bad.errors![0]!.message).toMatch(/^input\.serviceInterfaceId: .*astrology/);
      const empty = await api.request(UpdateUnitDocument, { id: unitId, input: { name: '  ' } }, { token: admin });
      expect(empty.errors![0]!.message).toMatch(/^input\.name: /);
      const [row] = await api.sql<{ name: string }>('select name from unit where id = $1', [unitId]);
      expect(row!.name).toBe('Aikuissosiaalityö, Porvoo');
    });

    it('when one mutation of a document fails, then the whole request is rolled back', async () => {
      const query = `mutation {
        ok: createUnit(input: { regionId: "${REGION}", name: "Rollback A", serviceInterfaceId: "working-age", municipality: "Porvoo", coordinatorNames: [] }) { id }
        bad: createUnit(input: { regionId: "${REGION}", name: "Rollback B", serviceInterfaceId: "astrology", municipality: "Porvoo", coordinatorNames: [] }) { id }
      }`;
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
      expect(body.errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT', 'ROLLED_BACK']);
      const rows = await api.sql("select id from unit where name like 'Rollback %'");
      expect(rows).toEqual([]);
    });

    it('when a coordinator tries to create a unit, then FORBIDDEN', async () => {
      const result = await api.request(
        CreateUnitDocument,
        {
          input: {
            regionId: REGION,
            name: 'X',
            serviceInterfaceId: 'working-age',
            municipality: 'Porvoo',
            coordinatorNames: [],
          },
        },
        { token: coordinator },
      );
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    });
  });

  describe('lifecycle', () => {
    it('when a coordinator records an applicant, then the profile is APPLIED with topics labelled from the region list', async () => {
      const result = await api.request(
        CreateExpertDocument,
        { input: applicant({ unitIds: [unitId] }) },
        { token: coordinator },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.createExpert).toMatchObject({
        status: 'APPLIED',
        displayName: 'Leena Virtanen',
        introduction: 'Olen toipunut päihderiippuvuudesta.',
        topics: [
          { id: 'addictions', label: 'Riippuvuudet (kuten päihde- ja peliriippuvuus)' },
          { id: 'finances-and-debt', label: 'Talous- ja velka-asiat' },
        ],
        contact: { email: 'leena.virtanen@example.fi', phone: '+358 40 123 4567' },
        currentContract: null,
        availableForOffers: false,
        units: [{ id: unitId, name: 'Aikuissosiaalityö, Porvoo' }],
      });
    });

    it('when the interview panel lacks the social or health professional, then BAD_USER_INPUT says who is missing', async () => {
      const id = await create();
      const result = await api.request(
        RecordExpertInterviewDocument,
        { id, input: { heldOn: '2026-05-01', panel: [{ role: 'regional-coordinator', name: 'Kaisa' }] } },
        { token: coordinator },
      );
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.message).toMatch(/^input\.panel: .*missing PROFESSIONAL/);
    });

    it('when an applicant has not been interviewed, then signing a contract is a CONFLICT', async () => {
      const id = await create();
      const result = await api.request(
        SignExpertContractDocument,
        {
          id,
          input: { validFrom: '2026-06-01', validTo: '2027-12-31', topicIds: [], taskTypeIds: ['individual-work'] },
        },
        { token: coordinator },
      );
      expect(errorCodes(result)).toEqual(['CONFLICT']);
    });

    it('when Leena is interviewed, contracted and activated, then each step moves the status and she becomes available', async () => {
      const id = await create();
      const interviewed = await api.request(
        RecordExpertInterviewDocument,
        {
          id,
          input: {
            heldOn: '2026-05-01',
            panel: [
              { role: 'PROFESSIONAL', name: 'Sari' },
              { role: 'regional-coordinator', name: 'Kaisa' },
            ],
            notes: 'Sopiva',
          },
        },
        { token: coordinator },
      );
      expect(interviewed.data?.recordExpertInterview.status).toBe('INTERVIEWED');
      const signed = await api.request(
        SignExpertContractDocument,
        {
          id,
          input: {
            validFrom: '2026-06-01',
            validTo: '2027-12-31',
            training: '60 h, Kokoa ry',
            topicIds: ['addictions'],
            taskTypeIds: ['individual-work', 'lecture-training'],
          },
        },
        { token: coordinator },
      );
      expect(signed.data?.signExpertContract).toEqual({
        id,
        status: 'CONTRACTED',
        currentContract: { validFrom: '2026-06-01', validTo: '2027-12-31' },
      });
      const active = await api.request(ChangeExpertStatusDocument, { id, status: 'ACTIVE' }, { token: coordinator });
      expect(active.data?.changeExpertStatus).toEqual({ id, status: 'ACTIVE', availableForOffers: true });
      const paused = await api.request(ChangeExpertStatusDocument, { id, status: 'PAUSED' }, { token: coordinator });
      expect(paused.data?.changeExpertStatus).toEqual({ id, status: 'PAUSED', availableForOffers: false });
      expect(
        (await api.request(ChangeExpertStatusDocument, { id, status: 'ACTIVE' }, { token: coordinator })).data
          ?.changeExpertStatus.status,
      ).toBe('ACTIVE');
      const ended = await api.request(ChangeExpertStatusDocument, { id, status: 'ENDED' }, { token: coordinator });
      expect(ended.data?.changeExpertStatus).toEqual({ id, status: 'ENDED', availableForOffers: false });
      const again = await api.request(ChangeExpertStatusDocument, { id, status: 'ACTIVE' }, { token: coordinator });
      expect(errorCodes(again)).toEqual(['CONFLICT']);
      const record = await api.request(ExpertPrivateDocument, { id }, { token: coordinator });
      expect(record.data?.expert.interview).toEqual({
        stepId: 'interview',
        heldOn: '2026-05-01',
        panel: [
          { role: 'PROFESSIONAL', name: 'Sari' },
          { role: 'regional-coordinator', name: 'Kaisa' },
        ],
        notes: 'Sopiva',
      });
    });

    it('when a second contract overlaps the first, then CONFLICT; a later one is accepted', async () => {
      const id = await activeExpert();
      const overlap = await api.request(
        SignExpertContractDocument,
        {
          id,
          input: { validFrom: '2027-06-01', validTo: '2028-12-31', topicIds: [], taskTypeIds: ['individual-work'] },
        },
        { token: coordinator },
      );
      expect(errorCodes(overlap)).toEqual(['CONFLICT']);
      expect(overlap.errors![0]!.message).toContain('only one contract is valid at a time');
      const next = await api.request(
        SignExpertContractDocument,
        {
          id,
          input: { validFrom: '2028-01-01', validTo: '2028-12-31', topicIds: [], taskTypeIds: ['individual-work'] },
        },
        { token: coordinator },
      );
      expect(next.data?.signExpertContract.status).toBe('ACTIVE');
      const rows = await api.sql('select count(*)::int as n from expert_contract where expert_id = $1', [id]);
      expect(rows[0]!.n).toBe(2);
    });

    it('when the contract has expired, then the expert is unavailable and hidden from professionals', async () => {
      const id = await activeExpert({ displayName: 'Expiring Eeva' }, '2026-01-01', '2026-06-30');
      expect((await api.request(ExpertDocument, { id }, { token: professional })).data?.expert.id).toBe(id);
      clock = new Date('2026-07-01T09:00:00Z');
      try {
        const asCoordinator = await api.request(ExpertDocument, { id }, { token: coordinator });
        expect(asCoordinator.data?.expert).toMatchObject({
          status: 'ACTIVE',
          availableForOffers: false,
          currentContract: null,
        });
        expect(errorCodes(await api.request(ExpertDocument, { id }, { token: professional }))).toEqual(['NOT_FOUND']);
        const search = await api.request(ExpertsDocument, { regionId: REGION, first: 100 }, { token: professional });
        expect(search.data!.experts.edges.map((e) => e.node.id)).not.toContain(id);
        const activate = await api.request(
          ChangeExpertStatusDocument,
          { id, status: 'ACTIVE' },
          { token: coordinator },
        );
        expect(errorCodes(activate)).toEqual(['CONFLICT']);
      } finally {
        clock = new Date('2026-06-15T09:00:00Z');
      }
    });
  });

  describe('profile rules', () => {
    it.each([
      ['topicIds', { topicIds: ['addictions', 'astrology'] }, 'astrology'],
      ['taskTypeIds', { taskTypeIds: ['own-story'] }, 'own-story'],
      ['introduction.en', { introduction: { fi: 'Hei', en: 'Hello' } }, 'fi, sv'],
      ['email', { email: 'not-an-email' }, 'email'],
      ['languages', { languages: ['finnish'] }, 'finnish'],
    ])('when %s is invalid, then BAD_USER_INPUT names it', async (field, over, words) => {
      const result = await api.request(
        CreateExpertDocument,
        { input: applicant(over as Partial<CreateExpertInput>) },
        { token: coordinator },
      );
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.message).toContain(`input.${field}`);
      expect(result.errors![0]!.message).toContain(words);
    });

    it('when an input list has 101 items, then BAD_USER_INPUT', async () => {
      const result = await api.request(
        CreateExpertDocument,
        { input: applicant({ municipalities: Array.from({ length: 101 }, (_, i) => `Kunta ${i}`) }) },
        { token: coordinator },
      );
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    });

    it('when trainings are added, then the profile shows whether each meets the Kokoa recommendation', async () => {
      const id = await create();
      await api.request(
        AddExpertTrainingDocument,
        {
          id,
          input: {
            name: 'Kokemusasiantuntijakoulutus',
            provider: 'Kokoa ry',
            hours: 60,
            startedOn: '2025-01-10',
            completedOn: '2025-05-20',
          },
        },
        { token: coordinator },
      );
      const result = await api.request(
        AddExpertTrainingDocument,
        {
          id,
          input: {
            name: 'Lyhytkurssi',
            provider: 'Opisto',
            hours: 20,
            startedOn: '2025-09-01',
            completedOn: '2025-09-30',
          },
        },
        { token: coordinator },
      );
      expect(result.data?.addExpertTraining.trainings).toEqual([
        // Itä-Uusimaa recommends no training of its own.
        {
          name: 'Kokemusasiantuntijakoulutus',
          hours: 60,
          meetsKokoaRecommendation: true,
          meetsRegionRecommendation: null,
        },
        { name: 'Lyhytkurssi', hours: 20, meetsKokoaRecommendation: false, meetsRegionRecommendation: null },
      ]);
    });

    it('when the profile is updated, then an audit entry names the changed fields', async () => {
      const id = await create();
      const result = await api.request(
        UpdateExpertProfileDocument,
        { id, input: { displayName: 'Leena V.', topicsPublic: false } },
        { token: coordinator },
      );
      expect(result.data?.updateExpertProfile).toEqual({
        id,
        displayName: 'Leena V.',
        topicsPublic: false,
        version: 2,
      });
      const rows = await api.sql(
        `select action, fields, "grant", operation from audit_entry where subject_id = $1 and action = 'CHANGE' order by at desc limit 1`,
        [id],
      );
      expect(rows[0]).toEqual({
        action: 'CHANGE',
        fields: ['displayName', 'topicsPublic'],
        grant: `COORDINATOR@${REGION}`,
        operation: 'UpdateExpertProfile',
      });
    });
  });

  describe('personal data', () => {
    it('when two coordinators save the same profile version, then the second gets CONFLICT and the first change stands', async () => {
      const id = await create();
      const first = await api.request(
        UpdateExpertProfileDocument,
        { id, input: { displayName: 'Leena A' } },
        { token: coordinator },
      );
      const version = first.data!.updateExpertProfile.version;
      const saves = await Promise.all([
        api.request(
          UpdateExpertProfileDocument,
          { id, input: { displayName: 'Leena B' }, expectedVersion: version },
          { token: coordinator },
        ),
        api.request(
          UpdateExpertProfileDocument,
          { id, input: { displayName: 'Leena C' }, expectedVersion: version },
          { token: coordinator },
        ),
      ]);
      const outcomes = saves.map((r) => errorCodes(r)[0] ?? r.data!.updateExpertProfile.displayName).sort();
      expect(outcomes[0]).toBe('CONFLICT');
      expect(['Leena B', 'Leena C']).toContain(outcomes[1]);
      const [row] = await api.sql<{ display_name: string; version: number }>(
        'select display_name, version from expert where id = $1',
        [id],
      );
      expect(row).toEqual({ display_name: outcomes[1], version: version! + 1 });
      const stale = await api.request(
        UpdateExpertProfileDocument,
        { id, input: { displayName: 'Leena D' }, expectedVersion: version },
        { token: coordinator },
      );
      expect(errorCodes(stale)).toEqual(['CONFLICT']);
    });

    it('when Leena opts in to an earnings limit of 900 EUR a month, then only she and the coordinator see it, and opting out forgets it (scenario 5)', async () => {
      const id = await activeExpert({ displayName: 'Leena Limit' });
      const without = await api.request(SetEarningsLimitDocument, { id, cents: 90000 }, { token: coordinator });
      expect(errorCodes(without)).toEqual(['BAD_USER_INPUT']);
      expect(without.errors![0]!.message).toMatch(/^input\.earningsLimitCents: .*opted in/);
      const negative = await api.request(
        SetEarningsLimitDocument,
        { id, optIn: true, cents: -5 },
        { token: coordinator },
      );
      expect(negative.errors![0]!.message).toMatch(/^input\.earningsLimitCents: /);

      const set = await api.request(
        SetEarningsLimitDocument,
        { id, optIn: true, cents: 90000 },
        { token: coordinator },
      );
      expect(set.errors).toBeUndefined();
      const seen = await api.request(ExpertPrivateDocument, { id }, { token: coordinator });
      expect(seen.data?.expert).toMatchObject({ earningsLimitOptIn: true, earningsLimitCents: 90000 });
      const byProfessional = await api.request(ExpertPrivateDocument, { id }, { token: professional });
      expect(byProfessional.data?.expert).toMatchObject({ earningsLimitOptIn: null, earningsLimitCents: null });
      expect(JSON.stringify(byProfessional)).not.toContain('90000');
      const change = await api.sql<{ fields: string[] }>(
        `select fields from audit_entry where subject_id = $1 and action = 'CHANGE' and operation = 'SetEarningsLimit'`,
        [id],
      );
      expect(change.map((c) => [...c.fields].sort())).toEqual([['earningsLimitCents', 'earningsLimitOptIn']]);

      await api.request(SetEarningsLimitDocument, { id, optIn: false }, { token: coordinator });
      const [row] = await api.sql<{ earnings_limit_cents: number | null }>(
        'select earnings_limit_cents from expert where id = $1',
        [id],
      );
      expect(row!.earnings_limit_cents).toBeNull();
    });

    it('when a coordinator reads contact details, then an audit row records who, grant, fields and operation', async () => {
      const id = await create();
      const result = await api.request(ExpertDocument, { id }, { token: coordinator });
      expect(result.data?.expert.contact).toEqual({ email: 'leena.virtanen@example.fi', phone: '+358 40 123 4567' });
      const rows = await api.sql(
        `select actor_id, "grant", action, fields, operation, region_id from audit_entry where subject_id = $1 and action = 'READ' and operation = 'Expert'`,
        [id],
      );
      expect(rows).toEqual([
        {
          actor_id: 'kaisa',
          grant: `COORDINATOR@${REGION}`,
          action: 'READ',
          fields: ['email', 'phone'],
          operation: 'Expert',
          region_id: REGION,
        },
      ]);
    });

    it('when contact details were read in a mutation whose request is rolled back, then the profile change is undone but the read stays audited', async () => {
      const id = await create();
      const query = `mutation Mixed {
        changed: updateExpertProfile(id: "${id}", input: { displayName: "Leena V." }) { contact { email } }
        refused: createUnit(input: { regionId: "${REGION}", name: "X", serviceInterfaceId: "working-age", municipality: "Porvoo", coordinatorNames: [] }) { id }
      }`;
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinator}` },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data: unknown; errors: { extensions: { code: string } }[] };
      expect(body.errors.map((e) => e.extensions.code)).toEqual(['FORBIDDEN', 'ROLLED_BACK']);
      // The refused root field is non-null, so GraphQL drops all data; the read is still recorded,
      // erring on the side of the person whose data it is.
      expect(body.data).toBeNull();
      const [expert] = await api.sql<{ display_name: string }>('select display_name from expert where id = $1', [id]);
      expect(expert!.display_name).not.toBe('Leena V.');
      const reads = await api.sql(
        `select actor_id, fields, operation from audit_entry where subject_id = $1 and action = 'READ' and operation = 'Mixed'`,
        [id],
      );
      expect(reads).toEqual([{ actor_id: 'kaisa', fields: ['email', 'phone'], operation: 'Mixed' }]);
      const changes = await api.sql(
        `select count(*)::int as n from audit_entry where subject_id = $1 and action = 'CHANGE' and operation = 'Mixed'`,
        [id],
      );
      expect(changes[0]!.n).toBe(0);
    });

    it('when a unit coordinator reads contact details of an expert inducted in their unit, then they see them and the read is audited', async () => {
      const id = await activeExpert({ unitIds: [unitId] });
      const result = await api.request(ExpertDocument, { id }, { token: unitCoordinator });
      expect(result.data?.expert.contact?.phone).toBe('+358 40 123 4567');
      const rows = await api.sql(
        `select "grant" from audit_entry where subject_id = $1 and action = 'READ' and operation = 'Expert'`,
        [id],
      );
      expect(rows).toEqual([{ grant: `UNIT_COORDINATOR@${REGION}/${unitId}` }]);
    });

    it('when a professional reads an available expert, then contact is null, no value leaks and no read is audited', async () => {
      const id = await activeExpert({
        displayName: 'Jussi Järvinen',
        phone: '+358 50 999 8888',
        email: 'jussi@example.fi',
      });
      const result = await api.request(ExpertDocument, { id }, { token: professional });
      expect(result.data?.expert.contact).toBeNull();
      expect(JSON.stringify(result)).not.toContain('999 8888');
      expect(JSON.stringify(result)).not.toContain('jussi@example.fi');
      const tax = await api.request(ExpertPrivateDocument, { id }, { token: professional });
      expect(tax.data?.expert).toEqual({
        id,
        taxCards: null,
        contracts: null,
        interview: null,
        earningsLimitOptIn: null,
        earningsLimitCents: null,
        accountId: null,
        version: null,
      });
      const rows = await api.sql(
        `select count(*)::int as n from audit_entry where subject_id = $1 and action = 'READ' and actor_id = 'marja'`,
        [id],
      );
      expect(rows[0]!.n).toBe(0);
    });

    it('when the expert has not consented, then professionals get null topics and cannot find them by topic', async () => {
      const hidden = await activeExpert({ displayName: 'Hidden Hanna', topicIds: ['crime'], topicsPublic: false });
      const shown = await activeExpert({ displayName: 'Shown Sami', topicIds: ['crime'], topicsPublic: true });
      expect(
        (await api.request(ExpertDocument, { id: hidden }, { token: professional })).data?.expert.topics,
      ).toBeNull();
      expect((await api.request(ExpertDocument, { id: shown }, { token: professional })).data?.expert.topics).toEqual([
        { id: 'crime', label: 'Rikollisuus' },
      ]);
      const asProfessional = await api.request(
        ExpertsDocument,
        { regionId: REGION, filter: { topicIds: ['crime'] } },
        { token: professional },
      );
      expect(asProfessional.data!.experts.edges.map((e) => e.node.id)).toEqual([shown]);
      const asCoordinator = await api.request(
        ExpertsDocument,
        { regionId: REGION, filter: { topicIds: ['crime'] } },
        { token: coordinator },
      );
      expect(asCoordinator.data!.experts.edges.map((e) => e.node.id).sort()).toEqual([hidden, shown].sort());
    });

    it('when a tax card is missing for the new year, then the coordinator list shows the expert until it is recorded', async () => {
      const id = await activeExpert({ displayName: 'Aaltonen Tax' });
      await api.request(RecordTaxCardDocument, { id, year: 2026, receivedOn: '2026-05-20' }, { token: coordinator });
      const missing2027 = await api.request(
        ExpertsMissingTaxCardDocument,
        { regionId: REGION, year: 2027 },
        { token: coordinator },
      );
      expect(missing2027.data!.expertsMissingTaxCard.map((e) => e.id)).toContain(id);
      const missing2026 = await api.request(
        ExpertsMissingTaxCardDocument,
        { regionId: REGION, year: 2026 },
        { token: coordinator },
      );
      expect(missing2026.data!.expertsMissingTaxCard.map((e) => e.id)).not.toContain(id);
      await api.request(RecordTaxCardDocument, { id, year: 2027, receivedOn: '2027-01-15' }, { token: coordinator });
      const after = await api.request(
        ExpertsMissingTaxCardDocument,
        { regionId: REGION, year: 2027 },
        { token: coordinator },
      );
      expect(after.data!.expertsMissingTaxCard.map((e) => e.id)).not.toContain(id);
      expect(
        errorCodes(
          await api.request(
            ExpertsMissingTaxCardDocument,
            { regionId: REGION, year: 2027 },
            { token: unitCoordinator },
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      const read = await api.request(ExpertPrivateDocument, { id }, { token: coordinator });
      expect(read.data?.expert.taxCards).toEqual([
        { year: 2026, receivedOn: '2026-05-20' },
        { year: 2027, receivedOn: '2027-01-15' },
      ]);
      const audit = await api.sql(`select fields from audit_entry where subject_id = $1 and action = 'READ'`, [id]);
      expect(audit).toContainEqual({ fields: ['taxCards'] });
      expect(
        (await api.request(ExpertPrivateDocument, { id }, { token: unitCoordinator })).data?.expert.taxCards,
      ).toBeNull();
    });

    it('when Jussi asks for his data, then he gets his profile, contracts, tax cards and who read his contact details', async () => {
      const id = await activeExpert({ displayName: 'Jussi Data', accountId: 'jussi-sub' });
      await api.request(RecordTaxCardDocument, { id, year: 2026, receivedOn: '2026-01-10' }, { token: coordinator });
      await api.request(ExpertDocument, { id }, { token: coordinator });
      const jussi = await api.token({ sub: 'jussi-sub', name: 'Jussi', grants: [`EXPERT@${REGION}`] });
      const result = await api.request(MyDataDocument, { regionId: REGION }, { token: jussi });
      expect(result.errors).toBeUndefined();
      const data = result.data!.myData;
      expect(data.profile).toMatchObject({
        id,
        displayName: 'Jussi Data',
        contact: { email: 'leena.virtanen@example.fi' },
        taxCards: [{ year: 2026, receivedOn: '2026-01-10' }],
      });
      expect(data.profile.contracts).toHaveLength(1);
      expect(data.auditEntries).toContainEqual(
        expect.objectContaining({
          actorId: 'kaisa',
          grant: `COORDINATOR@${REGION}`,
          action: 'READ',
          fields: ['email', 'phone'],
          operation: 'Expert',
        }),
      );
      const other = await api.token({ sub: 'someone-else', grants: [`EXPERT@${REGION}`] });
      expect(errorCodes(await api.request(ExpertDocument, { id }, { token: other }))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await api.request(MyDataDocument, { regionId: REGION }, { token: other }))).toEqual([
        'NOT_FOUND',
      ]);
    });

    it('when an expert is erased, then personal data is gone, the pseudonym row stays and the erasure is audited', async () => {
      const id = await activeExpert({ displayName: 'Erkki Erased', accountId: 'erkki' });
      await api.request(
        AddExpertTrainingDocument,
        { id, input: { name: 'Koulutus', provider: 'Kokoa ry', hours: 60, completedOn: '2025-05-01' } },
        { token: coordinator },
      );
      await api.request(RecordTaxCardDocument, { id, year: 2026, receivedOn: '2026-01-10' }, { token: coordinator });
      const result = await api.request(
        EraseExpertDocument,
        { id, reason: 'The expert asked to be forgotten' },
        { token: coordinator },
      );
      expect(result.errors).toBeUndefined();
      const pseudonym = result.data!.eraseExpert.pseudonym;
      expect(pseudonym).toMatch(/^KA-/);
      const [row] = await api.sql(
        `select display_name, email, phone, introduction, topic_ids, languages, account_id, interview, status, erased_at from expert where id = $1`,
        [id],
      );
      expect(row).toMatchObject({
        display_name: pseudonym,
        email: null,
        phone: null,
        introduction: {},
        topic_ids: [],
        languages: [],
        account_id: null,
        interview: null,
        status: 'ENDED',
      });
      expect(row!.erased_at).not.toBeNull();
      const [counts] = await api.sql(
        `select (select count(*)::int from expert_training where expert_id = $1) as trainings, (select count(*)::int from expert_tax_card where expert_id = $1) as tax_cards,
                (select count(*)::int from expert_contract where expert_id = $1 and topic_ids = '{}' and training is null) as scrubbed_contracts`,
        [id],
      );
      expect(counts).toEqual({ trainings: 0, tax_cards: 0, scrubbed_contracts: 1 });
      const audit = await api.sql(
        `select action, reason, operation from audit_entry where subject_id = $1 and action = 'ERASE'`,
        [id],
      );
      expect(audit).toEqual([
        { action: 'ERASE', reason: 'The expert asked to be forgotten', operation: 'EraseExpert' },
      ]);
      const profile = await api.request(ExpertDocument, { id }, { token: coordinator });
      expect(profile.data?.expert).toMatchObject({ displayName: pseudonym, contact: null, topics: [], erased: true });
      expect(
        errorCodes(await api.request(EraseExpertDocument, { id, reason: 'again' }, { token: coordinator })),
      ).toEqual(['CONFLICT']);
    });

    it('when a region admin reads the audit log, then entries come newest first, filtered by subject, paged', async () => {
      const id = await create();
      await api.request(ExpertDocument, { id }, { token: coordinator });
      const second2 = await api.token({
        sub: 'kalle',
        name: 'Kalle Koordinaattori',
        grants: [`COORDINATOR@${REGION}`],
      });
      await api.request(ExpertDocument, { id }, { token: second2 });
      const first = await api.request(
        AuditLogDocument,
        { regionId: REGION, subjectId: id, first: 2 },
        { token: admin },
      );
      expect(first.data?.auditLog.totalCount).toBe(4);
      expect(first.data?.auditLog.nodes.map((n) => n.actorId)).toEqual(['kalle', 'kaisa']);
      const second = await api.request(
        AuditLogDocument,
        { regionId: REGION, subjectId: id, first: 2, after: first.data!.auditLog.pageInfo.endCursor },
        { token: admin },
      );
      expect(second.data?.auditLog.nodes.map((n) => [n.action, n.operation])).toEqual([
        ['READ', 'CreateExpert'],
        ['CHANGE', 'CreateExpert'],
      ]);
      expect(second.data?.auditLog.pageInfo.hasNextPage).toBe(false);
      expect(errorCodes(await api.request(AuditLogDocument, { regionId: REGION }, { token: coordinator }))).toEqual([
        'FORBIDDEN',
      ]);
    });

    it('when the application role tries to change an audit row, then PostgreSQL refuses', async () => {
      const em = api.server.orm.em.fork();
      await expect(
        em.transactional(async (tx) => {
          await tx.execute(`select set_config('app.region_ids', ?, true)`, [REGION]);
          await tx.execute(`delete from audit_entry`);
        }),
      ).rejects.toThrow(/permission denied/);
    });
  });

  describe('search', () => {
    it('when filters are given, then only experts matching all of them are returned, by name', async () => {
      const a = await activeExpert({
        displayName: 'Search Aino',
        languages: ['fi', 'sv'],
        municipalities: ['Loviisa'],
        remote: true,
        topicIds: ['addictions', 'finances-and-debt'],
      });
      const b = await activeExpert({
        displayName: 'Search Bertil',
        languages: ['sv'],
        municipalities: ['Porvoo'],
        topicIds: ['addictions'],
      });
      const search = (filter: object) =>
        api.request(ExpertsDocument, { regionId: REGION, filter, first: 100 }, { token: professional });
      const ids = async (filter: object) => (await search(filter)).data!.experts.edges.map((e) => e.node.id);
      expect(await ids({ languages: ['sv'] })).toEqual(expect.arrayContaining([a, b]));
      expect(await ids({ languages: ['fi', 'sv'], topicIds: ['addictions', 'finances-and-debt'] })).toContain(a);
      expect(await ids({ languages: ['fi', 'sv'], topicIds: ['addictions', 'finances-and-debt'] })).not.toContain(b);
      expect(await ids({ municipality: 'Porvoo', languages: ['sv'] })).toEqual([b]);
      expect(await ids({ remote: true, languages: ['sv'] })).toEqual([a]);
      expect(await ids({ availableOn: '2028-01-01', languages: ['sv'] })).toEqual([]);
      const unknown = await search({ taskTypeIds: ['no-such-task'] });
      expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
      expect(unknown.errors![0]!.message).toContain('no-such-task');
    });

    it('when coordinators search, then applicants are included; professionals see only ACTIVE', async () => {
      const applicantId = await create({ displayName: 'Applicant Anni' });
      const asCoordinator = await api.request(
        ExpertsDocument,
        { regionId: REGION, filter: { statuses: ['APPLIED'] }, first: 100 },
        { token: coordinator },
      );
      expect(asCoordinator.data!.experts.edges.map((e) => e.node.id)).toContain(applicantId);
      const asProfessional = await api.request(
        ExpertsDocument,
        { regionId: REGION, filter: { statuses: ['APPLIED'] }, first: 100 },
        { token: professional },
      );
      expect(asProfessional.data!.experts.edges.map((e) => e.node.id)).not.toContain(applicantId);
    });

    it('when pages are walked, then each expert appears once and totalCount counts all', async () => {
      const all = await api.request(ExpertsDocument, { regionId: REGION, first: 100 }, { token: coordinator });
      const total = all.data!.experts.totalCount;
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: GraphQLResult<ExpertsQuery> = await api.request(
          ExpertsDocument,
          { regionId: REGION, first: 3, after },
          { token: coordinator },
        );
        const experts: ExpertsQuery['experts'] = page.data!.experts;
        seen.push(...experts.edges.map((e) => e.node.id));
        if (!experts.pageInfo.hasNextPage) break;
        after = experts.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    });

    it.each([0, 101])('when first is %s, then BAD_USER_INPUT', async (first) => {
      expect(
        errorCodes(await api.request(ExpertsDocument, { regionId: REGION, first }, { token: coordinator })),
      ).toEqual(['BAD_USER_INPUT']);
    });
  });
});
