import "server-only";
import { after } from "next/server";
import type { PublicContext } from "@/lib/actions/action";
import { type ActionState, failure, fieldFailure, success } from "@/lib/actions/state";
import { verifyCaptcha } from "@/lib/captcha/challenge";
import { CAPTCHA_FAILED_MESSAGE } from "@/lib/captcha/field";
import { consumeRateLimit, rateLimits, retryAfterMessage } from "@/lib/rate-limit";

/**
 * The "enter your e-mail, we mail you a link" requests (forgotten password, new activation link): captcha, then
 * limits per client and per (address, client) pair, so requests from elsewhere cannot use up an owner's own; then
 * one fixed answer, and only after it `send` (the account lookup and the mail): a known and an unknown address do
 * the same work before the answer, so its timing does not tell whether an account exists.
 */
export async function requestWithCaptcha(
  input: { email: string; captcha: string },
  { db, commune, ip }: PublicContext,
  request: { limitKey: string; send: () => Promise<void>; answer: string },
): Promise<ActionState> {
  if (!(await verifyCaptcha(db, input.captcha))) return fieldFailure("captcha", CAPTCHA_FAILED_MESSAGE);
  const limit = await consumeRateLimit(db, [
    { key: `${request.limitKey}:ip:${ip}`, rule: rateLimits.resetPerIp },
    {
      key: `${request.limitKey}:pair:${commune.slug}:${input.email}:${ip}`,
      rule: rateLimits.resetPerAccountAndAddress,
    },
  ]);
  if (!limit.allowed) return failure(retryAfterMessage(limit.retryAfterSeconds));
  after(request.send);
  return success(request.answer);
}
