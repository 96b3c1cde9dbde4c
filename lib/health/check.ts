import "server-only";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { bigint, pgSchema, serial, text } from "drizzle-orm/pg-core";
import { type Db, migrationsFolder } from "@/db/client";
import { mailOutbox } from "@/db/schema";

export type HealthCheck = "database" | "migrations" | "outbox";
export type HealthReport = { ok: boolean; checks: Record<HealthCheck, boolean> };

/**
 * A mail still pending this long after it was due means no instance delivers the outbox (the jobs run every minute
 * in-process, every 5 minutes through Vercel Cron); a provider's refusals are retried within that, then marked failed.
 */
export const OUTBOX_STUCK_AFTER_MS = 15 * 60_000;

/** drizzle's own record of the migrations applied (not ours to manage: kept out of db/schema and drizzle-kit). */
export const appliedMigrations = pgSchema("drizzle").table("__drizzle_migrations", {
  id: serial("id").primaryKey(),
  hash: text("hash").notNull(),
  createdAt: bigint("created_at", { mode: "number" }),
});

/** The newest migration applied is the newest committed one (what drizzle's migrator itself compares). */
async function migrationsCurrent(db: Db): Promise<boolean> {
  const committed = readMigrationFiles({ migrationsFolder }).at(-1);
  const [applied] = await db
    .select({ createdAt: appliedMigrations.createdAt })
    .from(appliedMigrations)
    .orderBy(desc(appliedMigrations.createdAt))
    .limit(1);
  return committed !== undefined && applied?.createdAt === committed.folderMillis;
}

async function outboxMoving(db: Db, now: Date): Promise<boolean> {
  const [late] = await db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.status, "pending"),
        lt(mailOutbox.nextAttemptAt, new Date(now.getTime() - OUTBOX_STUCK_AFTER_MS)),
      ),
    )
    .limit(1);
  return late === undefined;
}

/** Whether the portal can serve: the database answers, its schema is current, the mail outbox is being delivered. */
export async function checkHealth(db: Db, now: Date): Promise<HealthReport> {
  const reached = await db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  if (!reached) return { ok: false, checks: { database: false, migrations: false, outbox: false } };
  const [migrations, outbox] = await Promise.all([
    migrationsCurrent(db).catch(() => false),
    outboxMoving(db, now).catch(() => false),
  ]);
  return { ok: migrations && outbox, checks: { database: true, migrations, outbox } };
}
