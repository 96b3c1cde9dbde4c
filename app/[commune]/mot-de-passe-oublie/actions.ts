"use server";

import { FORGOT_PASSWORD_SENT } from "@/lib/accounts/messages";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { requestWithCaptcha } from "@/lib/accounts/request-with-captcha";
import { emailWithCaptchaSchema } from "@/lib/accounts/schemas";
import { publicAction } from "@/lib/actions/action";

/** "Mot de passe oublié ?": the same answer whether or not an account has this address. */
export const forgotPassword = publicAction(emailWithCaptchaSchema, (input, ctx) =>
  requestWithCaptcha(input, ctx, {
    limitKey: "password-reset",
    send: () => requestPasswordReset(ctx.db, ctx.commune, input.email),
    answer: FORGOT_PASSWORD_SENT,
  }),
);
