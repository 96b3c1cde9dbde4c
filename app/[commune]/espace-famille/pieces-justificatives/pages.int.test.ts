import { and, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { documentTypes, subscriptions } from "@/db/schema";
import { refuseDocument, validateDocument } from "@/lib/documents/review";
import { storeDocument } from "@/lib/documents/store-document";
import { ensureDefaultDocumentTypes } from "@/lib/documents/types";
import { prepareUploadedDocument } from "@/lib/documents/upload";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune } from "@/lib/testing/fixtures";
import { signInAs } from "@/lib/testing/harness";
import { enableAuthInterrupts, html, pageOutcome, text } from "@/lib/testing/render-page";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import MyRequestsPage from "../../mon-espace-citoyen/mes-demandes/page";
import FamilyFilePage from "../dossier/page";
import DepositDocumentPage from "./deposer/page";
import FamilyDocumentsPage from "./page";

/* Espace famille › Pièces justificatives as the server renders it, and "N pièces à fournir" where families see it. */

const database = setUpTestDatabase();
const db = () => database.db;

enableAuthInterrupts();

const params = (slug: string) => Promise.resolve({ commune: slug });
const query = (search: Record<string, string> = {}) => Promise.resolve(search);

async function pdf() {
  const document = await PDFDocument.create();
  document.addPage([200, 200]);
  const prepared = await prepareUploadedDocument([new Blob([new Uint8Array(await document.save())])]);
  if (!prepared.ok) throw new Error(prepared.message);
  return prepared.document;
}

async function setUp() {
  const commune = await insertCommune(db());
  const elsewhere = await insertCommune(db());
  await ensureDefaultDocumentTypes(db(), commune.id);
  await ensureDefaultDocumentTypes(db(), elsewhere.id);
  const mine = await insertFamily(db(), commune.id, "MARTIN");
  const other = await insertFamily(db(), commune.id, "BERNARD");
  for (const f of [mine, other])
    await db()
      .insert(subscriptions)
      .values({ communeId: commune.id, userId: f.family.id, householdId: f.householdId, method: "agent" });
  const typeOf = async (communeId: string, code: string) =>
    (
      await db()
        .select()
        .from(documentTypes)
        .where(and(eq(documentTypes.communeId, communeId), eq(documentTypes.code, code)))
    )[0]!;
  signInAs(mine.family, commune.slug);
  return {
    commune,
    slug: commune.slug,
    mine,
    other,
    domicile: await typeOf(commune.id, "justificatif_domicile"),
    caf: await typeOf(commune.id, "attestation_caf"),
    insurance: await typeOf(commune.id, "attestation_assurance"),
    domicileElsewhere: await typeOf(elsewhere.id, "justificatif_domicile"),
  };
}

describe("the family's Pièces justificatives", () => {
  it("lists what is asked of the household and of each child, with each state, reason and validity", async () => {
    const t = await setUp();
    const scope = { communeId: t.commune.id, householdId: t.mine.householdId, userId: t.mine.family.id };
    const home = await storeDocument(db(), { ...scope, typeId: t.domicile.id, prepared: await pdf() });
    const caf = await storeDocument(db(), { ...scope, typeId: t.caf.id, prepared: await pdf() });
    if (!home.ok || !caf.ok) throw new Error("documents not stored");
    await validateDocument(db(), {
      communeId: t.commune.id,
      agentUserId: t.mine.agent.id,
      documentId: home.document.id,
      expiresOn: "2099-06-30",
    });
    await refuseDocument(db(), {
      communeId: t.commune.id,
      agentUserId: t.mine.agent.id,
      documentId: caf.document.id,
      reason: "Document illisible.",
    });

    const page = await text(FamilyDocumentsPage({ params: params(t.slug), searchParams: query() }));
    expect(page).toContain("Pièces justificatives");
    expect(page).toContain("Le foyer");
    expect(page).toContain("Léa MARTIN");
    expect(page).toContain("Justificatif de domicile ✓ Validée");
    expect(page).toContain("Valable jusqu'au 30/06/2099");
    expect(page).toContain("Refusée");
    expect(page).toContain("Motif du refus : Document illisible.");
    expect(page).not.toContain("BERNARD");
    expect(page).not.toContain("Votre document a été envoyé");

    const markup = await html(FamilyDocumentsPage({ params: params(t.slug), searchParams: query() }));
    // "Ajouter" for the child's missing insurance, "Remplacer" and the file for the household's documents.
    expect(markup).toContain(
      `href="/${t.slug}/espace-famille/pieces-justificatives/deposer?type=${t.insurance.id}&amp;enfant=${t.mine.child.id}"`,
    );
    expect(markup).toContain(`href="/${t.slug}/espace-famille/pieces-justificatives/${home.document.id}/fichier"`);
    expect(markup).toMatch(/>Remplacer<span class="visually-hidden"> : Justificatif de domicile<\/span>/);
    expect(markup).toMatch(/>Ajouter<span class="visually-hidden"> : Attestation d&#x27;assurance de Léa<\/span>/);
  });

  it("says a document was sent, and shows only a household the account follows", async () => {
    const t = await setUp();
    const page = await text(
      FamilyDocumentsPage({
        params: params(t.slug),
        searchParams: query({ envoye: "1", famille: t.other.householdId }),
      }),
    );
    expect(page).toContain("Votre document a été envoyé : il est en cours de vérification.");
    // Another household of the commune in the address: the account's own is shown.
    const markup = await html(
      FamilyDocumentsPage({ params: params(t.slug), searchParams: query({ famille: t.other.householdId }) }),
    );
    expect(markup).toContain(`enfant=${t.mine.child.id}`);
    expect(markup).not.toContain(t.other.child.id);
  });

  it("opens the deposit form only for a line asked of the household (404 otherwise)", async () => {
    const t = await setUp();
    const deposit = (search: Record<string, string>) =>
      DepositDocumentPage({ params: params(t.slug), searchParams: query(search) });
    const form = await text(deposit({ type: t.insurance.id, enfant: t.mine.child.id }));
    expect(form).toContain("Déposer une pièce justificative");
    expect(form).toContain("Attestation d'assurance – Léa MARTIN");
    expect(form).toContain("Fichier (PDF, JPEG ou PNG, 10 Mo maximum)");
    expect(form).toContain("Prendre une photo");
    expect(form).toContain("Envoyer");
    const markup = await html(deposit({ type: t.domicile.id }));
    expect(markup).toMatch(/<input[^>]*type="file"[^>]*multiple=""/);
    expect(markup).toMatch(/<input[^>]*accept="image\/\*"[^>]*capture="environment"/);

    const refused: Record<string, string>[] = [
      { type: t.domicileElsewhere.id },
      { type: t.insurance.id, enfant: t.other.child.id },
      { type: t.insurance.id },
      { type: t.domicile.id, enfant: t.mine.child.id },
      { type: "pas-un-identifiant" },
      {},
    ];
    for (const search of refused) expect(await pageOutcome(deposit(search)), JSON.stringify(search)).toMatch(/;404$/);
  });

  it('shows "N pièces à fournir" as a link on Mes demandes and the family file, only when some are', async () => {
    const t = await setUp();
    const list = `/${t.slug}/espace-famille/pieces-justificatives`;
    // Two household types and two child types (one child) are required: four to provide.
    const requests = await html(MyRequestsPage({ params: params(t.slug), searchParams: query() }));
    expect(requests).toContain(`<a href="${list}">4 pièces à fournir</a>`);
    const file = await html(FamilyFilePage({ params: params(t.slug) }));
    expect(file).toContain(`<a href="${list}">4 pièces à fournir</a>`);

    // Every required line handed in (pending counts as provided): nothing to say.
    const scope = { communeId: t.commune.id, householdId: t.mine.householdId, userId: t.mine.family.id };
    for (const typeId of [t.domicile.id, t.caf.id])
      await storeDocument(db(), { ...scope, typeId, prepared: await pdf() });
    const vaccination = (
      await db()
        .select()
        .from(documentTypes)
        .where(and(eq(documentTypes.communeId, t.commune.id), eq(documentTypes.code, "carnet_vaccination")))
    )[0]!;
    for (const typeId of [t.insurance.id, vaccination.id])
      await storeDocument(db(), { ...scope, typeId, childId: t.mine.child.id, prepared: await pdf() });
    expect(await text(MyRequestsPage({ params: params(t.slug), searchParams: query() }))).not.toContain("à fournir");
    expect(await text(FamilyFilePage({ params: params(t.slug) }))).not.toContain("à fournir");
  });
});
