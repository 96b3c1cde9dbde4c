"use server";

import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/accounts/common-passwords";
import { LINK_USED_OR_INVALID, RESET_DONE, RESET_LINK_EXPIRED } from "@/lib/accounts/messages";
import { resetPassword } from "@/lib/accounts/password-reset";
import { resetPasswordSchema } from "@/lib/accounts/schemas";
import { publicAction } from "@/lib/actions/action";
import { failure, fieldFailure, success } from "@/lib/actions/state";

/** "Choisir un nouveau mot de passe" from a mailed link: ends every session of the account. */
export const chooseNewPassword = publicAction(resetPasswordSchema, async (input, { db, commune }) => {
  if (await isCommonPassword(input.password)) return fieldFailure("password", COMMON_PASSWORD_MESSAGE);
  const status = await resetPassword(db, { communeId: commune.id, token: input.jeton, password: input.password });
  if (status === "valid") return success(RESET_DONE);
  return failure(status === "expired" ? RESET_LINK_EXPIRED : LINK_USED_OR_INVALID);
});
