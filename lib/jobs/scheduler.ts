import "server-only";
import { getDb } from "@/lib/db";
import { runMaintenance } from "./maintenance";

// Every minute: the digests are due at 13:02 and 18:02 Paris and must not wait much longer.
const INTERVAL_MS = 60_000;
const globalForJobs = globalThis as unknown as { portailScheduler?: NodeJS.Timeout };

/** In-process scheduler for `next start` on Node; on Vercel the cron route runs the same jobs. */
export function startScheduler(): void {
  if (globalForJobs.portailScheduler) return;
  // A long run (thousands of digests) may outlast the interval: skip the tick rather than run twice at once.
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runMaintenance(await getDb());
    } catch (error) {
      console.error("scheduled maintenance failed", error);
    } finally {
      running = false;
    }
  };
  globalForJobs.portailScheduler = setInterval(tick, INTERVAL_MS);
  globalForJobs.portailScheduler.unref();
}
