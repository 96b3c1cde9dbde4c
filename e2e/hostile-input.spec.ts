import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/*
 * Hand-typed query strings (far dates, NUL bytes, repeated parameters) on the pages that read them: the page
 * answers, with the value ignored or cleaned, never a 500 — and its scripts still run under the CSP.
 */

/** Opens the address, checks the answer is a page with this heading, and that no script was blocked. */
async function expectPage(page: Page, url: string, heading: string | RegExp) {
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  expect(blocked).toEqual([]);
}

test.describe("signed in as the demo family", () => {
  test.use({ signedInAs: "family" });

  test("the family's planning and lists ignore far dates and NUL bytes in the address", async ({ page }) => {
    for (const query of [
      "date=9999-12-31",
      "date=0001-01-01&vue=mois",
      "date=2026-12-01%00",
      "date=%00",
      "famille=%00&vue=jour",
      "date=2026-12-01&date=9999-12-31",
    ]) {
      await expectPage(page, `/demo/espace-famille/planning?${query}`, "Planning des activités");
    }
    await expectPage(page, "/demo/espace-famille/planning/liste?enfant=%00&page=%00", /^Planning \/ Liste/);
    await expectPage(page, "/demo/mon-espace-citoyen/mes-demandes?reference=D2026%00&etat=%00", /^Mes demandes/);
  });
});

test.describe("signed in as an agent", () => {
  test.use({ signedInAs: "agent" });

  test("the agents' search boxes drop control characters and the inbox ignores a far day", async ({ page }) => {
    await expectPage(page, "/demo/agent/familles?q=MAR%00TIN", "Familles");
    await expect(page.getByRole("searchbox")).toHaveValue("MARTIN");
    await expectPage(page, "/demo/agent/demandes?q=%00%07&page=%00", "Demandes");
    await expectPage(page, "/demo/agent/reservations?jour=9999-12-31", "Réservations et absences");

    await page.goto("/demo/agent/activites");
    const hrefs = await page
      .locator('a[href*="/agent/activites/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const activity = hrefs.map((href) => /\/agent\/activites\/([0-9a-f-]{36})/.exec(href)?.[1]).find(Boolean);
    expect(activity, "an activity in the list").toBeTruthy();
    await expectPage(
      page,
      `/demo/agent/activites/${activity}/inscriptions?q=L%00%1B%C3%A9a&enfant=%00`,
      /^Inscriptions à /,
    );
    await expect(page.getByRole("searchbox")).toHaveValue("Léa");
  });
});
