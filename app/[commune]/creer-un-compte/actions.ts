"use server";

import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/accounts/common-passwords";
import { SIGN_UP_DONE, UNKNOWN_SUBSCRIBER_CODE } from "@/lib/accounts/messages";
import { signUpSchema } from "@/lib/accounts/schemas";
import { registerAccount } from "@/lib/accounts/sign-up";
import { publicAction } from "@/lib/actions/action";
import { failure, fieldFailure, success } from "@/lib/actions/state";
import { verifyCaptcha } from "@/lib/captcha/challenge";
import { CAPTCHA_FAILED_MESSAGE } from "@/lib/captcha/field";
import { consumeRateLimit, rateLimits, retryAfterMessage } from "@/lib/rate-limit";
import { findHouseholdByCode } from "@/lib/subscriptions/subscribe";

/** "S'inscrire": the same answer whether or not the address already has an account (see registerAccount). */
export const signUp = publicAction(signUpSchema, async (input, { db, commune, ip }) => {
  if (await isCommonPassword(input.password)) return fieldFailure("password", COMMON_PASSWORD_MESSAGE);
  if (!(await verifyCaptcha(db, input.captcha))) return fieldFailure("captcha", CAPTCHA_FAILED_MESSAGE);

  // Counted before the code abonné is looked up, so codes cannot be found by trying.
  const limit = await consumeRateLimit(db, [
    { key: `signup:ip:${ip}`, rule: rateLimits.signupPerIp },
    { key: `signup:email:${commune.slug}:${input.email}`, rule: rateLimits.signupPerEmail },
  ]);
  if (!limit.allowed) return failure(retryAfterMessage(limit.retryAfterSeconds));

  const household = input.subscriberCode ? await findHouseholdByCode(db, commune.id, input.subscriberCode) : null;
  if (input.subscriberCode && !household) return fieldFailure("subscriberCode", UNKNOWN_SUBSCRIBER_CODE);

  await registerAccount(db, commune, {
    civility: input.civility,
    lastName: input.lastName,
    firstName: input.firstName,
    email: input.email,
    password: input.password,
    householdId: household?.id,
  });
  return success(SIGN_UP_DONE);
});
