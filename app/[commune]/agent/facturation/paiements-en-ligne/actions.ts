"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/actions/action";
import { failure, success } from "@/lib/actions/state";
import { staffRoles } from "@/lib/auth/session";
import { resolveOnlinePaymentFlag } from "@/lib/billing/online/reads";
import { routePatterns } from "@/lib/routes/paths";

const resolveFlagSchema = z.object({ attemptId: z.uuid("Paiement en ligne introuvable.") });

/** "Marquer comme vérifié": the agent has looked at a flagged online payment (recorded or refunded it). Audited. */
export const resolveOnlinePaymentFlagAction = userAction(
  { schema: resolveFlagSchema, roles: staffRoles },
  async (input, { db, commune, user }) => {
    const resolved = await resolveOnlinePaymentFlag(db, {
      communeId: commune.id,
      attemptId: input.attemptId,
      userId: user.id,
    });
    if (!resolved) return failure("Ce paiement en ligne n'est plus à vérifier, ou il est introuvable.");
    revalidatePath(routePatterns.agentOnlinePayments, "page");
    return success("Le paiement en ligne est marqué comme vérifié.");
  },
);
