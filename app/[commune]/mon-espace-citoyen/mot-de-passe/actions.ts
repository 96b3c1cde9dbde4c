"use server";

import { and, eq } from "drizzle-orm";
import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { users } from "@/db/schema";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/accounts/common-passwords";
import { failure, fieldFailure, success } from "@/lib/actions/state";
import { PASSWORD_CHANGED } from "@/lib/accounts/messages";
import { passwordChangedPath } from "@/lib/accounts/return-path";
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

  await storeNewPassword(db, { communeId: commune.id, userId: user.id, passwordHash: await hashPassword(input.password) });
  try {
    // The bump above revoked this browser's session too: a new one, carrying the new sessionVersion. It must be a
    // redirect: a re-render in this same request would still read the old session cookie and be sent to the login.
    await signIn("credentials", { commune: commune.slug, email: user.email, password: input.password, redirectTo: passwordChangedPath(commune.slug) });
  } catch (error) {
    if (error instanceof AuthError) return success("Votre mot de passe a été modifié. Reconnectez-vous avec votre nouveau mot de passe.");
    throw error; // Next's redirect
  }
  return success(PASSWORD_CHANGED);
});
