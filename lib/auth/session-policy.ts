/** Idle sessions end after this long without a request (the JWT is re-issued while active). */
export const SESSION_IDLE_SECONDS = 30 * 60;
/** Even an active session ends this long after the login. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

export function isPastAbsoluteLifetime(loginAtMs: number, nowMs: number): boolean {
  return nowMs - loginAtMs >= SESSION_ABSOLUTE_SECONDS * 1000;
}
