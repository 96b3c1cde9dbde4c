import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bankAccounts, documents, requests } from "@/db/schema";
import { decideRequest } from "@/lib/requests/decide";
import { submitChange } from "@/lib/requests/submit-change";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { listRequestDocuments } from "./household-documents";
import { countBlobs, insertDocumentsCommune, preparedPdf } from "./test-fixtures";

const database = setUpTestDatabase();
const db = () => database.db;

type Town = Awaited<ReturnType<typeof insertDocumentsCommune>>;

const bankChange = (t: Town, iban: string, attachment?: ReturnType<typeof preparedPdf>) =>
  submitChange(db(), {
    ...t.scope,
    userId: t.family.id,
    type: "bank.update",
    targetId: t.householdId,
    proposed: { iban, bic: "BNPAFRPP", holderName: "Claire MARTIN", directDebit: true },
    attachment,
  });

const IBAN = "FR76 3000 6000 0112 3456 7890 189";
const OTHER_IBAN = "FR14 2004 1010 0505 0001 3M02 606";

describe("a change of bank details and its RIB", () => {
  it("is refused without a RIB, and nothing is written", async () => {
    const t = await insertDocumentsCommune(db());
    const blobs = await countBlobs(db(), t.commune.id);
    expect(await bankChange(t, IBAN)).toEqual({ ok: false, reason: "document_required", code: "rib" });
    expect(await db().select().from(requests).where(eq(requests.householdId, t.householdId))).toHaveLength(0);
    expect(await db().select().from(documents).where(eq(documents.householdId, t.householdId))).toHaveLength(0);
    expect(await countBlobs(db(), t.commune.id)).toBe(blobs);
  });

  it("stores the RIB with the request; an update of the pending request needs no new one; accepting validates both", async () => {
    const t = await insertDocumentsCommune(db());
    const created = await bankChange(t, IBAN, preparedPdf());
    expect(created).toMatchObject({ ok: true, outcome: "created" });
    const requestId = created.ok ? created.request!.id : "";
    const [rib] = await db().select().from(documents).where(eq(documents.requestId, requestId));
    expect(rib).toMatchObject({ state: "pending", typeId: t.types.rib, householdId: t.householdId });
    // The family corrects the IBAN: the RIB already with the pending request is enough.
    expect(await bankChange(t, OTHER_IBAN)).toMatchObject({ ok: true, outcome: "updated" });
    // The agent sees it among the request's documents, not another commune.
    expect((await listRequestDocuments(db(), { communeId: t.commune.id, requestId })).map((d) => d.id)).toEqual([
      rib!.id,
    ]);
    const other = await insertDocumentsCommune(db());
    expect(await listRequestDocuments(db(), { communeId: other.commune.id, requestId })).toEqual([]);

    expect(
      await decideRequest(db(), { communeId: t.commune.id, agentUserId: t.agent.id, requestId, decision: "accepted" }),
    ).toMatchObject({ ok: true });
    const [validated] = await db().select().from(documents).where(eq(documents.id, rib!.id));
    expect(validated).toMatchObject({ state: "validated", reviewedByUserId: t.agent.id, expiresOn: null });
    const [bank] = await db().select().from(bankAccounts).where(eq(bankAccounts.householdId, t.householdId));
    expect(bank?.bic).toBe("BNPAFRPP");
  });

  it("a refused RIB no longer counts: the updated request needs a new one, which replaces it", async () => {
    const t = await insertDocumentsCommune(db());
    const created = await bankChange(t, IBAN, preparedPdf());
    const requestId = created.ok ? created.request!.id : "";
    const [rib] = await db().select().from(documents).where(eq(documents.requestId, requestId));
    await db()
      .update(documents)
      .set({ state: "refused", refusalReason: "Illisible", reviewedAt: new Date() })
      .where(eq(documents.id, rib!.id));
    expect(await bankChange(t, OTHER_IBAN)).toEqual({ ok: false, reason: "document_required", code: "rib" });
    expect(await bankChange(t, OTHER_IBAN, preparedPdf())).toMatchObject({ ok: true, outcome: "updated" });
    const rows = await db().select().from(documents).where(eq(documents.requestId, requestId));
    expect(rows.map((r) => r.state).sort()).toEqual(["pending", "replaced"]);
  });

  it("refusing the request refuses its pending RIB with the request's message", async () => {
    const t = await insertDocumentsCommune(db());
    const created = await bankChange(t, IBAN, preparedPdf());
    const requestId = created.ok ? created.request!.id : "";
    expect(
      await decideRequest(db(), {
        communeId: t.commune.id,
        agentUserId: t.agent.id,
        requestId,
        decision: "refused",
        message: "Le RIB n'est pas au nom du titulaire.",
      }),
    ).toMatchObject({ ok: true });
    const [rib] = await db()
      .select()
      .from(documents)
      .where(and(eq(documents.requestId, requestId), eq(documents.communeId, t.commune.id)));
    expect(rib).toMatchObject({ state: "refused", refusalReason: "Le RIB n'est pas au nom du titulaire." });
  });

  it("other change types ignore an attachment", async () => {
    const t = await insertDocumentsCommune(db());
    const result = await submitChange(db(), {
      ...t.scope,
      userId: t.family.id,
      type: "guardian.update",
      targetId: t.guardian.id,
      proposed: { mobilePhone: "06 99 99 99 99" },
      attachment: preparedPdf(),
    });
    expect(result).toMatchObject({ ok: true, outcome: "created" });
    expect(await db().select().from(documents).where(eq(documents.householdId, t.householdId))).toHaveLength(0);
  });
});
