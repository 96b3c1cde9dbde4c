import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Commune, users } from "@/db/schema";
import { sendAccountLinkMail } from "./account-mails";
import { consumeAccountToken, type TokenLookup } from "./tokens";

/** Spends an activation link and activates its (pending) account, atomically. */
export async function activateAccount(
  db: Db,
  params: { communeId: string; token: string },
): Promise<TokenLookup["status"]> {
  return db.transaction(async (tx) => {
    const spent = await consumeAccountToken(tx, {
      communeId: params.communeId,
      purpose: "activation",
      token: params.token,
    });
    if (spent.status !== "valid") return spent.status;
    const now = new Date();
    // Only a pending account: a disabled one stays disabled, an active one (activated by a reset) stays as it is.
    await tx
      .update(users)
      .set({ status: "active", activatedAt: now, updatedAt: now })
      .where(and(eq(users.id, spent.userId), eq(users.communeId, params.communeId), eq(users.status, "pending")));
    return "valid";
  });
}

/** A new activation link for a pending account of this address, if there is one (the caller answers the same either way). */
export async function resendActivationLink(db: Db, commune: Commune, email: string): Promise<void> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.communeId, commune.id), eq(users.email, email), eq(users.status, "pending")));
  if (user) await sendAccountLinkMail(db, { commune, user, purpose: "activation" });
}
