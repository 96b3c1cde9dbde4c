import { describe, expect, it } from "vitest";
import { children } from "@/db/schema";
import { todayInParis } from "@/lib/clock";
import { insertSubscribedFamily } from "@/lib/documents/test-fixtures";
import { ensureDefaultDocumentTypes } from "@/lib/documents/types";
import { addMonthsToDay } from "@/lib/nursery/deadlines";
import { insertNurseryApplication, insertNurseryCommune } from "@/lib/nursery/test-fixtures";
import { signInAs } from "@/lib/testing/harness";
import { enableAuthInterrupts, html, pageOutcome, text } from "@/lib/testing/render-page";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import MyRequestPage from "../../mon-espace-citoyen/mes-demandes/[id]/page";
import FamilySpacePage from "../page";
import FamilyNurseryApplicationPage from "./[id]/page";
import NewNurseryApplicationPage from "./nouvelle-demande/page";
import FamilyNurseryPage from "./page";

/* Espace famille › Pré-inscription en crèche as the server renders it: the household's own applications only. */

const database = setUpTestDatabase();
const db = () => database.db;

enableAuthInterrupts();

const params = (slug: string) => Promise.resolve({ commune: slug });
const query = (search: Record<string, string> = {}) => Promise.resolve(search);

async function setUp() {
  const t = await insertNurseryCommune(db());
  await ensureDefaultDocumentTypes(db(), t.commune.id);
  const other = await insertSubscribedFamily(db(), t.commune.id);
  const elsewhere = await insertNurseryCommune(db());
  const apply = (family: { householdId: string; family: { id: string } }, communeId = t.commune.id) =>
    insertNurseryApplication(db(), {
      communeId,
      householdId: family.householdId,
      userId: family.family.id,
      structureIds: communeId === t.commune.id ? [t.structure, t.otherStructure] : [elsewhere.structure],
    });
  const mine = await apply(t);
  const theirs = await apply(other);
  const away = await apply(elsewhere, elsewhere.commune.id);
  signInAs(t.family, t.commune.slug);
  return { ...t, other, elsewhere, mine, theirs, away };
}

describe("the family's crèche pages", () => {
  it("list the household's applications, with the state and the next confirmation", async () => {
    const t = await setUp();
    const page = await text(
      FamilyNurseryPage({ params: params(t.commune.slug), searchParams: query({ envoyee: "1" }) }),
    );
    expect(page).toContain(`Votre demande ${t.mine.reference} a bien été envoyée.`);
    expect(page).toContain("En attente de commission");
    expect(page).toContain("Faire une demande");
    // References count per commune: the other household's is this commune's next one.
    expect(page).not.toContain(t.theirs.reference);
  });

  it("show an application of the household with its actions, and no one else's", async () => {
    const t = await setUp();
    const open = (slug: string, id: string) =>
      FamilyNurseryApplicationPage({ params: Promise.resolve({ commune: slug, id }) });
    const page = await text(open(t.commune.slug, t.mine.id));
    expect(page).toContain(`Ma demande de place en crèche ${t.mine.reference}`);
    expect(page).toContain("Multi-accueil Les Petits Loups");
    for (const action of ["Confirmer ma demande", "Modifier ma demande", "Retirer ma demande"])
      expect(page).toContain(action);
    expect(await pageOutcome(open(t.commune.slug, t.theirs.id))).toMatch(/;404$/);
    expect(await pageOutcome(open(t.commune.slug, t.away.id))).toMatch(/;404$/);
    expect(await pageOutcome(open(t.commune.slug, "pas-un-id"))).toMatch(/;404$/);
  });

  it("offer the form with the file's guardians and children under 4, or prefilled to change a submitted application", async () => {
    const t = await setUp();
    await db()
      .insert(children)
      .values({
        communeId: t.commune.id,
        householdId: t.householdId,
        lastName: t.household.name,
        firstName: "Noé",
        birthDate: addMonthsToDay(todayInParis(), -8),
        sex: "M",
      });
    const form = (search: Record<string, string> = {}) =>
      NewNurseryApplicationPage({ params: params(t.commune.slug), searchParams: query(search) });
    const page = await html(form());
    expect(page).toContain(`Claire ${t.household.name}`);
    expect(page).toContain(`Paul ${t.household.name}`);
    expect(page).toContain(`Noé ${t.household.name}`);
    // Léa, born in 2017, is too old for a crèche.
    expect(page).not.toContain(`Léa ${t.household.name}`);
    expect(page).toContain("Un enfant à naître");
    expect(page).toContain("Étape 1 sur 6 : Responsables");

    expect(await text(form({ demande: t.mine.id }))).toContain("Modifier ma demande de place en crèche");
    expect(await pageOutcome(form({ demande: t.theirs.id }))).toMatch(/;404$/);
    expect(await pageOutcome(form({ demande: t.away.id }))).toMatch(/;404$/);
  });

  it("lead from the family space and from Mes demandes to the applications", async () => {
    const t = await setUp();
    expect(await html(FamilySpacePage({ params: params(t.commune.slug) }))).toContain(
      `href="/${t.commune.slug}/espace-famille/creche"`,
    );
    const request = await html(
      MyRequestPage({ params: Promise.resolve({ commune: t.commune.slug, id: t.mine.requestId }) }),
    );
    expect(request).toContain(`href="/${t.commune.slug}/espace-famille/creche/${t.mine.id}"`);
  });
});
