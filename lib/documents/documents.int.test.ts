import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, documents, mailOutbox, requests } from "@/db/schema";
import { insertCommune } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { countDocumentsToProvide, listHouseholdDocuments, listRequestDocuments } from "./household-documents";
import { findDocumentForReview, listDocumentQueue } from "./queue";
import { refuseDocument, validateDocument, validateDocuments } from "./review";
import { storeDocument } from "./store-document";
import { countBlobs, insertDocumentsCommune, insertSubscribedFamily, preparedPdf } from "./test-fixtures";
import {
  ensureDefaultDocumentTypes,
  findDocumentType,
  findDocumentTypeByCode,
  listDocumentTypes,
  readDocumentSettings,
  saveDocumentSettings,
  saveDocumentType,
} from "./types";

const database = setUpTestDatabase();
const db = () => database.db;
const today = "2027-03-15";

type Town = Awaited<ReturnType<typeof insertDocumentsCommune>>;
let town: Town;
let other: Town;

beforeAll(async () => {
  town = await insertDocumentsCommune(db());
  other = await insertDocumentsCommune(db());
});

const upload = (t: Town, code: string, extra: { childId?: string; requestId?: string } = {}) =>
  storeDocument(db(), {
    communeId: t.commune.id,
    householdId: t.householdId,
    userId: t.family.id,
    typeId: t.types[code]!,
    prepared: preparedPdf(),
    ...extra,
  });

async function insertRequest(t: Town) {
  const [row] = await db()
    .insert(requests)
    .values({
      communeId: t.commune.id,
      householdId: t.householdId,
      createdByUserId: t.family.id,
      reference: `D-${Math.random().toString(36).slice(2, 10)}`,
      type: "bank.update",
      targetType: "household",
      targetId: t.householdId,
      payload: {},
      subject: "RIB",
    } as typeof requests.$inferInsert)
    .returning();
  return row!;
}

describe("document types", () => {
  it("ensureDefaultDocumentTypes is idempotent and per commune", async () => {
    const before = await listDocumentTypes(db(), { communeId: town.commune.id });
    await ensureDefaultDocumentTypes(db(), town.commune.id);
    expect(await listDocumentTypes(db(), { communeId: town.commune.id })).toHaveLength(before.length);
    expect(before.map((t) => t.code)).toContain("rib");
    expect(await findDocumentType(db(), { communeId: other.commune.id, typeId: town.types.rib! })).toBeNull();
    expect((await findDocumentTypeByCode(db(), { communeId: town.commune.id, code: "rib" }))?.id).toBe(town.types.rib);
  });

  it("saves a new type from its label, refuses a duplicate code and another commune's type", async () => {
    const values = {
      label: "Attestation d'employeur",
      audience: "household",
      required: true,
      isHealth: false,
      active: true,
      validityMonths: 6,
    } as const;
    const saved = await saveDocumentType(db(), { communeId: town.commune.id, agentUserId: town.agent.id, values });
    expect(saved.ok).toBe(true);
    const type = await findDocumentTypeByCode(db(), { communeId: town.commune.id, code: "attestation_d_employeur" });
    expect(type?.validityMonths).toBe(6);
    expect(await saveDocumentType(db(), { communeId: town.commune.id, agentUserId: town.agent.id, values })).toEqual({
      ok: false,
      reason: "duplicate",
    });
    expect(
      await saveDocumentType(db(), {
        communeId: other.commune.id,
        agentUserId: other.agent.id,
        values: { ...values, id: type!.id, label: "Volé" },
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    // Inactive: no longer asked for.
    await saveDocumentType(db(), {
      communeId: town.commune.id,
      agentUserId: town.agent.id,
      values: { ...values, id: type!.id, active: false },
    });
    expect((await listDocumentTypes(db(), { communeId: town.commune.id })).map((t) => t.id)).not.toContain(type!.id);
    expect(
      (await listDocumentTypes(db(), { communeId: town.commune.id, includeInactive: true })).map((t) => t.id),
    ).toContain(type!.id);
  });

  it("reads the retention default, saves it per commune, audited", async () => {
    const commune = await insertCommune(db());
    expect(await readDocumentSettings(db(), { communeId: commune.id })).toEqual({ retentionMonths: 24 });
    await saveDocumentSettings(db(), {
      communeId: commune.id,
      agentUserId: town.agent.id,
      values: { retentionMonths: 6 },
    });
    expect(await readDocumentSettings(db(), { communeId: commune.id })).toEqual({ retentionMonths: 6 });
    expect(await readDocumentSettings(db(), { communeId: other.commune.id })).toEqual({ retentionMonths: 24 });
  });
});

describe("storeDocument", () => {
  it("stores a pending document with a built file name, bytes and audit; a new one replaces it", async () => {
    const blobs = await countBlobs(db(), town.commune.id);
    const first = await upload(town, "justificatif_domicile");
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.document.state).toBe("pending");
    expect(first.document.fileName).toBe(`Justificatif de domicile - ${town.household.name}.pdf`);
    expect(await countBlobs(db(), town.commune.id)).toBe(blobs + 1);
    const second = await upload(town, "justificatif_domicile");
    expect(second.ok).toBe(true);
    const [old] = await db().select().from(documents).where(eq(documents.id, first.document.id));
    expect(old!.state).toBe("replaced");
    expect(old!.replacedAt).not.toBeNull();
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "document.uploaded"), eq(auditLog.communeId, town.commune.id)));
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses another commune's type, another household's child, and a mismatched audience", async () => {
    expect(
      await storeDocument(db(), {
        communeId: town.commune.id,
        householdId: town.householdId,
        userId: town.family.id,
        typeId: other.types.justificatif_domicile!,
        prepared: preparedPdf(),
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    // A household of another commune, named with this commune.
    expect(
      await storeDocument(db(), {
        communeId: town.commune.id,
        householdId: other.householdId,
        userId: town.family.id,
        typeId: town.types.justificatif_domicile!,
        prepared: preparedPdf(),
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    const neighbour = await insertSubscribedFamily(db(), town.commune.id);
    expect(await upload(town, "attestation_assurance", { childId: neighbour.child.id })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await upload(town, "attestation_assurance")).toEqual({ ok: false, reason: "not_found" });
    expect(await upload(town, "justificatif_domicile", { childId: town.child.id })).toEqual({
      ok: false,
      reason: "not_found",
    });
    // A request type needs a request of this household.
    expect(await upload(town, "rib")).toEqual({ ok: false, reason: "not_found" });
    const theirs = await insertRequest(other);
    expect(await upload(town, "rib", { requestId: theirs.id })).toEqual({ ok: false, reason: "not_found" });
    const [count] = await db().select().from(documents).where(eq(documents.householdId, neighbour.householdId));
    expect(count).toBeUndefined();
  });
});

describe("the household's list", () => {
  it("lists household and child lines with their state, and counts what is to provide", async () => {
    const family = await insertDocumentsCommune(db());
    const lines = await listHouseholdDocuments(db(), {
      communeId: family.commune.id,
      householdId: family.householdId,
      today,
    });
    // 2 household types + 3 child types for the one child; request types only once handed in.
    expect(lines.map((l) => `${l.type.code}:${l.child?.firstName ?? "-"}`)).toEqual([
      "justificatif_domicile:-",
      "attestation_caf:-",
      "attestation_assurance:Léa",
      "carnet_vaccination:Léa",
      "pai:Léa",
    ]);
    expect(lines.every((l) => l.display === "missing")).toBe(true);
    // PAI is optional: not counted.
    expect(
      await countDocumentsToProvide(db(), { communeId: family.commune.id, householdId: family.householdId, today }),
    ).toBe(4);

    const stored = await upload(family, "justificatif_domicile");
    const caf = await upload(family, "attestation_caf");
    if (!stored.ok || !caf.ok) throw new Error("upload failed");
    await validateDocument(db(), {
      communeId: family.commune.id,
      agentUserId: family.agent.id,
      documentId: caf.document.id,
      expiresOn: "2027-03-14",
    });
    const request = await insertRequest(family);
    await upload(family, "rib", { requestId: request.id });
    const after = await listHouseholdDocuments(db(), {
      communeId: family.commune.id,
      householdId: family.householdId,
      today,
    });
    expect(after.find((l) => l.type.code === "justificatif_domicile")!.display).toBe("pending");
    expect(after.find((l) => l.type.code === "attestation_caf")!.display).toBe("expired");
    const rib = after.find((l) => l.type.code === "rib")!;
    expect(rib.display).toBe("pending");
    expect(rib.request?.id).toBe(request.id);
    // Domicile pending: no longer counted; CAF expired: still counted.
    expect(
      await countDocumentsToProvide(db(), { communeId: family.commune.id, householdId: family.householdId, today }),
    ).toBe(3);
    // Another commune sees nothing of it.
    expect(
      await listHouseholdDocuments(db(), { communeId: other.commune.id, householdId: family.householdId, today }),
    ).toHaveLength(2 + 3 * 0);
    expect(await listRequestDocuments(db(), { communeId: family.commune.id, requestId: request.id })).toHaveLength(1);
    expect(await listRequestDocuments(db(), { communeId: other.commune.id, requestId: request.id })).toHaveLength(0);
  });
});

describe("review", () => {
  it("upload → validate: validated until the date, audited; a second decision is already_reviewed", async () => {
    const stored = await upload(town, "attestation_caf");
    if (!stored.ok) throw new Error("upload failed");
    const id = stored.document.id;
    expect(
      await validateDocument(db(), {
        communeId: other.commune.id,
        agentUserId: other.agent.id,
        documentId: id,
        expiresOn: null,
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(
      await validateDocument(db(), {
        communeId: town.commune.id,
        agentUserId: town.agent.id,
        documentId: id,
        expiresOn: "2028-03-15",
      }),
    ).toEqual({ ok: true });
    const [row] = await db().select().from(documents).where(eq(documents.id, id));
    expect(row).toMatchObject({ state: "validated", expiresOn: "2028-03-15", reviewedByUserId: town.agent.id });
    expect(
      await refuseDocument(db(), {
        communeId: town.commune.id,
        agentUserId: town.agent.id,
        documentId: id,
        reason: "Non",
      }),
    ).toEqual({ ok: false, reason: "already_reviewed" });
  });

  it("upload → refuse: reason stored and mailed to the household's subscribers with the link to the list", async () => {
    const stored = await upload(town, "attestation_assurance", { childId: town.child.id });
    if (!stored.ok) throw new Error("upload failed");
    const id = stored.document.id;
    expect(
      await refuseDocument(db(), {
        communeId: other.commune.id,
        agentUserId: other.agent.id,
        documentId: id,
        reason: "Non",
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(
      await refuseDocument(db(), {
        communeId: town.commune.id,
        agentUserId: town.agent.id,
        documentId: id,
        reason: "  Le document est illisible.  ",
      }),
    ).toEqual({ ok: true });
    const [row] = await db().select().from(documents).where(eq(documents.id, id));
    expect(row).toMatchObject({ state: "refused", refusalReason: "Le document est illisible." });
    const mails = await db()
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.communeId, town.commune.id), eq(mailOutbox.template, "document-refused-mail")));
    expect(mails.map((m) => m.to)).toEqual([town.family.email]);
    expect(mails[0]!.subject).toBe("Votre pièce justificative « Attestation d'assurance » a été refusée");
    expect(mails[0]!.text).toContain("Le document est illisible.");
    expect(mails[0]!.text).toContain(`/${town.commune.slug}/espace-famille/pieces-justificatives`);
    const lines = await listHouseholdDocuments(db(), {
      communeId: town.commune.id,
      householdId: town.householdId,
      today,
    });
    const line = lines.find((l) => l.type.code === "attestation_assurance")!;
    expect(line.display).toBe("refused");
    expect(line.toProvide).toBe(true);
    // Replaced after a refusal: the new one is pending, the refused one replaced.
    await upload(town, "attestation_assurance", { childId: town.child.id });
    const [old] = await db().select().from(documents).where(eq(documents.id, id));
    expect(old!.state).toBe("replaced");
  });

  it("validates a selection with each type's default expiry, only the commune's pending ones", async () => {
    const family = await insertDocumentsCommune(db());
    const a = await upload(family, "justificatif_domicile");
    const b = await upload(family, "carnet_vaccination", { childId: family.child.id });
    const theirs = await upload(other, "justificatif_domicile");
    if (!a.ok || !b.ok || !theirs.ok) throw new Error("upload failed");
    const n = await validateDocuments(db(), {
      communeId: family.commune.id,
      agentUserId: family.agent.id,
      documentIds: [a.document.id, b.document.id, theirs.document.id],
      today: "2027-01-31",
    });
    expect(n).toBe(2);
    const rows = await db().select().from(documents).where(eq(documents.householdId, family.householdId));
    expect(rows.find((r) => r.id === a.document.id)!.expiresOn).toBe("2028-01-31");
    expect(rows.find((r) => r.id === b.document.id)!.expiresOn).toBeNull();
    const [untouched] = await db().select().from(documents).where(eq(documents.id, theirs.document.id));
    expect(untouched!.state).toBe("pending");
    expect(
      await validateDocuments(db(), {
        communeId: family.commune.id,
        agentUserId: family.agent.id,
        documentIds: [a.document.id],
        today,
      }),
    ).toBe(0);
  });
});

describe("queue", () => {
  it("lists the commune's pending documents oldest first, filters by type, and finds one for review", async () => {
    const family = await insertDocumentsCommune(db());
    const first = await upload(family, "justificatif_domicile");
    const second = await upload(family, "carnet_vaccination", { childId: family.child.id });
    if (!first.ok || !second.ok) throw new Error("upload failed");
    const queue = await listDocumentQueue(db(), { communeId: family.commune.id, page: 1 });
    expect(queue.total).toBe(2);
    expect(queue.rows.map((r) => r.id)).toEqual([first.document.id, second.document.id]);
    expect(queue.rows[1]).toMatchObject({
      childName: `Léa ${family.household.name}`,
      householdName: family.household.name,
    });
    const byType = await listDocumentQueue(db(), {
      communeId: family.commune.id,
      typeId: family.types.carnet_vaccination,
      page: 1,
    });
    expect(byType.rows.map((r) => r.id)).toEqual([second.document.id]);
    expect((await listDocumentQueue(db(), { communeId: family.commune.id, page: 2 })).rows).toEqual([]);
    expect((await listDocumentQueue(db(), { communeId: family.commune.id, state: "validated", page: 1 })).total).toBe(
      0,
    );
    const otherQueue = await listDocumentQueue(db(), { communeId: other.commune.id, page: 1 });
    expect(otherQueue.rows.map((r) => r.id)).not.toContain(first.document.id);

    const review = await findDocumentForReview(db(), {
      communeId: family.commune.id,
      documentId: first.document.id,
      today: "2027-01-31",
    });
    expect(review).toMatchObject({
      state: "pending",
      defaultExpiresOn: "2028-01-31",
      type: { label: "Justificatif de domicile", isHealth: false },
      household: { id: family.householdId, name: family.household.name },
      child: null,
      request: null,
    });
    expect(
      await findDocumentForReview(db(), { communeId: other.commune.id, documentId: first.document.id, today }),
    ).toBeNull();
  });
});
