import { expect, expectAccessible, test } from "./fixtures";

/*
 * Espace agent › Facturation: the hub, the settings an agent changes (an activity's tariff) and those an admin
 * changes (a régie), and the exports page. The tariff added starts in September 2027, after any month a run of the
 * fixed-clock world (January 2027) invoices.
 */

test.describe("as an agent", () => {
  test.use({ signedInAs: "agent" });

  test("an agent reads the hub and adds next year's tariff of the canteen", async ({ page }) => {
    await page.goto("/demo/agent");
    await page.getByRole("link", { name: /^Facturation/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Facturation" })).toBeVisible();
    const regie = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "Régie enfance jeunesse (ENF)" }) });
    await expect(regie).toBeVisible();
    await expect(page.getByRole("link", { name: /^Émission des factures/ })).toHaveAttribute(
      "href",
      "/demo/agent/facturation/emission",
    );
    await expectAccessible(page);

    await page.getByRole("link", { name: /^Paramètres/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Paramètres de facturation" })).toBeVisible();
    await expect(page.getByText("Les régies et les natures sont modifiées par un administrateur.")).toBeVisible();
    const canteen = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "2/Repas Sco" }) });
    await expect(canteen).toContainText("Restauration scolaire");
    await expect(canteen).toContainText("depuis le 01/09/2026");
    await expectAccessible(page);

    await canteen.getByRole("link", { name: "2/Repas Sco" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Facturation de 2/Repas Sco" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Nature de facturation" })).toHaveValue(/.+/);
    await expect(page.getByRole("row").filter({ hasText: "01/09/2026" })).toContainText("En vigueur");
    const form = page.getByRole("form", { name: "Tarif" });
    // The latest tariff's brackets come in the form: 4 brackets, the last one above QF 1300.
    await expect(form.getByRole("group", { name: "Dernière tranche : QF au-delà de 1300" })).toBeVisible();
    await form.getByRole("textbox", { name: "Applicable à partir du" }).fill("2027-09-01");
    const first = form.getByRole("group", { name: "Tranche 1" });
    await first.getByRole("textbox", { name: "Prix (€)" }).fill("1,055");
    await form.getByRole("button", { name: "Enregistrer le tarif" }).click();
    await expect(
      first.getByText("Le prix de la tranche doit avoir au plus deux chiffres après la virgule"),
    ).toBeVisible();
    await expectAccessible(page);

    await first.getByRole("textbox", { name: "Prix (€)" }).fill("1,05");
    await form.getByRole("button", { name: "Ajouter une tranche" }).click();
    const added = form.getByRole("group", { name: "Tranche 4" });
    await added.getByRole("textbox", { name: "QF jusqu'à" }).fill("1200");
    await added.getByRole("textbox", { name: "Prix (€)" }).fill("4,20");
    await form.getByRole("button", { name: "Enregistrer le tarif" }).click();
    await expect(
      added.getByText("Les tranches doivent être croissantes : saisissez un quotient supérieur à 1300."),
    ).toBeVisible();
    await added.getByRole("textbox", { name: "QF jusqu'à" }).fill("1600");
    await form.getByRole("button", { name: "Enregistrer le tarif" }).click();
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: /Le tarif applicable à partir du 01\/09\/2027 a été (enregistré|corrigé)\./ }),
    ).toBeVisible();
    const next = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "01/09/2027" }) });
    await expect(next).toContainText("QF jusqu'à 500 : 1,05 €");
    await expect(next).toContainText("QF jusqu'à 1600 : 4,20 €");
    await expect(next).toContainText("QF au-delà de 1600");
    await expectAccessible(page);
  });

  test("an agent opens the exports page; a régie's page is for admins", async ({ page }) => {
    await page.goto("/demo/agent/facturation/exports");
    await expect(page.getByRole("heading", { level: 1, name: "Exports de facturation" })).toBeVisible();
    await expectAccessible(page);
    expect((await page.goto("/demo/agent/facturation/parametres/regies/nouvelle"))?.status()).toBe(403);
  });
});

test.describe("as an admin", () => {
  test.use({ signedInAs: "admin" });

  test("an admin opens the régie, and a wrong code is refused next to the field", async ({ page }) => {
    await page.goto("/demo/agent/facturation/parametres");
    await page.getByRole("link", { name: "Régie enfance jeunesse" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Régie Régie enfance jeunesse" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Code" })).toHaveValue("ENF");
    // The demo pays online through the portal's simulator: refused in production mode, beside the field.
    const mode = page.getByRole("combobox", { name: "Mode PayFiP" });
    const address = page.getByRole("textbox", { name: "Adresse du service PayFiP" });
    await expect(page.getByRole("textbox", { name: "Numéro client PayFiP" })).toHaveValue("012345");
    await expect(mode).toHaveValue("T");
    await expect(address).toHaveValue("/simulateur-payfip/tpa");
    await mode.selectOption("W");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await expect(address).toHaveAccessibleDescription(/le simulateur ne débite aucune carte/);
    await address.fill("http://www.payfip.gouv.fr/tpa");
    await expect(address).toHaveAccessibleDescription(/doit commencer par https:\/\//);
    await address.fill("/simulateur-payfip/tpa");
    await mode.selectOption("T");
    await page.getByRole("textbox", { name: "Code" }).fill("E1");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await expect(page.getByText("Le code doit compter de 2 à 8 lettres sans accent, par exemple ENF.")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("textbox", { name: "Code" }).fill("ENF");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Les modifications de la régie ont été enregistrées." }),
    ).toBeVisible();

    await page.goto("/demo/agent/facturation/parametres");
    await expect(page.getByRole("form", { name: "Nature Restauration scolaire" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Ajouter une nature" })).toBeVisible();
    await expectAccessible(page);
  });
});
