import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { appliedMigrations, checkHealth, OUTBOX_STUCK_AFTER_MS } from "./check";

const database = setUpTestDatabase();
const now = new Date("2027-01-11T09:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

async function queueMail(status: "pending" | "local", nextAttemptAt: Date) {
  const [row] = await database.db
    .insert(mailOutbox)
    .values({
      communeId: null,
      to: "x@example.fr",
      subject: "s",
      template: "t",
      html: "<p>s</p>",
      text: "s",
      status,
      nextAttemptAt,
    })
    .returning({ id: mailOutbox.id });
  return row!.id;
}

describe("checkHealth", () => {
  it("says ok on a reachable, migrated database with no late mail", async () => {
    expect(await checkHealth(database.db, now)).toEqual({
      ok: true,
      checks: { database: true, migrations: true, outbox: true },
    });
  });

  it("fails the outbox check only once a pending mail is late by more than the limit", async () => {
    expect(OUTBOX_STUCK_AFTER_MS).toBe(15 * 60_000);
    const id = await queueMail("pending", minutesAgo(14));
    expect((await checkHealth(database.db, now)).checks.outbox).toBe(true);
    // A local-mailbox mail is never delivered, and that is not being stuck.
    await queueMail("local", minutesAgo(600));
    expect((await checkHealth(database.db, now)).ok).toBe(true);
    await database.db
      .update(mailOutbox)
      .set({ nextAttemptAt: minutesAgo(16) })
      .where(eq(mailOutbox.id, id));
    expect(await checkHealth(database.db, now)).toEqual({
      ok: false,
      checks: { database: true, migrations: true, outbox: false },
    });
    await database.db.update(mailOutbox).set({ status: "sent" }).where(eq(mailOutbox.id, id));
    expect((await checkHealth(database.db, now)).ok).toBe(true);
  });

  it("fails the migrations check when the newest committed migration is not applied", async () => {
    const [newest] = await database.db
      .select()
      .from(appliedMigrations)
      .orderBy(desc(appliedMigrations.createdAt))
      .limit(1);
    await database.db.delete(appliedMigrations).where(eq(appliedMigrations.createdAt, newest!.createdAt!));
    try {
      expect(await checkHealth(database.db, now)).toEqual({
        ok: false,
        checks: { database: true, migrations: false, outbox: true },
      });
    } finally {
      await database.db.insert(appliedMigrations).values(newest!);
    }
    expect((await checkHealth(database.db, now)).ok).toBe(true);
  });

  it("fails every check when the database does not answer", async () => {
    const unreachable = await openDatabase({ url: "postgres://nobody@127.0.0.1:1/none", dataDir: "" });
    try {
      expect(await checkHealth(unreachable.db, now)).toEqual({
        ok: false,
        checks: { database: false, migrations: false, outbox: false },
      });
    } finally {
      await unreachable.close();
    }
  });
});
