import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { subscriptions, users } from "@/db/schema";
import { greetingNameOf, type MailRecipient } from "@/lib/mail/recipient";

/** What a mail needs of an account: its address and how to greet it. */
export const recipientColumns = {
  email: users.email,
  civility: users.civility,
  firstName: users.firstName,
  lastName: users.lastName,
};

type RecipientRow = { email: string } & Parameters<typeof greetingNameOf>[0];

/** One recipient per address, greeted by name. */
export function uniqueRecipients(rows: readonly RecipientRow[]): MailRecipient[] {
  const byEmail = new Map(rows.map((row) => [row.email, { email: row.email, greetingName: greetingNameOf(row) }]));
  return [...byEmail.values()];
}

/**
 * Who hears about something of a household: its active accounts in the commune; for something without a household
 * yet (a new family's request, its RIB), the active account that made it. Addresses deduplicated.
 */
export async function householdMailRecipients(
  db: Db,
  params: { communeId: string; householdId: string | null; accountUserId: string | null },
): Promise<MailRecipient[]> {
  const { communeId, householdId, accountUserId } = params;
  if (householdId) {
    const rows = await db
      .select(recipientColumns)
      .from(subscriptions)
      .innerJoin(users, and(eq(users.id, subscriptions.userId), eq(users.communeId, subscriptions.communeId)))
      .where(
        and(
          eq(subscriptions.communeId, communeId),
          eq(subscriptions.householdId, householdId),
          eq(users.status, "active"),
        ),
      );
    return uniqueRecipients(rows);
  }
  if (!accountUserId) return [];
  const [account] = await db
    .select(recipientColumns)
    .from(users)
    .where(and(eq(users.id, accountUserId), eq(users.communeId, communeId), eq(users.status, "active")));
  return uniqueRecipients(account ? [account] : []);
}

/** The active accounts subscribed to each of these households (in one query), greeted by name. */
export async function recipientsByHousehold(
  db: Db,
  householdIds: readonly string[],
): Promise<Map<string, MailRecipient[]>> {
  if (householdIds.length === 0) return new Map();
  const rows = await db
    .select({ householdId: subscriptions.householdId, ...recipientColumns })
    .from(subscriptions)
    .innerJoin(users, and(eq(users.id, subscriptions.userId), eq(users.communeId, subscriptions.communeId)))
    .where(and(eq(users.status, "active"), inArray(subscriptions.householdId, [...new Set(householdIds)])));
  const byHousehold = new Map<string, RecipientRow[]>();
  for (const row of rows) byHousehold.set(row.householdId, [...(byHousehold.get(row.householdId) ?? []), row]);
  return new Map([...byHousehold].map(([householdId, accounts]) => [householdId, uniqueRecipients(accounts)]));
}
