import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar, LocalDateScalar } from '../common/scalars';
import { TaxClassEnum } from '../region/region.types';
import { UnitType } from '../units/unit.types';

export const CsvDialectEnum = { EXCEL_FI: 'EXCEL_FI', RFC4180: 'RFC4180' } as const;
registerEnumType(CsvDialectEnum, {
  name: 'CsvDialect',
  description:
    'EXCEL_FI: UTF-8 with BOM, semicolons, decimal comma (a Finnish spreadsheet); RFC4180: commas, decimal point.',
});

export const PayoutStatusEnum = { OPEN: 'OPEN', CLOSED: 'CLOSED' } as const;
registerEnumType(PayoutStatusEnum, {
  name: 'PayoutPeriodStatus',
  description: 'OPEN until the coordinator closes it.',
});

export const NoticeStatusEnum = { OPEN: 'OPEN', APPROVED: 'APPROVED' } as const;
registerEnumType(NoticeStatusEnum, {
  name: 'PayoutNoticeStatus',
  description: 'APPROVED by the unit as it stands; a line added after the approval reopens it.',
});

@ObjectType('FeeExpert', { description: 'The expert a fee line pays; the pseudonym after erasure.' })
export class FeeExpertType {
  @Field(() => ID)
  id!: string;
  @Field(() => String)
  displayName!: string;
  @Field(() => String, { description: 'Stable pseudonym that payroll and accounting keep.' })
  pseudonym!: string;
}

@ObjectType('FeeLine', {
  description: 'One line of a fee: minutes at the agreed rate, with the rule that produced it.',
})
export class FeeLineType {
  @Field(() => ID)
  id!: string;
  @Field(() => FeeExpertType)
  expert!: FeeExpertType;
  @Field(() => String, { description: 'Fee table category; `travel` for agreed travel compensation.' })
  category!: string;
  @Field(() => Int)
  minutes!: number;
  @Field(() => Int, { nullable: true, description: 'The agreed hourly rate; null for travel and a package’s rest.' })
  rateCents!: number | null;
  @Field(() => Int)
  amountCents!: number;
  @Field(() => TaxClassEnum, { nullable: true, description: 'Null for travel compensation.' })
  taxClass!: string | null;
  @Field(() => Boolean, { description: 'The tax class is a documented default, not a rule of the sources.' })
  taxClassIsDefault!: boolean;
  @Field(() => String, { description: 'The rule that produced the line, e.g. WORKED, LATE_CANCELLATION.' })
  rule!: string;
  @Field(() => ID, { nullable: true })
  sessionId!: string | null;
  @Field(() => ID, { nullable: true })
  orderId!: string | null;
  @Field(() => String, { description: 'The month the work was done (YYYY-MM).' })
  workMonth!: string;
  @Field(() => Boolean, { description: 'Work of an earlier, closed month, paid in this period.' })
  adjustment!: boolean;
}

@ObjectType('AmountByKey', { description: 'A total in cents for one tax class or category.' })
export class AmountByKeyType {
  @Field(() => String)
  key!: string;
  @Field(() => Int)
  amountCents!: number;
}

@ObjectType('NoticeExpert', { description: 'One expert on a fee payment notice.' })
export class NoticeExpertType {
  @Field(() => FeeExpertType)
  expert!: FeeExpertType;
  @Field(() => Int)
  totalCents!: number;
  @Field(() => Boolean, { description: 'The expert has confirmed their lines of the month.' })
  confirmed!: boolean;
  @Field(() => Boolean, { description: 'No tax card for the year of the month: payroll needs one.' })
  taxCardMissing!: boolean;
}

@ObjectType('PayoutNotice', { description: 'A fee payment notice (palkkionmaksuilmoitus) of one payer for one month.' })
export class PayoutNoticeType {
  @Field(() => ID, { description: 'The unit id, or `external:<organisation>` for an external requester.' })
  payerId!: string;
  @Field(() => UnitType, { nullable: true })
  unit!: UnitType | null;
  @Field(() => String, { nullable: true, description: 'The organisation of an external requester.' })
  externalRequester!: string | null;
  @Field(() => NoticeStatusEnum)
  status!: string;
  @Field(() => DateTimeScalar, { nullable: true })
  approvedAt!: Date | null;
  @Field(() => Int)
  totalCents!: number;
  @Field(() => [AmountByKeyType], { description: 'SALARY, WORK_COMPENSATION and NONE (travel, volunteer).' })
  totalsByTaxClass!: AmountByKeyType[];
  @Field(() => [AmountByKeyType])
  totalsByCategory!: AmountByKeyType[];
  @Field(() => [FeeLineType])
  lines!: FeeLineType[];
  @Field(() => [NoticeExpertType])
  experts!: NoticeExpertType[];
}

@ObjectType('PayoutPeriod', { description: "A region's payout period for one work month." })
export class PayoutPeriodType {
  @Field(() => ID)
  regionId!: string;
  @Field(() => String)
  month!: string;
  @Field(() => PayoutStatusEnum)
  status!: string;
  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: Date | null;
  @Field(() => LocalDateScalar, { description: 'The notice is due by this date.' })
  noticeDueOn!: string;
  @Field(() => LocalDateScalar, { description: 'The fee is paid on this date.' })
  paymentOn!: string;
  @Field(() => [PayoutNoticeType])
  notices!: PayoutNoticeType[];
}

@ObjectType('MyMonth', { description: "The calling expert's fee lines of a payout period." })
export class MyMonthType {
  @Field(() => String)
  month!: string;
  @Field(() => [FeeLineType])
  lines!: FeeLineType[];
  @Field(() => Int)
  totalCents!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the expert confirmed the month.' })
  confirmedAt!: Date | null;
}

@ObjectType('Earnings', { description: "The expert's month against their own earnings limit." })
export class EarningsType {
  @Field(() => String)
  month!: string;
  @Field(() => Int, { description: 'Fees of work done in the month so far.' })
  earnedCents!: number;
  @Field(() => Int, { description: 'What the work accepted for the rest of the month would add, as agreed.' })
  expectedCents!: number;
  @Field(() => Int, { nullable: true, description: "The expert's own limit, when they opted in." })
  limitCents!: number | null;
  @Field(() => Int, { nullable: true, description: 'The limit less earned and expected; negative past the limit.' })
  remainingCents!: number | null;
}

@ObjectType('EarningsWarning', {
  description: 'An expert whose month, with the work accepted and the amount asked about, would pass their limit.',
})
export class EarningsWarningType {
  @Field(() => FeeExpertType)
  expert!: FeeExpertType;
  @Field(() => Int)
  earnedCents!: number;
  @Field(() => Int)
  expectedCents!: number;
  @Field(() => Int, { description: 'Earned, expected and the amount asked about together.' })
  projectedCents!: number;
}
