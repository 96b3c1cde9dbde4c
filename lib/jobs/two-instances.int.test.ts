import { count, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { prepareDatabase } from "@/db/prepare";
import { communes, documents, invoices, mailOutbox, users } from "@/db/schema";
import { addDays, parisDay } from "@/lib/planning/days";
import { databaseUrl, runOnServer, uniqueDatabaseName } from "@/lib/testing/postgres-test-databases";
import { runMaintenance } from "./maintenance";

/*
 * Two instances of the portal side by side on one PostgreSQL database (the way to use more than one core), each
 * with its own connection pool, as two `node server.mjs` processes have. Only PostgreSQL: an embedded folder is
 * opened by one process only, and PGlite runs one transaction at a time, so nothing would overlap.
 */

const template = inject("databaseTemplate");
const serverUrl = template.kind === "postgres" ? template.serverUrl : undefined;

describe.runIf(serverUrl)("two instances on one PostgreSQL database", () => {
  const database = uniqueDatabaseName("portail_two");
  let instances: DatabaseHandle[] = [];

  beforeAll(async () => {
    // An empty database, not the migrated template: the instances' first start does everything.
    await runOnServer(serverUrl!, `create database ${database}`);
    instances = await Promise.all(
      [1, 2].map(() => openDatabase({ url: databaseUrl(serverUrl!, database), dataDir: "" })),
    );
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
    await runOnServer(serverUrl!, `drop database if exists ${database} with (force)`);
  });

  it("migrate and seed the demo once when they start together", async () => {
    // What lib/db.ts does when each instance starts.
    await Promise.all(instances.map((instance) => prepareDatabase(instance, { seedDemo: true })));
    const db = instances[0]!.db;
    const [towns] = await db.select({ n: count() }).from(communes);
    const [accounts] = await db
      .select({ n: count(), emails: sql<number>`count(distinct ${users.email})::int` })
      .from(users);
    expect(towns!.n).toBe(2);
    expect(accounts!.n).toBeGreaterThan(5);
    expect(accounts!.n).toBe(accounts!.emails);
  }, 120_000);

  it("run each job once per due time: no mail goes out twice", async () => {
    const db = instances[0]!.db;
    // 18:05 in Paris (winter) today: past the reminders' 08:00 and in the 18:00 digest window. The demo's invoices
    // fall due in two days and its documents expire in ten: both reminders are due for every one of them.
    const evening = new Date();
    evening.setUTCHours(17, 5, 0, 0);
    await db.update(invoices).set({ dueOn: addDays(parisDay(evening), 2) });
    await db
      .update(documents)
      .set({ expiresOn: addDays(parisDay(evening), 10) })
      .where(isNotNull(documents.expiresOn));
    const [before] = await db.select({ n: count() }).from(mailOutbox);

    const runBoth = () => Promise.all(instances.map((instance) => runMaintenance(instance.db, evening)));
    await runBoth();
    await runBoth();

    const mails = await db
      .select({ to: mailOutbox.to, subject: mailOutbox.subject, template: mailOutbox.template, n: count() })
      .from(mailOutbox)
      .groupBy(mailOutbox.to, mailOutbox.subject, mailOutbox.template);
    const templates = new Set(mails.map((mail) => mail.template));
    expect(templates).toContain("invoice-reminder-mail");
    expect(templates).toContain("document-expiring-mail");
    const [after] = await db.select({ n: count() }).from(mailOutbox);
    expect(after!.n).toBeGreaterThan(before!.n);
    expect(mails.filter((mail) => mail.n > 1)).toEqual([]);
  }, 120_000);
});
