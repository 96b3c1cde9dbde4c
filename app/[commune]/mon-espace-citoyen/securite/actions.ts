"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signOut } from "@/auth";
import { userAction } from "@/lib/actions/action";
import { failure, success } from "@/lib/actions/state";
import { revokeAccountSessions, revokeSession } from "@/lib/auth/sessions";
import { routePatterns, routes } from "@/lib/routes/paths";

/* Mon espace citoyen › Sécurité: the account ends its own sessions, and nobody else's. */

const sessionSchema = z.object({ sessionId: z.uuid({ error: "Cette session est introuvable." }) });

/** "Déconnecter" one of the account's other devices. */
export const endOtherSession = userAction({ schema: sessionSchema }, async ({ sessionId }, { db, commune, user }) => {
  if (sessionId === user.sessionId) return failure("Pour fermer cette session-ci, utilisez « Se déconnecter ».");
  if (!(await revokeSession(db, { communeId: commune.id, userId: user.id, sessionId })))
    return failure("Cette session est déjà fermée.");
  revalidatePath(routePatterns.security, "page");
  return success("La session a été fermée sur cet appareil.");
});

/** "Se déconnecter de tous mes appareils": every session, this one included, and the calendar links it made. */
export const logOutEverywhere = userAction({ schema: z.object({}) }, async (_input, { db, commune, user }) => {
  await db.transaction((tx) => revokeAccountSessions(tx, { communeId: commune.id, userId: user.id }));
  await signOut({ redirectTo: routes.login(commune.slug) });
  return success();
});
