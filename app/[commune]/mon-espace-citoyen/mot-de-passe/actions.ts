"use server";

import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/accounts/common-passwords";
import { PASSWORD_CHANGED } from "@/lib/accounts/messages";
import { storeNewPassword } from "@/lib/accounts/password-reset";
import { changePasswordSchema } from "@/lib/accounts/schemas";
import { userAction } from "@/lib/actions/action";
import { failure, fieldFailure, success } from "@/lib/actions/state";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { consumeRateLimit, giveBackAttempt, rateLimits, retryAfterMessage } from "@/lib/rate-limit";

/** "Changer mon mot de passe": ends the account's other sessions and keeps this one. */
export const changePassword = userAction({ schema: changePasswordSchema }, async (input, { db, commune, user }) => {
  // Guesses at the current password have their own counter, on the signed-in account: the login's counters are
  // keyed on who types at the login form, and neither must hold the other back. Counted before checking (so
  // parallel tries cannot all pass), given back when right.
  const now = Date.now();
  const attempt = [{ key: `password-change:user:${user.id}`, rule: rateLimits.passwordChangePerAccount }];
  const limit = await consumeRateLimit(db, attempt, now);
  if (!limit.allowed) return failure(retryAfterMessage(limit.retryAfterSeconds));
  const [account] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, user.id), eq(users.communeId, commune.id)));
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    return fieldFailure("currentPassword", "Le mot de passe actuel est incorrect.");
  }
  await giveBackAttempt(db, attempt, now);
  if (await isCommonPassword(input.password)) return fieldFailure("password", COMMON_PASSWORD_MESSAGE);

  const passwordHash = await hashPassword(input.password);
  await db.transaction((tx) =>
    storeNewPassword(tx, { communeId: commune.id, userId: user.id, passwordHash, keepSessionId: user.sessionId }),
  );
  return success(PASSWORD_CHANGED);
});
