"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action";
import { failure, success } from "@/lib/actions/state";
import { ALREADY_DECIDED_MESSAGE, decideRequests, describeOutcome, isSuccessfulOutcome } from "@/lib/agents/requests";
import { decideRequestsSchema, townMessageSchema } from "@/lib/agents/requests-schemas";
import { staffRoles } from "@/lib/auth/session";
import { postTownMessage } from "@/lib/requests/messages";
import { routePatterns } from "@/lib/routes/paths";

/**
 * "Accepter" / "Refuser" one request or the inbox's selection. The message lists, one line per request, what
 * happened to it (the first line sums up a selection): nothing fails silently.
 */
export const decideRequestsAction = userAction(
  { schema: decideRequestsSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const outcomes = await decideRequests(db, {
      commune,
      agentUserId: user.id,
      requestIds: input.requestIds,
      decision: input.decision,
      message: input.message || null,
    });
    revalidatePath(routePatterns.agentRequests, "layout");
    const allDone = outcomes.every(isSuccessfulOutcome);
    if (outcomes.length === 1) {
      const [only] = outcomes;
      if (only!.outcome === "already_decided" && only!.status !== "withdrawn") return failure(ALREADY_DECIDED_MESSAGE);
      return allDone ? success(describeOutcome(only!)) : failure(describeOutcome(only!));
    }
    const doneCount = outcomes.filter(isSuccessfulOutcome).length;
    const summary = `${doneCount} demande(s) sur ${outcomes.length} traitée(s).`;
    const report = [summary, ...outcomes.map(describeOutcome)].join("\n");
    return allDone ? success(report) : failure(report);
  },
);

/** "Envoyer un message": the family sees it on the request ("1 nouveau(x) message(s)"). */
export const postTownMessageAction = userAction(
  { schema: townMessageSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const result = await postTownMessage(db, {
      communeId: commune.id,
      agentUserId: user.id,
      requestId: input.requestId,
      message: input.message,
    });
    if (!result.ok)
      return failure(result.reason === "not_found" ? "Demande introuvable." : "Vous n'avez pas accès à cette action.");
    revalidatePath(routePatterns.agentRequest, "page");
    return success("Votre message a été envoyé à la famille.");
  },
);
