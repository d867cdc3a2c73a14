import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('Unit', { description: 'An operating unit (toimintayksikkö) of a region; it pays the fees of the experts who work for it.' })
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
}

@InputType({ description: 'A new operating unit.' })
export class CreateUnitInput {
  @Field(() => ID, { description: 'Region of the unit.' })
  regionId!: string;

  @Field(() => String, { description: 'Name of the unit.' })
  name!: string;

  @Field(() => ID, { description: 'Id from the region\'s service interfaces.' })
  serviceInterfaceId!: string;

  @Field(() => String, { description: 'Municipality where the unit works.' })
  municipality!: string;

  @Field(() => [String], { description: 'Named unit coordinators (at most 100).' })
  coordinatorNames!: string[];
}
