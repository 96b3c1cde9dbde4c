import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { households, invoices, mailOutbox, subscriptions } from "@/db/schema";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { sendInvoiceReminders } from "./reminders";
import { insertBillingFamily, insertCreditNote, insertInvoice, insertPayment, insertRegie } from "./testing-fixtures";

/*
 * The due-date reminder. The race (two instances at once) counts only on PostgreSQL: run this file with
 * DATABASE_URL set; on PGlite it still checks that each invoice is mailed once.
 */

const database = setUpTestDatabase();

// Wednesday 20/01/2027, 09:00 in Paris.
const now = new Date("2027-01-20T08:00:00Z");
const today = "2027-01-20";

const remindersTo = (communeId: string) =>
  database.db
    .select({ to: mailOutbox.to, subject: mailOutbox.subject, html: mailOutbox.html, template: mailOutbox.template })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.communeId, communeId), eq(mailOutbox.template, "invoice-reminder-mail")));

describe("due-date reminder", () => {
  it("mails once the invoices still due within 3 days, never a direct debit, treasury, cancelled or paid one", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    const regie = await insertRegie(db, { communeId: commune.id });
    const family = await insertBillingFamily(db, commune.id, "MARTIN");
    // A second account follows the same household; a disabled third one does not get mails.
    const partner = await insertUser(db, commune.id, "family");
    const disabled = await insertUser(db, commune.id, "family", { status: "disabled" });
    await db.insert(subscriptions).values(
      [partner, disabled].map((user) => ({
        communeId: commune.id,
        userId: user.id,
        householdId: family.householdId,
        method: "subscriber_code" as const,
      })),
    );
    const h = { communeId: commune.id, householdId: family.householdId, regieId: regie.id, issuedOn: "2027-01-05" };
    const inTwoDays = await insertInvoice(db, { ...h, dueOn: "2027-01-22", amountCents: 4000 });
    const inThreeDays = await insertInvoice(db, { ...h, dueOn: "2027-01-23", amountCents: 3000 });
    const dueToday = await insertInvoice(db, { ...h, dueOn: today, amountCents: 2500 });
    const partlyPaid = await insertInvoice(db, { ...h, dueOn: "2027-01-21", amountCents: 8640 });
    await insertPayment(db, {
      ...h,
      receivedOn: today,
      allocations: [{ invoiceId: partlyPaid.id, amountCents: 4000 }],
    });
    const notYet = await insertInvoice(db, { ...h, dueOn: "2027-01-24", amountCents: 1000 });
    const late = await insertInvoice(db, { ...h, dueOn: "2027-01-19", amountCents: 1000 });
    const debit = await insertInvoice(db, {
      ...h,
      dueOn: "2027-01-21",
      amountCents: 1000,
      directDebitOn: "2027-01-21",
    });
    const treasury = await insertInvoice(db, {
      ...h,
      dueOn: "2027-01-21",
      amountCents: 1000,
      treasuryOn: "2027-01-10",
    });
    const cancelled = await insertInvoice(db, { ...h, dueOn: "2027-01-21", amountCents: 1000 });
    await insertCreditNote(db, { ...h, invoiceId: cancelled.id, amountCents: 1000, issuedOn: "2027-01-10" });
    const paid = await insertInvoice(db, { ...h, dueOn: "2027-01-21", amountCents: 1000 });
    await insertPayment(db, { ...h, receivedOn: today, allocations: [{ invoiceId: paid.id, amountCents: 1000 }] });
    // A household nobody follows yet: its invoice waits (unclaimed) for an account.
    const [orphan] = await db
      .insert(households)
      .values({ communeId: commune.id, name: "SEUL", subscriberCode: "SEUL0001" })
      .returning();
    const orphanInvoice = await insertInvoice(db, {
      ...h,
      householdId: orphan!.id,
      dueOn: "2027-01-21",
      amountCents: 1000,
    });

    // Not in the night.
    expect(await sendInvoiceReminders(db, new Date("2027-01-20T06:59:00Z"))).toEqual({ mails: 0, invoices: 0 });

    expect(await sendInvoiceReminders(db, now)).toEqual({ mails: 8, invoices: 4 });
    const mails = await remindersTo(commune.id);
    expect(new Set(mails.map((m) => m.to))).toEqual(new Set([family.family.email, partner.email]));
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [
        [inTwoDays.reference, "22/01/2027"],
        [inThreeDays.reference, "23/01/2027"],
        [dueToday.reference, "20/01/2027"],
        [partlyPaid.reference, "21/01/2027"],
      ]
        .flatMap(([ref, day]) => Array(2).fill(`Rappel : votre facture n° ${ref} arrive à échéance le ${day}`))
        .sort(),
    );
    const partly = mails.find((m) => m.subject.includes(partlyPaid.reference))!;
    expect(partly.html).toContain(`/${commune.slug}/espace-facturation/factures/${partlyPaid.id}`);
    expect(partly.html).toMatch(/46,40\s€/);

    const flagged = await db
      .select({ id: invoices.id, reminderSentAt: invoices.reminderSentAt })
      .from(invoices)
      .where(eq(invoices.communeId, commune.id));
    const sent = new Set(flagged.filter((f) => f.reminderSentAt).map((f) => f.id));
    expect(sent).toEqual(new Set([inTwoDays.id, inThreeDays.id, dueToday.id, partlyPaid.id]));
    for (const untouched of [notYet, late, debit, treasury, cancelled, paid, orphanInvoice])
      expect(sent.has(untouched.id)).toBe(false);

    // Later runs of the day, and the next day: nothing twice; the next day brings the one now within 3 days.
    expect(await sendInvoiceReminders(db, new Date(now.getTime() + 60_000))).toEqual({ mails: 0, invoices: 0 });
    expect(await sendInvoiceReminders(db, new Date("2027-01-21T08:00:00Z"))).toEqual({ mails: 2, invoices: 1 });
    expect(await remindersTo(commune.id)).toHaveLength(10);
  });

  it("mails each invoice once when two instances run it at the same time", async () => {
    const db = database.db;
    const commune = await insertCommune(db);
    const regie = await insertRegie(db, { communeId: commune.id });
    const families = await Promise.all(Array.from({ length: 30 }, () => insertBillingFamily(db, commune.id)));
    const ids: string[] = [];
    for (const family of families) {
      const invoice = await insertInvoice(db, {
        communeId: commune.id,
        householdId: family.householdId,
        regieId: regie.id,
        issuedOn: "2027-01-05",
        dueOn: "2027-01-22",
        amountCents: 1500,
      });
      ids.push(invoice.id);
    }
    const runs = await Promise.all([
      sendInvoiceReminders(db, now),
      sendInvoiceReminders(db, now),
      sendInvoiceReminders(db, now),
    ]);
    expect(runs.reduce((sum, run) => sum + run.invoices, 0)).toBe(30);
    expect(runs.reduce((sum, run) => sum + run.mails, 0)).toBe(30);
    const mails = await remindersTo(commune.id);
    expect(mails).toHaveLength(30);
    expect(new Set(mails.map((m) => m.to)).size).toBe(30);
    const claimed = await db
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(inArray(invoices.id, ids), isNotNull(invoices.reminderSentAt)));
    expect(claimed).toHaveLength(30);
  });
});
