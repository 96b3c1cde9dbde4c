import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Civility, type Commune, subscriptions, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { deliverPendingMail, enqueueMail } from "@/lib/mail/send-mail";
import { recipientColumns } from "@/lib/subscriptions/recipients";
import { accountExistsMail, queueAccountLinkMail } from "./account-mails";

export type NewAccount = {
  civility: Civility;
  lastName: string;
  firstName: string;
  /** Already lower-cased by the schema. */
  email: string;
  password: string;
  /** The household of a valid code abonné, linked at once. */
  householdId?: string;
};

/**
 * Creates a pending account with its activation link, or — when the address already has an account in this
 * commune — only mails its owner about it. Both take the same time and the caller answers the same, so the
 * sign-up form cannot be used to find out who has an account.
 */
export async function registerAccount(db: Db, commune: Commune, account: NewAccount): Promise<void> {
  const passwordHash = await hashPassword(account.password);
  const mailId = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        communeId: commune.id,
        email: account.email,
        passwordHash,
        civility: account.civility,
        lastName: account.lastName,
        firstName: account.firstName,
        status: "pending",
        termsAcceptedAt: new Date(),
      })
      // Also covers two sign-ups racing with the same address.
      .onConflictDoNothing({ target: [users.communeId, users.email] })
      .returning();
    if (!user) {
      // Greeted as the account that exists, not by the name typed in the form.
      const [existing] = await tx
        .select(recipientColumns)
        .from(users)
        .where(and(eq(users.communeId, commune.id), eq(users.email, account.email)));
      return enqueueMail(tx, accountExistsMail(commune, existing!));
    }
    if (account.householdId) {
      await tx.insert(subscriptions).values({
        communeId: commune.id,
        userId: user.id,
        householdId: account.householdId,
        method: "subscriber_code",
      });
    }
    return queueAccountLinkMail(tx, { commune, user, purpose: "activation" });
  });
  await deliverPendingMail(db, { ids: [mailId] });
}
