import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { households, invoices, subscriptions } from "@/db/schema";

/** Invoices of the households this account is subscribed to in this commune, newest first. */
export async function listInvoicesOfSubscribedHouseholds(db: Db, params: { communeId: string; userId: string }) {
  return db
    .select({
      id: invoices.id,
      householdName: households.name,
      reference: invoices.reference,
      issuer: invoices.issuer,
      issuedOn: invoices.issuedOn,
      dueOn: invoices.dueOn,
      amountCents: invoices.amountCents,
      paidCents: invoices.paidCents,
      directDebitOn: invoices.directDebitOn,
      treasuryOn: invoices.treasuryOn,
      cancelledOn: invoices.cancelledOn,
    })
    .from(invoices)
    .innerJoin(
      subscriptions,
      and(
        eq(subscriptions.householdId, invoices.householdId),
        eq(subscriptions.communeId, params.communeId),
        eq(subscriptions.userId, params.userId),
      ),
    )
    .innerJoin(households, and(eq(households.id, invoices.householdId), eq(households.communeId, params.communeId)))
    .where(eq(invoices.communeId, params.communeId))
    .orderBy(desc(invoices.issuedOn), desc(invoices.reference));
}
