import { expect, expectAccessible, test } from "./fixtures";

/*
 * Espace agent › Facturation › Paiements en ligne: reached from the hub, filtered from the keyboard, readable on a
 * phone. Other specs pay online in the demo commune at the same time: the list is read through filters only.
 */

test.use({ signedInAs: "agent" });

test("an agent opens Paiements en ligne from the hub and filters it with the keyboard, on a desktop and a phone", async ({
  page,
}) => {
  await page.goto("/demo/agent/facturation");
  await page.getByRole("link", { name: /^Paiements en ligne/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Paiements en ligne" })).toBeVisible();
  await expectAccessible(page);

  const filters = page.getByRole("search", { name: "Filtrer les paiements en ligne" });
  await filters.getByRole("combobox", { name: "État" }).selectOption("paid");
  await filters.getByRole("checkbox", { name: "Signalés uniquement" }).check();
  await filters.getByRole("searchbox", { name: "Recherche famille ou facture" }).fill("AUCUNE-FAMILLE");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/etat=paid&signales=1&du=&au=&q=AUCUNE-FAMILLE/);
  await expect(page.getByRole("status").filter({ hasText: "Aucun paiement en ligne ne correspond" })).toBeVisible();
  await expect(filters.getByRole("checkbox", { name: "Signalés uniquement" })).toBeChecked();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("link", { name: "Réinitialiser les filtres" }).click();
  await expect(page).toHaveURL(/\/paiements-en-ligne$/);
  // Nothing wider than the phone but the table, which scrolls in its own region.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
});
