/** Idle sessions end after this long without a request. */
export const SESSION_IDLE_SECONDS = 30 * 60;
/** Even an active session ends this long after the login. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** A session's last use is written at most this often. */
export const SESSION_TOUCH_SECONDS = 60;

export function isPastAbsoluteLifetime(loginAtMs: number, nowMs: number): boolean {
  return nowMs - loginAtMs >= SESSION_ABSOLUTE_SECONDS * 1000;
}
