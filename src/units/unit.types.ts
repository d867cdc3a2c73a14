import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../common/scalars';

@ObjectType('Unit', {
  description: 'An operating unit (toimintayksikkö) of a region; it pays the fees of the experts who work for it.',
})
export class UnitType {
  @Field(() => ID, { description: 'Unit id (also used in UNIT_COORDINATOR and PROFESSIONAL grants).' })
  id!: string;

  @Field(() => ID, { description: 'Region the unit belongs to.' })
  regionId!: string;

  @Field(() => String, { description: 'Name of the unit, e.g. "Aikuissosiaalityö, Porvoo".' })
  name!: string;

  @Field(() => String, { description: 'Municipality where the unit works.' })
  municipality!: string;

  @Field(() => [String], { description: 'Named unit coordinators (nimetty työntekijä) of the unit.' })
  coordinatorNames!: string[];

  @Field(() => String, { nullable: true, description: "The unit's instructions for experts (003 §3)." })
  instructionsForExperts?: string | null;
}

@ObjectType('ExpertOrientation', { description: 'An expert oriented in a unit, and when.' })
export class ExpertOrientationType {
  @Field(() => ID)
  unitId!: string;
  @Field(() => ID)
  expertId!: string;
  @Field(() => String)
  displayName!: string;
  @Field(() => LocalDateScalar)
  orientedOn!: string;
}

@InputType({ description: 'A new operating unit.' })
export class CreateUnitInput {
  @Field(() => ID, { description: 'Region of the unit.' })
  regionId!: string;

  @Field(() => String, { description: 'Name of the unit.' })
  name!: string;

  @Field(() => ID, { description: "Id from the region's service interfaces." })
  serviceInterfaceId!: string;

  @Field(() => String, { description: 'Municipality where the unit works.' })
  municipality!: string;

  @Field(() => [String], { description: 'Named unit coordinators (at most 100).' })
  coordinatorNames!: string[];
}

@InputType({ description: 'Changes to an operating unit; omitted fields stay as they are.' })
export class UpdateUnitInput {
  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: "Id from the region's service interfaces." })
  serviceInterfaceId?: string | null;

  @Field(() => String, { nullable: true, description: 'Municipality where the unit works.' })
  municipality?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The named unit coordinators, replacing the current list (at most 100).',
  })
  coordinatorNames?: string[] | null;
}
