import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../common/pagination';
import { DateTimeScalar } from '../common/scalars';

@ObjectType('AuditEntry', {
  description: "One read or change of an expert's personal data: who, under which grant, when, which fields.",
})
export class AuditEntryType {
  @Field(() => ID, { description: 'Entry id.' })
  id!: string;
  @Field(() => ID, { description: 'Region of the data.' })
  regionId!: string;
  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  at!: Date;
  @Field(() => String, { description: 'Token subject of the person who acted.' })
  actorId!: string;
  @Field(() => String, { nullable: true, description: 'Name of the person who acted, from the token.' })
  actorName!: string | null;
  @Field(() => String, { description: 'Grant acted under, e.g. COORDINATOR@lapland.' })
  grant!: string;
  @Field(() => String, { description: 'READ, CHANGE or ERASE.' })
  action!: string;
  @Field(() => ID, { description: 'Id of the expert whose data it was.' })
  subjectId!: string;
  @Field(() => [String], { description: 'Fields read or changed.' })
  fields!: string[];
  @Field(() => String, { nullable: true, description: 'GraphQL operation that caused it.' })
  operation!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Why, when the action has a reason (an erasure; a consent recorded on the expert's behalf).",
  })
  reason!: string | null;
}

@ObjectType('AuditEntryConnection', { description: 'A page of audit entries, newest first.' })
export class AuditEntryConnection extends Connection(AuditEntryType, 'AuditEntry') {}
