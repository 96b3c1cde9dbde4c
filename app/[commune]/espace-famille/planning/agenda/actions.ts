"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { familyAction } from "@/lib/actions/action";
import { failure, success } from "@/lib/actions/state";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/bookings/ical";
import type { FeedLink } from "@/lib/bookings/types";
import { NOT_SUBSCRIBED } from "@/lib/family-file/actions-messages";
import { routePatterns, routes } from "@/lib/routes/paths";
import { absoluteUrl } from "@/lib/urls";

/* "Synchroniser avec mon agenda": the household's private feed link, on a household the account is subscribed to. */

const feedSchema = z.object({ householdId: z.uuid({ error: "Le dossier famille est introuvable." }) });
const onHousehold = { schema: feedSchema, householdOf: "householdId", refusal: failure(NOT_SUBSCRIBED) } as const;

const revalidateAgenda = () => revalidatePath(routePatterns.calendarSync, "page");

/** "Créer le lien" (or a new one, which stops the old): the address is returned this once, never stored. */
export const createCalendarLink = familyAction(onHousehold, async (_input, ctx) => {
  const token = await createCalendarFeed(ctx.db, {
    communeId: ctx.commune.id,
    householdId: ctx.householdId,
    actorUserId: ctx.user.id,
  });
  revalidateAgenda();
  if (!token) return failure<FeedLink>(NOT_SUBSCRIBED);
  return success<FeedLink>("Votre lien est prêt. Copiez-le maintenant : il ne sera plus affiché.", {
    feedUrl: absoluteUrl(routes.calendarFeed(token)),
  });
});

/** "Révoquer": the link stops working at once. */
export const revokeCalendarLink = familyAction(onHousehold, async (_input, ctx) => {
  const revoked = await revokeCalendarFeed(ctx.db, {
    communeId: ctx.commune.id,
    householdId: ctx.householdId,
    actorUserId: ctx.user.id,
  });
  revalidateAgenda();
  return revoked
    ? success("Le lien a été révoqué : les agendas abonnés ne reçoivent plus le planning.")
    : failure("Aucun lien n'était actif.");
});
