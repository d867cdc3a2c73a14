/**
 * Wall 1 of region isolation: every region-scoped entity carries `@Filter(REGION_FILTER)`, and
 * src/app.ts sets its parameter to the regions the viewer may read. Without a parameter (a
 * background job that forgot to set one) nothing is visible: the filter fails closed.
 * Wall 2 is PostgreSQL row-level security on the same column (see the migrations).
 */
export const REGION_FILTER = {
  name: 'region',
  // No regions: a condition no row meets (region_id is never null). An empty IN list would do for
  // the queried table, but MikroORM also puts the condition on joins made for the filter, where an
  // empty list is a syntax error.
  cond: (args: { regionIds?: string[] } | undefined) =>
    args?.regionIds?.length ? { regionId: { $in: args.regionIds } } : { regionId: null },
  default: true,
};

/** For jobs that run as the schema owner over every region (demo data, migrations). */
export const ALL_REGIONS_UNFILTERED = { filters: { region: false } } as const;
