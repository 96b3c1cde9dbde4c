/** Start of the fixed window containing `now`. Windows are aligned on the epoch so every instance agrees. */
export function windowStart(nowMs: number, windowMs: number): Date {
  return new Date(Math.floor(nowMs / windowMs) * windowMs);
}

/** Seconds until the window containing `now` ends (at least 1). */
export function secondsUntilWindowEnds(nowMs: number, windowMs: number): number {
  const end = windowStart(nowMs, windowMs).getTime() + windowMs;
  return Math.max(1, Math.ceil((end - nowMs) / 1000));
}

export interface RateLimitRule {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

const minutes = (n: number) => n * 60 * 1000;

/**
 * The portal's limits. Logins: an address guessing one account is stopped, an address sweeping many accounts too,
 * while an account guessed at from everywhere asks for the captcha (never refuses its right password outright).
 */
export const rateLimits = {
  loginPerAccountAndAddress: { limit: 5, windowMs: minutes(15) },
  loginPerAddress: { limit: 50, windowMs: minutes(15) },
  loginBeforeCaptcha: { limit: 5, windowMs: minutes(15) },
  passwordChangePerAccount: { limit: 5, windowMs: minutes(15) },
  signupPerIp: { limit: 10, windowMs: minutes(60) },
  signupPerEmail: { limit: 3, windowMs: minutes(60) },
  resetPerAccountAndAddress: { limit: 3, windowMs: minutes(60) },
  resetPerIp: { limit: 10, windowMs: minutes(60) },
  subscribePerUser: { limit: 5, windowMs: minutes(15) },
  subscribePerIp: { limit: 20, windowMs: minutes(15) },
  calendarFeedMissesPerIp: { limit: 20, windowMs: minutes(15) },
  onlinePaymentMissesPerIp: { limit: 20, windowMs: minutes(15) },
} satisfies Record<string, RateLimitRule>;
