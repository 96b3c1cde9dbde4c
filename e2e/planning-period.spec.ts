import type { Page } from "@playwright/test";
import { addDays, isoWeekday, weekdayName } from "../lib/planning/days";
import { expect, expectAccessible, logIn, signUpAndActivate, test } from "./fixtures";
import { TODAY } from "./run-settings";

/*
 * Issue #4's period form on the test's own copy of the DURAND household (its child Inès is enrolled and all her
 * coming days are free): bad input changes nothing, a good period lists its dates, is sent, and shows in the
 * planning's Liste view and in Mes demandes.
 */

/** Nineteen days from two weeks ahead, past every booking deadline, in term time (the server's clock is fixed). */
const period = { from: addDays(TODAY, 14), to: addDays(TODAY, 32) };

/** "lundi 07/12/2026", as the form lists a date. */
function dayLabel(day: string): string {
  return `${weekdayName(isoWeekday(day))} ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

async function listCount(page: Page): Promise<number> {
  await page.goto("/demo/espace-famille/planning/liste");
  const heading = await page.getByRole("heading", { level: 1, name: /^Planning \/ Liste/ }).textContent();
  return Number(/\((\d+) Résultat/.exec(heading ?? "")![1]);
}

async function fillPeriod(page: Page, period: { from: string; to: string }, weekdays: string[]) {
  await page.getByRole("textbox", { name: "Du", exact: true }).fill(period.from);
  await page.getByRole("textbox", { name: "Au", exact: true }).fill(period.to);
  for (const box of await page.getByRole("checkbox").all()) await box.uncheck();
  for (const name of weekdays) await page.getByRole("checkbox", { name: new RegExp(`^${name} \\(`) }).check();
}

test("a family books a period: bad input changes nothing, the dates are previewed, sent, listed and in its calendar feed", async ({
  page,
  own,
}) => {
  const account = await signUpAndActivate(page, { subscriberCode: own.durand.code });
  await logIn(page, "demo", account);
  const before = await listCount(page);

  await page.goto("/demo/espace-famille/planning/reservation");
  await expect(page.getByRole("heading", { level: 1, name: "Réservation d'activité" })).toBeVisible();
  const crumbs = page.getByRole("navigation", { name: "Fil d'Ariane" });
  await expect(crumbs.getByRole("link")).toHaveText(["Accueil", "Espace famille", "Planning"]);
  await expect(crumbs.locator("[aria-current=page]")).toHaveText("Réservation d'activité");
  // Inès is the household's only child: already chosen.
  await expect(page.getByLabel("Enfants")).toHaveValue(/.+/);
  await expect(page.getByLabel("Enfants").locator("option:checked")).toHaveText(`Inès ${own.durand.name}`);
  // A choice made before the page hydrated is reset by it: choose again until the enrolment's period shows.
  await expect(async () => {
    await page.getByLabel("Activités").selectOption({ label: "1/Péri MATIN – École élémentaire Jules Ferry" });
    await expect(
      page.getByText(
        /Contraintes - Les dates de réservation doivent être comprises dans la période de l'inscription \(du \d{2}\/\d{2}\/\d{4} au \d{2}\/\d{2}\/\d{4}/,
      ),
    ).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await expect(page.getByRole("checkbox", { name: "lundi (07:30 - 08:30)" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^mercredi/ })).toHaveCount(0);
  await expectAccessible(page);

  const demander = page.getByRole("button", { name: "Demander" });

  // No weekday ticked.
  await fillPeriod(page, period, []);
  await demander.click();
  await expect(page.getByText("Cochez au moins un jour de la semaine.")).toBeVisible();

  // The end before the start.
  await fillPeriod(page, { from: period.to, to: period.from }, ["lundi", "jeudi"]);
  await demander.click();
  await expect(page.getByRole("textbox", { name: "Au", exact: true })).toHaveAccessibleDescription(
    "La date de fin doit être postérieure ou égale à la date de début.",
  );

  // Past the end of the enrolment (the "Au" field's max): the server refuses it next to the field.
  const enrolmentEnd = (await page.getByRole("textbox", { name: "Au", exact: true }).getAttribute("max"))!;
  await fillPeriod(page, { from: addDays(enrolmentEnd, -3), to: addDays(enrolmentEnd, 7) }, ["lundi", "jeudi"]);
  await demander.click();
  await expect(page.getByRole("textbox", { name: "Au", exact: true })).toHaveAccessibleDescription(
    /Les dates doivent être comprises dans la période de l'inscription/,
  );
  await expect(page.getByText(/transmise à la collectivité/)).toHaveCount(0);

  // A good period: every Monday and Thursday in it is listed before sending.
  await fillPeriod(page, period, ["lundi", "jeudi"]);
  const dates = Array.from({ length: 19 }, (_, i) => addDays(period.from, i)).filter((day) =>
    [1, 4].includes(isoWeekday(day)),
  );
  const preview = page.getByRole("region", { name: "Dates concernées" });
  await expect(page.getByRole("status").filter({ hasText: `${dates.length} dates :` })).toBeVisible();
  for (const day of dates) await expect(preview.getByRole("rowheader", { name: dayLabel(day) })).toBeVisible();
  await expectAccessible(page);

  await demander.click();
  const done = page
    .getByRole("status")
    .filter({ hasText: "Votre demande de réservation a été transmise à la collectivité sous la référence" });
  await expect(done).toBeVisible();
  const reference = /référence (D\d{4}-\d{6})/.exec((await done.textContent()) ?? "")![1]!;
  const result = page.getByRole("region", { name: `Dates de la demande ${reference}` });
  await expect(result.getByRole("row")).toHaveCount(dates.length + 1);
  for (const day of dates) await expect(result.getByRole("row", { name: new RegExp(dayLabel(day)) })).toBeVisible();
  await expect(result.getByText("Demandée").first()).toBeVisible();
  await expect(page.getByRole("link", { name: `Suivre la demande ${reference} dans Mes demandes` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Voir le planning" })).toBeVisible();
  await expectAccessible(page);

  // The Liste view: one more request (the refused tries created none), filtered by child.
  expect(await listCount(page)).toBe(before + 1);
  await page.getByLabel("Enfants").selectOption({ label: "Inès" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText("Inès");
  await expect(row).toContainText("Ajout de réservation");
  await expect(row).toContainText("École élémentaire Jules Ferry");
  await expect(row).toContainText("1/Péri MATIN");
  await expect(row).toContainText("En cours");
  await expectAccessible(page);

  // Its detail in Mes demandes, day by day.
  await row.getByRole("link", { name: `Détail de la demande ${reference}` }).click();
  await expect(page.getByRole("heading", { name: `Détail de la demande : Inès ${own.durand.name}` })).toBeVisible();
  await expect(page.getByRole("table", { name: `Jours de la demande ${reference}` }).getByRole("row")).toHaveCount(
    dates.length + 1,
  );

  // The private calendar feed (shown once) carries the asked days; once revoked its address is gone.
  await page.goto("/demo/espace-famille/planning/agenda");
  await page.getByRole("button", { name: /^Créer (le|un nouveau) lien$/ }).click();
  const feedUrl = await page.getByRole("textbox", { name: "Adresse de votre agenda" }).inputValue();
  await expectAccessible(page);
  const feed = await page.request.get(feedUrl);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await feed.text()).toContain("SUMMARY:Inès — 1/Péri MATIN (Réservation demandée)");
  await page.getByRole("button", { name: "Révoquer le lien" }).click();
  await expect(page.getByText("Le lien a été révoqué")).toBeVisible();
  expect((await page.request.get(feedUrl)).status()).toBe(404);
});
