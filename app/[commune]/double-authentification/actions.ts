"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/accounts/return-path";
import { type SessionContext, sessionAction } from "@/lib/actions/action";
import { type ActionState, failure, fieldFailure, success } from "@/lib/actions/state";
import { mayEnrol } from "@/lib/auth/second-factor/policy";
import { recoveryCodeSchema, totpCodeSchema } from "@/lib/auth/second-factor/schemas";
import {
  type CheckRefusal,
  confirmEnrolment,
  verifyRecoveryCode,
  verifyTotpCode,
} from "@/lib/auth/second-factor/store";
import { retryAfterMessage } from "@/lib/rate-limit";
import { routePatterns, routes } from "@/lib/routes/paths";

const NOTHING_EXPECTED = "Aucun code n'est attendu pour cette session. Reconnectez-vous si besoin.";

const destination = ({ commune, user }: SessionContext, retour: string | undefined) =>
  safeReturnPath(commune.slug, retour) ?? routes.landing(commune.slug, user.role);

/** On to the page asked for, the commune's layout rendered again: its header now shows the signed-in account. */
function signedIn(ctx: SessionContext, retour: string | undefined): never {
  revalidatePath(routePatterns.home, "layout");
  redirect(destination(ctx, retour));
}
const scope = ({ commune, user }: SessionContext) => ({
  communeId: commune.id,
  userId: user.id,
  sessionId: user.sessionId,
});

/** The French answer to a refused code, next to its field (or for the form, when throttled). */
function refusal(outcome: CheckRefusal, field: "code" | "recoveryCode"): ActionState {
  switch (outcome.reason) {
    case "throttled":
      return failure(retryAfterMessage(outcome.retryAfterSeconds));
    case "replayed":
      return fieldFailure(field, "Ce code a déjà été utilisé. Attendez le code suivant de votre application.");
    case "no_enrolment":
      return failure(NOTHING_EXPECTED);
    case "invalid":
      return fieldFailure(
        field,
        field === "code"
          ? "Code incorrect. Vérifiez l'heure de votre téléphone et réessayez."
          : "Ce code de secours est incorrect ou a déjà été utilisé.",
      );
  }
}

/** "Vérifier": the code of the app, for a session that passed the password. */
export const verifySecondFactorAction = sessionAction(totpCodeSchema, async (input, ctx) => {
  if (ctx.secondFactor !== "verify") return failure(NOTHING_EXPECTED);
  const outcome = await verifyTotpCode(ctx.db, { ...scope(ctx), code: input.code });
  if (!outcome.ok) return refusal(outcome, "code");
  signedIn(ctx, input.retour);
});

/** "Utiliser ce code de secours". */
export const verifyRecoveryCodeAction = sessionAction(recoveryCodeSchema, async (input, ctx) => {
  if (ctx.secondFactor !== "verify") return failure(NOTHING_EXPECTED);
  const outcome = await verifyRecoveryCode(ctx.db, { ...scope(ctx), code: input.recoveryCode });
  if (!outcome.ok) return refusal(outcome, "recoveryCode");
  signedIn(ctx, input.retour);
});

export type EnrolmentResult = { recoveryCodes: string[]; continueTo: string };

/** "Activer la double authentification": the first code confirms the enrolment; the recovery codes come back once. */
export const confirmEnrolmentAction = sessionAction(
  totpCodeSchema,
  async (input, ctx): Promise<ActionState<EnrolmentResult>> => {
    if (!mayEnrol(ctx.user.role, ctx.secondFactor)) return failure(NOTHING_EXPECTED);
    const outcome = await confirmEnrolment(ctx.db, { ...scope(ctx), code: input.code });
    if (!outcome.ok) return refusal(outcome, "code");
    return success("La double authentification est activée.", {
      recoveryCodes: outcome.recoveryCodes,
      continueTo: destination(ctx, input.retour),
    });
  },
);
