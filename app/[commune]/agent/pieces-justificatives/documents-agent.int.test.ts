import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeHouseholdAction, reopenHouseholdAction } from "@/app/[commune]/agent/familles/[id]/actions-closure";
import {
  type Commune,
  documentSettings,
  documents,
  documentTypes,
  households,
  mailOutbox,
  subscriptions,
  type User,
} from "@/db/schema";
import type { PreparedDocument } from "@/lib/documents/prepared";
import { storeDocument } from "@/lib/documents/store-document";
import { ensureDefaultDocumentTypes, findDocumentTypeByCode } from "@/lib/documents/types";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { redirectTarget } from "@/lib/households/demo-fixture";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, runAfterResponse, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import {
  refuseDocumentAction,
  saveDocumentSettingsAction,
  saveDocumentTypeAction,
  validateDocumentAction,
  validateDocumentsAction,
} from "./actions";

/*
 * The agents' actions on documents: each decides only a pending document of the agent's own commune, and writes
 * nothing for a document, type or household of another commune, nor for a family account.
 */

const database = setUpTestDatabase();

let town: Commune;
let other: Commune;
let agent: User;
let admin: User;
let familyUser: User;
let otherAgent: User;
let otherAdmin: User;
let family: Awaited<ReturnType<typeof insertFamily>>;
let otherFamily: Awaited<ReturnType<typeof insertFamily>>;
let sample: PreparedDocument;

const NO_ACCESS = "Vous n'avez pas accès à cette action.";

async function samplePdf(): Promise<PreparedDocument> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]);
  const bytes = await pdf.save();
  return {
    bytes,
    mediaType: "application/pdf",
    extension: "pdf",
    pageCount: 1,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/** A pending document of the family's household, of the type of this code (a child's for a "child" type). */
async function pendingDocument(owner: typeof family, code: string) {
  const type = (await findDocumentTypeByCode(database.db, { communeId: owner.scope.communeId, code }))!;
  const result = await storeDocument(database.db, {
    communeId: owner.scope.communeId,
    householdId: owner.householdId,
    userId: owner.family.id,
    typeId: type.id,
    childId: type.audience === "child" ? owner.child.id : null,
    prepared: sample,
  });
  if (!result.ok) throw new Error(`document not stored: ${result.reason}`);
  return result.document;
}

const reread = async (id: string) => (await database.db.select().from(documents).where(eq(documents.id, id)))[0]!;
const mailsTo = (email: string) => database.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));

beforeAll(async () => {
  const db = database.db;
  town = await insertCommune(db);
  other = await insertCommune(db);
  await ensureDefaultDocumentTypes(db, town.id);
  await ensureDefaultDocumentTypes(db, other.id);
  agent = await insertUser(db, town.id, "agent");
  admin = await insertUser(db, town.id, "admin");
  otherAgent = await insertUser(db, other.id, "agent");
  otherAdmin = await insertUser(db, other.id, "admin");
  family = await insertFamily(db, town.id);
  otherFamily = await insertFamily(db, other.id);
  familyUser = family.family;
  await db
    .insert(subscriptions)
    .values({ communeId: town.id, userId: family.family.id, householdId: family.householdId, method: "agent" });
  sample = await samplePdf();
});

describe("Valider / Refuser a document", () => {
  let documentId: string;
  beforeEach(async () => {
    documentId = (await pendingDocument(family, "justificatif_domicile")).id;
  });

  it("validates with the expiry typed, records the reviewer, then goes back to the queue saying so", async () => {
    signInAs(agent, town.slug);
    const target = await redirectTarget(
      validateDocumentAction(town.slug, null, formData({ documentId, expiresOn: "2030-06-30" })),
    );
    expect(target).toBe(`/${town.slug}/agent/pieces-justificatives?decision=validee`);
    expect(await reread(documentId)).toMatchObject({
      state: "validated",
      expiresOn: "2030-06-30",
      reviewedByUserId: agent.id,
    });
  });

  it("validates without an expiry when the date is left empty", async () => {
    signInAs(agent, town.slug);
    await redirectTarget(validateDocumentAction(town.slug, null, formData({ documentId, expiresOn: "" })));
    expect(await reread(documentId)).toMatchObject({ state: "validated", expiresOn: null });
  });

  it("refuses an expiry date in the past, beyond ten years or not a real day, at the field, and writes nothing", async () => {
    signInAs(agent, town.slug);
    for (const expiresOn of ["2001-01-01", "2026-02-30", "0000-00-00", "2099-12-31"]) {
      const result = await validateDocumentAction(town.slug, null, formData({ documentId, expiresOn }));
      expect(result).toMatchObject({ ok: false, fieldErrors: { expiresOn: [expect.any(String)] } });
    }
    expect(await reread(documentId)).toMatchObject({ state: "pending", reviewedAt: null });
  });

  it("refuses with the reason, mails it to the household's subscribers, and goes back to the queue", async () => {
    signInAs(agent, town.slug);
    const reason = "Le justificatif a plus de trois mois.";
    const target = await redirectTarget(refuseDocumentAction(town.slug, null, formData({ documentId, reason })));
    expect(target).toBe(`/${town.slug}/agent/pieces-justificatives?decision=refusee`);
    expect(await reread(documentId)).toMatchObject({
      state: "refused",
      refusalReason: reason,
      reviewedByUserId: agent.id,
    });
    await runAfterResponse();
    const mails = await mailsTo(family.family.email);
    expect(mails.some((mail) => mail.text.includes(reason))).toBe(true);
  });

  it("asks for the reason of a refusal and writes nothing without it", async () => {
    signInAs(agent, town.slug);
    const result = await refuseDocumentAction(town.slug, null, formData({ documentId, reason: "   " }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { reason: ["Indiquez le motif du refus."] } });
    expect(await reread(documentId)).toMatchObject({ state: "pending", refusalReason: null });
  });

  it("says a document already decided is no longer to check (two agents at once)", async () => {
    signInAs(agent, town.slug);
    await redirectTarget(validateDocumentAction(town.slug, null, formData({ documentId, expiresOn: "" })));
    signInAs(admin, town.slug);
    const again = await refuseDocumentAction(town.slug, null, formData({ documentId, reason: "Illisible." }));
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining("déjà été vérifié") });
    expect(await reread(documentId)).toMatchObject({ state: "validated", reviewedByUserId: agent.id });
  });

  it("does not let an agent of another commune decide it, and writes nothing", async () => {
    signInAs(otherAgent, other.slug);
    expect(
      await validateDocumentAction(other.slug, null, formData({ documentId, expiresOn: "2030-06-30" })),
    ).toMatchObject({ ok: false, message: "Ce document est introuvable." });
    expect(await refuseDocumentAction(other.slug, null, formData({ documentId, reason: "Illisible." }))).toMatchObject({
      ok: false,
      message: "Ce document est introuvable.",
    });
    // Nor by naming the document's commune: the session is not of that commune.
    expect(
      await validateDocumentAction(town.slug, null, formData({ documentId, expiresOn: "2030-06-30" })),
    ).toMatchObject({ ok: false });
    expect(await reread(documentId)).toMatchObject({ state: "pending", reviewedAt: null, refusalReason: null });
    expect(await mailsTo(family.family.email)).not.toContainEqual(
      expect.objectContaining({ text: expect.stringContaining("Illisible.") }),
    );
  });

  it("does not let a family account decide it", async () => {
    signInAs(familyUser, town.slug);
    expect(await validateDocumentAction(town.slug, null, formData({ documentId, expiresOn: "" }))).toEqual({
      ok: false,
      message: NO_ACCESS,
      fieldErrors: {},
    });
    expect(await refuseDocumentAction(town.slug, null, formData({ documentId, reason: "Illisible." }))).toMatchObject({
      ok: false,
      message: NO_ACCESS,
    });
    expect(await validateDocumentsAction(town.slug, null, formData({ documentIds: [documentId] }))).toMatchObject({
      ok: false,
      message: NO_ACCESS,
    });
    expect(await reread(documentId)).toMatchObject({ state: "pending", reviewedAt: null });
  });
});

describe("Valider la sélection", () => {
  it("validates the commune's pending documents with their type's default expiry, and says which were left", async () => {
    const mine = await pendingDocument(family, "attestation_caf");
    const insurance = await pendingDocument(family, "attestation_assurance");
    const theirs = await pendingDocument(otherFamily, "attestation_caf");
    signInAs(agent, town.slug);
    const result = await validateDocumentsAction(
      town.slug,
      null,
      formData({ documentIds: [mine.id, insurance.id, theirs.id] }),
    );
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^2 documents validés\.\n1 document/) });
    const caf = (await findDocumentTypeByCode(database.db, { communeId: town.id, code: "attestation_caf" }))!;
    expect(caf.validityMonths).toBe(12);
    expect(await reread(mine.id)).toMatchObject({ state: "validated", reviewedByUserId: agent.id });
    expect((await reread(mine.id)).expiresOn).not.toBeNull();
    expect(await reread(insurance.id)).toMatchObject({ state: "validated" });
    expect(await reread(theirs.id)).toMatchObject({ state: "pending", reviewedAt: null });
  });

  it("asks to tick at least one document", async () => {
    signInAs(agent, town.slug);
    expect(await validateDocumentsAction(town.slug, null, formData({}))).toMatchObject({
      ok: false,
      fieldErrors: { documentIds: ["Cochez au moins un document."] },
    });
  });
});

describe("document settings", () => {
  const typeForm = (fields: Record<string, string | undefined> = {}) =>
    formData({
      label: "Attestation employeur",
      description: "Pour la priorité en crèche.",
      audience: "household",
      required: "on",
      active: "on",
      validityMonths: "6",
      ...fields,
    });
  const typesOf = (communeId: string, label: string) =>
    database.db
      .select()
      .from(documentTypes)
      .where(and(eq(documentTypes.communeId, communeId), eq(documentTypes.label, label)));

  it("an admin adds a type, asked of a request or of the household", async () => {
    signInAs(admin, town.slug);
    expect(await saveDocumentTypeAction(town.slug, null, typeForm())).toEqual({
      ok: true,
      message: "Le type de pièce « Attestation employeur » a été ajouté.",
    });
    expect(await typesOf(town.id, "Attestation employeur")).toMatchObject([
      { audience: "household", requestType: null, required: true, validityMonths: 6, active: true, isHealth: false },
    ]);
    expect(
      await saveDocumentTypeAction(
        town.slug,
        null,
        typeForm({ label: "Justificatif d'absence", audience: "request", requestType: "booking.absence" }),
      ),
    ).toMatchObject({ ok: true });
    expect(await typesOf(town.id, "Justificatif d'absence")).toMatchObject([
      { audience: "request", requestType: "booking.absence" },
    ]);
  });

  it("asks for a request type a family files itself when the document comes with a request", async () => {
    signInAs(admin, town.slug);
    for (const requestType of [undefined, "not.a.request", "household.create", "enrolment.create"]) {
      const result = await saveDocumentTypeAction(
        town.slug,
        null,
        typeForm({ label: "Pièce de demande", audience: "request", requestType }),
      );
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { requestType: ["Choisissez la demande qui réclame cette pièce."] },
      });
    }
    expect(await typesOf(town.id, "Pièce de demande")).toEqual([]);
  });

  it("does not let an admin change another commune's type, and writes nothing", async () => {
    const theirs = (await findDocumentTypeByCode(database.db, { communeId: other.id, code: "attestation_caf" }))!;
    signInAs(admin, town.slug);
    expect(
      await saveDocumentTypeAction(town.slug, null, typeForm({ id: theirs.id, label: "Détournée" })),
    ).toMatchObject({ ok: false, message: "Ce type de pièce est introuvable." });
    const [after] = await database.db.select().from(documentTypes).where(eq(documentTypes.id, theirs.id));
    expect(after).toEqual(theirs);
    expect(await typesOf(town.id, "Détournée")).toEqual([]);
  });

  it("is for admins: an agent and a family account are refused, nothing written", async () => {
    for (const user of [agent, familyUser]) {
      signInAs(user, town.slug);
      expect(await saveDocumentTypeAction(town.slug, null, typeForm({ label: "Pièce interdite" }))).toMatchObject({
        ok: false,
        message: NO_ACCESS,
      });
      expect(await saveDocumentSettingsAction(town.slug, null, formData({ retentionMonths: "6" }))).toMatchObject({
        ok: false,
        message: NO_ACCESS,
      });
    }
    expect(await typesOf(town.id, "Pièce interdite")).toEqual([]);
    expect(await database.db.select().from(documentSettings).where(eq(documentSettings.communeId, town.id))).toEqual(
      [],
    );
  });

  it("an admin sets the retention of the own commune only", async () => {
    signInAs(otherAdmin, other.slug);
    expect(await saveDocumentSettingsAction(other.slug, null, formData({ retentionMonths: "36" }))).toMatchObject({
      ok: true,
    });
    const saved = await database.db.select().from(documentSettings);
    expect(saved).toMatchObject([{ communeId: other.id, retentionMonths: 36 }]);
    expect(await saveDocumentSettingsAction(other.slug, null, formData({ retentionMonths: "0" }))).toMatchObject({
      ok: false,
      fieldErrors: { retentionMonths: [expect.any(String)] },
    });
  });
});

describe("Clôturer le dossier / Rouvrir le dossier", () => {
  const closedAtOf = async (householdId: string) =>
    (await database.db.select().from(households).where(eq(households.id, householdId)))[0]!.closedAt;

  it("an agent closes a household of the commune, once, and reopens it", async () => {
    const target = await insertFamily(database.db, town.id);
    signInAs(agent, town.slug);
    const form = formData({ householdId: target.householdId });
    expect(await closeHouseholdAction(town.slug, null, form)).toMatchObject({ ok: true });
    expect(await closedAtOf(target.householdId)).toBeInstanceOf(Date);
    expect(await closeHouseholdAction(town.slug, null, form)).toMatchObject({
      ok: false,
      message: "Ce dossier est introuvable ou déjà clôturé.",
    });
    expect(await reopenHouseholdAction(town.slug, null, form)).toMatchObject({ ok: true });
    expect(await closedAtOf(target.householdId)).toBeNull();
    expect(await reopenHouseholdAction(town.slug, null, form)).toMatchObject({ ok: false });
  });

  it("does not close another commune's household, nor for a family account", async () => {
    signInAs(agent, town.slug);
    expect(
      await closeHouseholdAction(town.slug, null, formData({ householdId: otherFamily.householdId })),
    ).toMatchObject({ ok: false, message: "Ce dossier est introuvable ou déjà clôturé." });
    expect(await closedAtOf(otherFamily.householdId)).toBeNull();
    signInAs(familyUser, town.slug);
    expect(await closeHouseholdAction(town.slug, null, formData({ householdId: family.householdId }))).toMatchObject({
      ok: false,
      message: NO_ACCESS,
    });
    expect(await closedAtOf(family.householdId)).toBeNull();
  });
});
