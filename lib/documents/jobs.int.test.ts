import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, documentBlobs, documents, households, mailOutbox } from "@/db/schema";
import { closeHousehold, reopenHousehold } from "@/lib/households/closure";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { purgeClosedHouseholdDocuments, sendDocumentExpiryReminders } from "./jobs";
import { validateDocument } from "./review";
import { storeDocument } from "./store-document";
import { countBlobs, insertDocumentsCommune, insertSubscribedFamily, preparedPdf } from "./test-fixtures";
import { saveDocumentSettings } from "./types";

const database = setUpTestDatabase();
const db = () => database.db;

type Town = Awaited<ReturnType<typeof insertDocumentsCommune>>;
type Family = { householdId: string; family: { id: string }; agent: { id: string }; child: { id: string } };

async function validated(t: Town, f: Family, code: string, expiresOn: string | null, childId?: string) {
  const stored = await storeDocument(db(), {
    communeId: t.commune.id,
    householdId: f.householdId,
    userId: f.family.id,
    typeId: t.types[code]!,
    childId,
    prepared: preparedPdf(),
  });
  if (!stored.ok) throw new Error("upload failed");
  await validateDocument(db(), {
    communeId: t.commune.id,
    agentUserId: t.agent.id,
    documentId: stored.document.id,
    expiresOn,
  });
  return stored.document.id;
}

const mailsOf = (communeId: string) =>
  db()
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.communeId, communeId), eq(mailOutbox.template, "document-expiring-mail")));

describe("expiry reminders", () => {
  // Sunday 31/01/2027, 10:00 in Paris.
  const now = new Date("2027-01-31T09:00:00Z");

  it("mails a validated document expiring within a month once, not the others", async () => {
    const t = await insertDocumentsCommune(db());
    const today = await validated(t, t, "justificatif_domicile", "2027-01-31");
    const lastDay = await validated(t, t, "attestation_assurance", "2027-02-28", t.child.id);
    await validated(t, t, "attestation_caf", "2027-03-01"); // beyond a month
    await validated(t, t, "pai", "2027-01-30", t.child.id); // already expired
    await validated(t, t, "carnet_vaccination", null, t.child.id); // no expiry
    // A pending one expiring soon is not validated: no reminder.
    expect(await sendDocumentExpiryReminders(db(), { now: new Date("2027-01-31T06:00:00Z") })).toBe(0);
    expect(await sendDocumentExpiryReminders(db(), { now })).toBe(2);
    const mails = await mailsOf(t.commune.id);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      "Votre pièce justificative « Attestation d'assurance » expire le 28/02/2027",
      "Votre pièce justificative « Justificatif de domicile » expire le 31/01/2027",
    ]);
    expect(mails.every((m) => m.to === t.family.email)).toBe(true);
    expect(mails[0]!.text).toContain(`/${t.commune.slug}/espace-famille/pieces-justificatives`);
    const rows = await db().select().from(documents).where(eq(documents.householdId, t.householdId));
    expect(
      rows
        .filter((r) => r.expiryReminderSentAt)
        .map((r) => r.id)
        .sort(),
    ).toEqual([today, lastDay].sort());
    // Once per document.
    expect(await sendDocumentExpiryReminders(db(), { now: new Date("2027-01-31T19:00:00Z") })).toBe(0);
    // The next day, the one expiring on 01/03 enters the month.
    expect(await sendDocumentExpiryReminders(db(), { now: new Date("2027-02-01T09:00:00Z") })).toBe(1);
    expect(await mailsOf(t.commune.id)).toHaveLength(3);
  });

  it("does not mail a closed household", async () => {
    const t = await insertDocumentsCommune(db());
    await validated(t, t, "justificatif_domicile", "2027-02-10");
    await closeHousehold(db(), { communeId: t.commune.id, agentUserId: t.agent.id, householdId: t.householdId });
    expect(await sendDocumentExpiryReminders(db(), { now })).toBe(0);
  });
});

describe("closing a household", () => {
  it("closes and reopens once each, audited, only in its commune", async () => {
    const t = await insertDocumentsCommune(db());
    const other = await insertDocumentsCommune(db());
    const scope = { communeId: other.commune.id, agentUserId: other.agent.id, householdId: t.householdId };
    expect(await closeHousehold(db(), scope)).toBe(false);
    const own = { communeId: t.commune.id, agentUserId: t.agent.id, householdId: t.householdId };
    expect(await closeHousehold(db(), own)).toBe(true);
    expect(await closeHousehold(db(), own)).toBe(false);
    expect(await reopenHousehold(db(), scope)).toBe(false);
    expect(await reopenHousehold(db(), own)).toBe(true);
    expect(await reopenHousehold(db(), own)).toBe(false);
    const audits = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.communeId, t.commune.id), eq(auditLog.targetId, t.householdId)));
    expect(audits.map((a) => a.action).sort()).toEqual(["household.closed", "household.reopened"]);
  });
});

describe("retention purge", () => {
  it("deletes the rows and bytes of households closed past their commune's retention only, with an audit row", async () => {
    const now = new Date("2027-06-15T12:00:00Z");
    const t = await insertDocumentsCommune(db()); // default retention: 24 months
    const past = t; // closed 24 months and a day ago
    const recent = await insertSubscribedFamily(db(), t.commune.id); // closed 23 months ago
    const open = await insertSubscribedFamily(db(), t.commune.id);
    for (const f of [past, recent, open]) {
      await validated(t, f, "justificatif_domicile", null);
      await validated(t, f, "attestation_assurance", null, f.child.id);
    }
    const short = await insertDocumentsCommune(db());
    await saveDocumentSettings(db(), {
      communeId: short.commune.id,
      agentUserId: short.agent.id,
      values: { retentionMonths: 1 },
    });
    await validated(short, short, "justificatif_domicile", null);
    const close = (householdId: string, closedAt: string) =>
      db()
        .update(households)
        .set({ closedAt: new Date(closedAt) })
        .where(eq(households.id, householdId));
    await close(past.householdId, "2025-06-14T12:00:00Z");
    await close(recent.householdId, "2025-07-15T12:00:00Z");
    await close(short.householdId, "2027-05-15T11:00:00Z");
    const blobsBefore = await countBlobs(db(), t.commune.id);
    const pastKeys = (await db().select().from(documents).where(eq(documents.householdId, past.householdId))).map(
      (d) => d.storageKey,
    );

    expect(await purgeClosedHouseholdDocuments(db(), { now })).toBe(3);
    expect(await db().select().from(documents).where(eq(documents.householdId, past.householdId))).toEqual([]);
    expect(await db().select().from(documents).where(eq(documents.householdId, recent.householdId))).toHaveLength(2);
    expect(await db().select().from(documents).where(eq(documents.householdId, open.householdId))).toHaveLength(2);
    expect(await db().select().from(documents).where(eq(documents.householdId, short.householdId))).toEqual([]);
    expect(await countBlobs(db(), t.commune.id)).toBe(blobsBefore - 2);
    for (const key of pastKeys)
      expect(await db().select().from(documentBlobs).where(eq(documentBlobs.key, key))).toEqual([]);
    // The household stays.
    expect(await db().select().from(households).where(eq(households.id, past.householdId))).toHaveLength(1);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "document.retention_deleted"), eq(auditLog.targetId, past.householdId)));
    expect(audit).toMatchObject({ communeId: t.commune.id, actorUserId: null, targetType: "household" });
    expect(audit!.details).toMatchObject({ householdId: past.householdId, count: 2 });
    // Nothing left to do.
    expect(await purgeClosedHouseholdDocuments(db(), { now })).toBe(0);
  });
});
