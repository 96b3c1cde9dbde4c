import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { guardians, households, invoices, subscriptions } from "@/db/schema";
import { normalizeSubscriberCode } from "@/lib/households/subscriber-code";
import { consumeRateLimit, rateLimits } from "@/lib/rate-limit";

export type SubscribeResult =
  | { ok: true; householdId: string; alreadySubscribed: boolean }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** Every attempt, right or wrong, counts toward the limits: codes must not be guessable by trying. */
async function limitAttempt(db: Db, userId: string, ip: string) {
  return consumeRateLimit(db, [
    { key: `subscribe:user:${userId}`, rule: rateLimits.subscribePerUser },
    { key: `subscribe:ip:${ip}`, rule: rateLimits.subscribePerIp },
  ]);
}

async function link(
  db: Db,
  params: { communeId: string; userId: string; householdId: string; method: "subscriber_code" | "invoice" },
) {
  const inserted = await db
    .insert(subscriptions)
    .values(params)
    .onConflictDoNothing({ target: [subscriptions.userId, subscriptions.householdId] })
    .returning({ id: subscriptions.id });
  return { ok: true as const, householdId: params.householdId, alreadySubscribed: inserted.length === 0 };
}

/** The household of this commune with this code abonné, if any (no rate limit: callers apply theirs). */
export async function findHouseholdByCode(db: Db, communeId: string, code: string) {
  const [row] = await db
    .select({ id: households.id, name: households.name })
    .from(households)
    .where(and(eq(households.communeId, communeId), eq(households.subscriberCode, normalizeSubscriberCode(code))));
  return row ?? null;
}

/** M'abonner "avec votre code abonné": active at once, no logout needed (sessions do not carry subscriptions). */
export async function subscribeWithCode(
  db: Db,
  params: { communeId: string; userId: string; ip: string; code: string },
): Promise<SubscribeResult> {
  const limit = await limitAttempt(db, params.userId, params.ip);
  if (!limit.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: limit.retryAfterSeconds };
  const household = await findHouseholdByCode(db, params.communeId, params.code);
  if (!household) return { ok: false, reason: "not_found" };
  return link(db, {
    communeId: params.communeId,
    userId: params.userId,
    householdId: household.id,
    method: "subscriber_code",
  });
}

/** M'abonner "avec une de vos factures": code émission + référence + montant + code personnel must all match. */
export async function subscribeWithInvoice(
  db: Db,
  params: {
    communeId: string;
    userId: string;
    ip: string;
    emissionCode: string;
    reference: string;
    amountCents: number;
    personalCode: string;
  },
): Promise<SubscribeResult> {
  const limit = await limitAttempt(db, params.userId, params.ip);
  if (!limit.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: limit.retryAfterSeconds };
  const [match] = await db
    .select({ householdId: invoices.householdId })
    .from(invoices)
    .innerJoin(guardians, and(eq(guardians.id, invoices.payerGuardianId), eq(guardians.communeId, invoices.communeId)))
    .where(
      and(
        eq(invoices.communeId, params.communeId),
        eq(invoices.emissionCode, params.emissionCode.trim()),
        eq(invoices.reference, params.reference.trim().toUpperCase()),
        eq(invoices.amountCents, params.amountCents),
        eq(guardians.personalCode, params.personalCode.trim().toUpperCase()),
      ),
    );
  if (!match) return { ok: false, reason: "not_found" };
  return link(db, {
    communeId: params.communeId,
    userId: params.userId,
    householdId: match.householdId,
    method: "invoice",
  });
}

/** Households the account is subscribed to, in this commune. */
export async function listSubscriptions(db: Db, params: { communeId: string; userId: string }) {
  return db
    .select({
      householdId: households.id,
      name: households.name,
      subscriberCode: households.subscriberCode,
      since: subscriptions.createdAt,
    })
    .from(subscriptions)
    .innerJoin(
      households,
      and(eq(households.id, subscriptions.householdId), eq(households.communeId, subscriptions.communeId)),
    )
    .where(and(eq(subscriptions.communeId, params.communeId), eq(subscriptions.userId, params.userId)))
    .orderBy(subscriptions.createdAt);
}
