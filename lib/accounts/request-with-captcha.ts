import "server-only";
import type { PublicContext } from "@/lib/actions/action";
import { type ActionState, failure, fieldFailure, success } from "@/lib/actions/state";
import { verifyCaptcha } from "@/lib/captcha/challenge";
import { CAPTCHA_FAILED_MESSAGE } from "@/lib/captcha/field";
import { consumeRateLimit, rateLimits, retryAfterMessage } from "@/lib/rate-limit";

/**
 * The "enter your e-mail, we mail you a link" requests (forgotten password, new activation link): captcha, then
 * limits per IP and per address, then `send`, then one fixed answer that does not tell whether an account exists.
 */
export async function requestWithCaptcha(
  input: { email: string; captcha: string },
  { db, commune, ip }: PublicContext,
  request: { limitKey: string; send: () => Promise<void>; answer: string },
): Promise<ActionState> {
  if (!(await verifyCaptcha(db, input.captcha))) return fieldFailure("captcha", CAPTCHA_FAILED_MESSAGE);
  const limit = await consumeRateLimit(db, [
    { key: `${request.limitKey}:ip:${ip}`, rule: rateLimits.resetPerIp },
    { key: `${request.limitKey}:email:${commune.slug}:${input.email}`, rule: rateLimits.resetPerEmail },
  ]);
  if (!limit.allowed) return failure(retryAfterMessage(limit.retryAfterSeconds));
  await request.send();
  return success(request.answer);
}
