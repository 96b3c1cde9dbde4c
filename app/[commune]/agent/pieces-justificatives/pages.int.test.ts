import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import HouseholdPage from "@/app/[commune]/agent/familles/[id]/page";
import type { Commune, User } from "@/db/schema";
import type { PreparedDocument } from "@/lib/documents/prepared";
import { storeDocument } from "@/lib/documents/store-document";
import { ensureDefaultDocumentTypes, findDocumentTypeByCode } from "@/lib/documents/types";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { signInAs } from "@/lib/testing/harness";
import { enableAuthInterrupts, html, pageOutcome, text } from "@/lib/testing/render-page";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import DocumentReviewPage from "./[id]/page";
import DocumentQueuePage from "./page";
import DocumentSettingsPage from "./parametres/page";

/* The agents' document pages as the server renders them: the commune's documents only, staff only. */

const database = setUpTestDatabase();
enableAuthInterrupts();

let town: Commune;
let other: Commune;
let agent: User;
let admin: User;
let otherAgent: User;
let family: Awaited<ReturnType<typeof insertFamily>>;
let otherFamily: Awaited<ReturnType<typeof insertFamily>>;
let mineId: string;
let theirsId: string;

async function store(owner: typeof family, code: string) {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]);
  const bytes = await pdf.save();
  const prepared: PreparedDocument = {
    bytes,
    mediaType: "application/pdf",
    extension: "pdf",
    pageCount: 1,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
  const type = (await findDocumentTypeByCode(database.db, { communeId: owner.scope.communeId, code }))!;
  const result = await storeDocument(database.db, {
    ...owner.scope,
    userId: owner.family.id,
    typeId: type.id,
    childId: type.audience === "child" ? owner.child.id : null,
    prepared,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.document.id;
}

beforeAll(async () => {
  const db = database.db;
  town = await insertCommune(db);
  other = await insertCommune(db);
  await ensureDefaultDocumentTypes(db, town.id);
  await ensureDefaultDocumentTypes(db, other.id);
  agent = await insertUser(db, town.id, "agent");
  admin = await insertUser(db, town.id, "admin");
  otherAgent = await insertUser(db, other.id, "agent");
  family = await insertFamily(db, town.id, "VASSEUR");
  otherFamily = await insertFamily(db, other.id, "ETRANGER");
  mineId = await store(family, "justificatif_domicile");
  theirsId = await store(otherFamily, "justificatif_domicile");
});

const queue = (slug: string, search: Record<string, string> = {}) =>
  DocumentQueuePage({ params: Promise.resolve({ commune: slug }), searchParams: Promise.resolve(search) });
const review = (slug: string, id: string) => DocumentReviewPage({ params: Promise.resolve({ commune: slug, id }) });

describe("Pièces justificatives à vérifier", () => {
  it("lists the commune's pending documents only, each linked to its review page", async () => {
    signInAs(agent, town.slug);
    const page = await html(queue(town.slug));
    expect(page).toContain(`/${town.slug}/agent/pieces-justificatives/${mineId}`);
    expect(page).toContain("Famille VASSEUR");
    expect(page).not.toContain(theirsId);
    expect(page).not.toContain("ETRANGER");
    expect(page).toContain("Valider la sélection");
    // Garbage in the address: the defaults, never an error page.
    expect(await text(queue(town.slug, { etat: "x", type: "pas-un-id", page: "-3" }))).toContain("Famille VASSEUR");
  });

  it("is for the commune's staff: a family is refused, another commune's agent is sent to log in", async () => {
    signInAs(family.family, town.slug);
    expect(await pageOutcome(queue(town.slug))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    signInAs(otherAgent, town.slug);
    expect(await pageOutcome(queue(town.slug))).toMatch(/^NEXT_REDIRECT;replace;\/commune-\d+\/connexion/);
  });
});

describe("the review page", () => {
  it("shows the document inline beside the household's data, and the two decisions", async () => {
    signInAs(agent, town.slug);
    const page = await html(review(town.slug, mineId));
    expect(page).toMatch(
      new RegExp(`<iframe[^>]*src="/${town.slug}/agent/pieces-justificatives/${mineId}/fichier\\?affichage=1"`),
    );
    expect(page).toContain(`href="/${town.slug}/agent/familles/${family.householdId}"`);
    expect(page).toContain(family.household.subscriberCode);
    expect(page).toContain("Date d&#x27;expiration");
    // The expiry is offered from the type's validity (12 months for a justificatif de domicile).
    expect(page).toContain("Proposée d&#x27;après la durée de validité de ce type de pièce.");
    expect(page).toContain("Motif du refus");
  });

  it("is a 404 for another commune's document, or not an id", async () => {
    signInAs(agent, town.slug);
    expect(await pageOutcome(review(town.slug, theirsId))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await pageOutcome(review(town.slug, "pas-un-id"))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });
});

describe("the settings and the household page", () => {
  it("an admin edits the types; an agent reads them", async () => {
    const settings = () => text(DocumentSettingsPage({ params: Promise.resolve({ commune: town.slug }) }));
    signInAs(admin, town.slug);
    const forAdmin = await settings();
    expect(forAdmin).toContain("Ajouter un type de pièce");
    expect(forAdmin).toContain("Enregistrer la durée de conservation");
    signInAs(agent, town.slug);
    const forAgent = await settings();
    expect(forAgent).toContain("Justificatif de domicile");
    expect(forAgent).not.toContain("Ajouter le type de pièce");
    expect(forAgent).toContain("modifiés par un administrateur");
  });

  it("the household page lists its documents and offers to close the file", async () => {
    signInAs(agent, town.slug);
    const page = await text(HouseholdPage({ params: Promise.resolve({ commune: town.slug, id: family.householdId }) }));
    expect(page).toContain("Pièces justificatives");
    expect(page).toMatch(/Justificatif de domicile Le foyer (◐ )?En cours de vérification/);
    expect(page).toContain("Clôturer le dossier");
  });
});
