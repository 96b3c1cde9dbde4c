import "server-only";
import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { recoveryCodes, totpFactors, userSessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { consumeRateLimit, giveBackAttempt } from "@/lib/rate-limit";
import { isLiveSession } from "../sessions";
import { normalizeRecoveryCode } from "./recovery-code-format";
import { generateRecoveryCodes, hashRecoveryCode } from "./recovery-codes";
import { deriveKey, openSealed, seal } from "./secret-box";
import { generateTotpSecret, matchTotpStep } from "./totp";

/*
 * The TOTP factors of staff accounts: enrolment, codes and recovery codes. Every check that can be guessed counts
 * against the account's limit first (atomically, so parallel guesses cannot overrun it); a right answer gives its
 * attempt back, so only wrong codes count.
 */

type Account = { communeId: string; userId: string };
type SessionScope = Account & { sessionId: string };

export type CheckRefusal =
  | { ok: false; reason: "invalid" | "replayed" | "no_enrolment" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

const attemptsOf = (userId: string) => [
  { key: `second-factor:${userId}`, rule: { limit: 5, windowMs: 15 * 60 * 1000 } },
];
const invalid = { ok: false, reason: "invalid" } as const;

// The key comes from AUTH_SECRET (HKDF, its own purpose label): nothing more to configure, and a stolen database
// alone does not give the secrets. Rotating AUTH_SECRET makes them unreadable: staff then sign in with a recovery
// code or have an admin reset their factor.
const totpKey = () => deriveKey(env.AUTH_SECRET, "totp-secret");

async function limited<T extends { ok: boolean }>(
  db: Db,
  userId: string,
  check: () => Promise<T>,
): Promise<T | CheckRefusal> {
  const attempts = attemptsOf(userId);
  const now = Date.now();
  const limit = await consumeRateLimit(db, attempts, now);
  if (!limit.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: limit.retryAfterSeconds };
  const outcome = await check();
  if (outcome.ok) await giveBackAttempt(db, attempts, now); // only wrong codes count
  return outcome;
}

/** Marks this (live) session as having passed the second factor. */
async function markSessionVerified(db: Db, p: SessionScope): Promise<boolean> {
  const rows = await db
    .update(userSessions)
    .set({ secondFactorAt: sql`now()` })
    .where(
      and(
        eq(userSessions.id, p.sessionId),
        eq(userSessions.userId, p.userId),
        eq(userSessions.communeId, p.communeId),
        isLiveSession(new Date()),
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length > 0;
}

const factorOf = (p: Account) => and(eq(totpFactors.userId, p.userId), eq(totpFactors.communeId, p.communeId));

/**
 * The secret of the account's enrolment in progress (started here if there is none), for the QR code; null when
 * the account already has a confirmed factor: only an admin's reset removes it, never a password-only session.
 */
export async function startEnrolment(db: Db, p: Account): Promise<string | null> {
  await db
    .insert(totpFactors)
    .values({ ...p, encryptedSecret: seal(totpKey(), generateTotpSecret()) })
    .onConflictDoNothing();
  const [factor] = await db.select().from(totpFactors).where(factorOf(p));
  if (!factor || factor.confirmedAt) return null;
  const secret = openSealed(totpKey(), factor.encryptedSecret);
  if (secret) return secret;
  // Sealed under a former AUTH_SECRET: start again with a new secret.
  await db.delete(totpFactors).where(and(factorOf(p), isNull(totpFactors.confirmedAt)));
  return startEnrolment(db, p);
}

/** A confirmed factor with a known secret (demo data, tests). */
export async function addConfirmedFactor(db: Db, p: Account & { secret: string }): Promise<void> {
  await db
    .insert(totpFactors)
    .values({
      communeId: p.communeId,
      userId: p.userId,
      encryptedSecret: seal(totpKey(), p.secret),
      confirmedAt: new Date(),
    })
    .onConflictDoNothing();
}

/** The step of this code if it is right for the account's factor (confirmed or not, as asked). */
async function matchingStep(db: Db, p: Account & { code: string; confirmed: boolean }): Promise<number | null> {
  const [factor] = await db
    .select()
    .from(totpFactors)
    .where(and(factorOf(p), p.confirmed ? isNotNull(totpFactors.confirmedAt) : isNull(totpFactors.confirmedAt)));
  const secret = factor && openSealed(totpKey(), factor.encryptedSecret);
  return secret ? matchTotpStep(secret, p.code, Date.now()) : null;
}

/**
 * Ends enrolment with the first code from the app: the factor is confirmed, ten recovery codes replace any older
 * ones (returned once, kept hashed) and this session counts as verified.
 */
export async function confirmEnrolment(
  db: Db,
  p: SessionScope & { code: string },
): Promise<{ ok: true; recoveryCodes: string[] } | CheckRefusal> {
  return limited(db, p.userId, async () => {
    const step = await matchingStep(db, { ...p, confirmed: false });
    if (step === null) return invalid;
    const codes = generateRecoveryCodes();
    return db.transaction(async (tx) => {
      const [confirmed] = await tx
        .update(totpFactors)
        .set({ confirmedAt: sql`now()`, lastUsedStep: step })
        .where(and(factorOf(p), isNull(totpFactors.confirmedAt)))
        .returning({ userId: totpFactors.userId });
      if (!confirmed) return { ok: false, reason: "no_enrolment" } as const;
      await tx
        .delete(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, p.userId), eq(recoveryCodes.communeId, p.communeId)));
      await tx.insert(recoveryCodes).values(
        codes.map((code) => ({
          communeId: p.communeId,
          userId: p.userId,
          codeHash: hashRecoveryCode(normalizeRecoveryCode(code)!),
        })),
      );
      await markSessionVerified(tx, p);
      await recordAudit(tx, {
        communeId: p.communeId,
        actorUserId: p.userId,
        action: "account.second_factor_enabled",
        targetType: "user",
        targetId: p.userId,
      });
      return { ok: true, recoveryCodes: codes } as const;
    });
  });
}

/**
 * A code from the app, for a session waiting for it. Its time step must be later than the last one accepted:
 * claiming it is one conditional UPDATE, so a code (or an older one) is never accepted twice, even at once.
 */
export async function verifyTotpCode(db: Db, p: SessionScope & { code: string }): Promise<{ ok: true } | CheckRefusal> {
  return limited(db, p.userId, async () => {
    const step = await matchingStep(db, { ...p, confirmed: true });
    if (step === null) return invalid;
    const claimed = await db
      .update(totpFactors)
      .set({ lastUsedStep: step })
      .where(
        and(
          factorOf(p),
          isNotNull(totpFactors.confirmedAt),
          or(isNull(totpFactors.lastUsedStep), lt(totpFactors.lastUsedStep, step)),
        ),
      )
      .returning({ userId: totpFactors.userId });
    if (!claimed.length) return { ok: false, reason: "replayed" } as const;
    return (await markSessionVerified(db, p)) ? ({ ok: true } as const) : invalid;
  });
}

/** A recovery code instead of the app: each one works once (marked used by the same UPDATE that finds it). */
export async function verifyRecoveryCode(
  db: Db,
  p: SessionScope & { code: string },
): Promise<{ ok: true } | CheckRefusal> {
  return limited(db, p.userId, async () => {
    const normalized = normalizeRecoveryCode(p.code);
    if (!normalized) return invalid;
    return db.transaction(async (tx) => {
      const used = await tx
        .update(recoveryCodes)
        .set({ usedAt: sql`now()` })
        .where(
          and(
            eq(recoveryCodes.userId, p.userId),
            eq(recoveryCodes.communeId, p.communeId),
            eq(recoveryCodes.codeHash, hashRecoveryCode(normalized)),
            isNull(recoveryCodes.usedAt),
          ),
        )
        .returning({ id: recoveryCodes.id });
      if (!used.length || !(await markSessionVerified(tx, p))) return invalid;
      await recordAudit(tx, {
        communeId: p.communeId,
        actorUserId: p.userId,
        action: "account.recovery_code_used",
        targetType: "user",
        targetId: p.userId,
      });
      return { ok: true } as const;
    });
  });
}

/** The account's factor as its Sécurité page shows it (null: none confirmed). */
export async function secondFactorSummary(
  db: Db,
  p: Account,
): Promise<{ confirmedAt: Date; recoveryCodesLeft: number } | null> {
  const [factor] = await db
    .select({ confirmedAt: totpFactors.confirmedAt })
    .from(totpFactors)
    .where(and(factorOf(p), isNotNull(totpFactors.confirmedAt)));
  if (!factor?.confirmedAt) return null;
  const recoveryCodesLeft = await db.$count(
    recoveryCodes,
    and(eq(recoveryCodes.userId, p.userId), eq(recoveryCodes.communeId, p.communeId), isNull(recoveryCodes.usedAt)),
  );
  return { confirmedAt: factor.confirmedAt, recoveryCodesLeft };
}
