import type { AgreedFee } from '../orders/order.entity';
import type { RegionConfig } from '../region/region-config';

/** The rates in force on the agreement date, copied onto the order. */
export function agreedFeeOf(
  config: RegionConfig,
  taskTypeId: string,
  packageId: string | null,
  ratesOn: string,
): AgreedFee {
  const taskType = config.taskTypes.find((t) => t.id === taskTypeId);
  const pack = packageId ? config.feeTable.packages.find((p) => p.id === packageId) : undefined;
  return {
    ratesOn,
    paid: taskType?.paid ?? false,
    feeCategory: taskType?.feeCategory ?? null,
    rows: config.feeTable.rows.map((r) => ({
      category: r.category,
      hourlyRateCents: r.hourlyRateCents,
      taxClass: r.taxClass,
      taxClassIsDefault: r.taxClassIsDefault,
    })),
    package: pack
      ? {
          id: pack.id,
          priceCents: pack.priceCents,
          includes: pack.includes.map((p) => ({
            category: p.category,
            minutes: p.minutes,
            amountCents: p.amountCents,
          })),
        }
      : null,
  };
}
