import { z } from "zod";
import { findCommuneById } from "@/lib/communes";
import { getDb } from "@/lib/db";
import { routes } from "@/lib/routes/paths";
import { absoluteUrl } from "@/lib/urls";
import { checkNamedAttempt, plainText, TOO_MANY_REQUESTS } from "../_check/check";

export const dynamic = "force-dynamic";

const attemptIdSchema = z.uuid();

/**
 * Where PayFiP sends the family back (urlredirect), by a link or a form POST. A POST from PayFiP's site carries no
 * Lax session cookie, so this address is outside the signed-in sections: it only asks PayFiP for the result of the
 * attempt it names, then sends the browser on to the family's result page, which checks the session.
 */
async function comeBack(request: Request): Promise<Response> {
  const id = attemptIdSchema.safeParse(new URL(request.url).searchParams.get("paiement"));
  const result = await checkNamedAttempt(request, id.success ? { attemptId: id.data } : null);
  if (result.outcome === "limited") return TOO_MANY_REQUESTS(result.retryAfterSeconds);
  if (result.outcome === "unknown") return plainText("Paiement introuvable.", 404);
  // The attempt's commune exists (a foreign key): its slug makes the address of the result page.
  const commune = (await findCommuneById(await getDb(), result.attempt.communeId))!;
  return new Response(null, {
    status: 303,
    headers: {
      Location: absoluteUrl(routes.billingOnlinePayment(commune.slug, result.attempt.id)),
      "Cache-Control": "no-store",
    },
  });
}

export const GET = comeBack;
export const POST = comeBack;
