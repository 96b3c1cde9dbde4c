"use server";

import { signOut } from "@/auth";
import { requestIdentity } from "@/lib/auth/request-identity";
import { revokeSession } from "@/lib/auth/sessions";
import { isCommuneSlug } from "@/lib/communes/slug";
import { getDb } from "@/lib/db";
import { routes } from "@/lib/routes/paths";

/**
 * "Se déconnecter" (the header, the second-factor pages; bound to the commune's slug): ends the session on the
 * server (a copy of the cookie kept elsewhere stops working too), clears the cookie and goes back to the
 * commune's home page. Not a wrapped action: it returns no form state, and it must leave even when the session
 * has already expired.
 */
export async function logout(communeSlug: string) {
  const slug = typeof communeSlug === "string" && isCommuneSlug(communeSlug) ? communeSlug : "";
  const identity = await requestIdentity();
  if (identity) {
    await revokeSession(await getDb(), {
      communeId: identity.communeId,
      userId: identity.id,
      sessionId: identity.sessionId,
    });
  }
  await signOut({ redirectTo: routes.home(slug) });
}
