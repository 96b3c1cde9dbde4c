import { and, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import {
  bankAccounts,
  children,
  documents,
  guardianPreferences,
  guardians,
  households,
  mailOutbox,
  newFamilyDrafts,
  requestEvents,
  requests,
  subscriptions,
} from "@/db/schema";
import { RIB_FIELD, RIB_REQUIRED } from "@/lib/documents/family-messages";
import { findPreRegistrationDocument } from "@/lib/documents/store-document";
import { countBlobs } from "@/lib/documents/test-fixtures";
import { ensureDefaultDocumentTypes } from "@/lib/documents/types";
import { loadDraft, loadPreRegistration, submitPreRegistration } from "@/lib/new-family/store";
import { newFamilyFields, newFamilyFinanceFields } from "@/lib/new-family/test-fixtures";
import { decideRequest } from "@/lib/requests/decide";
import { listHouseholdRequests } from "@/lib/requests/lists";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { saveFamilyStep, saveFinanceStep, saveWishesStep, sendPreRegistration } from "./actions";

const database = setUpTestDatabase();

async function setUp() {
  const db = database.db;
  const commune = await insertCommune(db);
  const family = await insertUser(db, commune.id, "family");
  const agent = await insertUser(db, commune.id, "agent");
  signInAs(family, commune.slug);
  return { db, commune, family, agent, slug: commune.slug };
}

/** A commune asking for the RIB (its default document types), and a family account signed in. */
async function setUpWithDocumentTypes() {
  const context = await setUp();
  await ensureDefaultDocumentTypes(context.db, context.commune.id);
  return context;
}

/** A real one-page PDF, as the browser posts a chosen file. */
async function ribPdf(name = "RIB.pdf"): Promise<File> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]);
  return new File([new Uint8Array(await pdf.save())], name, { type: "application/pdf" });
}

/** The finance step's form with files in the RIB field (plus the empty part the unused camera input posts). */
function financeWith(files: File[], fields: Record<string, string> = newFamilyFinanceFields): FormData {
  const data = formData(fields);
  for (const file of files) data.append(RIB_FIELD, file);
  data.append(RIB_FIELD, new File([], "", { type: "application/octet-stream" }));
  return data;
}

const accountRibs = (db: typeof database.db, userId: string) =>
  db.select().from(documents).where(eq(documents.uploadedByUserId, userId));

async function fillWizard(slug: string) {
  expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({ ok: true });
  expect(await saveFinanceStep(slug, null, formData(newFamilyFinanceFields))).toMatchObject({ ok: true });
  expect(await saveWishesStep(slug, null, formData({ wishes: ["0:cantine", "0:soir", "1:mercredi"] }))).toMatchObject({
    ok: true,
  });
}

describe("new-family pre-registration", () => {
  it("keeps each saved step as a draft the family resumes, without any request", async () => {
    const { db, commune, family, slug } = await setUp();
    expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({ ok: true });
    const draft = await loadDraft(db, { communeId: commune.id, userId: family.id });
    expect(draft.family?.guardian1).toMatchObject({
      lastName: "Nouvelle",
      phone: "04 76 12 34 56",
      email: "ines@example.fr",
    });
    expect(draft.family?.guardian2?.mobilePhone).toBe("07 12 34 56 78");
    expect(draft.family?.children.map((c) => c.firstName)).toEqual(["Léo", "Zoé"]);
    expect(draft.finance).toBeUndefined();
    // Resumed later: step 2 builds on the stored step 1.
    expect(await saveFinanceStep(slug, null, formData(newFamilyFinanceFields))).toMatchObject({ ok: true });
    const resumed = await loadDraft(db, { communeId: commune.id, userId: family.id });
    expect(resumed.finance).toMatchObject({
      payer: 1,
      benefitScheme: "CAF",
      allocataire: 2,
      directDebit: true,
      iban: "FR7630006000011234567890189",
      bic: "AGRIFRPP",
    });
    expect(await db.select().from(requests).where(eq(requests.communeId, commune.id))).toHaveLength(0);
  });

  it("refuses bad input with French messages at the fields and stores nothing", async () => {
    const { db, commune, family, slug } = await setUp();
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const result = await saveFamilyStep(
      slug,
      null,
      formData(
        newFamilyFields({
          "guardian1.phone": "12345",
          "guardian1.postcode": "3833",
          "guardian1.email": "pas-un-mail",
          "children.0.birthDate": future,
        }),
      ),
    );
    expect(result).toMatchObject({ ok: false });
    const errors = result && !result.ok ? result.fieldErrors : {};
    expect(errors["guardian1.phone"]?.[0]).toMatch(/Le téléphone : saisissez un numéro/);
    expect(errors["guardian1.postcode"]?.[0]).toBe("Le code postal compte 5 chiffres, par exemple 38330.");
    expect(errors["guardian1.email"]?.[0]).toMatch(/adresse e-mail valide/);
    expect(errors["children.0.birthDate"]?.[0]).toBe("La date de naissance ne peut pas être dans le futur.");
    expect(await db.select().from(newFamilyDrafts).where(eq(newFamilyDrafts.userId, family.id))).toHaveLength(0);

    expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({ ok: true });
    const bad = await saveFinanceStep(
      slug,
      null,
      formData({ ...newFamilyFinanceFields, iban: "FR76 3000 6000 0112 3456 7890 188", allocataireNumber: "" }),
    );
    const financeErrors = bad && !bad.ok ? bad.fieldErrors : {};
    expect(financeErrors.iban?.[0]).toMatch(/clé de contrôle incorrecte/);
    expect(financeErrors.allocataireNumber?.[0]).toBe("Le numéro d'allocataire est obligatoire.");
    expect((await loadDraft(db, { communeId: commune.id, userId: family.id })).finance).toBeUndefined();
  });

  it("sends the draft as a pending request with its reference, and refuses a second one while it is pending", async () => {
    const { db, commune, family, slug } = await setUp();
    await fillWizard(slug);
    const sent = await sendPreRegistration(slug, null, formData({}));
    expect(sent).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Votre demande D\d{4}-\d{6} a été transmise à la commune\.$/),
    });
    const [row] = await db.select().from(requests).where(eq(requests.createdByUserId, family.id));
    expect(row).toMatchObject({
      type: "household.create",
      status: "pending",
      householdId: null,
      subject: "Famille NOUVELLE (Inès NOUVELLE)",
    });
    expect(row!.payload).toMatchObject({
      iban: "FR7630006000011234567890189",
      wishes: [["cantine", "soir"], ["mercredi"]],
    });
    expect(await db.select().from(requestEvents).where(eq(requestEvents.requestId, row!.id))).toHaveLength(2);
    expect(await db.select().from(newFamilyDrafts).where(eq(newFamilyDrafts.userId, family.id))).toHaveLength(0);

    // A second pre-registration is refused while the first one is pending.
    expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/déjà en cours/),
    });
    expect(await sendPreRegistration(slug, null, formData({}))).toMatchObject({ ok: false });
    expect(await db.select().from(requests).where(eq(requests.createdByUserId, family.id))).toHaveLength(1);
    expect(await db.select().from(requests).where(eq(requests.communeId, commune.id))).toHaveLength(1);
  });

  it("refuses to send an incomplete draft", async () => {
    const { db, family, slug } = await setUp();
    expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({ ok: true });
    expect(await sendPreRegistration(slug, null, formData({}))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/incomplète/),
    });
    expect(await db.select().from(requests).where(eq(requests.createdByUserId, family.id))).toHaveLength(0);
  });

  it("accepting it creates the household, responsables, children, bank data, a code and the subscription at once", async () => {
    const { db, commune, family, agent, slug } = await setUp();
    await fillWizard(slug);
    await sendPreRegistration(slug, null, formData({}));
    const [row] = await db.select().from(requests).where(eq(requests.createdByUserId, family.id));
    const forAgent = await loadPreRegistration(db, { communeId: commune.id, requestId: row!.id });
    expect(forAgent?.iban).toBe("FR76 •••• •••• •••• •••• •••• 189");

    const decided = await decideRequest(db, {
      communeId: commune.id,
      agentUserId: agent.id,
      requestId: row!.id,
      decision: "accepted",
    });
    expect(decided).toMatchObject({ ok: true, request: { status: "accepted", householdId: row!.targetId } });
    const [household] = await db.select().from(households).where(eq(households.id, row!.targetId));
    expect(household).toMatchObject({ communeId: commune.id, name: "NOUVELLE" });
    expect(household!.subscriberCode).toMatch(/^[2-9A-Z]{10}$/);
    const guardianRows = await db.select().from(guardians).where(eq(guardians.householdId, household!.id));
    expect(guardianRows.map((g) => [g.rank, g.firstName, g.isPayer, g.isBenefitRecipient])).toEqual(
      expect.arrayContaining([
        [1, "Inès", true, false],
        [2, "Paul", false, true],
      ]),
    );
    const [paulPrefs] = await db
      .select()
      .from(guardianPreferences)
      .where(eq(guardianPreferences.guardianId, guardianRows.find((g) => g.rank === 2)!.id));
    expect(paulPrefs).toMatchObject({ benefitScheme: "CAF", allocataireNumber: "1234567" });
    const childRows = await db.select().from(children).where(eq(children.householdId, household!.id));
    expect(childRows.map((c) => c.firstName).sort()).toEqual(["Léo", "Zoé"]);
    expect(await db.select().from(bankAccounts).where(eq(bankAccounts.householdId, household!.id))).toMatchObject([
      { directDebit: true, iban: "FR7630006000011234567890189", bic: "AGRIFRPP" },
    ]);
    expect(
      await db
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.userId, family.id), eq(subscriptions.householdId, household!.id))),
    ).toMatchObject([{ method: "agent" }]);
    // The decided request keeps the IBAN masked only, and is now listed in the household's Mes demandes.
    const [after] = await db.select().from(requests).where(eq(requests.id, row!.id));
    expect(after!.payload.iban).toBe("FR76 •••• •••• •••• •••• •••• 189");
    const mine = await listHouseholdRequests(db, { communeId: commune.id, householdId: household!.id });
    expect(mine.items.map((r) => r.reference)).toEqual([row!.reference]);
    // Subscribed now: the wizard is closed.
    expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/déjà relié/),
    });
  });

  it("refusing it creates nothing, and the family may pre-register again", async () => {
    const { db, commune, family, agent, slug } = await setUp();
    await fillWizard(slug);
    await sendPreRegistration(slug, null, formData({}));
    const [row] = await db.select().from(requests).where(eq(requests.createdByUserId, family.id));
    const decided = await decideRequest(db, {
      communeId: commune.id,
      agentUserId: agent.id,
      requestId: row!.id,
      decision: "refused",
      message: "Vous n'habitez pas la commune.",
    });
    expect(decided).toMatchObject({ ok: true });
    // With no household, the decision mail goes to the account that asked, pointing to the pre-registration page.
    const [mail, ...others] = await db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, family.email), eq(mailOutbox.template, "request-decision")));
    expect(others).toHaveLength(0);
    expect(mail?.text).toContain(`/${slug}/espace-famille/pre-inscription`);
    expect(mail?.text).toContain("Vous n'habitez pas la commune.");
    expect(await db.select().from(households).where(eq(households.communeId, commune.id))).toHaveLength(0);
    expect(await db.select().from(subscriptions).where(eq(subscriptions.userId, family.id))).toHaveLength(0);
    expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({ ok: true });
  });

  it("rolls the acceptance back as a whole when the account is gone", async () => {
    const { db, commune, family, agent, slug } = await setUp();
    await fillWizard(slug);
    await sendPreRegistration(slug, null, formData({}));
    const [row] = await db.select().from(requests).where(eq(requests.createdByUserId, family.id));
    await db.update(requests).set({ createdByUserId: null }).where(eq(requests.id, row!.id));
    const decided = await decideRequest(db, {
      communeId: commune.id,
      agentUserId: agent.id,
      requestId: row!.id,
      decision: "accepted",
    });
    expect(decided).toMatchObject({ ok: false, reason: "target_missing" });
    expect(await db.select().from(households).where(eq(households.communeId, commune.id))).toHaveLength(0);
    const [still] = await db.select().from(requests).where(eq(requests.id, row!.id));
    expect(still!.status).toBe("pending");
  });

  it("another account can neither read nor send someone's draft", async () => {
    const { db, commune, family, slug } = await setUp();
    expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({ ok: true });
    await saveFinanceStep(slug, null, formData(newFamilyFinanceFields));
    await saveWishesStep(slug, null, formData({}));
    const intruder = await insertUser(db, commune.id, "family");
    signInAs(intruder, slug);
    expect(await loadDraft(db, { communeId: commune.id, userId: intruder.id })).toEqual({});
    expect(await sendPreRegistration(slug, null, formData({}))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/incomplète/),
    });
    // Its own step 1 does not touch the other draft.
    expect(
      await saveFamilyStep(slug, null, formData(newFamilyFields({ "guardian1.lastName": "Intrus" }))),
    ).toMatchObject({
      ok: true,
    });
    expect((await loadDraft(db, { communeId: commune.id, userId: family.id })).family?.guardian1.lastName).toBe(
      "Nouvelle",
    );
    expect(await db.select().from(requests).where(eq(requests.communeId, commune.id))).toHaveLength(0);
    // Nor from another commune, with the same account id.
    const elsewhere = await insertCommune(db);
    expect(await loadDraft(db, { communeId: elsewhere.id, userId: family.id })).toEqual({});
    // An agent account cannot use the wizard.
    const agent = await insertUser(db, commune.id, "agent");
    signInAs(agent, slug);
    expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
    });
  });

  describe("the RIB of the direct debit", () => {
    it("refuses Oui without a RIB at the RIB's field, and saves nothing", async () => {
      const { db, commune, family, slug } = await setUpWithDocumentTypes();
      expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({ ok: true });
      for (const data of [formData(newFamilyFinanceFields), financeWith([])]) {
        const result = await saveFinanceStep(slug, null, data);
        expect(result).toMatchObject({ ok: false });
        expect(result && !result.ok ? result.fieldErrors[RIB_FIELD] : null).toEqual([RIB_REQUIRED]);
      }
      expect((await loadDraft(db, { communeId: commune.id, userId: family.id })).finance).toBeUndefined();
      expect(await accountRibs(db, family.id)).toHaveLength(0);
      expect(await countBlobs(db, commune.id)).toBe(0);
      // Non needs no RIB.
      expect(
        await saveFinanceStep(slug, null, formData({ ...newFamilyFinanceFields, directDebit: "no" })),
      ).toMatchObject({
        ok: true,
      });
      expect(await accountRibs(db, family.id)).toHaveLength(0);
    });

    it("refuses a file that is no document at the RIB's field, and saves nothing", async () => {
      const { db, commune, family, slug } = await setUpWithDocumentTypes();
      expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({ ok: true });
      const html = new File(["<html><body>RIB</body></html>"], "RIB.pdf", { type: "application/pdf" });
      const result = await saveFinanceStep(slug, null, financeWith([html]));
      expect(result).toMatchObject({ ok: false });
      expect(result && !result.ok ? result.fieldErrors[RIB_FIELD]?.[0] : "").toMatch(/\S/);
      expect((await loadDraft(db, { communeId: commune.id, userId: family.id })).finance).toBeUndefined();
      expect(await accountRibs(db, family.id)).toHaveLength(0);
    });

    it("stores the RIB as the account's own and saves the step; later saves keep it or replace it", async () => {
      const { db, commune, family, slug } = await setUpWithDocumentTypes();
      const scope = { communeId: commune.id, userId: family.id };
      expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({ ok: true });
      expect(await saveFinanceStep(slug, null, financeWith([await ribPdf()]))).toMatchObject({ ok: true });
      expect((await loadDraft(db, scope)).finance).toMatchObject({
        directDebit: true,
        iban: "FR7630006000011234567890189",
      });
      const [first, ...none] = await accountRibs(db, family.id);
      expect(none).toHaveLength(0);
      expect(first).toMatchObject({
        communeId: commune.id,
        householdId: null,
        requestId: null,
        state: "pending",
        fileName: "RIB - TEST.pdf",
        mediaType: "application/pdf",
      });
      expect(await findPreRegistrationDocument(db, scope)).toMatchObject({ id: first!.id, fileName: "RIB - TEST.pdf" });
      // The file is not in the draft (nor its bytes).
      expect(JSON.stringify((await loadDraft(db, scope)).finance)).not.toContain(RIB_FIELD);

      // Saved again without a file: the RIB handed in does, and stays.
      expect(
        await saveFinanceStep(slug, null, financeWith([], { ...newFamilyFinanceFields, bic: "BNPAFRPP" })),
      ).toMatchObject({
        ok: true,
      });
      expect((await loadDraft(db, scope)).finance?.bic).toBe("BNPAFRPP");
      expect(await findPreRegistrationDocument(db, scope)).toMatchObject({ id: first!.id });

      // A new file replaces it: one current RIB for the account.
      expect(await saveFinanceStep(slug, null, financeWith([await ribPdf("autre.pdf")]))).toMatchObject({ ok: true });
      const rows = await accountRibs(db, family.id);
      expect(rows.map((r) => r.state).sort()).toEqual(["pending", "replaced"]);
      const current = rows.find((r) => r.state === "pending")!;
      expect(current.id).not.toBe(first!.id);
      expect(await findPreRegistrationDocument(db, scope)).toMatchObject({ id: current.id });
    });

    it("never shows nor uses another account's RIB, nor one of another commune", async () => {
      const { db, commune, family, slug } = await setUpWithDocumentTypes();
      expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({ ok: true });
      expect(await saveFinanceStep(slug, null, financeWith([await ribPdf()]))).toMatchObject({ ok: true });

      const other = await insertUser(db, commune.id, "family");
      signInAs(other, slug);
      expect(await findPreRegistrationDocument(db, { communeId: commune.id, userId: other.id })).toBeNull();
      expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({ ok: true });
      const refused = await saveFinanceStep(slug, null, formData(newFamilyFinanceFields));
      expect(refused && !refused.ok ? refused.fieldErrors[RIB_FIELD] : null).toEqual([RIB_REQUIRED]);
      expect((await loadDraft(db, { communeId: commune.id, userId: other.id })).finance).toBeUndefined();

      const elsewhere = await insertCommune(db);
      expect(await findPreRegistrationDocument(db, { communeId: elsewhere.id, userId: family.id })).toBeNull();
      // The family's own is still there, untouched.
      expect(await findPreRegistrationDocument(db, { communeId: commune.id, userId: family.id })).not.toBeNull();
    });

    it("goes with the sent request, and accepting it gives it to the new household", async () => {
      const { db, commune, family, agent, slug } = await setUpWithDocumentTypes();
      const scope = { communeId: commune.id, userId: family.id };
      expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({ ok: true });
      expect(await saveFinanceStep(slug, null, financeWith([await ribPdf()]))).toMatchObject({ ok: true });
      expect(await saveWishesStep(slug, null, formData({ wishes: ["0:cantine"] }))).toMatchObject({ ok: true });
      const sent = await submitPreRegistration(db, scope);
      expect(sent).toMatchObject({ ok: true });
      const requestId = sent.ok ? sent.requestId : "";
      expect(await accountRibs(db, family.id)).toMatchObject([{ requestId, householdId: null, state: "pending" }]);
      // Sent: no longer the wizard's RIB (a new pre-registration would ask again).
      expect(await findPreRegistrationDocument(db, scope)).toBeNull();

      const [row] = await db.select().from(requests).where(eq(requests.id, requestId));
      expect(
        await decideRequest(db, { communeId: commune.id, agentUserId: agent.id, requestId, decision: "accepted" }),
      ).toMatchObject({ ok: true });
      expect(await accountRibs(db, family.id)).toMatchObject([
        { requestId, householdId: row!.targetId, state: "validated" },
      ]);
    });

    it("asks for no RIB when the commune has no active RIB type", async () => {
      const { db, commune, family, slug } = await setUp();
      expect(await saveFamilyStep(slug, null, formData(newFamilyFields()))).toMatchObject({ ok: true });
      expect(await saveFinanceStep(slug, null, financeWith([await ribPdf()]))).toMatchObject({ ok: true });
      expect(await accountRibs(db, family.id)).toHaveLength(0);
      expect((await loadDraft(db, { communeId: commune.id, userId: family.id })).finance?.directDebit).toBe(true);
    });
  });
});
