import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimitBuckets } from "@/db/schema";
import { secondsUntilWindowEnds, windowStart, type RateLimitRule } from "./window";

export { rateLimits } from "./window";

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt under each key (atomic upsert, so it holds across app instances) and
 * refuses when any key is over its limit. Keys look like `login:email:<commune>:<email>`.
 */
export async function consumeRateLimit(
  db: Db,
  attempts: { key: string; rule: RateLimitRule }[],
  nowMs = Date.now(),
): Promise<RateLimitResult> {
  let retryAfterSeconds = 0;
  for (const { key, rule } of attempts) {
    const [row] = await db
      .insert(rateLimitBuckets)
      .values({ key, windowStart: windowStart(nowMs, rule.windowMs), count: 1 })
      .onConflictDoUpdate({
        target: [rateLimitBuckets.key, rateLimitBuckets.windowStart],
        set: { count: sql`${rateLimitBuckets.count} + 1` },
      })
      .returning({ count: rateLimitBuckets.count });
    if (row!.count > rule.limit) retryAfterSeconds = Math.max(retryAfterSeconds, secondsUntilWindowEnds(nowMs, rule.windowMs));
  }
  return retryAfterSeconds ? { allowed: false, retryAfterSeconds } : { allowed: true };
}

/**
 * Tells whether any key has already used up its window, without counting an attempt. With `consumeRateLimit`
 * on failure only, this limits wrong guesses while a person who logs in often is never held back.
 */
export async function checkRateLimit(
  db: Db,
  attempts: { key: string; rule: RateLimitRule }[],
  nowMs = Date.now(),
): Promise<RateLimitResult> {
  let retryAfterSeconds = 0;
  for (const { key, rule } of attempts) {
    const [row] = await db
      .select({ count: rateLimitBuckets.count })
      .from(rateLimitBuckets)
      .where(and(eq(rateLimitBuckets.key, key), eq(rateLimitBuckets.windowStart, windowStart(nowMs, rule.windowMs))));
    if (row && row.count >= rule.limit) retryAfterSeconds = Math.max(retryAfterSeconds, secondsUntilWindowEnds(nowMs, rule.windowMs));
  }
  return retryAfterSeconds ? { allowed: false, retryAfterSeconds } : { allowed: true };
}

/** "Réessayez dans 12 minutes." */
export function retryAfterMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Trop de tentatives. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`;
}

/** Drops windows older than a day (called by the maintenance job). */
export async function purgeRateLimitBuckets(db: Db, nowMs = Date.now()): Promise<void> {
  await db.delete(rateLimitBuckets).where(lt(rateLimitBuckets.windowStart, new Date(nowMs - 24 * 60 * 60 * 1000)));
}

/** Gives back one attempt counted by `consumeRateLimit` (a right second-factor code: only wrong ones should count). */
export async function refundRateLimit(db: Db, attempts: { key: string; rule: RateLimitRule }[], nowMs = Date.now()): Promise<void> {
  for (const { key, rule } of attempts) {
    await db
      .update(rateLimitBuckets)
      .set({ count: sql`greatest(${rateLimitBuckets.count} - 1, 0)` })
      .where(and(eq(rateLimitBuckets.key, key), eq(rateLimitBuckets.windowStart, windowStart(nowMs, rule.windowMs))));
  }
}
