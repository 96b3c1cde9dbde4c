import { hasPgErrorCode } from "./errors";

/*
 * PostgreSQL may abort one of two transactions that wait on each other (deadlock_detected, 40P01) or, under
 * SERIALIZABLE, one that read stale data (serialization_failure, 40001). Both are safe to run again from the
 * start: nothing of the aborted attempt was kept.
 */

const RETRYABLE_CODES = ["40P01", "40001"];

/** Whether the error (or what it wraps) is a retryable abort. */
export function isRetryableAbort(error: unknown): boolean {
  return hasPgErrorCode(error, RETRYABLE_CODES);
}

/** Runs `attempt` again (a few times, after a short random pause) when PostgreSQL aborted it as a deadlock victim. */
export async function retryOnAbort<T>(attempt: () => Promise<T>, tries = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= tries || !isRetryableAbort(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * i));
    }
  }
}
