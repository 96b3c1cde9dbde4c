import "server-only";
import { and, eq } from "drizzle-orm";
import { type AuthError, CredentialsSignin } from "next-auth";
import type { Db } from "@/db/client";
import { type Commune, totpFactors, users } from "@/db/schema";
import { type ActionState, failure } from "@/lib/actions/state";
import { needsSecondFactor } from "@/lib/auth/second-factor/policy";
import { CAPTCHA_REQUIRED_MESSAGE } from "@/lib/captcha/field";
import { retryAfterMessage } from "@/lib/rate-limit";
import { routes } from "@/lib/routes/paths";
import { INVALID_CREDENTIALS, LOGIN_NEEDS_CAPTCHA, NOT_ACTIVATED } from "./messages";
import { safeReturnPath } from "./return-path";

/**
 * What the login form shows for a refusal of Auth.js (`LoginRefused.code`: "invalid" | "not_activated" |
 * "captcha_required" | "throttled:<s>"). The captcha's field error is what makes the form show the captcha.
 */
export function loginRefusal(error: AuthError): ActionState {
  const code = error instanceof CredentialsSignin ? error.code : "";
  if (code === "not_activated") return failure(NOT_ACTIVATED);
  if (code === "captcha_required") return failure(LOGIN_NEEDS_CAPTCHA, { captcha: [CAPTCHA_REQUIRED_MESSAGE] });
  const throttled = /^throttled:(\d+)$/.exec(code);
  if (throttled) return failure(retryAfterMessage(Number(throttled[1])));
  return failure(INVALID_CREDENTIALS); // also for an unknown address: the message must not tell which
}

/**
 * The `?retour=` page when it is safe, else the espace of the account's role, by way of the second-factor page
 * for staff who need one (only used once the password is accepted).
 */
export async function loginDestination(
  db: Db,
  commune: Commune,
  email: string,
  retour: string | undefined,
): Promise<string> {
  const [account] = await db
    .select({ role: users.role, factorConfirmedAt: totpFactors.confirmedAt })
    .from(users)
    .leftJoin(totpFactors, eq(totpFactors.userId, users.id))
    .where(and(eq(users.communeId, commune.id), eq(users.email, email)));
  const destination = safeReturnPath(commune.slug, retour) ?? routes.landing(commune.slug, account?.role ?? "family");
  const needed =
    account &&
    needsSecondFactor({
      role: account.role,
      communeRequiresAgents: commune.requireAgentSecondFactor,
      factorConfirmed: account.factorConfirmedAt !== null,
    });
  return needed ? routes.secondFactor(commune.slug, destination) : destination;
}
