"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { failure, success } from "@/lib/actions/state";
import {
  agentSecondFactorSchema,
  createStaffAccountSchema,
  DUPLICATE_EMAIL_MESSAGE,
  staffAccountStatusSchema,
  staffAccountTargetSchema,
} from "@/lib/agents/schemas";
import { createStaffAccount, resendStaffInvitation, setStaffAccountStatus } from "@/lib/agents/staff-accounts";
import { resetStaffSecondFactor, setAgentSecondFactorRequirement } from "@/lib/agents/staff-second-factor";
import { routePatterns } from "@/lib/routes/paths";

const adminOnly = ["admin"] as const;

/** "Créer un compte agent". */
export const createStaffAccountAction = userAction(
  { schema: createStaffAccountSchema, roles: adminOnly },
  async (input, { db, commune, user }) => {
    const created = await createStaffAccount(db, { commune, actorUserId: user.id, input });
    if (!created) return failure(DUPLICATE_EMAIL_MESSAGE, { email: [DUPLICATE_EMAIL_MESSAGE] });
    revalidatePath(routePatterns.staffAccounts, "page");
    return success(
      `Le compte de ${input.firstName} ${input.lastName} a été créé. Une invitation a été envoyée à ${input.email}.`,
    );
  },
);

/** "Renvoyer l'invitation" (pending accounts). */
export const resendStaffInvitationAction = userAction(
  { schema: staffAccountTargetSchema, roles: adminOnly },
  async ({ userId }, { db, commune, user }) => {
    const sent = await resendStaffInvitation(db, { commune, actorUserId: user.id, userId });
    if (!sent) return failure("Ce compte est introuvable ou a déjà été activé.");
    return success("L'invitation a été renvoyée.");
  },
);

/** "Désactiver" / "Réactiver". */
export const setStaffAccountStatusAction = userAction(
  { schema: staffAccountStatusSchema, roles: adminOnly },
  async ({ userId, status }, { db, commune, user }) => {
    const outcome = await setStaffAccountStatus(db, { communeId: commune.id, actorUserId: user.id, userId, status });
    if (outcome === "self") return failure("Vous ne pouvez pas désactiver votre propre compte.");
    if (outcome === "not_found") return failure("Ce compte est introuvable ou déjà dans cet état.");
    revalidatePath(routePatterns.staffAccounts, "page");
    return success(
      status === "disabled" ? "Le compte a été désactivé : ses sessions sont terminées." : "Le compte a été réactivé.",
    );
  },
);

/** "Réinitialiser la double authentification" of a colleague. */
export const resetStaffSecondFactorAction = userAction(
  { schema: staffAccountTargetSchema, roles: adminOnly },
  async ({ userId }, { db, commune, user }) => {
    const outcome = await resetStaffSecondFactor(db, { communeId: commune.id, actorUserId: user.id, userId });
    if (outcome === "self") return failure("Vous ne pouvez pas réinitialiser votre propre double authentification.");
    if (outcome === "not_found") return failure("Ce compte n'a pas de double authentification à réinitialiser.");
    revalidatePath(routePatterns.staffAccounts, "page");
    return success("La double authentification a été réinitialisée : ses sessions sont terminées.");
  },
);

/** "Exiger la double authentification pour les agents". */
export const setAgentSecondFactorRequirementAction = userAction(
  { schema: agentSecondFactorSchema, roles: adminOnly },
  async ({ required }, { db, commune, user }) => {
    await setAgentSecondFactorRequirement(db, { communeId: commune.id, actorUserId: user.id, required });
    revalidatePath(routePatterns.staffAccounts, "page");
    return success(
      required
        ? "La double authentification est désormais exigée pour les agents."
        : "La double authentification est désormais facultative pour les agents.",
    );
  },
);
