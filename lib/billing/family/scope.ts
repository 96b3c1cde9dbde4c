import "server-only";
import { and, eq, type Placeholder } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { subscriptions } from "@/db/schema";

/**
 * A family's billing read: this commune, this account, the household chosen among its subscriptions. The household
 * id comes from the address (?famille=): every query also joins the account's subscription to it, so an id that is
 * not one of the account's households reads nothing.
 */
export interface FamilyBillingScope {
  communeId: string;
  userId: string;
  householdId: string;
}

/**
 * The join condition on `subscriptions` for a row whose household is `householdColumn`; the scope's values may be
 * placeholders, in a query prepared once.
 */
export function subscribedBy(
  householdColumn: PgColumn,
  scope: { communeId: string | Placeholder; userId: string | Placeholder },
) {
  return and(
    eq(subscriptions.householdId, householdColumn),
    eq(subscriptions.userId, scope.userId),
    eq(subscriptions.communeId, scope.communeId),
  );
}
