"use server";

import { activateAccount, resendActivationLink } from "@/lib/accounts/activation";
import {
  ACTIVATION_DONE,
  ACTIVATION_EXPIRED,
  ACTIVATION_LINK_SENT,
  LINK_USED_OR_INVALID,
} from "@/lib/accounts/messages";
import { requestWithCaptcha } from "@/lib/accounts/request-with-captcha";
import { activationSchema, emailWithCaptchaSchema } from "@/lib/accounts/schemas";
import { publicAction } from "@/lib/actions/action";
import { failure, success } from "@/lib/actions/state";

/** "Activer mon compte": a POST, so that mail scanners opening the link do not spend it. */
export const activate = publicAction(activationSchema, async (input, { db, commune }) => {
  const status = await activateAccount(db, { communeId: commune.id, token: input.jeton });
  if (status === "valid") return success(ACTIVATION_DONE);
  return failure(status === "expired" ? ACTIVATION_EXPIRED : LINK_USED_OR_INVALID);
});

/** "Recevoir un nouveau lien": the same answer whether or not a pending account has this address. */
export const resendActivation = publicAction(emailWithCaptchaSchema, (input, ctx) =>
  requestWithCaptcha(input, ctx, {
    limitKey: "activation-resend",
    send: () => resendActivationLink(ctx.db, ctx.commune, input.email),
    answer: ACTIVATION_LINK_SENT,
  }),
);
