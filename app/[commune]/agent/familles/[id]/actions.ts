"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { failure, success } from "@/lib/actions/state";
import { staffRoles } from "@/lib/auth/session";
import { regenerateSubscriberCode } from "@/lib/households/regenerate-code";
import { householdTargetSchema } from "@/lib/households/schemas";
import { routePatterns } from "@/lib/routes/paths";

/** "Régénérer le code abonné" (agents and admins of the household's commune). */
export const regenerateSubscriberCodeAction = userAction(
  { schema: householdTargetSchema, roles: staffRoles },
  async ({ householdId }, { db, commune, user }) => {
    const result = await regenerateSubscriberCode(db, { communeId: commune.id, householdId, actorUserId: user.id });
    if (!result) return failure("Dossier famille introuvable.");
    revalidatePath(routePatterns.household, "page");
    return success(`Le nouveau code abonné est ${result.code}. Les comptes déjà abonnés gardent leur accès.`);
  },
);
