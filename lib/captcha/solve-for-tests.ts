import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { createCaptchaChallenge } from "./challenge";

/** Test helper: solves a challenge in Node as the widget would in a browser, and encodes the form value. */
export async function solvedCaptchaPayload(challenge?: Challenge): Promise<string> {
  const toSolve = challenge ?? (await createCaptchaChallenge());
  const solution = await solveChallenge({ challenge: toSolve, deriveKey });
  if (!solution) throw new Error("captcha not solved");
  return encodeCaptchaPayload(toSolve, solution);
}

export function encodeCaptchaPayload(challenge: Challenge, solution: { counter: number; derivedKey: string }): string {
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}
