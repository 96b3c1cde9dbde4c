import { expect, expectAccessible, test } from "./fixtures";

/** axe at the desktop width and at 360 px, then back. */
async function expectAccessibleAtBothWidths(page: import("@playwright/test").Page) {
  await expectAccessible(page);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  await expectAccessible(page);
  if (size) await page.setViewportSize(size);
}

test.use({ signedInAs: "own family" });

test("a family changes a responsable's phone: shown pending in yellow, listed in Mes demandes, then withdrawn", async ({
  page,
  own,
}) => {
  test.slow(); // eleven axe audits (five pages at two widths, then one) on top of the flow: about a minute on 2 cores
  await page.goto("/demo/espace-famille");
  await page.getByRole("link", { name: /^Dossier famille/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dossier famille" })).toBeVisible();
  await expectAccessibleAtBothWidths(page);

  await page.getByRole("link", { name: `Monsieur Julien ${own.martin.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Données responsable/ })).toBeVisible();
  // The guide's tabs as links to the page's sections, the first one being read.
  const sectionLinks = page.getByRole("navigation", { name: "Rubriques de la fiche" }).getByRole("link");
  await expect(sectionLinks).toHaveText([
    "Information de base",
    "Adresse",
    "Communication et factures",
    "Payeur et allocataire CAF / MSA",
    "Données bancaires",
    "Données fiscales",
  ]);
  await expect(sectionLinks.first()).toHaveAttribute("aria-current", "location");
  await expectAccessibleAtBothWidths(page);

  const phone = "04 76 52 31 47";
  const basic = page.getByRole("region", { name: "Information de base" });
  await basic.getByRole("textbox", { name: "Téléphone", exact: true }).fill(phone);
  await basic.getByRole("button", { name: "Enregistrer les modifications" }).click();
  const notice = basic.getByRole("status");
  await expect(notice).toContainText(/référence D\d{4}-\d{6}/);
  const reference = /référence (D\d{4}-\d{6})/.exec((await notice.textContent()) ?? "")![1]!;

  const pending = basic.locator(".pending-value").filter({ hasText: `Modification en attente : ${phone}` });
  await expect(pending).toBeVisible();
  await expect(pending).toContainText("Valeur validée :");
  await expect(pending).toHaveCSS("background-color", "rgb(255, 243, 176)");
  await expectAccessibleAtBothWidths(page);

  await page.goto("/demo/mon-espace-citoyen/mes-demandes?etat=open");
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText("Modification du responsable");
  await expect(row).toContainText("En cours");
  await expectAccessibleAtBothWidths(page);

  await row.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Détail de ma demande ${reference}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Historique de la demande" })).toBeVisible();
  await expectAccessibleAtBothWidths(page);

  await page.getByRole("button", { name: `Retirer ma demande ${reference}` }).click();
  // The page re-renders withdrawn: the status and the history say so (the button is gone).
  await expect(page.getByRole("definition").filter({ hasText: "Retirée" })).toBeVisible();
  await expect(page.getByText("Demande retirée")).toBeVisible();
  await expectAccessible(page);
});
