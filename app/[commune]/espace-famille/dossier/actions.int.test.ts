import { and, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { bankAccounts, children, documents, documentTypes, guardians, requests, subscriptions } from "@/db/schema";
import { INVALID_FORM } from "@/lib/actions/state";
import { RIB_CODE } from "@/lib/documents/codes";
import { RIB_FIELD, RIB_REQUIRED } from "@/lib/documents/family-messages";
import { ensureDefaultDocumentTypes } from "@/lib/documents/types";
import { fieldView, readFamilyFile } from "@/lib/family-file/read";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { decideRequest } from "@/lib/requests/decide";
import { submitChange } from "@/lib/requests/submit-change";
import { insertCommune } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { markMyRequestsRead, withdrawMyRequest } from "../../mon-espace-citoyen/mes-demandes/actions";
import { removeAuthorizedAdult, submitSectionChange, submitVaccinations } from "./actions";

const database = setUpTestDatabase();
beforeAll(async () => {});

/** A subscribed family signed in, and a second household of the same commune it must not reach. */
async function setUp() {
  const db = database.db;
  const commune = await insertCommune(db);
  const mine = await insertFamily(db, commune.id);
  const other = await insertFamily(db, commune.id);
  await db.insert(subscriptions).values({
    communeId: commune.id,
    userId: mine.family.id,
    householdId: mine.householdId,
    method: "subscriber_code",
  });
  await db.insert(subscriptions).values({
    communeId: commune.id,
    userId: other.family.id,
    householdId: other.householdId,
    method: "subscriber_code",
  });
  signInAs(mine.family, commune.slug);
  return { db, commune, mine, other, slug: commune.slug };
}

const basic = (f: Awaited<ReturnType<typeof insertFamily>>, overrides: Record<string, string | boolean> = {}) => ({
  section: "guardian.basic",
  householdId: f.householdId,
  targetId: f.guardian.id,
  civility: "MME",
  lastName: f.guardian.lastName,
  firstName: "Claire",
  mobilePhone: "06 12 34 56 78",
  ...overrides,
});

const requestsOf = (db: Db, householdId: string) =>
  db.select().from(requests).where(eq(requests.householdId, householdId));

/** A real one-page PDF, as the family's bank app exports a RIB. */
async function ribPdf(): Promise<File> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 120]);
  return new File([new Uint8Array(await pdf.save())], "RIB.pdf", { type: "application/pdf" });
}

/** The bank section's form with the files of its RIB field. */
function withRib(data: FormData, ...files: File[]): FormData {
  for (const file of files) data.append(RIB_FIELD, file);
  return data;
}

describe("Dossier famille actions", () => {
  it("turns a guardian's new phone into a pending request shown beside the validated value", async () => {
    const { db, commune, mine, slug } = await setUp();
    const result = await submitSectionChange(slug, null, formData(basic(mine, { mobilePhone: "+33 7 00 00 00 01" })));
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/référence D\d{4}-\d{6}/) });
    const [request] = await requestsOf(db, mine.householdId);
    expect(request).toMatchObject({
      type: "guardian.update",
      status: "pending",
      targetId: mine.guardian.id,
      payload: { mobilePhone: "07 00 00 00 01" },
    });

    const file = await readFamilyFile(db, {
      communeId: commune.id,
      householdId: mine.householdId,
      viewer: { kind: "family", userId: mine.family.id },
    });
    expect(fieldView(file!.guardians[0]!, "mobilePhone")).toMatchObject({
      value: "06 12 34 56 78",
      pending: true,
      pendingValue: "07 00 00 00 01",
    });
    const [guardian] = await db.select().from(guardians).where(eq(guardians.id, mine.guardian.id));
    expect(guardian!.mobilePhone).toBe("06 12 34 56 78");

    // A second change to the same responsable updates the pending request.
    expect(
      await submitSectionChange(slug, null, formData(basic(mine, { mobilePhone: "07 00 00 00 02" }))),
    ).toMatchObject({ ok: true, message: expect.stringContaining("mise à jour") });
    const all = await requestsOf(db, mine.householdId);
    expect(all).toHaveLength(1);
    expect(all[0]!.payload).toEqual({ mobilePhone: "07 00 00 00 02" });
  });

  it("answers bad input with French field errors and stores nothing", async () => {
    const { db, mine, slug } = await setUp();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        {
          section: "bank",
          householdId: mine.householdId,
          targetId: mine.householdId,
          iban: "FR7630006000011234567890188",
        },
        "iban",
        /clé de contrôle/,
      ],
      [basic(mine, { mobilePhone: "12 34" }), "mobilePhone", /numéro de téléphone français/],
      [basic(mine, { email: "pas-une-adresse" }), "email", /adresse e-mail valide/],
      [
        { section: "guardian.address", householdId: mine.householdId, targetId: mine.guardian.id, postcode: "3833" },
        "postcode",
        /5 chiffres/,
      ],
      [
        {
          section: "child.general",
          householdId: mine.householdId,
          targetId: mine.child.id,
          lastName: "X",
          firstName: "Léa",
          sex: "F",
          birthDate: "2999-01-01",
        },
        "birthDate",
        /ne peut pas être dans le futur/,
      ],
      [basic(mine, { lastName: "  " }), "lastName", /Le nom est obligatoire/],
    ];
    for (const [fields, key, message] of cases) {
      const result = await submitSectionChange(slug, null, formData(fields as Record<string, string>));
      expect(result, key).toMatchObject({ ok: false, fieldErrors: { [key]: [expect.stringMatching(message)] } });
    }
    const vaccines = await submitVaccinations(
      slug,
      null,
      formData({
        householdId: mine.householdId,
        targetId: mine.child.id,
        "vaccinations.0.name": "DTP",
        "vaccinations.0.date": "2999-05-01",
      }),
    );
    expect(vaccines).toMatchObject({
      ok: false,
      fieldErrors: { "vaccinations.0.date": [expect.stringMatching(/futur/)] },
    });
    expect(
      await submitSectionChange(
        slug,
        null,
        formData({ section: "inconnue", householdId: mine.householdId, targetId: mine.child.id }),
      ),
    ).toMatchObject({ ok: false });
    expect(await requestsOf(db, mine.householdId)).toHaveLength(0);
  });

  it("records vaccinations, a new authorised adult and a bank change as requests of the right type", async () => {
    const { db, mine, slug } = await setUp();
    const ids = { householdId: mine.householdId, targetId: mine.child.id };
    expect(
      await submitVaccinations(
        slug,
        null,
        formData({ ...ids, "vaccinations.0.name": "DTP", "vaccinations.0.date": "2018-05-01" }),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await submitSectionChange(
        slug,
        null,
        formData({
          section: "adult.add",
          ...ids,
          lastName: "DUPONT",
          firstName: "Jo",
          relationship: "Voisin",
          mayPickUp: true,
        }),
      ),
    ).toMatchObject({ ok: true });
    await ensureDefaultDocumentTypes(db, mine.scope.communeId);
    expect(
      await submitSectionChange(
        slug,
        null,
        withRib(
          formData({
            section: "bank",
            householdId: mine.householdId,
            targetId: mine.householdId,
            directDebit: true,
            iban: "FR76 3000 6000 0112 3456 7890 189",
            bic: "bnpafrpp",
            holderName: "Claire",
          }),
          await ribPdf(),
        ),
      ),
    ).toMatchObject({ ok: true });
    const rows = await requestsOf(db, mine.householdId);
    expect(rows.map((r) => r.type).sort()).toEqual(["authorized_adult.add", "bank.update", "vaccinations.update"]);
    expect(rows.find((r) => r.type === "authorized_adult.add")!.payload).toMatchObject({
      childId: mine.child.id,
      firstName: "Jo",
    });
    expect(rows.find((r) => r.type === "bank.update")!.payload).toMatchObject({
      iban: "FR7630006000011234567890189",
      bic: "BNPAFRPP",
    });
    expect(await db.select().from(bankAccounts).where(eq(bankAccounts.householdId, mine.householdId))).toHaveLength(0);
  });

  it("asks for the RIB with a change of bank details, then sends the RIB with the request", async () => {
    const { db, commune, mine, other, slug } = await setUp();
    await ensureDefaultDocumentTypes(db, commune.id);
    const bank = (householdId = mine.householdId) =>
      formData({
        section: "bank",
        householdId,
        targetId: householdId,
        directDebit: true,
        iban: "FR76 3000 6000 0112 3456 7890 189",
        bic: "BNPAFRPP",
        holderName: "Claire",
      });
    const documentsOf = (householdId: string) =>
      db.select().from(documents).where(eq(documents.householdId, householdId));

    // No RIB (nor the empty part of an unused file input): the field says so, nothing is written.
    for (const data of [bank(), withRib(bank(), new File([], "", { type: "application/octet-stream" }))]) {
      expect(await submitSectionChange(slug, null, data)).toEqual({
        ok: false,
        message: INVALID_FORM,
        fieldErrors: { [RIB_FIELD]: [RIB_REQUIRED] },
      });
    }
    // A file that is not a PDF, JPEG or PNG whatever its name: refused at the same field.
    const html = new File(["<html><body>RIB</body></html>"], "RIB.pdf", { type: "application/pdf" });
    expect(await submitSectionChange(slug, null, withRib(bank(), html))).toMatchObject({
      ok: false,
      fieldErrors: { [RIB_FIELD]: [expect.any(String)] },
    });
    expect(await requestsOf(db, mine.householdId)).toHaveLength(0);
    expect(await documentsOf(mine.householdId)).toHaveLength(0);

    // Another household's bank details, even with a RIB: refused, nothing written.
    expect(await submitSectionChange(slug, null, withRib(bank(other.householdId), await ribPdf()))).toMatchObject({
      ok: false,
      message: expect.stringContaining("n'est pas relié"),
    });
    expect(await documentsOf(other.householdId)).toHaveLength(0);

    // With the RIB: the request, and the RIB handed in with it, waiting for the town's check.
    expect(await submitSectionChange(slug, null, withRib(bank(), await ribPdf()))).toMatchObject({ ok: true });
    const [request] = await requestsOf(db, mine.householdId);
    expect(request).toMatchObject({ type: "bank.update", status: "pending" });
    const [rib] = await documentsOf(mine.householdId);
    const [ribType] = await db
      .select()
      .from(documentTypes)
      .where(and(eq(documentTypes.communeId, commune.id), eq(documentTypes.code, RIB_CODE)));
    expect(rib).toMatchObject({ typeId: ribType!.id, requestId: request!.id, state: "pending", childId: null });
    expect(await db.select().from(bankAccounts).where(eq(bankAccounts.householdId, mine.householdId))).toHaveLength(0);
  });

  it("refuses forged ids of another household's guardian, child, adult, household or request", async () => {
    const { db, mine, other, slug } = await setUp();
    // Another household's guardian or child, sent with my household or with theirs.
    for (const householdId of [mine.householdId, other.householdId]) {
      expect(
        await submitSectionChange(
          slug,
          null,
          formData({ ...basic(other, { mobilePhone: "07 99 99 99 99" }), householdId }),
        ),
      ).toMatchObject({ ok: false });
      expect(
        await submitSectionChange(
          slug,
          null,
          formData({ section: "child.health", householdId, targetId: other.child.id, allergies: "Œuf" }),
        ),
      ).toMatchObject({ ok: false });
      expect(
        await submitSectionChange(
          slug,
          null,
          formData({
            section: "adult.add",
            householdId,
            targetId: other.child.id,
            lastName: "X",
            firstName: "Y",
            relationship: "Z",
          }),
        ),
      ).toMatchObject({ ok: false });
      expect(await submitVaccinations(slug, null, formData({ householdId, targetId: other.child.id }))).toMatchObject({
        ok: false,
      });
      expect(
        await removeAuthorizedAdult(slug, null, formData({ householdId, targetId: other.child.id })),
      ).toMatchObject({ ok: false });
    }
    expect(
      await submitSectionChange(
        slug,
        null,
        formData({
          section: "bank",
          householdId: other.householdId,
          targetId: other.householdId,
          holderName: "Pirate",
        }),
      ),
    ).toMatchObject({ ok: false, message: expect.stringContaining("n'est pas relié") });
    expect(await requestsOf(db, other.householdId)).toHaveLength(0);
    expect(await requestsOf(db, mine.householdId)).toHaveLength(0);

    // Their request can be neither withdrawn nor marked read by me.
    const theirs = await submitChange(db, {
      ...other.scope,
      userId: other.family.id,
      type: "child.update",
      targetId: other.child.id,
      proposed: { allergies: "Kiwi" },
    });
    const requestId = theirs.ok ? theirs.request!.id : "";
    await db.update(requests).set({ familyUnreadCount: 2 }).where(eq(requests.id, requestId));
    for (const householdId of [mine.householdId, other.householdId]) {
      expect(await withdrawMyRequest(slug, null, formData({ householdId, requestId }))).toMatchObject({ ok: false });
      await markMyRequestsRead(slug, null, formData({ householdId, scope: "selection", requestIds: [requestId] }));
    }
    const [after] = await db.select().from(requests).where(eq(requests.id, requestId));
    expect(after).toMatchObject({ status: "pending", familyUnreadCount: 2 });
    const [child] = await db
      .select()
      .from(children)
      .where(and(eq(children.id, other.child.id)));
    expect(child!.lastName).toBe(other.child.lastName);
  });

  it("withdraws only the family's own pending requests and marks its messages read", async () => {
    const { db, commune, mine, slug } = await setUp();
    await submitSectionChange(slug, null, formData(basic(mine, { mobilePhone: "07 00 00 00 03" })));
    const [pending] = await requestsOf(db, mine.householdId);
    const ids = { householdId: mine.householdId, requestId: pending!.id };
    expect(await withdrawMyRequest(slug, null, formData(ids))).toEqual({
      ok: true,
      message: "Votre demande a été retirée.",
    });
    expect(await withdrawMyRequest(slug, null, formData(ids))).toMatchObject({
      ok: false,
      message: expect.stringContaining("déjà été traitée"),
    });

    const decided = await submitChange(db, {
      ...mine.scope,
      userId: mine.family.id,
      type: "child.update",
      targetId: mine.child.id,
      proposed: { allergies: "Arachide" },
    });
    const decidedId = decided.ok ? decided.request!.id : "";
    await decideRequest(db, {
      communeId: commune.id,
      agentUserId: mine.agent.id,
      requestId: decidedId,
      decision: "refused",
      message: "Merci de fournir le PAI.",
    });
    expect(await withdrawMyRequest(slug, null, formData({ ...ids, requestId: decidedId }))).toMatchObject({
      ok: false,
    });
    expect(
      await markMyRequestsRead(slug, null, formData({ householdId: mine.householdId, scope: "selection" })),
    ).toMatchObject({ ok: false });
    expect(
      await markMyRequestsRead(slug, null, formData({ householdId: mine.householdId, scope: "all" })),
    ).toMatchObject({ ok: true });
    const [read] = await db.select().from(requests).where(eq(requests.id, decidedId));
    expect(read!.familyUnreadCount).toBe(0);
  });
});
