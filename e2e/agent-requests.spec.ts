import { expect, expectAccessible, test } from "./fixtures";

test.use({ signedInAs: "agent" });

test("an agent opens a family's pending change from Demandes, sees the diff and decides it", async ({ page, own }) => {
  await page.goto("/demo/agent");
  await page
    .getByRole("link", { name: /^Demandes/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Demandes" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Famille ou référence" }).fill(own.martin.name);
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${own.martin.name}`));
  await expectAccessible(page);

  // The seeded pending change of Claire, in the test's own copy of the MARTIN household.
  const row = page
    .getByRole("row")
    .filter({ hasText: `Claire ${own.martin.name}` })
    .filter({ hasText: "Modification du responsable" });
  const reference = (await row.getByRole("link").textContent())!.trim();
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Demande ${reference}`) })).toBeVisible();

  const diff = page.getByRole("table", { name: `Modifications demandées par la demande ${reference}` });
  await expect(diff.getByRole("columnheader", { name: "Valeur avant" })).toBeVisible();
  await expect(diff.getByRole("columnheader", { name: "Valeur demandée" })).toBeVisible();
  await expect(diff.getByRole("rowheader", { name: /Téléphone/ }).first()).toBeVisible();
  await expectAccessible(page);

  // A refusal needs a message for the family.
  await page.getByRole("button", { name: "Refuser", exact: true }).click();
  await expect(page.getByText("Saisissez le message expliquant le refus à la famille.")).toBeVisible();
  await page
    .getByRole("textbox", { name: "Message à la famille", exact: true })
    .fill("Merci de nous appeler pour confirmer ce numéro.");
  await page.getByRole("button", { name: "Refuser", exact: true }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `${reference} : refusée, la famille est informée.` }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Refuser", exact: true })).toHaveCount(0);
  await expect(page.getByText("« Merci de nous appeler pour confirmer ce numéro. »")).toBeVisible();
  await expectAccessible(page);
});
