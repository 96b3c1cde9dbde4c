import "server-only";
import type { OnlinePayment } from "@/db/schema";
import { checkOnlinePayment } from "@/lib/billing/online/settle";
import { getDb } from "@/lib/db";
import { consumeRateLimit, giveBackAttempt, rateLimits } from "@/lib/rate-limit";
import { clientIpFrom } from "@/lib/request";

export type PayfipCallOutcome =
  | { outcome: "limited"; retryAfterSeconds: number }
  | { outcome: "unknown" }
  | { outcome: "checked"; attempt: OnlinePayment };

/**
 * Asks PayFiP for the result of the attempt a request names (PayFiP's notification, the family's return): the
 * request only says which attempt, never what happened. Each request counts as a miss of its client address, given
 * back once the attempt exists, so guessing is held back while PayFiP's servers (one address for every town's
 * notifications) never are. `target` null: the request named nothing valid.
 */
export async function checkNamedAttempt(
  request: Request,
  target: { attemptId: string } | { idOp: string } | null,
): Promise<PayfipCallOutcome> {
  const db = await getDb();
  const now = Date.now();
  const miss = [
    { key: `online-payment:miss:ip:${clientIpFrom(request.headers)}`, rule: rateLimits.onlinePaymentMissesPerIp },
  ];
  const limit = await consumeRateLimit(db, miss, now);
  if (!limit.allowed) return { outcome: "limited", retryAfterSeconds: limit.retryAfterSeconds };
  const attempt = target ? await checkOnlinePayment(db, target) : null;
  if (!attempt) return { outcome: "unknown" };
  await giveBackAttempt(db, miss, now);
  return { outcome: "checked", attempt };
}

/** A short plain-text answer, never cached. */
export function plainText(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

export const TOO_MANY_REQUESTS = (retryAfterSeconds: number) =>
  plainText("Trop de requêtes", 429, { "Retry-After": String(retryAfterSeconds) });
