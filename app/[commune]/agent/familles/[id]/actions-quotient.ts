"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { failure, success } from "@/lib/actions/state";
import { staffRoles } from "@/lib/auth/session";
import { updateFamilyQuotient } from "@/lib/households/quotient";
import { familyQuotientSchema } from "@/lib/households/quotient-schema";
import { routePatterns } from "@/lib/routes/paths";

/** "Quotient familial" on the agents' household page (agents and admins of the household's commune). */
export const updateFamilyQuotientAction = userAction(
  { schema: familyQuotientSchema, roles: staffRoles },
  async ({ householdId, familyQuotient }, { db, commune, user }) => {
    const change = await updateFamilyQuotient(db, {
      communeId: commune.id,
      householdId,
      actorUserId: user.id,
      familyQuotient,
    });
    if (!change) return failure("Dossier famille introuvable.");
    if (change.before === change.after) return success(`Le quotient familial est déjà de ${change.after}.`);
    revalidatePath(routePatterns.household, "page");
    return success(`Le quotient familial est maintenant de ${change.after}.`);
  },
);
