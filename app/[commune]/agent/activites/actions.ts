"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions/action";
import { failure, fieldFailure, success } from "@/lib/actions/state";
import { createActivity, updateActivity } from "@/lib/activities/activities";
import { addClosures, removeClosures } from "@/lib/activities/closures";
import { createEnrolment, type EnrolmentWriteResult, updateEnrolment } from "@/lib/activities/enrolments";
import {
  activitySchema,
  closureAddSchema,
  closureRemoveSchema,
  enrolmentCreateSchema,
  enrolmentUpdateSchema,
} from "@/lib/activities/schemas";
import { staffRoles } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { routePatterns, routes } from "@/lib/routes/paths";

/** Every page of the activities area shows these rows: refresh them all after a change. */
const refreshActivities = () => revalidatePath(routePatterns.activities, "layout");

const ACTIVITY_NOT_FOUND = "Activité introuvable.";

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;

/** "Créer l'activité" (then its page, to enrol children) or "Enregistrer les modifications" of one. */
export const saveActivityAction = userAction(
  { schema: activitySchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const { activityId, archived, ...settings } = input;
    const scope = { communeId: commune.id, actorUserId: user.id };
    if (!activityId) {
      const created = await createActivity(db, { ...scope, input: settings });
      refreshActivities();
      redirect(routes.agent.activity(commune.slug, created.id, { created: true }));
    }
    const updated = await updateActivity(db, { ...scope, activityId, values: { ...settings, archived } });
    if (!updated) return failure(ACTIVITY_NOT_FOUND);
    refreshActivities();
    return success("Les modifications de l'activité ont été enregistrées.");
  },
);

/** "Ajouter la fermeture": one day or a period, for one activity or the whole commune. */
export const addClosuresAction = userAction(
  { schema: closureAddSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const result = await addClosures(db, { communeId: commune.id, actorUserId: user.id, input });
    if (!result.ok) return fieldFailure("activityId", ACTIVITY_NOT_FOUND);
    if (result.added === 0) return failure("Ces jours sont déjà fermés : aucune fermeture n'a été ajoutée.");
    refreshActivities();
    const added = `${plural(result.added, "jour de fermeture ajouté", "jours de fermeture ajoutés")}.`;
    const skipped = result.alreadyClosed
      ? ` ${plural(result.alreadyClosed, "jour était déjà fermé", "jours étaient déjà fermés")}.`
      : "";
    const warning = result.bookingsOnThoseDays
      ? ` Attention : ${plural(result.bookingsOnThoseDays, "réservation ou demande existe", "réservations ou demandes existent")} ces jours-là ; elles ne sont pas annulées automatiquement.`
      : "";
    return success(added + skipped + warning);
  },
);

/** "Supprimer" a closure period: the activity runs again those days. */
export const removeClosuresAction = userAction(
  { schema: closureRemoveSchema, roles: staffRoles },
  async ({ closureIds }, { db, commune, user }) => {
    const removed = await removeClosures(db, { communeId: commune.id, actorUserId: user.id, closureIds });
    if (removed === 0) return failure("Cette fermeture n'existe plus.");
    refreshActivities();
    return success(`Fermeture supprimée (${plural(removed, "jour", "jours")}).`);
  },
);

const OVERLAP_MESSAGE = "L'enfant est déjà inscrit à cette activité sur une partie de cette période.";

function enrolmentFailure(result: Extract<EnrolmentWriteResult, { ok: false }>) {
  switch (result.reason) {
    case "overlap":
      return fieldFailure("startsOn", OVERLAP_MESSAGE);
    case "activity_not_found":
      return failure(ACTIVITY_NOT_FOUND);
    case "child_not_found":
      return failure("Enfant introuvable.");
    case "enrolment_not_found":
      return failure("Inscription introuvable.");
  }
}

/** "Inscrire" a child of the commune at an activity. */
export const createEnrolmentAction = userAction(
  { schema: enrolmentCreateSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const result = await createEnrolment(db, { communeId: commune.id, actorUserId: user.id, input });
    if (!result.ok) return enrolmentFailure(result);
    refreshActivities();
    const waiting = input.status === "waiting" ? " en liste d'attente" : "";
    return success(
      `L'inscription${waiting} du ${formatDate(input.startsOn)} au ${formatDate(input.endsOn)} a été enregistrée.`,
    );
  },
);

/** "Enregistrer" an enrolment's new period or state. */
export const updateEnrolmentAction = userAction(
  { schema: enrolmentUpdateSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const result = await updateEnrolment(db, { communeId: commune.id, actorUserId: user.id, input });
    if (!result.ok) return enrolmentFailure(result);
    refreshActivities();
    return success("L'inscription a été modifiée.");
  },
);
