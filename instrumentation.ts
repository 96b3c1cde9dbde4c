export async function register() {
  // Jobs run in the Node server only: not on the edge, not while `next build` collects pages, not on Vercel (cron route).
  if (
    process.env.NEXT_RUNTIME !== "nodejs" ||
    process.env.NEXT_PHASE === "phase-production-build" ||
    process.env.VERCEL
  )
    return;
  const { warnIfLocalMailboxOn } = await import("@/lib/mail/local-mailbox-access");
  warnIfLocalMailboxOn();
  // The database opens (and migrates, and seeds an empty demo) while the server starts, not on the first visit:
  // the embedded one takes seconds to open.
  const { openDatabaseAtStart } = await import("@/lib/db");
  openDatabaseAtStart();
  const { startScheduler } = await import("@/lib/jobs/scheduler");
  startScheduler();
}
