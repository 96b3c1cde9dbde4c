"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { loginDestination, loginRefusal } from "@/lib/accounts/login";
import { loginSchema } from "@/lib/accounts/schemas";
import { publicAction } from "@/lib/actions/action";
import { success } from "@/lib/actions/state";

/** "Se connecter". Rate limits and the checks live in authorize() (auth.ts), also reached without this form. */
export const logIn = publicAction(loginSchema, async (input, { db, commune }) => {
  const redirectTo = await loginDestination(db, commune, input.email, input.retour);
  try {
    const captcha = input.captcha ? { captcha: input.captcha } : {};
    await signIn("credentials", {
      commune: commune.slug,
      email: input.email,
      password: input.password,
      ...captcha,
      redirectTo,
    });
  } catch (error) {
    if (error instanceof AuthError) return loginRefusal(error);
    throw error; // Next's redirect to `redirectTo`
  }
  return success();
});
