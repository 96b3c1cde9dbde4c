import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activities, invoiceNatures, regies, type TariffBracket, tariffs } from "@/db/schema";

/*
 * Billing rows for tests: a régie, a nature of invoice, a tariff. Each takes the commune and lets a test override
 * any column; links an activity to a nature with `insertNature(db, { …, activityIds })`.
 */

let counter = 0;

/** A régie ("ENF1", "ENF2"… unless `code` is given), due in 20 days, treasury 30 days later. */
export async function insertRegie(db: Db, values: { communeId: string } & Partial<typeof regies.$inferInsert>) {
  const n = ++counter;
  const [row] = await db
    .insert(regies)
    .values({ name: `Régie enfance ${n}`, code: `ENF${n}`, ...values })
    .returning();
  return row!;
}

/** A nature of the régie ("Restauration scolaire 3"…), given to `activityIds` when listed. */
export async function insertNature(
  db: Db,
  values: { communeId: string; regieId: string; activityIds?: readonly string[] } & Partial<
    typeof invoiceNatures.$inferInsert
  >,
) {
  const { activityIds = [], ...columns } = values;
  const [row] = await db
    .insert(invoiceNatures)
    .values({ label: `Restauration scolaire ${++counter}`, ...columns })
    .returning();
  if (activityIds.length > 0) {
    await db
      .update(activities)
      .set({ natureId: row!.id })
      .where(and(eq(activities.communeId, values.communeId), inArray(activities.id, [...activityIds])));
  }
  return row!;
}

/** Three brackets used by most tests: up to QF 600, up to 1200, above; the default price for an unknown QF. */
export const TEST_BRACKETS: TariffBracket[] = [
  { upToQuotient: 600, unitCents: 180 },
  { upToQuotient: 1200, unitCents: 350 },
  { upToQuotient: null, unitCents: 520 },
];

/** A tariff of the activity from `validFrom` (1 September 2026 unless given), with TEST_BRACKETS and 600 by default. */
export async function insertTariff(
  db: Db,
  values: { communeId: string; activityId: string } & Partial<typeof tariffs.$inferInsert>,
) {
  const [row] = await db
    .insert(tariffs)
    .values({ validFrom: "2026-09-01", brackets: TEST_BRACKETS, defaultUnitCents: 600, ...values })
    .returning();
  return row!;
}
