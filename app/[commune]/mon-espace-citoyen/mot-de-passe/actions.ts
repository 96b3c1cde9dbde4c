"use server";

import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/accounts/common-passwords";
import { failure, fieldFailure, success } from "@/lib/actions/state";
import { PASSWORD_CHANGED } from "@/lib/accounts/messages";
import { storeNewPassword } from "@/lib/accounts/password-reset";
import { changePasswordSchema } from "@/lib/accounts/schemas";
import { userAction } from "@/lib/actions/action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkRateLimit, consumeRateLimit, rateLimits, retryAfterMessage } from "@/lib/rate-limit";

/** "Changer mon mot de passe": ends the account's other sessions and keeps this one. */
export const changePassword = userAction({ schema: changePasswordSchema }, async (input, { db, commune, user }) => {
  // Checking the current password is a login attempt: same per-address limit and key as authenticate(),
  // where only wrong passwords count.
  const loginLimit = [{ key: `login:email:${commune.slug}:${user.email}`, rule: rateLimits.loginPerEmail }];
  const limit = await checkRateLimit(db, loginLimit);
  if (!limit.allowed) return failure(retryAfterMessage(limit.retryAfterSeconds));
  const [account] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, user.id), eq(users.communeId, commune.id)));
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    await consumeRateLimit(db, loginLimit);
    return fieldFailure("currentPassword", "Le mot de passe actuel est incorrect.");
  }
  if (await isCommonPassword(input.password)) return fieldFailure("password", COMMON_PASSWORD_MESSAGE);

  const passwordHash = await hashPassword(input.password);
  await db.transaction((tx) => storeNewPassword(tx, { communeId: commune.id, userId: user.id, passwordHash, keepSessionId: user.sessionId }));
  return success(PASSWORD_CHANGED);
});
