import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accountTokens, type TokenPurpose } from "@/db/schema";
import { hashToken } from "./token-hash";
import { tokenLifetimeMs } from "./token-policy";

/** Creates a single-use link token; only its hash is stored. Returns the token to put in the mailed URL. */
export async function issueAccountToken(
  db: Db,
  params: { communeId: string; userId: string; purpose: TokenPurpose; now?: Date },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = params.now ?? new Date();
  await db.insert(accountTokens).values({
    communeId: params.communeId,
    userId: params.userId,
    purpose: params.purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + tokenLifetimeMs[params.purpose]),
  });
  return token;
}

export type TokenLookup =
  | { status: "valid"; userId: string; tokenId: string }
  | { status: "expired" | "used" | "unknown" };

/** Tells what a token is worth without spending it (to show the right page). */
export async function inspectAccountToken(
  db: Db,
  params: { communeId: string; purpose: TokenPurpose; token: string; now?: Date },
): Promise<TokenLookup> {
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(params.token)),
        eq(accountTokens.communeId, params.communeId),
        eq(accountTokens.purpose, params.purpose),
      ),
    );
  if (!row) return { status: "unknown" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt <= (params.now ?? new Date())) return { status: "expired" };
  return { status: "valid", userId: row.userId, tokenId: row.id };
}

/**
 * Spends a token atomically: of two concurrent uses exactly one gets the user id. Call it inside the
 * transaction that performs what the token allows, so a failure leaves the token unspent.
 */
export async function consumeAccountToken(
  db: Db,
  params: { communeId: string; purpose: TokenPurpose; token: string; now?: Date },
): Promise<TokenLookup> {
  const now = params.now ?? new Date();
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(params.token)),
        eq(accountTokens.communeId, params.communeId),
        eq(accountTokens.purpose, params.purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning({ userId: accountTokens.userId, tokenId: accountTokens.id });
  if (row) return { status: "valid", ...row };
  const lookup = await inspectAccountToken(db, { ...params, now });
  return lookup.status === "valid" ? { status: "used" } : lookup;
}
