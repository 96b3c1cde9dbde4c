import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { communes, users } from "@/db/schema";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { verifyCaptcha } from "@/lib/captcha/challenge";
import { countAttempt, giveBackAttempt, rateLimits, verdict } from "@/lib/rate-limit";

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
  | { ok: false; reason: "invalid" | "not_activated" | "captcha_required" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks a login of one commune. Each attempt is counted before the password is checked (so parallel tries cannot
 * all slip under a limit) and given back when it was not a wrong guess. An address guessing one account, or sweeping
 * many, is held back; an account guessed at from anywhere asks for the captcha rather than refusing its owner. An
 * unknown e-mail costs the same hash verification as a known one, so neither timing nor message reveals accounts.
 */
export async function authenticate(
  db: Db,
  params: { communeSlug: string; email: string; password: string; ip: string; captcha?: string },
): Promise<AuthenticationResult> {
  const email = params.email.trim().toLowerCase();
  const account = `${params.communeSlug}:${email}`;
  const now = Date.now();
  const byAddress = [
    { key: `login:pair:${account}:${params.ip}`, rule: rateLimits.loginPerAccountAndAddress },
    { key: `login:ip:${params.ip}`, rule: rateLimits.loginPerAddress },
  ];
  const byAccount = { key: `login:account:${account}`, rule: rateLimits.loginBeforeCaptcha };
  const attempt = [...byAddress, byAccount];
  const counts = await countAttempt(db, attempt, now);

  const limit = verdict(byAddress, counts, now);
  if (!limit.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: limit.retryAfterSeconds };
  if (counts[2]! > byAccount.rule.limit && !(params.captcha && (await verifyCaptcha(db, params.captcha)))) {
    await giveBackAttempt(db, attempt, now); // not evaluated, so not a guess
    return { ok: false, reason: "captcha_required" };
  }

  const [row] = await db
    .select({ user: users, communeSlug: communes.slug })
    .from(users)
    .innerJoin(communes, eq(communes.id, users.communeId))
    .where(and(eq(communes.slug, params.communeSlug), eq(users.email, email)));

  const passwordOk = await verifyPassword(row?.user.passwordHash ?? (await dummyPasswordHash), params.password);
  if (!row || !passwordOk || row.user.status === "disabled") return { ok: false, reason: "invalid" };
  await giveBackAttempt(db, attempt, now); // only wrong guesses count: logging in often is never held back
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
