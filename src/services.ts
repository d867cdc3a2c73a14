import type { Orm } from './db/orm';
import type { RegionService } from './region/region.service';
import type { AuditService } from './audit/audit.service';
import type { ReadLog } from './audit/read-log';
import type { ExpertService } from './experts/expert.service';
import type { UnitService } from './units/unit.service';
import type { OrderService } from './orders/order.service';
import type { FeeService } from './fees/fee.service';
import type { SupportService } from './support/support.service';
import type { ReceptionService } from './reception/reception.service';
import type { FeedbackService } from './feedback/feedback.service';
import type { MetricsService } from './metrics/metrics.service';

/** Stateless services, built once at start; per-request state travels in the context. */
export interface Services {
  orm: Orm;
  /** Where analysts' aggregates run when DATABASE_READ_URL names a read replica; otherwise absent. */
  readOrm?: Orm;
  regions: RegionService;
  audit: AuditService;
  /** The audit log of reads, written for every request of the process together (see ReadLog). */
  readLog: ReadLog;
  units: UnitService;
  experts: ExpertService;
  orders: OrderService;
  fees: FeeService;
  support: SupportService;
  reception: ReceptionService;
  feedback: FeedbackService;
  metrics: MetricsService;
}
