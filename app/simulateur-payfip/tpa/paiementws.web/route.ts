import { after } from "next/server";
import type { Db } from "@/db/client";
import type { PayfipSimulatorOperation } from "@/db/schema";
import { getDb } from "@/lib/db";
import { canUsePayfipSimulator } from "@/lib/payfip/simulator/access";
import { defaultCardFormValues, readCardForm } from "@/lib/payfip/simulator/card-form";
import { cardPage, messagePage, type SimulatorPage } from "@/lib/payfip/simulator/card-page";
import {
  decideSimulatedPayment,
  findSimulatedOperation,
  sendSimulatedNotification,
  simulatedOperationState,
} from "@/lib/payfip/simulator/service";

export const dynamic = "force-dynamic";

const page = ({ status, body }: SimulatorPage) =>
  new Response(body, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });

/** The operation named by `?idop=` while it can still be paid, or the page that says why not. */
async function payableOperation(
  request: Request,
): Promise<{ db: Db; operation: PayfipSimulatorOperation } | { refusal: SimulatorPage }> {
  if (!(await canUsePayfipSimulator())) return { refusal: messagePage("not_found") };
  const idOp = new URL(request.url).searchParams.get("idop") ?? "";
  const db = await getDb();
  const operation = /^[A-Za-z0-9]{1,64}$/.test(idOp) ? await findSimulatedOperation(db, idOp) : null;
  if (!operation) return { refusal: messagePage("not_found") };
  const state = simulatedOperationState(operation);
  if (state === "expired") return { refusal: messagePage("expired", operation.returnUrl) };
  if (state === "decided") return { refusal: messagePage("processed", operation.returnUrl) };
  return { db, operation };
}

/** PayFiP's card page (`paiementws.web?idop=…`), where the family's browser is sent to pay. */
export async function GET(request: Request): Promise<Response> {
  const found = await payableOperation(request);
  if ("refusal" in found) return page(found.refusal);
  const { operation } = found;
  return page(cardPage(operation, { values: defaultCardFormValues(operation.amountCents), errors: {} }));
}

/**
 * The payer's choice. Decided once; the notification leaves after the answer, as PayFiP's server sends it on its
 * own, so it races the browser's return; then the browser goes back to the portal (urlredirect), unless the
 * payer chose not to.
 */
export async function POST(request: Request): Promise<Response> {
  const found = await payableOperation(request);
  if ("refusal" in found) return page(found.refusal);
  const { db, operation } = found;
  const form = await request.formData().catch(() => null);
  const reading = form && readCardForm(form);
  if (!reading) return page(messagePage("bad_request"));
  if (!reading.ok) return page(cardPage(operation, reading));
  const { decision } = reading;
  const decided = await decideSimulatedPayment(db, {
    idOp: operation.idOp,
    resultCode: decision.resultCode,
    paidCents: decision.paidCents,
    resultDelayMs: decision.resultDelayMs,
  });
  if (!decided) {
    // Decided by another click meanwhile, or its 15 minutes ran out since the page was read.
    const now = await findSimulatedOperation(db, operation.idOp);
    const expired = now !== null && simulatedOperationState(now) === "expired";
    return page(messagePage(expired ? "expired" : "processed", operation.returnUrl));
  }
  after(() => sendSimulatedNotification(db, decided, decision.notifications));
  if (!decision.comesBack) return page(messagePage("paid_without_return"));
  return new Response(null, { status: 303, headers: { Location: decided.returnUrl, "Cache-Control": "no-store" } });
}
