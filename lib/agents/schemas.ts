import { z } from "zod";
import { checkbox, civilityField, emailField, requiredText } from "@/lib/validation/fields";

export const staffRoleLabels = { agent: "Agent", admin: "Administrateur" } as const;

/** "Créer un compte agent" (admins only). */
export const createStaffAccountSchema = z.object({
  civility: civilityField(),
  lastName: requiredText("Le nom"),
  firstName: requiredText("Le prénom"),
  email: emailField(),
  role: z.enum(["agent", "admin"], { error: "Choisissez un rôle." }),
});

export type CreateStaffAccountInput = z.output<typeof createStaffAccountSchema>;

/** A staff account an admin acts on; its commune and role are checked by the data access. */
export const staffAccountTargetSchema = z.object({
  userId: z.uuid("Compte introuvable."),
});

export const staffAccountStatusSchema = staffAccountTargetSchema.extend({
  status: z.enum(["active", "disabled"], { error: "Action inconnue." }),
});

/** The commune's rule for agents (admins always need the second factor). */
export const agentSecondFactorSchema = z.object({ required: checkbox() });

export const DUPLICATE_EMAIL_MESSAGE = "Un compte existe déjà avec cette adresse e-mail dans votre commune.";
