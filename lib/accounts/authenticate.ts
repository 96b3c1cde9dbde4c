import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { communes, users } from "@/db/schema";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { checkRateLimit, consumeRateLimit, rateLimits } from "@/lib/rate-limit";

export type AuthenticatedUser = {
  id: string;
  email: string;
  name: string;
  communeId: string;
  communeSlug: string;
  role: "family" | "agent" | "admin";
};

export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" | "not_activated" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks a login of one commune. Each failed attempt counts toward the per-e-mail and per-IP limits, and an
 * unknown e-mail costs the same hash verification as a known one, so neither timing nor message reveals accounts.
 */
export async function authenticate(
  db: Db,
  params: { communeSlug: string; email: string; password: string; ip: string },
): Promise<AuthenticationResult> {
  const email = params.email.trim().toLowerCase();
  const limits = [
    { key: `login:email:${params.communeSlug}:${email}`, rule: rateLimits.loginPerEmail },
    { key: `login:ip:${params.ip}`, rule: rateLimits.loginPerIp },
  ];
  const limit = await checkRateLimit(db, limits);
  if (!limit.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: limit.retryAfterSeconds };

  const [row] = await db
    .select({ user: users, communeSlug: communes.slug })
    .from(users)
    .innerJoin(communes, eq(communes.id, users.communeId))
    .where(and(eq(communes.slug, params.communeSlug), eq(users.email, email)));

  const passwordOk = await verifyPassword(row?.user.passwordHash ?? (await dummyPasswordHash), params.password);
  if (!row || !passwordOk || row.user.status === "disabled") {
    await consumeRateLimit(db, limits); // only failures count: guessing is limited, logging in often is not
    return { ok: false, reason: "invalid" };
  }
  if (row.user.status === "pending") return { ok: false, reason: "not_activated" };

  const { user } = row;
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: `${user.firstName} ${user.lastName}`,
      communeId: user.communeId,
      communeSlug: row.communeSlug,
      role: user.role,
    },
  };
}
