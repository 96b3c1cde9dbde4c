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

/** The portal's limits: per e-mail they stop guessing one account's password, per IP a sweep over many accounts. */
export const rateLimits = {
  loginPerEmail: { limit: 5, windowMs: minutes(15) },
  loginPerIp: { limit: 30, windowMs: minutes(15) },
  signupPerIp: { limit: 10, windowMs: minutes(60) },
  signupPerEmail: { limit: 3, windowMs: minutes(60) },
  resetPerEmail: { limit: 3, windowMs: minutes(60) },
  resetPerIp: { limit: 10, windowMs: minutes(60) },
  subscribePerUser: { limit: 5, windowMs: minutes(15) },
  subscribePerIp: { limit: 20, windowMs: minutes(15) },
} satisfies Record<string, RateLimitRule>;
