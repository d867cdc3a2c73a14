import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar, LocalDateScalar } from '../common/scalars';
import { Connection } from '../common/pagination';
import { MaxLength } from '../common/input-guard';
import { MAX_EMAIL_LENGTH } from './rules/contact';
import { EXPERT_STATUSES, type ExpertStatus } from './rules/expert-lifecycle';

export const ExpertStatusEnum = Object.fromEntries(EXPERT_STATUSES.map((s) => [s, s])) as { [K in ExpertStatus]: K };
registerEnumType(ExpertStatusEnum, {
  name: 'ExpertStatus',
  description: 'Where the expert is on the path APPLIED → INTERVIEWED → CONTRACTED → ACTIVE (⇄ PAUSED) → ENDED.',
});

@ObjectType('LocalizedText', { description: 'A text in each locale the region allows.' })
export class LocalizedTextType {
  @Field(() => String, { nullable: true, description: 'Finnish.' })
  fi?: string | null;
  @Field(() => String, { nullable: true, description: 'Swedish.' })
  sv?: string | null;
  @Field(() => String, { nullable: true, description: 'English.' })
  en?: string | null;
  @Field(() => String, { nullable: true, description: 'Northern Sami.' })
  se?: string | null;
}

@InputType({ description: "A text per locale; only the region's locales are accepted." })
export class LocalizedTextInput {
  @Field(() => String, { nullable: true, description: 'Finnish.' })
  fi?: string | null;
  @Field(() => String, { nullable: true, description: 'Swedish.' })
  sv?: string | null;
  @Field(() => String, { nullable: true, description: 'English.' })
  en?: string | null;
  @Field(() => String, { nullable: true, description: 'Northern Sami.' })
  se?: string | null;
}

@ObjectType('ExpertContact', { description: 'How to reach an expert. Every read is written to the audit log.' })
export class ExpertContactType {
  @Field(() => String, { nullable: true, description: 'Email address.' })
  email!: string | null;
  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone!: string | null;
}

@ObjectType('ContractPeriod', { description: 'The validity of a commission contract and the task types agreed.' })
export class ContractPeriodType {
  @Field(() => LocalDateScalar, { description: 'First day the contract is valid.' })
  validFrom!: string;
  @Field(() => LocalDateScalar, { description: 'Last day the contract is valid.' })
  validTo!: string;
  @Field(() => [ID], { description: 'Task type ids agreed in the contract.' })
  taskTypeIds!: string[];
}

@ObjectType('ExpertContract', {
  description: 'A commission contract (toimeksiantosopimus): readable by the coordinator and the expert.',
})
export class ExpertContractType extends ContractPeriodType {
  @Field(() => ID, { description: 'Contract id.' })
  id!: string;
  @Field(() => LocalDateScalar, { description: 'Day the contract was signed.' })
  signedOn!: string;
  @Field(() => String, { nullable: true, description: "The expert's training, as recorded in the contract." })
  training!: string | null;
  @Field(() => String, { nullable: true, description: 'Earlier experience as an expert.' })
  earlierExperience!: string | null;
  @Field(() => [ID], { description: 'Topics of experience recorded in the contract.' })
  topicIds!: string[];
  @Field(() => String, { nullable: true, description: "The expert's wishes." })
  wishes!: string | null;
}

@ObjectType('ExpertTraining', { description: 'A training the expert has completed.' })
export class ExpertTrainingType {
  @Field(() => ID, { description: 'Training id.' })
  id!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Name of the training; null for the pool unless the expert shows their topics (a name can reveal a background).',
  })
  name!: string | null;
  @Field(() => String, { nullable: true, description: 'Who gave the training; null when the name is.' })
  provider!: string | null;
  @Field(() => Int, { description: 'Hours of training.' })
  hours!: number;
  @Field(() => LocalDateScalar, { nullable: true, description: 'First day of the training.' })
  startedOn!: string | null;
  @Field(() => LocalDateScalar, { description: 'Day the training was completed.' })
  completedOn!: string;
  @Field(() => Boolean, { description: 'At least 50 hours over at least 4 months (Kokoa ry recommendation).' })
  meetsKokoaRecommendation!: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Meets the training the region recommends today (Region.recommendedTraining); null when it recommends none.',
  })
  meetsRegionRecommendation!: boolean | null;
}

@ObjectType('TaxCard', { description: 'The tax card of one calendar year. Every read is written to the audit log.' })
export class TaxCardType {
  @Field(() => Int, { description: 'Calendar year the tax card is for.' })
  year!: number;
  @Field(() => LocalDateScalar, { description: 'Day the tax card was received.' })
  receivedOn!: string;
}

@ObjectType('InterviewPanelMember', { description: 'Someone who sat on the interview panel.' })
export class PanelMemberType {
  @Field(() => String, { description: 'Coordinator role id of the region, or PROFESSIONAL.' })
  role!: string;
  @Field(() => String, { description: 'Name of the panel member.' })
  name!: string;
}

@ObjectType('ExpertInterview', { description: 'The suitability interview of an applicant.' })
export class InterviewType {
  @Field(() => ID, { description: 'Onboarding step of the region the interview fulfilled.' })
  stepId!: string;
  @Field(() => LocalDateScalar, { description: 'Day of the interview.' })
  heldOn!: string;
  @Field(() => [PanelMemberType], { description: 'Who sat on the panel.' })
  panel!: PanelMemberType[];
  @Field(() => String, { nullable: true, description: 'Notes of the interview.' })
  notes!: string | null;
}

@ObjectType('ExpertProfile', {
  description:
    'An experience expert of one region. Contact details, topics, trainings, earnings limit, interview, contracts and tax data are shown only to those the field rules allow (src/experts/expert-access.ts), and each read of them by someone else than the expert is audited.',
})
export class ExpertProfileType {
  @Field(() => ID, { description: 'Expert id.' })
  id!: string;
  @Field(() => ID, { description: 'Region of the expert.' })
  regionId!: string;
  @Field(() => ExpertStatusEnum, { description: 'Lifecycle status.' })
  status!: ExpertStatus;
  @Field(() => String, { description: 'Name shown to professionals (after erasure: the pseudonym).' })
  displayName!: string;
  @Field(() => String, { description: 'Stable pseudonym that fee records keep after erasure.' })
  pseudonym!: string;
  @Field(() => [String], { description: 'Languages the expert works in (ISO 639 codes).' })
  languages!: string[];
  @Field(() => [String], { description: 'Municipalities where the expert works.' })
  municipalities!: string[];
  @Field(() => Boolean, { description: 'Works remotely (video).' })
  remote!: boolean;
}

@ObjectType('ExpertConnection', { description: 'A page of experts.' })
export class ExpertConnection extends Connection(ExpertProfileType, 'ExpertProfile') {}

@InputType({ description: 'A new applicant, recorded by a coordinator.' })
export class CreateExpertInput {
  @Field(() => ID, { description: 'Region the applicant applies to.' })
  regionId!: string;
  @Field(() => String, { description: 'Name shown to professionals.' })
  displayName!: string;
  @MaxLength(MAX_EMAIL_LENGTH)
  @Field(() => String, { nullable: true, description: 'Email address.' })
  email?: string | null;
  @MaxLength(40)
  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone?: string | null;
  @Field(() => [ID], { description: "Topic ids from the region's list (at most 100)." })
  topicIds!: string[];
  @Field(() => [String], { description: 'Languages (ISO 639 codes, at most 100).' })
  languages!: string[];
  @Field(() => [ID], { description: "Task type ids from the region's list (at most 100)." })
  taskTypeIds!: string[];
  @Field(() => LocalizedTextInput, { description: "Introduction text in the region's locales." })
  introduction!: LocalizedTextInput;
  @Field(() => Boolean, { description: 'Consent to show the topics to professionals searching the pool.' })
  topicsPublic!: boolean;
  @MaxLength(200)
  @Field(() => [String], { nullable: true, description: 'Municipalities where the expert works (at most 100).' })
  municipalities?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Works remotely (video).' })
  remote?: boolean | null;
  @Field(() => [ID], { nullable: true, description: 'Units the expert has been inducted in (at most 100).' })
  unitIds?: string[] | null;
  @MaxLength(255)
  @Field(() => String, { nullable: true, description: "Token subject of the expert's own account, for myData." })
  accountId?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Consent to follow a month's fees against the expert's earnings limit.",
  })
  earningsLimitOptIn?: boolean | null;
  @Field(() => Int, {
    nullable: true,
    description: "The expert's monthly earnings limit in cents (needs earningsLimitOptIn); null clears it.",
  })
  earningsLimitCents?: number | null;
}

@InputType({ description: "Changes to an expert's profile; omitted fields stay as they are." })
export class UpdateExpertProfileInput {
  @Field(() => String, { nullable: true, description: 'Name shown to professionals.' })
  displayName?: string | null;
  @MaxLength(MAX_EMAIL_LENGTH)
  @Field(() => String, { nullable: true, description: 'Email address.' })
  email?: string | null;
  @MaxLength(40)
  @Field(() => String, { nullable: true, description: 'Phone number.' })
  phone?: string | null;
  @Field(() => [ID], { nullable: true, description: "Topic ids from the region's list." })
  topicIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Languages (ISO 639 codes).' })
  languages?: string[] | null;
  @Field(() => [ID], { nullable: true, description: "Task type ids from the region's list." })
  taskTypeIds?: string[] | null;
  @Field(() => LocalizedTextInput, { nullable: true, description: "Introduction text in the region's locales." })
  introduction?: LocalizedTextInput | null;
  @Field(() => Boolean, { nullable: true, description: 'Consent to show the topics to professionals.' })
  topicsPublic?: boolean | null;
  @MaxLength(200)
  @Field(() => [String], { nullable: true, description: 'Municipalities where the expert works.' })
  municipalities?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Works remotely (video).' })
  remote?: boolean | null;
  @Field(() => [ID], { nullable: true, description: 'Units the expert has been inducted in.' })
  unitIds?: string[] | null;
  @MaxLength(255)
  @Field(() => String, { nullable: true, description: "Token subject of the expert's own account." })
  accountId?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Consent to follow fees against the earnings limit; opting out forgets the limit.',
  })
  earningsLimitOptIn?: boolean | null;
  @Field(() => Int, {
    nullable: true,
    description: "The expert's monthly earnings limit in cents (needs earningsLimitOptIn); null clears it.",
  })
  earningsLimitCents?: number | null;
}

@InputType({ description: 'Someone on the interview panel.' })
export class PanelMemberInput {
  @Field(() => String, { description: 'Coordinator role id of the region, or PROFESSIONAL.' })
  role!: string;
  @Field(() => String, { description: 'Name of the panel member.' })
  name!: string;
}

@InputType({ description: 'The suitability interview of an applicant.' })
export class RecordExpertInterviewInput {
  @Field(() => LocalDateScalar, { description: 'Day of the interview.' })
  heldOn!: string;
  @Field(() => [PanelMemberInput], { description: 'Who sat on the panel (at most 100).' })
  panel!: PanelMemberInput[];
  @Field(() => String, { nullable: true, description: 'Notes.' })
  notes?: string | null;
}

@InputType({ description: 'A commission contract (toimeksiantosopimus).' })
export class SignExpertContractInput {
  @Field(() => LocalDateScalar, { description: 'First day the contract is valid.' })
  validFrom!: string;
  @Field(() => LocalDateScalar, { description: 'Last day the contract is valid.' })
  validTo!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Day of signing (default: today in the region).' })
  signedOn?: string | null;
  @Field(() => String, { nullable: true, description: "The expert's training." })
  training?: string | null;
  @Field(() => String, { nullable: true, description: 'Earlier experience as an expert.' })
  earlierExperience?: string | null;
  @Field(() => [ID], { description: "Topics of experience (ids from the region's list)." })
  topicIds!: string[];
  @Field(() => String, { nullable: true, description: "The expert's wishes." })
  wishes?: string | null;
  @Field(() => [ID], { description: "Task types agreed (ids from the region's list)." })
  taskTypeIds!: string[];
}

@InputType({ description: 'A completed training.' })
export class AddExpertTrainingInput {
  @Field(() => String, { description: 'Name of the training.' })
  name!: string;
  @Field(() => String, { description: 'Who gave it.' })
  provider!: string;
  @Field(() => Int, { description: 'Hours.' })
  hours!: number;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day (needed to show the Kokoa recommendation is met).',
  })
  startedOn?: string | null;
  @Field(() => LocalDateScalar, { description: 'Day completed.' })
  completedOn!: string;
}

@InputType({ description: 'Filters of the expert search; all given filters must match.' })
export class ExpertFilterInput {
  @Field(() => [ID], {
    nullable: true,
    description: 'Has every one of these topics (for professionals: only experts who consented to show topics).',
  })
  topicIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Does every one of these task types.' })
  taskTypeIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Works in every one of these languages.' })
  languages?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Works in this municipality.' })
  municipality?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Works remotely.' })
  remote?: boolean | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'ACTIVE and under a valid contract on this day.' })
  availableOn?: string | null;
  @Field(() => [ExpertStatusEnum], {
    nullable: true,
    description: 'Statuses (coordinators only; professionals always see ACTIVE only).',
  })
  statuses?: ExpertStatus[] | null;
}

@ObjectType('ErasedExpert', { description: 'What remains of an expert after erasure.' })
export class ErasedExpertType {
  @Field(() => ID, { description: 'Expert id, still referenced by fee records.' })
  id!: string;
  @Field(() => String, { description: 'Pseudonym that replaces the name.' })
  pseudonym!: string;
  @Field(() => DateTimeScalar, { description: 'When the data was erased.' })
  erasedAt!: Date;
}

@InputType({ description: "The expert's own consents; omitted fields stay as they are." })
export class UpdateMyConsentInput {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Show my topics of experience to professionals searching the pool.',
  })
  topicsPublic?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "Follow my month's fees against my earnings limit (seen by me and the coordinator); false forgets the limit.",
  })
  earningsLimitOptIn?: boolean | null;
  @Field(() => Int, {
    nullable: true,
    description: 'My monthly earnings limit in cents (needs earningsLimitOptIn); null clears it.',
  })
  earningsLimitCents?: number | null;
}

export const ConsentKindEnum = { TOPICS_PUBLIC: 'TOPICS_PUBLIC', EARNINGS_LIMIT: 'EARNINGS_LIMIT' } as const;
registerEnumType(ConsentKindEnum, {
  name: 'ConsentKind',
  description:
    "TOPICS_PUBLIC: topics shown to professionals; EARNINGS_LIMIT: fees followed against the expert's earnings limit.",
});

@ObjectType('ConsentChange', { description: 'A consent given or withdrawn, and by whom.' })
export class ConsentChangeType {
  @Field(() => ConsentKindEnum, { description: 'Which consent.' })
  consent!: keyof typeof ConsentKindEnum;
  @Field(() => Boolean, { description: 'True: given; false: withdrawn.' })
  given!: boolean;
  @Field(() => DateTimeScalar, { description: 'When it was given or withdrawn.' })
  at!: Date;
  @Field(() => Boolean, { description: "Recorded by a coordinator on the expert's behalf (a consent given on paper)." })
  onBehalf!: boolean;
}
