import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { subscriptions, users } from "@/db/schema";

/**
 * Who hears about something of a household: its active accounts in the commune; for something without a household
 * yet (a new family's request, its RIB), the active account that made it. Addresses deduplicated.
 */
export async function householdMailRecipients(
  db: Db,
  params: { communeId: string; householdId: string | null; accountUserId: string | null },
): Promise<string[]> {
  const { communeId, householdId, accountUserId } = params;
  if (householdId) {
    const rows = await db
      .select({ email: users.email })
      .from(subscriptions)
      .innerJoin(users, and(eq(users.id, subscriptions.userId), eq(users.communeId, subscriptions.communeId)))
      .where(
        and(
          eq(subscriptions.communeId, communeId),
          eq(subscriptions.householdId, householdId),
          eq(users.status, "active"),
        ),
      );
    return [...new Set(rows.map((row) => row.email))];
  }
  if (!accountUserId) return [];
  const [account] = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.id, accountUserId), eq(users.communeId, communeId), eq(users.status, "active")));
  return account ? [account.email] : [];
}
