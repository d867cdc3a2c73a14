import { AuditEntry } from '../audit/audit-entry.entity';
import { RegionRevision } from '../region/region-revision.entity';
import { RegionRecord } from '../region/region.entity';
import { AppState } from '../system/app-state.entity';
import { Expert } from '../experts/expert.entity';
import { ExpertConsent, ExpertContract, ExpertTaxCard, ExpertTraining } from '../experts/expert-records.entity';
import { Unit, UnitOrientation } from '../units/unit.entity';
import { SupportMeeting } from '../support/support.entity';
import { ReceptionShift } from '../reception/reception.entity';
import { FeedbackLink, FeedbackResponse } from '../feedback/feedback.entity';
import { Notification, Offer, Order, OrderSession } from '../orders/order.entity';
import {
  MetricsCell,
  MetricsExpert,
  MetricsMonth,
  MetricsOrderFacts,
  MetricsOrderMonth,
  MetricsStaleMonth,
} from '../metrics/rollup.entity';
import { FeeLineRecord, MonthConfirmation, NoticeApproval, PayoutPeriodRecord } from '../fees/fee.entity';

/** Every MikroORM entity; listed explicitly so that no file-system discovery runs at start. */
export const entities = [
  AppState,
  AuditEntry,
  RegionRecord,
  RegionRevision,
  Unit,
  Expert,
  ExpertContract,
  ExpertTraining,
  ExpertTaxCard,
  ExpertConsent,
  Order,
  OrderSession,
  Offer,
  Notification,
  FeeLineRecord,
  PayoutPeriodRecord,
  NoticeApproval,
  MonthConfirmation,
  SupportMeeting,
  UnitOrientation,
  ReceptionShift,
  FeedbackResponse,
  FeedbackLink,
  MetricsCell,
  MetricsExpert,
  MetricsMonth,
  MetricsOrderFacts,
  MetricsOrderMonth,
  MetricsStaleMonth,
];
