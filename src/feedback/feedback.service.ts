import { createHash, randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { authorize, authorizeRow, authorizeRowLookup, grantsIn } from '../auth/policy';
import { BadUserInputError, ConflictError, NotFoundError } from '../common/errors';
import { isUuid } from '../common/ids';
import { Expert } from '../experts/expert.entity';
import { Offer, Order } from '../orders/order.entity';
import { checkFreeText } from '../orders/order.service';
import type { Respondent } from '../region/region-config';
import { enterRegions, type RequestScope } from '../scope';
import { checkAnswers, normalise } from './answers';
import { FeedbackLink, FeedbackResponse, type FeedbackAnswer } from './feedback.entity';

/** A link is good for a month: long enough for a client, short enough not to linger. */
const LINK_DAYS = 30;
const DAY_MS = 86_400_000;

export interface FeedbackToExpert {
  /** Who gave it; null when fewer than the region's threshold of that side answered. */
  respondent: Respondent | null;
  answers: FeedbackAnswer[];
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Feedback from three sides (003 §8). The expert and the professional answer with their own
 * tokens; the client through a one-time link the professional hands over, which stores nothing
 * that identifies them. Answers are checked against the questions in force.
 */
export class FeedbackService {
  /** The expert (who accepted the order) or a professional of the ordering unit, once work was done. */
  async submit(ctx: RequestScope, orderId: string, answers: FeedbackAnswer[]): Promise<FeedbackResponse> {
    authorizeRowLookup(ctx, 'Mutation.submitFeedback');
    const order = isUuid(orderId) ? await ctx.em.findOne(Order, { id: orderId }) : null;
    if (!order) throw new NotFoundError('order', orderId);
    const grant = authorizeRow(ctx, 'Mutation.submitFeedback', order);
    let respondent: Respondent;
    if (grant.role === 'EXPERT') {
      const expert = await ctx.em.findOne(Expert, { regionId: order.regionId, accountId: ctx.viewer.id });
      const accepted = expert
        ? await ctx.em.count(Offer, {
            orderId: order.id,
            expertId: expert.id,
            status: { $in: ['ACCEPTED', 'WITHDRAWN'] },
          })
        : 0;
      if (!accepted) throw new NotFoundError('order', orderId);
      respondent = 'EXPERT';
    } else {
      const ownUnit = grantsIn(ctx.viewer, order.regionId, ['PROFESSIONAL']).some((g) => g.unitId === order.unitId);
      if (!ownUnit) throw new NotFoundError('order', orderId);
      respondent = 'PROFESSIONAL';
    }
    await this.checkWorkDone(ctx, order);
    return this.store(ctx, order, respondent, answers, ctx.viewer.id);
  }

  /** A one-time link for the client, made by a professional of the ordering unit. */
  async link(ctx: RequestScope, orderId: string): Promise<{ token: string; path: string; expiresAt: Date }> {
    authorizeRowLookup(ctx, 'Mutation.feedbackLink');
    const order = isUuid(orderId) ? await ctx.em.findOne(Order, { id: orderId }) : null;
    if (!order) throw new NotFoundError('order', orderId);
    authorizeRow(ctx, 'Mutation.feedbackLink', order);
    if (!grantsIn(ctx.viewer, order.regionId, ['PROFESSIONAL']).some((g) => g.unitId === order.unitId))
      throw new NotFoundError('order', orderId);
    await this.checkWorkDone(ctx, order);
    // The region travels in the token, so the public answer can open just that region's wall.
    const token = `${order.regionId}.${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(ctx.now().getTime() + LINK_DAYS * DAY_MS);
    ctx.em.create(FeedbackLink, {
      regionId: order.regionId,
      orderId: order.id,
      tokenHash: hash(token),
      createdBy: ctx.viewer.id!,
      createdAt: ctx.now(),
      expiresAt,
    });
    await ctx.em.flush();
    return { token, path: `/feedback/${token}`, expiresAt };
  }

  /** The client's answer through the link: exactly one per link, nothing about the client kept. */
  async submitClient(ctx: RequestScope, token: string, answers: FeedbackAnswer[]): Promise<void> {
    const regionId = token.slice(0, token.indexOf('.'));
    const invalid = () => new BadUserInputError('token', 'not a valid feedback link');
    if (!regionId || !ctx.services.regions.list().some((r) => r.id === regionId)) throw invalid();
    // Anyone holding the link may answer: open the wall of the link's region for this lookup only.
    await enterRegions(ctx.em, [regionId]);
    const link = await ctx.em.findOne(FeedbackLink, { tokenHash: hash(token), regionId });
    if (!link || link.expiresAt.getTime() < ctx.now().getTime()) throw invalid();
    // A second use of the link, even at the same moment, finds it used.
    const claimed = await ctx.em.nativeUpdate(FeedbackLink, { id: link.id, usedAt: null }, { usedAt: ctx.now() });
    if (!claimed) throw new ConflictError('token: this feedback link has already been used');
    const order = await ctx.em.findOneOrFail(Order, { id: link.orderId });
    await this.store(ctx, order, 'CLIENT', answers, null);
  }

  /**
   * Feedback given to the calling expert on orders they worked on: scale and yes/no answers, and
   * the texts the region shares with experts. Who gave it shows only when at least the region's
   * threshold of that side answered, so that a single answer does not point at a person.
   */
  async mine(ctx: RequestScope, regionId: string): Promise<FeedbackToExpert[]> {
    authorize(ctx, 'Query.myFeedback', regionId);
    const expert = await ctx.em.findOne(Expert, { regionId, accountId: ctx.viewer.id });
    if (!expert) throw new NotFoundError('expert profile for the caller in region', regionId);
    const { config } = await ctx.services.regions.rulesAt(ctx, regionId, ctx.now());
    const rows = await ctx.em.execute<Array<{ respondent: Respondent; answers: FeedbackAnswer[] }>>(
      `select r.respondent, r.answers from feedback_response r
        where r.region_id = ? and r.respondent in ('PROFESSIONAL', 'CLIENT')
          and exists (select 1 from order_offer f where f.order_id = r.order_id and f.expert_id = ?
                      and f.status in ('ACCEPTED', 'WITHDRAWN'))
        order by r.submitted_at desc, r.id desc
        limit 100`,
      [regionId, expert.id],
    );
    const threshold = config.metrics.smallCellThreshold;
    const counts = new Map<Respondent, number>();
    for (const r of rows) counts.set(r.respondent, (counts.get(r.respondent) ?? 0) + 1);
    return rows.map((r) => {
      const questions = config.feedbackQuestions[r.respondent];
      const answers = r.answers.filter((a) => {
        const q = questions.find((x) => x.id === a.questionId);
        return q && (q.kind !== 'TEXT' || q.sharedWithExpert);
      });
      return { respondent: (counts.get(r.respondent) ?? 0) >= threshold ? r.respondent : null, answers };
    });
  }

  private async checkWorkDone(ctx: RequestScope, order: Order): Promise<void> {
    const done = await ctx.em.execute<Array<{ n: string }>>(
      `select count(*) as n from order_session where order_id = ? and status = 'DONE'`,
      [order.id],
    );
    if (!Number(done[0]?.n))
      throw new ConflictError(`order ${order.id} has no session held yet; feedback follows the work`);
  }

  private async store(
    ctx: RequestScope,
    order: Order,
    respondent: Respondent,
    answers: FeedbackAnswer[],
    submittedBy: string | null,
  ): Promise<FeedbackResponse> {
    const { config } = await ctx.services.regions.rulesAt(ctx, order.regionId, ctx.now());
    if (submittedBy && (await ctx.em.count(FeedbackResponse, { orderId: order.id, respondent, submittedBy })))
      throw new ConflictError(`you have already given feedback on order ${order.id}`);
    const problem = checkAnswers(config, respondent, answers);
    if (problem) throw new BadUserInputError(problem.field, problem.message);
    checkFreeText(Object.fromEntries(answers.map((a, i) => [`answers[${i}].text`, a.text])));
    const response = ctx.em.create(FeedbackResponse, {
      regionId: order.regionId,
      orderId: order.id,
      respondent,
      answers: normalise(config, respondent, answers),
      submittedBy,
      submittedAt: ctx.now(),
    });
    try {
      await ctx.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException)
        throw new ConflictError(`you have already given feedback on order ${order.id}`);
      throw error;
    }
    return response;
  }
}
