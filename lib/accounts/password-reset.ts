import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Commune, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { revokeAccountSessions } from "@/lib/auth/sessions";
import { sendAccountLinkMail } from "./account-mails";
import { consumeAccountToken, type TokenLookup } from "./tokens";

/**
 * Stores a new password and ends every session of the account but `keepSessionId` (the browser that changed it),
 * with the calendar links it made. A pending account becomes active: following a mailed link proves the address
 * (this is also how an invited agent starts). Run it in a transaction: the password and the revocation go together.
 */
export async function storeNewPassword(
  db: Db,
  params: { communeId: string; userId: string; passwordHash: string; keepSessionId?: string },
): Promise<void> {
  await revokeAccountSessions(db, {
    communeId: params.communeId,
    userId: params.userId,
    keepSessionId: params.keepSessionId,
  });
  await db
    .update(users)
    .set({
      passwordHash: params.passwordHash,
      status: sql`case when ${users.status} = 'pending' then 'active'::user_status else ${users.status} end`,
      activatedAt: sql`case when ${users.status} = 'pending' then now() else ${users.activatedAt} end`,
      updatedAt: new Date(),
    })
    .where(and(eq(users.id, params.userId), eq(users.communeId, params.communeId)));
}

/** Mails a reset link to the account of this address, if any and not disabled (the caller answers the same either way). */
export async function requestPasswordReset(db: Db, commune: Commune, email: string): Promise<void> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.communeId, commune.id), eq(users.email, email), ne(users.status, "disabled")));
  if (user) await sendAccountLinkMail(db, { commune, user, purpose: "password_reset" });
}

/** Spends a reset link and sets the new password in one transaction: a failure leaves the link usable. */
export async function resetPassword(
  db: Db,
  params: { communeId: string; token: string; password: string },
): Promise<TokenLookup["status"]> {
  const passwordHash = await hashPassword(params.password); // before the transaction: it takes ~40 ms
  return db.transaction(async (tx) => {
    const spent = await consumeAccountToken(tx, {
      communeId: params.communeId,
      purpose: "password_reset",
      token: params.token,
    });
    if (spent.status !== "valid") return spent.status;
    await storeNewPassword(tx, { communeId: params.communeId, userId: spent.userId, passwordHash });
    return "valid";
  });
}
