/**
 * Every role × every operation of the schema × own region / another region → the outcome that the
 * operation's declared policy (src/auth/policies.ts) promises. The operations come from the built
 * schema, the expectations from the policy table: a new operation without a policy, or without a
 * way to call it here, fails this file. The subject data is in Vantaa KAP; "own" tokens hold the
 * role in vantaa-kap, "other" tokens in Lapland.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  AddExpertTrainingDocument,
  AuditLogDocument,
  ExpertAuditDocument,
  ChangeExpertStatusDocument,
  CreateExpertDocument,
  CreateUnitDocument,
  EraseExpertDocument,
  ExpertPublicDocument,
  ExpertsDocument,
  ExpertsMissingTaxCardDocument,
  MyDataDocument,
  RecordExpertInterviewDocument,
  RecordTaxCardDocument,
  SignExpertContractDocument,
  UnitsDocument,
  UpdateUnitDocument,
  UpdateExpertProfileDocument,
  UpdateMyConsentDocument,
  ViewerDocument,
  RegionsDocument,
  RegionRulesDocument,
  CancellationDeadlineDocument,
  PayoutDatesDocument,
  RegionRevisionsDocument,
  ProposeRegionRevisionDocument,
  PublishRegionRevisionDocument,
  AddOrderSessionDocument,
  CancelOrderDocument,
  CancelSessionDocument,
  CreateOrderDocument,
  MyOffersDocument,
  MySessionsDocument,
  NotificationsDocument,
  OfferOrderDocument,
  OrderStatusDocument,
  OrderIdsDocument,
  RecordDebriefingDocument,
  RecordSessionOutcomeDocument,
  RescheduleSessionDocument,
  RespondToOfferDocument,
  SubmitOrderDocument,
  WithdrawFromOrderDocument,
  WriteSessionReportDocument,
  ApprovePayoutNoticeDocument,
  ClosePayoutPeriodDocument,
  ConfirmMyMonthDocument,
  MyMonthDocument,
  MyEarningsDocument,
  ExpertsNearEarningsLimitDocument,
  PayoutCsvDocument,
  MetricsDocument,
  MetricsCsvDocument,
  SubmitFeedbackDocument,
  FeedbackLinkDocument,
  SubmitClientFeedbackDocument,
  MyFeedbackDocument,
  UpdateUnitInstructionsDocument,
  MarkExpertOrientedDocument,
  UnitOrientationsDocument,
  RecordReceptionShiftDocument,
  ReceptionShiftsDocument,
  RecordSupportMeetingDocument,
  ExpertsWithoutSupportDocument,
  PayoutPeriodDocument,
  type CreateOrderInput,
} from '../generated/graphql';
import { ROLES as ALL_ROLES } from '../../src/auth/viewer';
import { bootTestServer, errorCodes, type GraphQLResult, type TestApi } from '../helpers/boot';
import { buildGraphQLSchema } from '../../src/schema';
import { OPERATION_POLICIES, policyOf, type OperationPolicy } from '../../src/auth/policies';

const OWN = 'vantaa-kap';
const OTHER = 'lapland';
/** Every role, and a token with no grant. */
const ROLES = [...ALL_ROLES, 'NONE'] as const;
type Who = (typeof ROLES)[number];
type Outcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'BAD_USER_INPUT';
/** The subject of an EXPERT token; the main fixture expert is linked to it. */
const EXPERT_SUB = 'matrix-expert';

interface Fixture {
  unitId: string;
  /** An ACTIVE expert under a valid contract, linked to EXPERT_SUB. */
  expertId: string;
  /** A fresh expert in the given status (for mutations that change it). */
  fresh(status: 'APPLIED' | 'INTERVIEWED' | 'ACTIVE'): Promise<string>;
  /** A fresh draft revision of the own region's rules, proposed by its admin. */
  draftRevision(): Promise<string>;
  /** An order of the fixture unit, offered to and accepted by the fixture expert (read-only use). */
  orderId: string;
  /**
   * A fresh order of the fixture unit placed by the own coordinator: a DRAFT, REQUESTED, OFFERED
   * to the fixture expert, or ACCEPTED by them; `past` puts its session before the clock.
   */
  freshOrder(state: 'DRAFT' | 'REQUESTED' | 'OFFERED' | 'ACCEPTED', past?: boolean): Promise<FreshOrder>;
  /** A DONE order of the fixture unit, worked by the fixture expert. */
  doneOrderId: string;
  /** A fresh one-time client feedback link for the done order. */
  clientLink(): Promise<string>;
  /** The role a matrix token was made for. */
  roleOf(token: string): string | undefined;
}

interface FreshOrder {
  orderId: string;
  sessionId: string;
  offerId: string | null;
}

/** Calls one operation with a token (or none) on the fixture's data of the own region. */
type Run = (api: TestApi, token: string | undefined, f: Fixture) => Promise<GraphQLResult<unknown>>;

const send = <D, V extends Record<string, unknown>>(
  api: TestApi,
  doc: TypedDocumentNode<D, V>,
  vars: V,
  token?: string,
) => api.request(doc, vars, token ? { token } : {}) as Promise<GraphQLResult<unknown>>;

/** Effective dates far enough apart that drafts never collide with each other. */
let revisionDay = 0;

/** How to call each operation of the schema, keyed as in the policy table. */
export const RUNS: Record<string, Run> = {
  'Query.regions': (api, t) => send(api, RegionsDocument, {}, t),
  'Query.region': (api, t) => send(api, RegionRulesDocument, { id: OWN }, t),
  'Query.cancellationDeadline': (api, t) =>
    send(api, CancellationDeadlineDocument, { regionId: OWN, startsAt: '2026-12-01T08:00:00Z' }, t),
  'Query.payoutDates': (api, t) => send(api, PayoutDatesDocument, { regionId: OWN, workMonth: '2026-11' }, t),
  'Query.regionRevisions': (api, t) => send(api, RegionRevisionsDocument, { regionId: OWN }, t),
  'Mutation.proposeRegionRevision': (api, t) =>
    send(
      api,
      ProposeRegionRevisionDocument,
      {
        input: {
          regionId: OWN,
          effectiveFrom: new Date(Date.UTC(2031, 0, 1 + revisionDay++)).toISOString(),
          reason: 'matrix',
          changes: { payoutSchedule: { noticeDueDay: 12 } },
        },
      },
      t,
    ),
  'Mutation.publishRegionRevision': async (api, t, f) =>
    send(api, PublishRegionRevisionDocument, { id: await f.draftRevision() }, t),
  'Query.viewer': (api, t) => send(api, ViewerDocument, {}, t),
  'Query.units': (api, t) => send(api, UnitsDocument, { regionId: OWN }, t),
  'Mutation.createUnit': (api, t) =>
    send(
      api,
      CreateUnitDocument,
      {
        input: {
          regionId: OWN,
          name: 'Matriisi',
          serviceInterfaceId: 'adult-social-work',
          municipality: 'Vantaa',
          coordinatorNames: [],
        },
      },
      t,
    ),
  'Mutation.updateUnit': (api, t, f) =>
    send(api, UpdateUnitDocument, { id: f.unitId, input: { coordinatorNames: ['Matriisi Koordinaattori'] } }, t),
  'Query.expert': (api, t, f) => send(api, ExpertPublicDocument, { id: f.expertId }, t),
  'Query.experts': (api, t) => send(api, ExpertsDocument, { regionId: OWN, first: 5 }, t),
  'Query.expertsMissingTaxCard': (api, t) => send(api, ExpertsMissingTaxCardDocument, { regionId: OWN, year: 2026 }, t),
  'Query.myData': (api, t) => send(api, MyDataDocument, { regionId: OWN }, t),
  'Mutation.updateMyConsent': (api, t) =>
    send(api, UpdateMyConsentDocument, { regionId: OWN, input: { topicsPublic: true } }, t),
  'Query.auditLog': (api, t) => send(api, AuditLogDocument, { regionId: OWN }, t),
  'Query.expertAudit': (api, t, f) => send(api, ExpertAuditDocument, { expertId: f.expertId }, t),
  'Mutation.createExpert': (api, t) =>
    send(
      api,
      CreateExpertDocument,
      {
        input: {
          regionId: OWN,
          displayName: 'Matriisi Testi',
          topicIds: ['mental-health'],
          languages: ['fi'],
          taskTypeIds: ['client-meeting'],
          introduction: { fi: 'Hei' },
          topicsPublic: false,
        },
      },
      t,
    ),
  'Mutation.updateExpertProfile': async (api, t, f) =>
    send(api, UpdateExpertProfileDocument, { id: await f.fresh('ACTIVE'), input: { displayName: 'Muutettu' } }, t),
  'Mutation.recordExpertInterview': async (api, t, f) =>
    send(
      api,
      RecordExpertInterviewDocument,
      {
        id: await f.fresh('APPLIED'),
        input: { heldOn: '2026-05-01', panel: [{ role: 'bank-coordinator', name: 'Pia' }] },
      },
      t,
    ),
  'Mutation.signExpertContract': async (api, t, f) =>
    send(
      api,
      SignExpertContractDocument,
      {
        id: await f.fresh('INTERVIEWED'),
        input: { validFrom: '2026-06-01', validTo: '2026-12-31', topicIds: [], taskTypeIds: ['client-meeting'] },
      },
      t,
    ),
  'Mutation.changeExpertStatus': async (api, t, f) =>
    send(api, ChangeExpertStatusDocument, { id: await f.fresh('ACTIVE'), status: 'PAUSED' }, t),
  'Mutation.addExpertTraining': async (api, t, f) =>
    send(
      api,
      AddExpertTrainingDocument,
      {
        id: await f.fresh('ACTIVE'),
        input: { name: 'Koulutus', provider: 'Kokoa ry', hours: 50, completedOn: '2025-05-01' },
      },
      t,
    ),
  'Mutation.recordTaxCard': async (api, t, f) =>
    send(api, RecordTaxCardDocument, { id: await f.fresh('ACTIVE'), year: 2026, receivedOn: '2026-01-10' }, t),
  'Mutation.eraseExpert': async (api, t, f) =>
    send(api, EraseExpertDocument, { id: await f.fresh('ACTIVE'), reason: 'matrix' }, t),
  'Mutation.updateUnitInstructions': (api, t, f) =>
    send(api, UpdateUnitInstructionsDocument, { unitId: f.unitId, text: 'Ohjeet' }, t),
  'Mutation.markExpertOriented': async (api, t, f) =>
    send(
      api,
      MarkExpertOrientedDocument,
      { unitId: f.unitId, expertId: await f.fresh('ACTIVE'), orientedOn: '2026-06-01' },
      t,
    ),
  'Query.unitOrientations': (api, t, f) => send(api, UnitOrientationsDocument, { unitId: f.unitId }, t),
  'Mutation.recordReceptionShift': (api, t, f) =>
    send(
      api,
      RecordReceptionShiftDocument,
      {
        input: {
          regionId: OWN,
          unitId: f.unitId,
          expertId: f.expertId,
          startsAt: '2026-06-01T07:00:00Z',
          endsAt: '2026-06-01T09:00:00Z',
          kind: 'WALK_IN',
          visitorCount: 2,
        },
      },
      t,
    ),
  'Query.receptionShifts': (api, t) => send(api, ReceptionShiftsDocument, { regionId: OWN }, t),
  'Mutation.recordSupportMeeting': (api, t, f) =>
    send(
      api,
      RecordSupportMeetingDocument,
      { input: { regionId: OWN, expertId: f.expertId, kind: 'SUPERVISION', heldOn: '2026-06-01', attended: true } },
      t,
    ),
  'Query.expertsWithoutSupport': (api, t) =>
    send(api, ExpertsWithoutSupportDocument, { regionId: OWN, kind: 'PEER_MEETING' }, t),
  'Mutation.submitFeedback': (api, t, f) =>
    send(
      api,
      SubmitFeedbackDocument,
      {
        orderId: f.doneOrderId,
        // Each side answers its own questions.
        answers:
          t && f.roleOf(t) === 'EXPERT'
            ? [{ questionId: 'task-clear', yes: true }]
            : [{ questionId: 'cooperation', scale: 4 }],
      },
      t,
    ),
  'Mutation.feedbackLink': (api, t, f) => send(api, FeedbackLinkDocument, { orderId: f.doneOrderId }, t),
  'Mutation.submitClientFeedback': async (api, t, f) =>
    send(
      api,
      SubmitClientFeedbackDocument,
      { token: await f.clientLink(), answers: [{ questionId: 'useful', scale: 4 }] },
      t,
    ),
  'Query.myFeedback': (api, t) => send(api, MyFeedbackDocument, { regionId: OWN }, t),
  'Query.metrics': (api, t) =>
    send(
      api,
      MetricsDocument,
      { input: { regionIds: [OWN], from: '2026-01-01', to: '2026-12-31', groupBy: ['MONTH'], measures: ['ORDERS'] } },
      t,
    ),
  'Query.metricsCsv': (api, t) =>
    send(
      api,
      MetricsCsvDocument,
      {
        input: { regionIds: [OWN], from: '2026-01-01', to: '2026-12-31', groupBy: ['UNIT'], measures: ['FEES_CENTS'] },
      },
      t,
    ),
  'Query.payoutPeriod': (api, t) => send(api, PayoutPeriodDocument, { regionId: OWN, month: FEE_MONTH }, t),
  'Query.payoutCsv': (api, t, f) =>
    send(api, PayoutCsvDocument, { regionId: OWN, month: FEE_MONTH, unitId: f.unitId, dialect: 'RFC4180' }, t),
  'Mutation.approvePayoutNotice': (api, t, f) =>
    send(api, ApprovePayoutNoticeDocument, { regionId: OWN, month: FEE_MONTH, unitId: f.unitId }, t),
  // A month without lines: it closes as soon as it is over.
  'Mutation.closePayoutPeriod': (api, t) =>
    send(api, ClosePayoutPeriodDocument, { regionId: OWN, month: '2026-01' }, t),
  'Query.myEarnings': (api, t) => send(api, MyEarningsDocument, { regionId: OWN, month: FEE_MONTH }, t),
  'Query.expertsNearEarningsLimit': (api, t) =>
    send(api, ExpertsNearEarningsLimitDocument, { regionId: OWN, month: FEE_MONTH, additionalCents: 5000 }, t),
  'Query.myMonth': (api, t) => send(api, MyMonthDocument, { regionId: OWN, month: FEE_MONTH }, t),
  'Mutation.confirmMyMonth': (api, t) => send(api, ConfirmMyMonthDocument, { regionId: OWN, month: FEE_MONTH }, t),
  'Query.order': (api, t, f) => send(api, OrderStatusDocument, { id: f.orderId }, t),
  'Query.orders': (api, t) => send(api, OrderIdsDocument, { regionId: OWN, first: 5 }, t),
  'Query.myOffers': (api, t) => send(api, MyOffersDocument, { regionId: OWN }, t),
  'Query.mySessions': (api, t) => send(api, MySessionsDocument, { regionId: OWN }, t),
  'Query.notifications': (api, t) => send(api, NotificationsDocument, { regionId: OWN }, t),
  'Mutation.createOrder': (api, t, f) => send(api, CreateOrderDocument, { input: matrixOrder(f.unitId) }, t),
  'Mutation.submitOrder': async (api, t, f) =>
    send(api, SubmitOrderDocument, { orderId: (await f.freshOrder('DRAFT')).orderId }, t),
  'Mutation.offerOrder': async (api, t, f) =>
    send(
      api,
      OfferOrderDocument,
      { orderId: (await f.freshOrder('REQUESTED')).orderId, expertIds: [await f.fresh('ACTIVE')] },
      t,
    ),
  'Mutation.cancelOrder': async (api, t, f) =>
    send(api, CancelOrderDocument, { orderId: (await f.freshOrder('REQUESTED')).orderId, reason: 'matrix' }, t),
  'Mutation.addOrderSession': async (api, t, f) =>
    send(
      api,
      AddOrderSessionDocument,
      {
        orderId: (await f.freshOrder('REQUESTED')).orderId,
        input: { startsAt: '2026-09-02T07:00:00Z', endsAt: '2026-09-02T08:00:00Z' },
      },
      t,
    ),
  'Mutation.recordDebriefing': async (api, t, f) =>
    send(
      api,
      RecordDebriefingDocument,
      { orderId: (await f.freshOrder('ACCEPTED', true)).orderId, heldOn: '2026-06-01' },
      t,
    ),
  'Mutation.withdrawFromOrder': async (api, t, f) =>
    send(api, WithdrawFromOrderDocument, { orderId: (await f.freshOrder('ACCEPTED')).orderId }, t),
  'Mutation.respondToOffer': async (api, t, f) =>
    send(api, RespondToOfferDocument, { offerId: (await f.freshOrder('OFFERED')).offerId!, accept: true }, t),
  'Mutation.cancelSession': async (api, t, f) =>
    send(api, CancelSessionDocument, { sessionId: (await f.freshOrder('REQUESTED')).sessionId, reason: 'matrix' }, t),
  'Mutation.rescheduleSession': async (api, t, f) =>
    send(
      api,
      RescheduleSessionDocument,
      {
        sessionId: (await f.freshOrder('REQUESTED')).sessionId,
        startsAt: '2026-09-03T07:00:00Z',
        endsAt: '2026-09-03T08:00:00Z',
      },
      t,
    ),
  'Mutation.recordSessionOutcome': async (api, t, f) =>
    send(
      api,
      RecordSessionOutcomeDocument,
      { sessionId: (await f.freshOrder('ACCEPTED', true)).sessionId, input: { outcome: 'CLIENT_NO_SHOW' } },
      t,
    ),
  'Mutation.writeSessionReport': async (api, t, f) =>
    send(
      api,
      WriteSessionReportDocument,
      { sessionId: (await f.freshOrder('ACCEPTED', true)).sessionId, text: 'Sujui.' },
      t,
    ),
};

/** A Vantaa KAP order of the caller's unit (professionals) or the fixture unit (given). */
/** The month of the fixture's fee lines (a past session of the fixture unit, completed by the fixture expert). */
const FEE_MONTH = '2026-06';

function matrixOrder(unitId?: string, past = false): CreateOrderInput {
  const day = past ? '2026-06-01' : '2026-09-01';
  return {
    regionId: OWN,
    unitId,
    taskTypeId: 'client-meeting',
    title: 'Matriisin tilaus',
    language: 'fi',
    municipality: 'Vantaa',
    sessions: [{ startsAt: `${day}T07:00:00Z`, endsAt: `${day}T08:30:00Z` }],
  };
}

/**
 * What a policy promises. PUBLIC: everyone. REGION: the declared roles in the named region;
 * anyone else with a token FORBIDDEN. STORED_ROW: a row of a region whose rows the caller cannot
 * read does not exist for it (another region's tokens, and NATIONAL_ANALYST, who reads aggregates
 * only, get NOT_FOUND); in its own region, the declared roles succeed and the others are FORBIDDEN.
 * Under `refuseOtherRoles`, a caller without any of the declared roles is FORBIDDEN everywhere.
 */
export function expected(policy: OperationPolicy, who: Who, where: 'own' | 'other'): Outcome {
  if (policy.access === 'PUBLIC') return 'OK';
  if (who === 'NONE') return 'UNAUTHENTICATED';
  const allowed = (policy.roles as readonly string[]).includes(who);
  if (policy.access === 'REGION') return where === 'own' && allowed ? 'OK' : 'FORBIDDEN';
  // Aggregates: the national role reads every region; the others only their own.
  if (policy.access === 'ANALYSIS') return who === policy.national || (where === 'own' && allowed) ? 'OK' : 'FORBIDDEN';
  // Each matrix token holds one grant: a role outside the policy's is one the policy may refuse outright.
  if (policy.refuseOtherRoles && !allowed) return 'FORBIDDEN';
  if (where === 'other' || who === 'NATIONAL_ANALYST') return 'NOT_FOUND';
  return allowed ? 'OK' : 'FORBIDDEN';
}

/**
 * Where a service answers more narrowly than the policy's default: roles that read no individual
 * expert get FORBIDDEN for every expert id, existing or missing, in any region (expert-access.ts),
 * so that they cannot probe which ids exist.
 */
const NARROWER: Record<string, Partial<Record<Who | `${Who}:${'own' | 'other'}`, Outcome>>> = {
  'Query.expert': { REGION_ADMIN: 'FORBIDDEN', ANALYST: 'FORBIDDEN', NATIONAL_ANALYST: 'FORBIDDEN' },
  // Vantaa KAP is a bank that matches: only its coordinator offers work (order-service.ts).
  'Mutation.offerOrder': { 'PROFESSIONAL:own': 'FORBIDDEN' },
  // Vantaa KAP has no reception work: the roles the policy admits are told so, naming input.regionId.
  'Mutation.recordReceptionShift': { 'COORDINATOR:own': 'BAD_USER_INPUT', 'UNIT_COORDINATOR:own': 'BAD_USER_INPUT' },
};

/** `Query.x` and `Mutation.y` for every root field of the schema the server serves. */
async function schemaOperations(): Promise<string[]> {
  const schema = await buildGraphQLSchema();
  return [schema.getQueryType(), schema.getMutationType()]
    .flatMap((root) => (root ? Object.keys(root.getFields()).map((f) => `${root.name}.${f}`) : []))
    .sort();
}

describe('isolation matrix coverage', async () => {
  const OPERATIONS = await schemaOperations();

  it('when the schema has an operation, then the policy table declares who may call it', () => {
    expect(OPERATIONS.filter((op) => !policyOf(op))).toEqual([]);
  });

  it('when the policy table declares an operation, then the schema has it (no stale entries)', () => {
    expect(Object.keys(OPERATION_POLICIES).filter((op) => !OPERATIONS.includes(op))).toEqual([]);
  });

  it('when the schema has an operation, then the matrix knows how to call it', () => {
    expect(OPERATIONS.filter((op) => !RUNS[op])).toEqual([]);
  });
});

describe('isolation matrix', async () => {
  const OPERATIONS = await schemaOperations();
  let api: TestApi;
  let fixture: Fixture;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    api = await bootTestServer({ now: () => new Date('2026-06-15T09:00:00Z') });
    const [unit] = await api.sql<{ id: string }>(
      `insert into unit (id, region_id, name, service_interface_id, municipality, coordinator_names, created_at) values (gen_random_uuid(), $1, 'KAP-yksikkö', 'mental-health-substance', 'Vantaa', '{}', now()) returning id`,
      [OWN],
    );
    // Unit-scoped grants must name a unit of their region, or they open nothing.
    const [laplandUnit] = await api.sql<{ id: string }>(
      `insert into unit (id, region_id, name, service_interface_id, municipality, coordinator_names, created_at) values (gen_random_uuid(), $1, 'Lapin yksikkö', 'mental-health-services', 'Rovaniemi', '{}', now()) returning id`,
      [OTHER],
    );
    let n = 0;
    const fresh = async (status: string, accountId: string | null = null): Promise<string> => {
      n += 1;
      const [row] = await api.sql<{ id: string }>(
        `insert into expert (id, region_id, status, pseudonym, account_id, display_name, email, phone, introduction, topic_ids, topics_public, languages, municipalities, task_type_ids, unit_ids, created_at, status_changed_at)
         values (gen_random_uuid(), $1, $2, 'KA-MATRIX' || $3, $4, 'Matriisi ' || $3, 'm' || $3 || '@example.fi', '+35840000' || $3, '{"fi":"Hei"}', '{mental-health}', true, '{fi}', '{Vantaa}', '{client-meeting}', '{}', now(), now()) returning id`,
        [OWN, status, n, accountId],
      );
      if (status === 'ACTIVE') {
        await api.sql(
          `insert into expert_contract (id, region_id, expert_id, valid_from, valid_to, signed_on, topic_ids, task_type_ids, created_at) values (gen_random_uuid(), $1, $2, '2026-01-01', '2027-12-31', '2025-12-01', '{}', '{client-meeting}', now())`,
          [OWN, row!.id],
        );
      }
      return row!.id;
    };
    const admin = await api.token({ sub: 'matrix-admin', grants: [`REGION_ADMIN@${OWN}`] });
    let drafts = 0;
    const draftRevision = async (): Promise<string> => {
      const effectiveFrom = new Date(Date.UTC(2035, 0, 1 + revisionDay++)).toISOString();
      // Each draft asks for a different day than any draft before, so none is a no-op.
      const noticeDueDay = 12 + (drafts++ % 16);
      const result = await api.request(
        ProposeRegionRevisionDocument,
        {
          input: {
            regionId: OWN,
            effectiveFrom,
            reason: 'matrix draft',
            changes: { payoutSchedule: { noticeDueDay } },
          },
        },
        { token: admin },
      );
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.proposeRegionRevision.id;
    };
    const expertId = await fresh('ACTIVE', EXPERT_SUB);
    const orderer = await api.token({ sub: 'matrix-orderer', grants: [`COORDINATOR@${OWN}`] });
    const expertToken = await api.token({ sub: EXPERT_SUB, grants: [`EXPERT@${OWN}`] });
    const must = <T>(result: { data: T | null | undefined; errors?: unknown }): T => {
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data;
    };
    const freshOrder = async (state: 'DRAFT' | 'REQUESTED' | 'OFFERED' | 'ACCEPTED', past = false) => {
      const input = { ...matrixOrder(unit!.id, past), draft: state === 'DRAFT' };
      const created = must(await api.request(CreateOrderDocument, { input }, { token: orderer })).createOrder;
      let offerId: string | null = null;
      if (state === 'OFFERED' || state === 'ACCEPTED') {
        const offered = must(
          await api.request(OfferOrderDocument, { orderId: created.id, expertIds: [expertId] }, { token: orderer }),
        ).offerOrder;
        offerId = offered.offers[0]!.id;
        if (state === 'ACCEPTED')
          must(await api.request(RespondToOfferDocument, { offerId, accept: true }, { token: expertToken }));
      }
      return { orderId: created.id, sessionId: created.sessions[0]!.id, offerId };
    };
    // Fee lines for FEE_MONTH: a past session of the fixture unit, completed by the fixture expert.
    const worked = await freshOrder('ACCEPTED', true);
    must(
      await api.request(
        RecordSessionOutcomeDocument,
        { sessionId: worked.sessionId, input: { outcome: 'COMPLETED', minutes: 90 } },
        { token: orderer },
      ),
    );
    const professional = await api.token({ sub: 'matrix-professional', grants: [`PROFESSIONAL@${OWN}/${unit!.id}`] });
    const clientLink = async () =>
      must(await api.request(FeedbackLinkDocument, { orderId: worked.orderId }, { token: professional })).feedbackLink
        .token;
    fixture = {
      roleOf: (token) => [...tokens.entries()].find(([, t]) => t === token)?.[0].split(':')[0],
      doneOrderId: worked.orderId,
      clientLink,
      unitId: unit!.id,
      expertId,
      fresh: (s) => fresh(s),
      draftRevision,
      orderId: (await freshOrder('ACCEPTED')).orderId,
      freshOrder,
    };
    for (const role of ROLES) {
      if (role === 'NONE') continue;
      for (const [where, region] of [
        ['own', OWN],
        ['other', OTHER],
      ] as const) {
        const unitPart =
          role === 'UNIT_COORDINATOR' || role === 'PROFESSIONAL'
            ? where === 'own'
              ? `/${fixture.unitId}`
              : `/${laplandUnit!.id}`
            : '';
        const sub =
          role === 'EXPERT'
            ? where === 'own'
              ? EXPERT_SUB
              : `${EXPERT_SUB}-lapland`
            : `${where}-${role.toLowerCase()}`;
        tokens.set(
          `${role}:${where}`,
          await api.token({ sub, name: `${role} ${where}`, grants: [`${role}@${region}${unitPart}`] }),
        );
      }
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  // Operations without a policy or a runner fail the coverage tests above, not here.
  const cases = OPERATIONS.filter((op) => policyOf(op) && RUNS[op]).flatMap((op) =>
    ROLES.flatMap((who) =>
      (['own', 'other'] as const).map(
        (where) =>
          [
            op,
            who,
            where,
            NARROWER[op]?.[`${who}:${where}`] ?? NARROWER[op]?.[who] ?? expected(policyOf(op)!, who, where),
          ] as const,
      ),
    ),
  );

  it.each(cases)('when %s is called by %s in the %s region, then %s', async (name, who, where, outcome) => {
    const token = who === 'NONE' ? undefined : tokens.get(`${who}:${where}`);
    const result = await RUNS[name]!(api, token, fixture);
    if (outcome === 'OK') {
      expect(result.errors).toBeUndefined();
      expect(result.data).toBeTruthy();
    } else {
      expect(errorCodes(result)).toEqual([outcome]);
      expect(JSON.stringify(result.data ?? null)).not.toContain('@example.fi');
    }
  });

  it('when Lapland tokens have tried every operation, then nothing in Vantaa KAP carries their hand', async () => {
    const [audit] = await api.sql<{ n: number }>(
      `select count(*)::int as n from audit_entry where actor_id like 'other-%' or actor_id = $1`,
      [`${EXPERT_SUB}-lapland`],
    );
    expect(audit!.n).toBe(0);
    const [changed] = await api.sql<{ n: number }>(
      `select count(*)::int as n from expert where display_name = 'Muutettu' or erased_at is not null or status = 'PAUSED'`,
    );
    // Only the own-region coordinator's three successful mutations changed rows.
    expect(changed!.n).toBe(3);
    const [units] = await api.sql<{ n: number }>(`select count(*)::int as n from unit where name = 'Matriisi'`);
    expect(units!.n).toBe(1);
    const [revisions] = await api.sql<{ proposed: number; published: number }>(
      `select count(*) filter (where reason = 'matrix')::int as proposed, count(*) filter (where status = 'PUBLISHED')::int as published from region_revision`,
    );
    // Only the own region's admin proposed one and published one.
    expect(revisions).toEqual({ proposed: 1, published: 1 });
    const [touched] = await api.sql<{ n: number }>(
      `select count(*)::int as n from region_revision where author_id like 'other-%' or published_by like 'other-%'`,
    );
    expect(touched!.n).toBe(0);
    const [orders] = await api.sql<{ n: number }>(
      `select (select count(*) from work_order where ordered_by_id like 'other-%')::int
            + (select count(*) from order_offer where offered_by_id like 'other-%')::int
            + (select count(*) from order_session where outcome_recorded_by like 'other-%')::int as n`,
    );
    expect(orders!.n).toBe(0);
  });
});
