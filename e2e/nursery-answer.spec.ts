import { nurseryDemoFamily } from "../db/demo-data";
import { addMonthsToDay } from "../lib/nursery/deadlines";
import { addDays } from "../lib/planning/days";
import { expect, expectAccessible, logIn, test } from "./fixtures";
import { TODAY as today } from "./run-settings";

/*
 * The crèche family of the demo (db/seed-nursery.ts) was offered a place at the Multi-accueil Les Petits Loups for
 * the baby it was expecting three weeks ago, from a month after today, two days ago. It accepts it on a phone,
 * with the birth's details: the child is in the family file and, at the crèche, in the planning. The family is the
 * demo's only one with an offer: this test is its only user.
 */

const shown = (day: string) => day.split("-").reverse().join("/");
const startOn = addMonthsToDay(today, 1);

test("a family accepts the place offered for its newborn: the child joins the family file and the planning", async ({
  page,
}) => {
  test.slow(); // axe audits at two widths on top of the flow
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, "demo", nurseryDemoFamily.account);
  await page.goto("/demo/espace-famille/creche");
  await page
    .getByRole("row")
    .filter({ hasText: "l'enfant à naître" })
    .getByRole("link", { name: /^D\d{4}-\d{6}$/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: /^Ma demande de place en crèche D/ })).toBeVisible();

  const answer = page.getByRole("region", { name: "Répondre à la place proposée" });
  await expect(answer).toContainText(`Multi-accueil Les Petits Loups à partir du ${shown(startOn)}`);
  await expect(answer).toContainText(`Répondez avant le ${shown(addDays(today, 6))} inclus`);
  await expectAccessible(page);

  // The birth is asked, each field with its message.
  await answer.getByRole("button", { name: "Accepter la place" }).click();
  await expect(answer.getByText("Le prénom est obligatoire.")).toBeVisible();
  await expect(answer.getByText("Indiquez s'il s'agit d'une fille ou d'un garçon.")).toBeVisible();
  await expect(answer.getByText("La date de naissance est obligatoire.")).toBeVisible();
  await expectAccessible(page);

  await answer.getByRole("textbox", { name: "Prénom" }).fill("Rose");
  await answer.getByRole("radio", { name: "Fille" }).check();
  // Born before the expected day, and before the browser's real today as well as the server's fixed one.
  await answer.getByLabel("Date de naissance").fill(addDays(today, -47));
  await answer.getByRole("button", { name: "Accepter la place" }).click();

  await expect(answer).toHaveCount(0);
  await expect(page.getByRole("definition").filter({ hasText: /^Place acceptée$/ })).toBeVisible();
  await expect(page.getByText(`Multi-accueil Les Petits Loups à partir du ${shown(startOn)}`)).toBeVisible();
  await expect(page.getByText(`Rose ${nurseryDemoFamily.name}`).first()).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/demo/espace-famille/dossier");
  await expect(page.getByRole("heading", { level: 1, name: "Dossier famille" })).toBeVisible();
  await expect(page.getByText(`Rose ${nurseryDemoFamily.name}`).first()).toBeVisible();

  // In the planning from the start: the crèche's days, Monday to Friday.
  await page.goto(`/demo/espace-famille/planning?vue=semaine&date=${startOn}`);
  await expect(page.getByRole("heading", { level: 1, name: "Planning des activités" })).toBeVisible();
  await expect(
    page.getByRole("button", { name: new RegExp(`^Rose, Multi-accueil Les Petits Loups, \\S+ ${shown(startOn)}, `) }),
  ).toBeVisible();
  await expectAccessible(page);
});
