import { expect, expectAccessible, test } from "./fixtures";

/*
 * Espace agent › Petite enfance. The demo seed of this branch has no structure and no application yet (the demo's
 * crèches and applications come with the seed of the "answers" part): an admin adds a structure with its places
 * and sets the delays, then the list, its filters, the demand table and the commission page are checked on it.
 * Deciding a commission on seeded applications is covered by lib/nursery/commission*.int.test.ts.
 */

test.describe("as an admin", () => {
  test.use({ signedInAs: "admin" });

  test("an admin adds a structure and sets the delays; the list, its filters and the commission show its places", async ({
    page,
  }) => {
    test.slow(); // four pages audited by axe
    const name = `Multi-accueil Les Hirondelles ${Date.now() % 100_000}`;

    await page.goto("/demo/agent");
    await page.getByRole("link", { name: /^Petite enfance/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Petite enfance" })).toBeVisible();
    await page.getByRole("link", { name: "Paramètres de la petite enfance" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Paramètres de la petite enfance" })).toBeVisible();
    await expectAccessible(page);

    // The delays: a wrong value is refused at its field, then saved.
    const delays = page.getByRole("form", { name: "Délais" });
    await delays.getByRole("textbox", { name: "Délai de réponse des familles (jours)" }).fill("90");
    await delays.getByRole("button", { name: "Enregistrer les délais" }).click();
    await expect(delays.getByText("Le délai de réponse doit être un nombre entier entre 1 et 60.")).toBeVisible();
    await delays.getByRole("textbox", { name: "Délai de réponse des familles (jours)" }).fill("8");
    await delays.getByRole("button", { name: "Enregistrer les délais" }).click();
    await expect(delays.getByRole("status")).toContainText("8 jours pour répondre");

    // A new structure with its places per age group.
    const form = page.getByRole("form", { name: "Nouvelle structure" });
    await form.getByRole("textbox", { name: "Nom" }).fill(name);
    await form.getByRole("combobox", { name: "Type" }).selectOption({ label: "Multi-accueil" });
    await form.getByRole("textbox", { name: "Adresse" }).fill("3 rue des Écoles");
    await form.getByRole("textbox", { name: "Bébés (moins de 12 mois)" }).fill("2");
    await form.getByRole("textbox", { name: "Moyens (12 à 23 mois)" }).fill("3");
    await form.getByRole("textbox", { name: "Grands (24 mois et plus)" }).fill("4");
    await form.getByRole("button", { name: "Ajouter la structure" }).click();
    await expect(form.getByRole("status")).toHaveText(`La structure « ${name} » a été ajoutée.`);
    await expect(page.getByRole("heading", { level: 3, name })).toBeVisible();
    // The same name again is refused at the field.
    await form.getByRole("textbox", { name: "Nom" }).fill(name);
    await form.getByRole("button", { name: "Ajouter la structure" }).click();
    await expect(form.getByText(`Une structure s'appelle déjà « ${name} ».`)).toBeVisible();

    // Its places, one more for the bébés; closed to the families' choices (other specs' families see the demo's
    // structures only).
    const structure = page.getByRole("form", { name });
    await structure.getByRole("textbox", { name: "Bébés (moins de 12 mois)" }).fill("3");
    await structure.getByRole("checkbox", { name: "Ouverte aux demandes des familles" }).uncheck();
    await structure.getByRole("button", { name: "Enregistrer la structure" }).click();
    await expect(structure.getByRole("status")).toHaveText("La structure a été enregistrée.");
    await expect(page.getByRole("heading", { level: 3, name: `${name} (fermée aux demandes)` })).toBeVisible();
    await expectAccessible(page);

    // The list: the demand table shows its places; filtered on it, no application yet.
    await page.getByRole("link", { name: "Petite enfance", exact: true }).click();
    const bebes = page.getByRole("row").filter({ hasText: name }).filter({ hasText: "Bébés" });
    await expect(bebes.getByRole("cell")).toHaveText(["Bébés (moins de 12 mois)", "0", "3", "0", "3"]);
    const filters = page.getByRole("search", { name: "Filtrer les demandes de pré-inscription" });
    await filters.getByRole("combobox", { name: "Structure souhaitée" }).selectOption({ label: name });
    await filters.getByRole("combobox", { name: "Tranche d'âge" }).selectOption({ label: "Bébés (moins de 12 mois)" });
    await filters.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/structure=[0-9a-f-]{36}.*age=bebes/);
    await expect(
      page.getByRole("status").filter({ hasText: "Aucune demande ne correspond à ces critères." }),
    ).toBeVisible();
    await expectAccessible(page);

    // The commission shows the same places beside the applications to decide.
    await page.getByRole("link", { name: "Préparer une commission" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Commission petite enfance" })).toBeVisible();
    await expect(
      page.getByRole("row").filter({ hasText: name }).filter({ hasText: "Grands" }).getByRole("cell"),
    ).toHaveText(["Grands (24 mois et plus)", "0", "4", "0", "4"]);
    await expectAccessible(page);
  });
});

test.describe("as an agent", () => {
  test.use({ signedInAs: "agent" });

  test("an agent reaches the list and the commission, not the settings", async ({ page }) => {
    await page.goto("/demo/agent/petite-enfance");
    await expect(page.getByRole("heading", { level: 1, name: "Petite enfance" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Paramètres de la petite enfance" })).toHaveCount(0);
    await page.getByRole("link", { name: "Préparer une commission" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Commission petite enfance" })).toBeVisible();
    const settings = await page.goto("/demo/agent/petite-enfance/parametres");
    expect(settings?.status()).not.toBe(200);
  });
});
