import "server-only";
import { createHmac } from "node:crypto";
import { type Challenge, createChallenge, randomInt, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { z } from "zod";
import type { Db } from "@/db/client";
import { spentCaptchas } from "@/db/schema";
import { env } from "@/lib/env";

const CHALLENGE_LIFETIME_MS = 10 * 60 * 1000;

/**
 * Proof of work: the browser must find the counter (500–1500) whose PBKDF2 key (500 rounds) we derived.
 * Roughly 0.1–0.5 s in a browser's workers, trivial to verify here thanks to the signed key.
 */
const ALGORITHM = "PBKDF2/SHA-256";
const COST = 500;
const COUNTER_RANGE = { min: 500, max: 1500 };

// Derived from AUTH_SECRET so the captcha needs no variable of its own; labelled so the keys serve nothing else.
const secret = (label: string) =>
  createHmac("sha256", env.AUTH_SECRET).update(`portail-famille/captcha/${label}`).digest("hex");
const signatureSecret = secret("challenge");
const keySignatureSecret = secret("derived-key");

/** A fresh signed challenge for the widget (GET /api/captcha). */
export function createCaptchaChallenge(now = new Date()): Promise<Challenge> {
  return createChallenge({
    algorithm: ALGORITHM,
    cost: COST,
    counter: randomInt(COUNTER_RANGE.max, COUNTER_RANGE.min),
    deriveKey,
    expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS),
    hmacSignatureSecret: signatureSecret,
    hmacKeySignatureSecret: keySignatureSecret,
  });
}

/** The widget's form value: base64 of `{ challenge, solution }`. Anything else is refused, never thrown. */
const payloadSchema = z.object({
  challenge: z.object({
    // Only what is read here or by altcha-lib; every parameter stays covered by the signature check.
    parameters: z.looseObject({
      algorithm: z.string(),
      cost: z.number(),
      expiresAt: z.number().positive(),
      keyLength: z.number(),
      keyPrefix: z.string(),
      nonce: z.string(),
      salt: z.string(),
    }),
    signature: z.string().min(1).max(200),
  }),
  solution: z.object({ counter: z.number(), derivedKey: z.string().max(200) }),
});

function decodePayload(payload: string) {
  try {
    return payloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64").toString("utf8"))).data ?? null;
  } catch {
    return null;
  }
}

/**
 * True once per solved challenge: checks signature, expiry and solution, then spends the challenge
 * (its signature goes into `spent_captchas`; a second use of the same payload finds it there).
 */
export async function verifyCaptcha(db: Db, payload: string): Promise<boolean> {
  const decoded = decodePayload(payload);
  if (!decoded) return false;
  const { challenge, solution } = decoded;
  const result = await verifySolution({
    challenge,
    solution,
    deriveKey,
    hmacSignatureSecret: signatureSecret,
    hmacKeySignatureSecret: keySignatureSecret,
  }).catch(() => null);
  if (!result?.verified) return false;
  const spent = await db
    .insert(spentCaptchas)
    .values({ signature: challenge.signature, expiresAt: new Date(challenge.parameters.expiresAt * 1000) })
    .onConflictDoNothing()
    .returning({ signature: spentCaptchas.signature });
  return spent.length === 1;
}
