import type { Logger } from '../common/logger';
import { withSystemScope } from '../scope';
import type { Services } from '../services';

const DAY_MS = 86_400_000;
/** Every hour: retention is counted in days, so an hour late is never a day late. */
export const RETENTION_INTERVAL_MS = 3_600_000;

export interface RetentionResult {
  regionId: string;
  requestersErased: number;
  reportsDeleted: number;
}

/**
 * Forgets what orders keep only for a while, in every region, by the region's rules in force now:
 * an external requester's contact person, email and phone (the organisation stays, for the
 * record of work done) and the experts' session reports (003 §4.5: the professional records what
 * matters in the client record system; our copy is not kept). Both count from the day the order
 * was closed.
 */
export async function forgetExpiredOrderData(services: Services, now: Date, log?: Logger): Promise<RetentionResult[]> {
  const results: RetentionResult[] = [];
  for (const region of services.regions.list()) {
    const grants = [{ role: 'COORDINATOR' as const, regionId: region.id }];
    results.push(
      await withSystemScope(services, { job: 'order-retention', grants, now: () => now, log }, async (scope) => {
        const { config } = await scope.services.regions.rulesAt(scope, region.id, now);
        const requesterCutoff = new Date(now.getTime() - config.work.requesterRetentionDays * DAY_MS);
        const reportCutoff = new Date(now.getTime() - config.work.sessionReportRetentionDays * DAY_MS);
        const requesters = await scope.em.execute<Array<{ id: string }>>(
          `update work_order
              set external_requester = jsonb_build_object('organisation', external_requester->'organisation',
                    'contactPerson', null, 'email', null, 'phone', null),
                  requester_erased_at = ?
            where region_id = ? and external_requester is not null and requester_erased_at is null
              and closed_at is not null and closed_at <= ?
          returning id`,
          [now, region.id, requesterCutoff],
        );
        const reports = await scope.em.execute<Array<{ id: string }>>(
          `update order_session s set report = null
             from work_order o
            where s.order_id = o.id and s.region_id = ? and s.report is not null
              and o.closed_at is not null and o.closed_at <= ?
          returning s.id`,
          [region.id, reportCutoff],
        );
        return { regionId: region.id, requestersErased: requesters.length, reportsDeleted: reports.length };
      }),
    );
  }
  const forgotten = results.filter((r) => r.requestersErased || r.reportsDeleted);
  if (forgotten.length) log?.info({ retention: forgotten }, 'forgot expired order data');
  return results;
}
