import { Arg, Ctx, Field, Float, ID, InputType, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../common/scalars';
import type { RequestContext } from '../context';
import {
  MEASURES,
  METRIC_DIMENSIONS,
  type Measure,
  type MetricDimension,
  type MetricsRow,
  type MetricsSource,
} from './metrics.service';

const MetricDimensionEnum = Object.fromEntries(METRIC_DIMENSIONS.map((d) => [d, d])) as {
  [K in MetricDimension]: K;
};
registerEnumType(MetricDimensionEnum, { name: 'MetricDimension', description: 'What a metrics table is grouped by.' });
const MeasureEnum = Object.fromEntries(MEASURES.map((m) => [m, m])) as { [K in Measure]: K };
const MetricsSourceEnum = { LIVE: 'LIVE', ROLLUP: 'ROLLUP' } as const;
registerEnumType(MetricsSourceEnum, {
  name: 'MetricsSource',
  description:
    'Where a table was computed: ROLLUP when every month of a whole-month period is up to date in the rollup, LIVE from the data itself otherwise. Both give the same numbers.',
});
registerEnumType(MeasureEnum, {
  name: 'Measure',
  description:
    'Measures over the sessions of the period; fees in cents (also split by tax class), rates as fractions, feedback as the average of scale answers.',
});

@InputType({ description: 'Which aggregates to compute.' })
class MetricsInput {
  @Field(() => [ID], { description: 'Regions to include: an ANALYST their own, a NATIONAL_ANALYST any.' })
  regionIds!: string[];
  @Field(() => LocalDateScalar, { description: 'First day (in each region’s time zone) of sessions counted.' })
  from!: string;
  @Field(() => LocalDateScalar, { description: 'Last day counted.' })
  to!: string;
  @Field(() => [MetricDimensionEnum])
  groupBy!: MetricDimension[];
  @Field(() => [MeasureEnum])
  measures!: Measure[];
}

@ObjectType('DimensionValue')
class DimensionValueType {
  @Field(() => MetricDimensionEnum)
  dimension!: string;
  @Field(() => String)
  value!: string;
  @Field(() => String)
  label!: string;
}

@ObjectType('MeasureValue')
class MeasureValueType {
  @Field(() => MeasureEnum)
  measure!: string;
  @Field(() => Float, { nullable: true, description: 'Null when suppressed or when there is nothing to measure.' })
  value!: number | null;
}

@ObjectType('MetricsRow')
class MetricsRowType {
  @Field(() => [DimensionValueType])
  dimensions!: DimensionValueType[];
  @Field(() => [MeasureValueType])
  values!: MeasureValueType[];
  @Field(() => Boolean, {
    description:
      'Too few people behind the cell, or needed hidden so that another cannot be worked out: values are null.',
  })
  suppressed!: boolean;
}

@ObjectType('MetricsTable')
class MetricsTableType {
  @Field(() => [MetricsRowType])
  rows!: MetricsRowType[];
  @Field(() => MetricsSourceEnum, { description: 'Where the table was computed.' })
  source!: MetricsSource;
}

@Resolver()
export class MetricsResolver {
  @Query(() => MetricsTableType, {
    description: 'Aggregates for analysts (ANALYST: own region; NATIONAL_ANALYST: all), with small cells suppressed.',
  })
  async metrics(
    @Arg('input', () => MetricsInput) input: MetricsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MetricsTableType> {
    const table: { rows: MetricsRow[]; source: MetricsSource } = await ctx.services.metrics.table(ctx, input);
    return table;
  }

  @Query(() => String, { description: 'The same table as CSV; a suppressed value is empty.' })
  metricsCsv(@Arg('input', () => MetricsInput) input: MetricsInput, @Ctx() ctx: RequestContext): Promise<string> {
    return ctx.services.metrics.csv(ctx, input);
  }
}
