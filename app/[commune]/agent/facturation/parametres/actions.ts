"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions/action";
import { failure, fieldFailure, success } from "@/lib/actions/state";
import { staffRoles } from "@/lib/auth/session";
import { monthLabel } from "@/lib/billing/periods";
import { saveNature, saveRegie, saveTariff, setActivityNature } from "@/lib/billing/settings";
import { activityNatureSchema, natureSchema, regieSchema, tariffFormSchema } from "@/lib/billing/settings-schemas";
import { formatDate } from "@/lib/format";
import { routePatterns, routes } from "@/lib/routes/paths";

/*
 * The billing settings. Régies and natures are the town's accounting structure (a régie is created by an act of
 * the mayor, its PayFiP number routes the money): admins only, who always sign in with a second factor. An
 * activity's nature and its yearly tariffs are the service's own work once the council has voted the prices:
 * every agent. Every change is audited.
 */

const adminOnly = ["admin"] as const;

/** The hub and every settings page show these rows. */
const refreshBilling = () => revalidatePath(routePatterns.agentBilling, "layout");

/** "Créer la régie" (then its page) or "Enregistrer" one. */
export const saveRegieAction = userAction(
  { schema: regieSchema, roles: adminOnly },
  async (input, { db, commune, user }) => {
    const result = await saveRegie(db, { communeId: commune.id, actorUserId: user.id, input });
    if (!result.ok) {
      switch (result.reason) {
        case "not_found":
          return failure("Régie introuvable.");
        case "duplicate_code":
          return fieldFailure("code", `Une autre régie de la commune a déjà le code ${input.code}.`);
        case "code_locked":
          return fieldFailure(
            "code",
            "Des factures portent déjà le code émission de cette régie : son code ne peut plus changer.",
          );
      }
    }
    refreshBilling();
    if (!input.regieId) redirect(routes.agent.regie(commune.slug, result.value.id, { created: true }));
    return success("Les modifications de la régie ont été enregistrées.");
  },
);

/** "Ajouter la nature" or "Enregistrer" one: its label and its régie. */
export const saveNatureAction = userAction(
  { schema: natureSchema, roles: adminOnly },
  async (input, { db, commune, user }) => {
    const result = await saveNature(db, { communeId: commune.id, actorUserId: user.id, input });
    if (!result.ok) {
      switch (result.reason) {
        case "not_found":
          return failure("Nature introuvable.");
        case "regie_not_found":
          return fieldFailure("regieId", "Choisissez une régie.");
        case "duplicate_label":
          return fieldFailure("label", `Une nature s'appelle déjà « ${input.label} ».`);
      }
    }
    refreshBilling();
    return success(
      input.natureId
        ? `La nature « ${result.value.label} » a été enregistrée.`
        : `La nature « ${result.value.label} » a été ajoutée.`,
    );
  },
);

/** "Enregistrer la nature" of an activity (or none: not invoiced). */
export const setActivityNatureAction = userAction(
  { schema: activityNatureSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const result = await setActivityNature(db, { communeId: commune.id, actorUserId: user.id, input });
    if (!result.ok)
      return result.reason === "activity_not_found"
        ? failure("Activité introuvable.")
        : fieldFailure("natureId", "Nature introuvable.");
    refreshBilling();
    return success(
      input.natureId
        ? "La nature de facturation de l'activité a été enregistrée."
        : "L'activité n'est plus facturée : elle sera signalée comme anomalie lors de la facturation.",
    );
  },
);

/** "Enregistrer le tarif": a new date adds a tariff; the same date corrects one nothing was invoiced with. */
export const saveTariffAction = userAction(
  { schema: tariffFormSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const result = await saveTariff(db, { communeId: commune.id, actorUserId: user.id, input });
    if (!result.ok) {
      if (result.reason === "activity_not_found") return failure("Activité introuvable.");
      const month = monthLabel(result.month);
      return fieldFailure(
        "validFrom",
        `Cette activité est déjà facturée pour ${month} : un tarif ne peut pas changer le prix de jours déjà facturés. Choisissez une date de début après le dernier mois facturé.`,
      );
    }
    refreshBilling();
    return success(
      result.replaced
        ? `Le tarif applicable à partir du ${formatDate(input.validFrom)} a été corrigé.`
        : `Le tarif applicable à partir du ${formatDate(input.validFrom)} a été enregistré.`,
    );
  },
);
