"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { failure, fieldFailure, INVALID_FORM, success } from "@/lib/actions/state";
import { staffRoles } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { isUniqueViolation } from "@/lib/database/errors";
import {
  commissionDecisions,
  commissionFormSchema,
  newStructureSchema,
  nurserySettingsSchema,
  structureChangeSchema,
} from "@/lib/nursery/agent-schemas";
import { decideCommission } from "@/lib/nursery/commission";
import { saveNurserySettings, updateNurseryStructure } from "@/lib/nursery/settings";
import { createNurseryStructure } from "@/lib/nursery/structures";
import { routePatterns } from "@/lib/routes/paths";

/*
 * Petite enfance, town side: the commission's decisions (every agent) and the module's settings (admins: the
 * structures, their places, the delays). The data functions audit each change.
 */

const adminOnly = ["admin"] as const;

/** The list, the commission and an application's file all show the states and the places. */
const refreshNursery = () => {
  revalidatePath(routePatterns.agentNursery, "layout");
  revalidatePath(routePatterns.agentRequests, "page");
};

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** "Enregistrer les décisions": all of them or none; a refused row says why beside its decision. */
export const decideCommissionAction = userAction(
  { schema: commissionFormSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const decisions = commissionDecisions(input);
    if (decisions.length === 0)
      return failure("Aucune décision à enregistrer : choisissez une décision pour au moins une demande.");
    const result = await decideCommission(db, {
      commune,
      agentUserId: user.id,
      commissionOn: input.commissionOn,
      decisions,
      now: currentTime(),
    });
    if (!result.ok) {
      if (result.reason === "forbidden") return failure("Vous n'avez pas accès à cette action.");
      const fieldErrors = Object.fromEntries(
        input.decisions.flatMap((row, index) => {
          const message = result.rowErrors[row.applicationId];
          return message ? [[`decisions.${index}.decision`, [message]]] : [];
        }),
      );
      return failure(`Aucune décision n'a été enregistrée. ${INVALID_FORM}`, fieldErrors as Record<string, string[]>);
    }
    refreshNursery();
    const { offered, waiting, refused } = result.counts;
    const parts = [
      offered ? plural(offered, "place proposée", "places proposées") : null,
      waiting ? plural(waiting, "demande en liste d'attente", "demandes en liste d'attente") : null,
      refused ? plural(refused, "demande refusée", "demandes refusées") : null,
    ].filter(Boolean);
    return success(`Décisions enregistrées : ${parts.join(", ")}. Les familles sont prévenues par mail.`);
  },
);

/** "Ajouter la structure" (admins): with its planning activity and its places. */
export const createNurseryStructureAction = userAction(
  { schema: newStructureSchema, roles: adminOnly },
  async (input, { db, commune, user }) => {
    try {
      await createNurseryStructure(db, {
        communeId: commune.id,
        actorUserId: user.id,
        name: input.name,
        kind: input.kind,
        address: input.address || null,
        capacities: { bebes: input.bebes, moyens: input.moyens, grands: input.grands },
      });
    } catch (error) {
      if (isUniqueViolation(error)) return fieldFailure("name", `Une structure s'appelle déjà « ${input.name} ».`);
      throw error;
    }
    refreshNursery();
    return success(`La structure « ${input.name} » a été ajoutée.`);
  },
);

/** "Enregistrer" a structure's places and whether families may still choose it (admins). */
export const updateNurseryStructureAction = userAction(
  { schema: structureChangeSchema, roles: adminOnly },
  async (input, { db, commune, user }) => {
    const updated = await updateNurseryStructure(db, {
      communeId: commune.id,
      actorUserId: user.id,
      structureId: input.structureId,
      active: input.active,
      places: { bebes: input.bebes, moyens: input.moyens, grands: input.grands },
    });
    if (!updated) return failure("Cette structure est introuvable.");
    refreshNursery();
    return success("La structure a été enregistrée.");
  },
);

/** "Enregistrer les délais" (admins). */
export const saveNurserySettingsAction = userAction(
  { schema: nurserySettingsSchema, roles: adminOnly },
  async (input, { db, commune, user }) => {
    await saveNurserySettings(db, { communeId: commune.id, actorUserId: user.id, ...input });
    revalidatePath(routePatterns.nurserySettings, "page");
    return success(
      `Les familles auront ${plural(input.offerResponseDays, "jour", "jours")} pour répondre à une place proposée et confirmeront leur demande tous les ${input.confirmationMonths} mois.`,
    );
  },
);
