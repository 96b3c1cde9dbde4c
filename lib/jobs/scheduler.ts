import "server-only";
import { getDb } from "@/lib/db";
import { runMaintenance } from "./maintenance";

const INTERVAL_MS = 60_000;
const globalForJobs = globalThis as unknown as { portailScheduler?: NodeJS.Timeout };

/** In-process scheduler for `next start` on Node; on Vercel the cron route runs the same jobs. */
export function startScheduler(): void {
  if (globalForJobs.portailScheduler) return;
  const tick = async () => {
    try {
      await runMaintenance(await getDb());
    } catch (error) {
      console.error("scheduled maintenance failed", error);
    }
  };
  globalForJobs.portailScheduler = setInterval(tick, INTERVAL_MS);
  globalForJobs.portailScheduler.unref();
}
