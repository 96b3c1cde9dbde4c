"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions/action";
import { failure } from "@/lib/actions/state";
import { retryAfterMessage } from "@/lib/rate-limit";
import { routes } from "@/lib/routes/paths";
import {
  CHECK_FIELD_MESSAGE,
  subscribeByCodeSchema,
  subscribeByInvoiceSchema,
  UNKNOWN_CODE_MESSAGE,
  UNKNOWN_INVOICE_MESSAGE,
} from "@/lib/subscriptions/schemas";
import { type SubscribeResult, subscribeWithCode, subscribeWithInvoice } from "@/lib/subscriptions/subscribe";

/** Success goes to Mes abonnements, which names the household; a miss is reported on the form or on one field. */
function respond(
  slug: string,
  result: SubscribeResult,
  miss: { message: string } | { field: string; fieldMessage: string },
) {
  if (result.ok)
    redirect(
      routes.citizen.subscriptions(slug, {
        householdId: result.householdId,
        alreadySubscribed: result.alreadySubscribed,
      }),
    );
  if (result.reason === "throttled") return failure(retryAfterMessage(result.retryAfterSeconds));
  if ("message" in miss) return failure(miss.message);
  return failure(CHECK_FIELD_MESSAGE, { [miss.field]: [miss.fieldMessage] });
}

export const subscribeByCode = userAction(
  { schema: subscribeByCodeSchema, roles: ["family"] },
  async (input, { db, commune, user, ip }) => {
    const result = await subscribeWithCode(db, { communeId: commune.id, userId: user.id, ip, code: input.code });
    return respond(commune.slug, result, { field: "code", fieldMessage: UNKNOWN_CODE_MESSAGE });
  },
);

export const subscribeByInvoice = userAction(
  { schema: subscribeByInvoiceSchema, roles: ["family"] },
  async (input, { db, commune, user, ip }) => {
    const result = await subscribeWithInvoice(db, {
      communeId: commune.id,
      userId: user.id,
      ip,
      emissionCode: input.emissionCode,
      reference: input.reference,
      amountCents: input.amount,
      personalCode: input.personalCode,
    });
    return respond(commune.slug, result, { message: UNKNOWN_INVOICE_MESSAGE });
  },
);
