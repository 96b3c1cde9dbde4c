/** Attempts before a mail is marked failed (about a day and a half of back-off in all). */
export const MAX_MAIL_ATTEMPTS = 8;

/** Delay before attempt `attempt + 1`: 1, 2, 4 … minutes, capped at 12 hours. */
export function retryDelayMs(attempt: number): number {
  return Math.min(2 ** Math.max(0, attempt - 1), 12 * 60) * 60 * 1000;
}
