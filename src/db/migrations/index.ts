import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123162009_initial } from './Migration20261123162009_initial';
import { Migration20261123162518_revisions_audit } from './Migration20261123162518_revisions_audit';
import { Migration20261123163005_experts_units } from './Migration20261123163005_experts_units';
import { Migration20261123163443_audit_reason } from './Migration20261123163443_audit_reason';
import { Migration20261123170845_earnings_limit } from './Migration20261123170845_earnings_limit';
import { Migration20261123212414_audit_log_keyset } from './Migration20261123212414_audit_log_keyset';
import { Migration20261123213111_consent_account } from './Migration20261123213111_consent_account';
import { Migration20261123213500_database_wall } from './Migration20261123213500_database_wall';
import { Migration20261123232721_orders } from './Migration20261123232721_orders';
import { Migration20261123235813_fees } from './Migration20261123235813_fees';
import { Migration20261124001720_around_work } from './Migration20261124001720_around_work';
import { Migration20261124003335_feedback } from './Migration20261124003335_feedback';
import { Migration20261124004119_metrics_index } from './Migration20261124004119_metrics_index';
import { Migration20261202202213_metrics_rollup } from './Migration20261202202213_metrics_rollup';
import { Migration20261202205925_experts_page_index } from './Migration20261202205925_experts_page_index';
import { Migration20261203083958_order_list_indexes } from './Migration20261203083958_order_list_indexes';
import { Migration20261203104532_metrics_rollup_bitsets } from './Migration20261203104532_metrics_rollup_bitsets';
import { Migration20261203105652_metrics_rollup_first_month } from './Migration20261203105652_metrics_rollup_first_month';
import { Migration20261203133944_metrics_crossing_index } from './Migration20261203133944_metrics_crossing_index';

/** Every migration, in order. Written by `npm run migration:create`; do not edit by hand. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123162009_initial', class: Migration20261123162009_initial },
  { name: 'Migration20261123162518_revisions_audit', class: Migration20261123162518_revisions_audit },
  { name: 'Migration20261123163005_experts_units', class: Migration20261123163005_experts_units },
  { name: 'Migration20261123163443_audit_reason', class: Migration20261123163443_audit_reason },
  { name: 'Migration20261123170845_earnings_limit', class: Migration20261123170845_earnings_limit },
  { name: 'Migration20261123212414_audit_log_keyset', class: Migration20261123212414_audit_log_keyset },
  { name: 'Migration20261123213111_consent_account', class: Migration20261123213111_consent_account },
  { name: 'Migration20261123213500_database_wall', class: Migration20261123213500_database_wall },
  { name: 'Migration20261123232721_orders', class: Migration20261123232721_orders },
  { name: 'Migration20261123235813_fees', class: Migration20261123235813_fees },
  { name: 'Migration20261124001720_around_work', class: Migration20261124001720_around_work },
  { name: 'Migration20261124003335_feedback', class: Migration20261124003335_feedback },
  { name: 'Migration20261124004119_metrics_index', class: Migration20261124004119_metrics_index },
  { name: 'Migration20261202202213_metrics_rollup', class: Migration20261202202213_metrics_rollup },
  { name: 'Migration20261202205925_experts_page_index', class: Migration20261202205925_experts_page_index },
  { name: 'Migration20261203083958_order_list_indexes', class: Migration20261203083958_order_list_indexes },
  { name: 'Migration20261203104532_metrics_rollup_bitsets', class: Migration20261203104532_metrics_rollup_bitsets },
  { name: 'Migration20261203105652_metrics_rollup_first_month', class: Migration20261203105652_metrics_rollup_first_month },
  { name: 'Migration20261203133944_metrics_crossing_index', class: Migration20261203133944_metrics_crossing_index },
];
