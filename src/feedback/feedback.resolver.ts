import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { MaxLength } from '../common/input-guard';
import { DateTimeScalar } from '../common/scalars';
import type { RequestContext } from '../context';
import { RespondentEnum } from '../region/region.types';

@InputType({ description: 'An answer to one question: `scale` (1–5), `yes` or `text` by the question’s kind.' })
class FeedbackAnswerInput {
  @Field(() => ID)
  questionId!: string;
  @Field(() => Int, { nullable: true })
  scale?: number | null;
  @Field(() => Boolean, { nullable: true })
  yes?: boolean | null;
  @Field(() => String, { nullable: true })
  @MaxLength(2000)
  text?: string | null;
}

@ObjectType('FeedbackAnswer')
class FeedbackAnswerType {
  @Field(() => ID)
  questionId!: string;
  @Field(() => Int, { nullable: true })
  scale?: number | null;
  @Field(() => Boolean, { nullable: true })
  yes?: boolean | null;
  @Field(() => String, { nullable: true })
  text?: string | null;
}

@ObjectType('FeedbackReceipt', { description: 'Feedback received.' })
class FeedbackReceiptType {
  @Field(() => ID)
  orderId!: string;
  @Field(() => RespondentEnum)
  respondent!: string;
  @Field(() => DateTimeScalar)
  submittedAt!: Date;
}

@ObjectType('FeedbackLink', { description: "A one-time link for the client's feedback." })
class FeedbackLinkType {
  @Field(() => String, { description: 'The token the link carries; shown once, only its hash is kept.' })
  token!: string;
  @Field(() => String, { description: 'The path to hand over, e.g. /feedback/<token>.' })
  path!: string;
  @Field(() => DateTimeScalar)
  expiresAt!: Date;
}

@ObjectType('FeedbackToExpert', { description: 'Feedback given to the calling expert.' })
class FeedbackToExpertType {
  @Field(() => RespondentEnum, {
    nullable: true,
    description: "Who gave it; null when fewer than the region's threshold of that side answered.",
  })
  respondent!: string | null;
  @Field(() => [FeedbackAnswerType])
  answers!: FeedbackAnswerType[];
}

@Resolver()
export class FeedbackResolver {
  @Mutation(() => FeedbackReceiptType, {
    description:
      'Feedback on an order after work was done: the EXPERT who worked on it or a PROFESSIONAL of the ordering unit, once each.',
  })
  submitFeedback(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('answers', () => [FeedbackAnswerInput]) answers: FeedbackAnswerInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<FeedbackReceiptType> {
    return ctx.services.feedback.submit(ctx, orderId, answers);
  }

  @Mutation(() => FeedbackLinkType, {
    description: 'A one-time link for the client, made by a PROFESSIONAL of the ordering unit after work was done.',
  })
  feedbackLink(@Arg('orderId', () => ID) orderId: string, @Ctx() ctx: RequestContext): Promise<FeedbackLinkType> {
    return ctx.services.feedback.link(ctx, orderId);
  }

  @Mutation(() => Boolean, {
    description: "The client's answer through the link, without an account: exactly one per link.",
  })
  async submitClientFeedback(
    @Arg('token', () => String) token: string,
    @Arg('answers', () => [FeedbackAnswerInput]) answers: FeedbackAnswerInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    await ctx.services.feedback.submitClient(ctx, token, answers);
    return true;
  }

  @Query(() => [FeedbackToExpertType], {
    description:
      'Feedback given to the calling expert (EXPERT), the latest 100: scale and yes/no answers and the texts the region shares.',
  })
  myFeedback(@Arg('regionId', () => ID) regionId: string, @Ctx() ctx: RequestContext): Promise<FeedbackToExpertType[]> {
    return ctx.services.feedback.mine(ctx, regionId);
  }
}
