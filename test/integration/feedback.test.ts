/**
 * Feedback from three sides (003 §8): the expert and the professional with their own tokens, the
 * client through a one-time link without an account; the expert sees what was said to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FeedbackLinkDocument,
  MyFeedbackDocument,
  RecordSessionOutcomeDocument,
  RespondToOfferDocument,
  SubmitClientFeedbackDocument,
  SubmitFeedbackDocument,
} from '../generated/graphql';
import { bootTestServer, errorCodes, type GraphQLResult, type TestApi } from '../helpers/boot';
import { helsinki, offer, placeOrder, readyExpert, unitIn } from '../helpers/orders';

const VANTAA = 'vantaa-kap';
let clock = new Date(helsinki('2026-06-15T09:00'));
let api: TestApi;
let nurse: string;
let expert: string;
let orderId: string;
let unitId: string;

function refusal(result: GraphQLResult<unknown>, code: string): string {
  expect(errorCodes(result)).toEqual([code]);
  return result.errors![0]!.message;
}

beforeAll(async () => {
  api = await bootTestServer({ now: () => clock });
  unitId = await unitIn(api, VANTAA, 'Mielenterveyspalvelut', 'mental-health-substance');
  const bank = await api.token({ sub: 'pia', grants: [`COORDINATOR@${VANTAA}`] });
  nurse = await api.token({ sub: 'nina', grants: [`PROFESSIONAL@${VANTAA}/${unitId}`] });
  const expertId = await readyExpert(api, bank, VANTAA, {
    displayName: 'Veera',
    accountId: 'veera',
    taskTypeIds: ['client-meeting'],
  });
  expert = await api.token({ sub: 'veera', grants: [`EXPERT@${VANTAA}`] });
  const order = await placeOrder(api, nurse, {
    regionId: VANTAA,
    taskTypeId: 'client-meeting',
    title: 'Asiakastapaaminen',
    language: 'fi',
    municipality: 'Vantaa',
    sessions: [{ startsAt: helsinki('2026-06-16T10:00'), endsAt: helsinki('2026-06-16T11:00') }],
  });
  orderId = order.id;
  const offered = await offer(api, bank, orderId, [expertId]);
  await api.request(RespondToOfferDocument, { offerId: offered.offers[0]!.id, accept: true }, { token: expert });
});
afterAll(() => api?.close());

const expertAnswers = [
  { questionId: 'task-clear', yes: true },
  { questionId: 'support-received', scale: 4 },
];
const nurseAnswers = (scale: number) => [
  { questionId: 'cooperation', scale },
  { questionId: 'would-order-again', yes: true },
  { questionId: 'feedback-to-expert', text: 'Kiitos, tarinasi auttoi asiakasta.' },
];

describe('feedback from the expert and the professional', () => {
  it('when no session has been held, then feedback waits for the work', async () => {
    const early = await api.request(SubmitFeedbackDocument, { orderId, answers: expertAnswers }, { token: expert });
    expect(refusal(early, 'CONFLICT')).toMatch(/feedback follows the work/);
  });

  it('when the work is done, then each side answers once, checked against the questions in force', async () => {
    clock = new Date(helsinki('2026-06-16T12:00'));
    const bank = await api.token({ sub: 'pia', grants: [`COORDINATOR@${VANTAA}`] });
    const order = await api.request(
      RecordSessionOutcomeDocument,
      { sessionId: (await sessionOfOrder())!, input: { outcome: 'COMPLETED', minutes: 60 } },
      { token: bank },
    );
    expect(order.errors).toBeUndefined();
    const byExpert = await api.request(SubmitFeedbackDocument, { orderId, answers: expertAnswers }, { token: expert });
    expect(byExpert.data!.submitFeedback).toMatchObject({ orderId, respondent: 'EXPERT' });
    const twice = await api.request(SubmitFeedbackDocument, { orderId, answers: expertAnswers }, { token: expert });
    expect(refusal(twice, 'CONFLICT')).toMatch(/already given feedback/);
    const unknown = await api.request(
      SubmitFeedbackDocument,
      { orderId, answers: [{ questionId: 'useful', scale: 3 }] },
      { token: nurse },
    );
    expect(refusal(unknown, 'BAD_USER_INPUT')).toMatch(/^answers\[0\]\.questionId: unknown question "useful"/);
    const outOfRange = await api.request(
      SubmitFeedbackDocument,
      { orderId, answers: nurseAnswers(7) },
      { token: nurse },
    );
    expect(refusal(outOfRange, 'BAD_USER_INPUT')).toMatch(/^answers\[0\]\.scale: /);
    const byNurse = await api.request(SubmitFeedbackDocument, { orderId, answers: nurseAnswers(5) }, { token: nurse });
    expect(byNurse.data!.submitFeedback.respondent).toBe('PROFESSIONAL');
    const otherUnit = await unitIn(api, VANTAA, 'Vanhuspalvelut', 'elderly-disability');
    const stranger = await api.token({ sub: 'olli', grants: [`PROFESSIONAL@${VANTAA}/${otherUnit}`] });
    const notTheirs = await api.request(
      SubmitFeedbackDocument,
      { orderId, answers: nurseAnswers(3) },
      { token: stranger },
    );
    expect(refusal(notTheirs, 'NOT_FOUND')).toMatch(/order/);
  });

  async function sessionOfOrder(): Promise<string | undefined> {
    const [row] = await api.sql<{ id: string }>('select id from order_session where order_id = $1', [orderId]);
    return row?.id;
  }
});

describe('feedback from the client through a one-time link', () => {
  it('when the professional hands over a link, then the client answers once without an account, and nothing identifies them', async () => {
    const link = (await api.request(FeedbackLinkDocument, { orderId }, { token: nurse })).data!.feedbackLink;
    expect(link.path).toBe(`/feedback/${link.token}`);
    expect(link.token.length).toBeGreaterThan(40);
    const answers = [
      { questionId: 'useful', scale: 5 },
      { questionId: 'comments', text: 'Oli helpompi puhua.' },
    ];
    // A wrong answer does not use the link up.
    const wrong = await api.request(SubmitClientFeedbackDocument, {
      token: link.token,
      answers: [{ questionId: 'useful', scale: 0 }],
    });
    expect(refusal(wrong, 'BAD_USER_INPUT')).toMatch(/^answers\[0\]\.scale: /);
    const first = await api.request(SubmitClientFeedbackDocument, { token: link.token, answers });
    expect(first.data!.submitClientFeedback).toBe(true);
    const again = await api.request(SubmitClientFeedbackDocument, { token: link.token, answers });
    expect(refusal(again, 'CONFLICT')).toMatch(/already been used/);
    const forged = await api.request(SubmitClientFeedbackDocument, { token: `${VANTAA}.forged`, answers });
    expect(refusal(forged, 'BAD_USER_INPUT')).toMatch(/^token: /);
    const stored = await api.sql<{ submitted_by: string | null }>(
      `select submitted_by from feedback_response where order_id = $1 and respondent = 'CLIENT'`,
      [orderId],
    );
    expect(stored).toEqual([{ submitted_by: null }]);
    const leaked = await api.sql(`select 1 from feedback_link where token_hash = $1`, [link.token]);
    expect(leaked).toEqual([]);
  });

  it('when twenty answers race on one link, then exactly one is kept', async () => {
    const link = (await api.request(FeedbackLinkDocument, { orderId }, { token: nurse })).data!.feedbackLink;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.request(SubmitClientFeedbackDocument, { token: link.token, answers: [{ questionId: 'useful', scale: 4 }] }),
      ),
    );
    expect(results.filter((r) => r.data?.submitClientFeedback === true)).toHaveLength(1);
    expect(results.filter((r) => errorCodes(r)[0] === 'CONFLICT')).toHaveLength(19);
  });
});

describe('the feedback an expert sees', () => {
  it('when few answered, then the expert sees the answers and the shared texts but not who gave them', async () => {
    const seen = (await api.request(MyFeedbackDocument, { regionId: VANTAA }, { token: expert })).data!.myFeedback;
    expect(seen.every((f) => f.respondent === null)).toBe(true);
    const answers = seen.flatMap((f) => f.answers);
    expect(answers).toEqual(
      expect.arrayContaining([
        { questionId: 'cooperation', scale: 5, yes: null, text: null },
        { questionId: 'feedback-to-expert', scale: null, yes: null, text: 'Kiitos, tarinasi auttoi asiakasta.' },
      ]),
    );
    // The client's free text is not shared with the expert in Vantaa KAP.
    expect(answers.some((a) => a.text === 'Oli helpompi puhua.')).toBe(false);
  });

  it('when at least the threshold of professionals answered, then the expert sees that they were professionals', async () => {
    for (let i = 0; i < 4; i++) {
      const colleague = await api.token({ sub: `colleague-${i}`, grants: [`PROFESSIONAL@${VANTAA}/${unitId}`] });
      const r = await api.request(SubmitFeedbackDocument, { orderId, answers: nurseAnswers(4) }, { token: colleague });
      expect(r.errors).toBeUndefined();
    }
    const seen = (await api.request(MyFeedbackDocument, { regionId: VANTAA }, { token: expert })).data!.myFeedback;
    expect(seen.filter((f) => f.respondent === 'PROFESSIONAL')).toHaveLength(5);
    expect(seen.filter((f) => f.respondent === null)).toHaveLength(2);
  });
});
