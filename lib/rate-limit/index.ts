import "server-only";
import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimitBuckets } from "@/db/schema";
import { type RateLimitRule, secondsUntilWindowEnds, windowStart } from "./window";

export { rateLimits } from "./window";

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Attempt = { key: string; rule: RateLimitRule };

const bucketOf = ({ key, rule }: Attempt, nowMs: number) => ({ key, windowStart: windowStart(nowMs, rule.windowMs) });

/**
 * Counts one attempt under every key in one statement (an atomic upsert, so it holds across parallel requests and
 * app instances) and returns each key's count in its window, in the order given. Rows are written in key order so
 * that two statements sharing keys cannot deadlock.
 */
export async function countAttempt(db: Db, attempts: Attempt[], nowMs = Date.now()): Promise<number[]> {
  const sorted = [...attempts].sort((a, b) => (a.key < b.key ? -1 : 1));
  const rows = await db
    .insert(rateLimitBuckets)
    .values(sorted.map((attempt) => ({ ...bucketOf(attempt, nowMs), count: 1 })))
    .onConflictDoUpdate({
      target: [rateLimitBuckets.key, rateLimitBuckets.windowStart],
      set: { count: sql`${rateLimitBuckets.count} + 1` },
    })
    .returning({ key: rateLimitBuckets.key, count: rateLimitBuckets.count });
  return attempts.map(({ key }) => rows.find((row) => row.key === key)!.count);
}

/** Refused when any key's count (from `countAttempt`) is over its rule's limit; retry once the longest window ends. */
export function verdict(attempts: Attempt[], counts: number[], nowMs = Date.now()): RateLimitResult {
  const over = attempts.filter((attempt, i) => counts[i]! > attempt.rule.limit);
  if (over.length === 0) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(...over.map(({ rule }) => secondsUntilWindowEnds(nowMs, rule.windowMs))),
  };
}

/** Counts one attempt under each key and refuses when any key is over its limit. Keys look like `login:ip:<ip>`. */
export async function consumeRateLimit(db: Db, attempts: Attempt[], nowMs = Date.now()): Promise<RateLimitResult> {
  return verdict(attempts, await countAttempt(db, attempts, nowMs), nowMs);
}

/** Takes back an attempt counted at `nowMs` (same instant, so the same windows): it turned out not to be a guess. */
export async function giveBackAttempt(db: Db, attempts: Attempt[], nowMs: number): Promise<void> {
  const buckets = attempts.map((attempt) => bucketOf(attempt, nowMs));
  await db
    .update(rateLimitBuckets)
    .set({ count: sql`greatest(${rateLimitBuckets.count} - 1, 0)` })
    .where(
      or(...buckets.map((b) => and(eq(rateLimitBuckets.key, b.key), eq(rateLimitBuckets.windowStart, b.windowStart)))),
    );
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
