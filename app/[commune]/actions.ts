"use server";

import { auth, signOut } from "@/auth";
import { revokeSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";
import { routes } from "@/lib/routes/paths";

/**
 * Ends the session on the server (a copy of the cookie kept elsewhere stops working too), clears the cookie and
 * goes back to the commune's home page.
 */
export async function logout(formData: FormData) {
  const commune = formData.get("commune");
  const slug = typeof commune === "string" && /^[a-z0-9-]+$/.test(commune) ? commune : "";
  const identity = (await auth())?.user;
  if (identity?.sessionId) {
    await revokeSession(await getDb(), {
      communeId: identity.communeId,
      userId: identity.id,
      sessionId: identity.sessionId,
    });
  }
  await signOut({ redirectTo: routes.home(slug) });
}
