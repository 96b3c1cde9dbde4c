import { beforeAll, describe, expect, it } from "vitest";
import { insertHouseholdApplication, insertNurseryTown } from "@/lib/nursery/agent-fixtures";
import { insertUser } from "@/lib/testing/fixtures";
import { signInAs } from "@/lib/testing/harness";
import { enableAuthInterrupts, html, pageOutcome, text } from "@/lib/testing/render-page";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import NurseryApplicationFilePage from "./[id]/page";
import NurseryCommissionPage from "./commission/page";
import NurseryApplicationsPage from "./page";
import NurserySettingsPage from "./parametres/page";

/* The agents' crèche pages as the server renders them: the commune's applications only, the settings for admins. */

const database = setUpTestDatabase();
enableAuthInterrupts();

let town: Awaited<ReturnType<typeof insertNurseryTown>>;
let other: Awaited<ReturnType<typeof insertNurseryTown>>;
let bebe: Awaited<ReturnType<typeof insertHouseholdApplication>>;
let grand: Awaited<ReturnType<typeof insertHouseholdApplication>>;
let theirs: Awaited<ReturnType<typeof insertHouseholdApplication>>;

beforeAll(async () => {
  const db = database.db;
  town = await insertNurseryTown(db);
  other = await insertNurseryTown(db);
  const { petitsLoups, lucioles } = town.structures;
  bebe = await insertHouseholdApplication(db, { communeId: town.commune.id, structureIds: [lucioles, petitsLoups] });
  grand = await insertHouseholdApplication(db, {
    communeId: town.commune.id,
    structureIds: [petitsLoups],
    set: { ageGroup: "grands", careType: "occasionnel", desiredStartOn: "2027-11-02", schedule: [] },
  });
  theirs = await insertHouseholdApplication(db, {
    communeId: other.commune.id,
    structureIds: [other.structures.petitsLoups],
  });
});

const search = (slug: string, query: Record<string, string> = {}) => ({
  params: Promise.resolve({ commune: slug }),
  searchParams: Promise.resolve(query),
});

describe("Petite enfance", () => {
  it("lists the commune's applications, filtered, with the demand per structure and age group", async () => {
    signInAs(town.agent, town.commune.slug);
    const links = await html(NurseryApplicationsPage(search(town.commune.slug)));
    expect(links).toContain(`/agent/petite-enfance/${bebe.id}`);
    expect(links).toContain(`/agent/petite-enfance/${grand.id}`);
    // (References count per commune: the other commune's first one is written like ours.)
    expect(links).not.toContain(theirs.id);
    const all = await text(NurseryApplicationsPage(search(town.commune.slug)));
    // Les Petits Loups, bébés: 1 application waiting, 1 place, none given, 1 free.
    expect(all).toContain("Multi-accueil Les Petits Loups Bébés (moins de 12 mois) 1 1 0 1");
    expect(all).toContain("Crèche familiale Les Lucioles Grands (24 mois et plus) 0 2 0 2");

    const november = await text(
      NurseryApplicationsPage(search(town.commune.slug, { mois: "2027-11", garde: "occasionnel" })),
    );
    expect(november).toContain(grand.reference);
    expect(november).not.toContain(bebe.reference);
    const lucioles = await text(
      NurseryApplicationsPage(search(town.commune.slug, { structure: town.structures.lucioles, age: "bebes" })),
    );
    expect(lucioles).toContain(bebe.reference);
    expect(lucioles).not.toContain(grand.reference);
    const refused = await text(NurseryApplicationsPage(search(town.commune.slug, { etat: "refused" })));
    expect(refused).toContain("Aucune demande ne correspond à ces critères.");
  });

  it("shows an application's file to the commune's staff only", async () => {
    signInAs(town.agent, town.commune.slug);
    const file = await text(
      NurseryApplicationFilePage({ params: Promise.resolve({ commune: town.commune.slug, id: bebe.id }) }),
    );
    expect(file).toContain(`Pré-inscription ${bebe.reference}`);
    expect(file).toContain("Crèche familiale Les Lucioles");
    expect(file).toContain("Pièces justificatives");
    expect(file).toContain("Historique");
    expect(
      await pageOutcome(
        NurseryApplicationFilePage({ params: Promise.resolve({ commune: town.commune.slug, id: theirs.id }) }),
      ),
    ).toMatch(/404$/);
    signInAs(town.family, town.commune.slug, { secondFactor: "verified" });
    expect(
      await pageOutcome(
        NurseryApplicationFilePage({ params: Promise.resolve({ commune: town.commune.slug, id: bebe.id }) }),
      ),
    ).toMatch(/403$/);
  });

  it("lists the commune's applications to decide at the commission date, with the capacity table", async () => {
    signInAs(town.agent, town.commune.slug);
    const page = await html(NurseryCommissionPage(search(town.commune.slug, { date: "2027-01-18" })));
    expect(page).toContain(`${bebe.reference} – `);
    expect(page).toContain(`${grand.reference} – `);
    expect(page).not.toContain(theirs.id);
    expect(page).toContain('value="2027-01-18"');
    expect(page).toContain("Bébés (moins de 12 mois) · Accueil régulier · entrée souhaitée le 01/09/2027");
    expect(page).toContain("Grands (24 mois et plus) · Accueil occasionnel · entrée souhaitée le 02/11/2027");
    expect(page).toContain(`Décision pour la demande ${bebe.reference}`);
    expect(page).toContain("Demandes par structure et tranche d&#x27;âge");
  });

  it("opens the settings to admins only", async () => {
    signInAs(town.agent, town.commune.slug);
    expect(await pageOutcome(NurserySettingsPage({ params: Promise.resolve({ commune: town.commune.slug }) }))).toMatch(
      /403$/,
    );
    const admin = await insertUser(database.db, town.commune.id, "admin");
    signInAs(admin, town.commune.slug);
    const page = await text(NurserySettingsPage({ params: Promise.resolve({ commune: town.commune.slug }) }));
    expect(page).toContain("Multi-accueil Les Petits Loups");
    expect(page).toContain("Délai de réponse des familles (jours)");
  });
});
