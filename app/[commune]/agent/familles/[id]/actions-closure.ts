"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { failure, success } from "@/lib/actions/state";
import { staffRoles } from "@/lib/auth/session";
import { closeHousehold, reopenHousehold } from "@/lib/households/closure";
import { householdTargetSchema } from "@/lib/households/schemas";
import { routePatterns } from "@/lib/routes/paths";

/*
 * "Clôturer le dossier" / "Rouvrir le dossier" (agents and admins of the household's commune). Closing starts the
 * retention period of the household's documents (Paramètres des pièces justificatives); both are audited.
 */

const refresh = () => {
  revalidatePath(routePatterns.household, "page");
  revalidatePath(routePatterns.households, "page");
};

export const closeHouseholdAction = userAction(
  { schema: householdTargetSchema, roles: staffRoles },
  async ({ householdId }, { db, commune, user }) => {
    const closed = await closeHousehold(db, { communeId: commune.id, agentUserId: user.id, householdId });
    if (!closed) return failure("Ce dossier est introuvable ou déjà clôturé.");
    refresh();
    return success(
      "Le dossier est clôturé : ses pièces justificatives seront supprimées à la fin de la durée de conservation.",
    );
  },
);

export const reopenHouseholdAction = userAction(
  { schema: householdTargetSchema, roles: staffRoles },
  async ({ householdId }, { db, commune, user }) => {
    const reopened = await reopenHousehold(db, { communeId: commune.id, agentUserId: user.id, householdId });
    if (!reopened) return failure("Ce dossier est introuvable ou n'est pas clôturé.");
    refresh();
    return success("Le dossier est rouvert : ses pièces justificatives sont conservées.");
  },
);
