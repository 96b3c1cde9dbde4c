import { and, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { documentBlobs, documents, documentTypes, subscriptions } from "@/db/schema";
import { DOCUMENT_NOT_ASKED } from "@/lib/documents/family-messages";
import { ensureDefaultDocumentTypes } from "@/lib/documents/types";
import { NOT_SUBSCRIBED } from "@/lib/family-file/actions-messages";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { uploadDocument } from "./actions";

const database = setUpTestDatabase();
const db = () => database.db;

/** A real one-page PDF, as a phone's scanner app would send it. */
async function pdfFile(name = "justificatif.pdf"): Promise<File> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]);
  return new File([new Uint8Array(await pdf.save())], name, { type: "application/pdf" });
}

/** A subscribed family signed in; a second household of the same commune; a commune of its own elsewhere. */
async function setUp() {
  const commune = await insertCommune(db());
  const elsewhere = await insertCommune(db());
  await ensureDefaultDocumentTypes(db(), commune.id);
  await ensureDefaultDocumentTypes(db(), elsewhere.id);
  const mine = await insertFamily(db(), commune.id);
  const other = await insertFamily(db(), commune.id);
  for (const f of [mine, other])
    await db()
      .insert(subscriptions)
      .values({ communeId: commune.id, userId: f.family.id, householdId: f.householdId, method: "subscriber_code" });
  signInAs(mine.family, commune.slug);
  const typeOf = async (communeId: string, code: string) =>
    (
      await db()
        .select()
        .from(documentTypes)
        .where(and(eq(documentTypes.communeId, communeId), eq(documentTypes.code, code)))
    )[0]!;
  return {
    slug: commune.slug,
    commune,
    mine,
    other,
    domicile: await typeOf(commune.id, "justificatif_domicile"),
    insurance: await typeOf(commune.id, "attestation_assurance"),
    domicileElsewhere: await typeOf(elsewhere.id, "justificatif_domicile"),
  };
}

/** The form as the deposit page posts it: its fields and the file field's files. */
function deposit(fields: Record<string, string>, ...files: File[]): FormData {
  const data = formData(fields);
  for (const file of files) data.append("files", file);
  return data;
}

const documentsOf = (householdId: string) =>
  db().select().from(documents).where(eq(documents.householdId, householdId));

/** The address a server action's redirect() leads to (Next's control-flow error). */
async function redirectOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  const digest = String((error as { digest?: string } | null)?.digest ?? "");
  expect(digest).toMatch(/^NEXT_REDIRECT/);
  return digest.split(";")[2]!;
}

describe("uploadDocument (Espace famille › Pièces justificatives)", () => {
  it("stores the family's document pending and leads back to the list with the notice", async () => {
    const t = await setUp();
    const to = await redirectOf(
      uploadDocument(
        t.slug,
        null,
        deposit({ householdId: t.mine.householdId, typeId: t.domicile.id }, await pdfFile()),
      ),
    );
    expect(to).toBe(`/${t.slug}/espace-famille/pieces-justificatives?famille=${t.mine.householdId}&envoye=1`);
    const [stored] = await documentsOf(t.mine.householdId);
    expect(stored).toMatchObject({
      communeId: t.commune.id,
      typeId: t.domicile.id,
      childId: null,
      state: "pending",
      uploadedByUserId: t.mine.family.id,
      mediaType: "application/pdf",
    });
    expect(stored!.fileName).not.toContain("justificatif.pdf");

    // A child's document, then a replacement of the household's: the first becomes "replaced".
    await redirectOf(
      uploadDocument(
        t.slug,
        null,
        deposit({ householdId: t.mine.householdId, typeId: t.insurance.id, childId: t.mine.child.id }, await pdfFile()),
      ),
    );
    await redirectOf(
      uploadDocument(
        t.slug,
        null,
        deposit({ householdId: t.mine.householdId, typeId: t.domicile.id }, await pdfFile()),
      ),
    );
    const all = await documentsOf(t.mine.householdId);
    expect(all.map((d) => [d.typeId, d.childId, d.state]).sort()).toEqual(
      [
        [t.domicile.id, null, "pending"],
        [t.domicile.id, null, "replaced"],
        [t.insurance.id, t.mine.child.id, "pending"],
      ].sort(),
    );
  });

  it("makes the pages of one field (a PDF and a photo of the back) into one document", async () => {
    const t = await setUp();
    const png = await sharp({ create: { width: 40, height: 60, channels: 3, background: "#ccc" } })
      .png()
      .toBuffer();
    const back = new File([new Uint8Array(png)], "verso.png", { type: "image/png" });
    // The "Prendre une photo" input left empty posts an empty part beside the chosen files.
    const unusedCamera = new File([], "", { type: "application/octet-stream" });
    await redirectOf(
      uploadDocument(
        t.slug,
        null,
        deposit({ householdId: t.mine.householdId, typeId: t.domicile.id }, await pdfFile(), unusedCamera, back),
      ),
    );
    const [stored] = await documentsOf(t.mine.householdId);
    expect(stored).toMatchObject({ mediaType: "application/pdf", pageCount: 2, state: "pending" });
  });

  it("answers a missing or unacceptable file at the file field and writes nothing", async () => {
    const t = await setUp();
    const html = new File(["<html><script>alert(1)</script></html>"], "rib.pdf", { type: "application/pdf" });
    const unused = [
      new File([], "", { type: "application/octet-stream" }),
      // The same part as Next hands it to the action.
      new File([], "undefined", { type: "application/octet-stream" }),
    ];
    for (const files of [undefined, ...unused, html]) {
      const state = await uploadDocument(
        t.slug,
        null,
        deposit({ householdId: t.mine.householdId, typeId: t.domicile.id }, ...(files ? [files] : [])),
      );
      expect(state).toMatchObject({ ok: false, fieldErrors: { files: [expect.any(String)] } });
    }
    expect(await documentsOf(t.mine.householdId)).toEqual([]);
  });

  it("refuses another household's child, a type of another commune and another household, with nothing written", async () => {
    const t = await setUp();
    const blobsBefore = (await db().select().from(documentBlobs)).length;
    const refusals: [Record<string, string>, string][] = [
      // Another household's child, on a child type, sent with my household.
      [{ householdId: t.mine.householdId, typeId: t.insurance.id, childId: t.other.child.id }, DOCUMENT_NOT_ASKED],
      // A type of another commune.
      [{ householdId: t.mine.householdId, typeId: t.domicileElsewhere.id }, DOCUMENT_NOT_ASKED],
      // A child type without its child, a household type with a child.
      [{ householdId: t.mine.householdId, typeId: t.insurance.id }, DOCUMENT_NOT_ASKED],
      [{ householdId: t.mine.householdId, typeId: t.domicile.id, childId: t.mine.child.id }, DOCUMENT_NOT_ASKED],
      // Another household of the commune, the account not subscribed to it.
      [{ householdId: t.other.householdId, typeId: t.domicile.id }, NOT_SUBSCRIBED],
      [{ householdId: t.other.householdId, typeId: t.insurance.id, childId: t.other.child.id }, NOT_SUBSCRIBED],
    ];
    for (const [fields, message] of refusals) {
      const state = await uploadDocument(t.slug, null, deposit(fields, await pdfFile()));
      expect(state, JSON.stringify(fields)).toMatchObject({ ok: false, message });
    }
    expect(await documentsOf(t.mine.householdId)).toEqual([]);
    expect(await documentsOf(t.other.householdId)).toEqual([]);
    expect(await db().select().from(documentBlobs)).toHaveLength(blobsBefore);
  });

  it("refuses an account of the commune that is not a family, and one of another commune", async () => {
    const t = await setUp();
    const stranger = await insertCommune(db());
    const strangerFamily = await insertFamily(db(), stranger.id);
    await db().insert(subscriptions).values({
      communeId: stranger.id,
      userId: strangerFamily.family.id,
      householdId: strangerFamily.householdId,
      method: "subscriber_code",
    });
    // Signed in at another commune, posting to this one: the session is not of this commune.
    signInAs(strangerFamily.family, stranger.slug);
    const fields = { householdId: t.mine.householdId, typeId: t.domicile.id };
    expect(await uploadDocument(t.slug, null, deposit(fields, await pdfFile()))).toMatchObject({
      ok: false,
    });
    signInAs(t.mine.agent, t.slug);
    expect(await uploadDocument(t.slug, null, deposit(fields, await pdfFile()))).toMatchObject({
      ok: false,
    });
    expect(await documentsOf(t.mine.householdId)).toEqual([]);
  });
});
