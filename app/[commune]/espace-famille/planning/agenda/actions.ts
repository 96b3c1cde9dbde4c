"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type UserContext, userAction } from "@/lib/actions/action";
import { type ActionState, failure, success } from "@/lib/actions/state";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/bookings/ical";
import type { FeedLink } from "@/lib/bookings/types";
import { NOT_SUBSCRIBED } from "@/lib/family-file/actions-messages";
import { routePatterns, routes } from "@/lib/routes/paths";
import { findSubscribedHousehold } from "@/lib/subscriptions/households";
import { absoluteUrl } from "@/lib/urls";

/* "Synchroniser avec mon agenda": the household's private feed link, on a household the account is subscribed to. */

const feedSchema = z.object({ householdId: z.uuid({ error: "Le dossier famille est introuvable." }) });

async function withHousehold<D>(
  ctx: UserContext,
  householdId: string,
  run: (householdId: string) => Promise<ActionState<D>>,
): Promise<ActionState<D>> {
  const household = await findSubscribedHousehold(ctx.db, {
    communeId: ctx.commune.id,
    userId: ctx.user.id,
    householdId,
  });
  if (!household) return failure(NOT_SUBSCRIBED);
  const state = await run(household.id);
  revalidatePath(routePatterns.calendarSync, "page");
  return state;
}

/** "Créer le lien" (or a new one, which stops the old): the address is returned this once, never stored. */
export const createCalendarLink = userAction({ schema: feedSchema, roles: ["family"] }, async (input, ctx) =>
  withHousehold(ctx, input.householdId, async (householdId) => {
    const token = await createCalendarFeed(ctx.db, {
      communeId: ctx.commune.id,
      householdId,
      actorUserId: ctx.user.id,
    });
    if (!token) return failure<FeedLink>(NOT_SUBSCRIBED);
    return success<FeedLink>("Votre lien est prêt. Copiez-le maintenant : il ne sera plus affiché.", {
      feedUrl: absoluteUrl(routes.calendarFeed(token)),
    });
  }),
);

/** "Révoquer": the link stops working at once. */
export const revokeCalendarLink = userAction({ schema: feedSchema, roles: ["family"] }, async (input, ctx) =>
  withHousehold(ctx, input.householdId, async (householdId) =>
    (await revokeCalendarFeed(ctx.db, { communeId: ctx.commune.id, householdId, actorUserId: ctx.user.id }))
      ? success("Le lien a été révoqué : les agendas abonnés ne reçoivent plus le planning.")
      : failure("Aucun lien n'était actif."),
  ),
);
