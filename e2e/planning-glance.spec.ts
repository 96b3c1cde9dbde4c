import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { expectNoOverflow, expectScreenshot, fixBrowserClock, PHONE, SCREENS } from "./layout-checks";
import { TODAY } from "./run-settings";

/*
 * The planning read at a glance (issue #14) on the demo's MARTIN household (db/seed-planning.ts): every view at
 * both widths on days with a holiday or a closure, the phone's first screen, and a family that books and declares
 * an absence with the keyboard alone.
 */

const planningUrl = (vue: string, date: string) => `/demo/espace-famille/planning?vue=${vue}&date=${date}`;

// January 2027 holds New Year's Day and the end of the Christmas holidays; the week of 9 November 2026 the
// Armistice (Wednesday 11) and the canteen strike the demo seeds (Friday 13).
const VIEWS = [
  { vue: "mois", date: TODAY, note: "Jour de l'an" },
  { vue: "semaine", date: "2026-11-09", note: "Armistice 1918" },
  { vue: "semaine5", date: "2026-11-09", note: "Armistice 1918" },
  { vue: "jour", date: "2026-11-13", note: "Grève du personnel de restauration (2/Repas Sco)" },
] as const;

test.describe("the demo's MARTIN planning at a glance", () => {
  test.use({ signedInAs: "family" });

  for (const screen of SCREENS) {
    for (const { vue, date, note } of VIEWS) {
      test(`${vue} on a ${screen.name} shows every slot, the holidays and closures`, async ({ page }) => {
        await page.setViewportSize(screen.size);
        await fixBrowserClock(page);
        await page.goto(planningUrl(vue, date));
        await expect(page.getByRole("link", { name: /^Mois$|^Semaine$|^Semaine 5 j$|^Jour$/ }).first()).toBeVisible();
        // A phone's month names the day's holiday in its link; the other views print it.
        await expect(
          page
            .getByText(note, { exact: true })
            .or(page.getByRole("link", { name: new RegExp(note.replace(/[()]/g, "\\$&")) }))
            .first(),
        ).toBeVisible();
        await expect(page.getByText(/^\+\d+/)).toHaveCount(0);
        await expectNoOverflow(page);
        await expectAccessible(page);
        await expectScreenshot(page, `planning-${vue}-${screen.name}`);
      });
    }
  }

  test("on a phone the calendar starts within the first screen, and a day of the month opens its Jour view", async ({
    page,
  }) => {
    await page.setViewportSize(PHONE);
    await fixBrowserClock(page);
    await page.goto("/demo/espace-famille/planning");
    // The day drawn while the page loads is replaced by the live one: measure that one.
    await expect(page.getByText("Chargement du planning…")).toHaveCount(0);
    const calendar = page.locator('[aria-labelledby="planning-periode"]');
    await expect(calendar).toBeVisible();
    const top = (await calendar.boundingBox())!.y;
    expect(top, "the calendar's top, in px from the top of the page").toBeLessThan(PHONE.height - 150);

    await page.goto(planningUrl("mois", TODAY));
    await page.getByRole("link", { name: /^mardi 12\/01\/2027, \d+ créneaux : afficher la journée$/ }).click();
    await expect(page).toHaveURL(/vue=jour&date=2027-01-12/);
    await expect(page.getByRole("heading", { level: 2, name: "mardi 12 janvier 2027" })).toBeVisible();
    await expectAccessible(page);
  });
});

/** Presses Tab until the focused element's accessible name (aria-label or text) matches; fails after `max` presses. */
async function tabTo(page: Page, name: RegExp, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.getAttribute("aria-label") ?? el?.textContent?.trim() ?? "";
    });
    if (name.test(focused)) return;
  }
  throw new Error(`nothing named ${name} reached with Tab`);
}

test.describe("the test's own MARTIN planning, with the keyboard only", () => {
  test.use({ signedInAs: "own family" });

  test("a slot is booked and a late absence declared, told it will be billed before confirming", async ({ page }) => {
    await fixBrowserClock(page);
    // Four weeks ahead Léa's Péri SOIR days are free (not booked).
    await page.goto(planningUrl("semaine5", "2027-02-08"));
    await tabTo(page, /^Léa, 3\/Péri SOIR, \S+ \d{2}\/02\/2027, 16:30 – 18:30 : Inscrit, non réservé$/);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText(/^Demander la réservation de 3\/Péri SOIR pour Léa le /)).toBeVisible();
    await tabTo(page, /^Demander la réservation$/, 10);
    await page.keyboard.press("Space");
    await expect(dialog.getByRole("status")).toContainText(/Votre demande de réservation est enregistrée/);
    await page.keyboard.press("Escape");
    await expect(page.locator(":focus")).toHaveAttribute("aria-label", /: Réservation demandée$/);

    // Tuesday's canteen is past its J-2 cancellation deadline: an absence is billed, and the dialog says so first.
    await page.goto(planningUrl("jour", "2027-01-12"));
    await tabTo(page, /^Zoé, 2\/Repas Sco, mardi 12\/01\/2027, 11:30 – 13:20 : Réservé \/ présent$/);
    await page.keyboard.press("Enter");
    await expect(
      dialog.getByText(
        /^Absence hors délai : elle sera facturée\. Sans frais, elle devait être déclarée avant le 08\/01\/2027 à 10:00/,
      ),
    ).toBeVisible();
    await expectAccessible(page);
    await tabTo(page, /^Déclarer l'absence$/, 10);
    await page.keyboard.press("Enter");
    await expect(dialog.getByRole("status")).toContainText(/Absence hors délai : elle sera facturée/);
    await page.keyboard.press("Escape");
    await expect(page.locator(":focus")).toHaveAttribute("aria-label", /^Zoé, 2\/Repas Sco, mardi 12\/01\/2027/);
  });
});
