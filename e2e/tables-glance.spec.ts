import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { expectInView, expectNoOverflow, expectScreenshot, fixBrowserClock, SCREENS } from "./layout-checks";

/*
 * Issue #14, tables and long pages: on a phone a table's rows are cards (every value after its column's name, nothing
 * past the right edge), on a desktop the same table as before; the long child page has links to its sections. Shared
 * demo accounts, read only, for stable screenshots.
 */

/** The cells of a DataTable column, by the name each value is shown after on a phone. */
function column(table: Locator, label: string): Locator {
  return table.locator(`tbody [data-label="${label}"]`);
}

/**
 * Opens `path` at each screen and checks it reads at a glance: nothing sticks out, `mustSee` (the cells that matter,
 * row by row) in view, axe, and the screenshot `<name>-<screen>`, `moving` masked (what changes from run to run).
 */
async function checkAtBothScreens(
  page: Page,
  {
    name,
    path,
    mustSee,
    moving = () => [],
  }: { name: string; path: string; mustSee: (page: Page) => Locator[]; moving?: (page: Page) => Locator[] },
) {
  await fixBrowserClock(page);
  for (const screen of SCREENS) {
    await page.setViewportSize(screen.size);
    await page.goto(path);
    await expectNoOverflow(page);
    for (const cells of mustSee(page)) await expectInView(cells);
    await expectAccessible(page);
    await expectScreenshot(page, `${name}-${screen.name}`, { mask: moving(page) });
  }
}

test.describe("a family", () => {
  test.use({ signedInAs: "family" });

  test("reads Mes demandes, each request's status and new messages in view", async ({ page }) => {
    await checkAtBothScreens(page, {
      name: "mes-demandes",
      path: "/demo/mon-espace-citoyen/mes-demandes",
      mustSee: (page) => {
        const table = page.getByRole("table", { name: "Mes demandes" });
        return [column(table, "Statut"), table.getByText(/nouveau\(x\) message\(s\)/), column(table, "Réf.")];
      },
      // The family-file requests are dated when the demo was seeded: the real day and time of the run.
      moving: (page) => [column(page.getByRole("table", { name: "Mes demandes" }), "Date")],
    });
  });

  test("reads Planning › Liste, each request's activity, period and state in view", async ({ page }) => {
    await checkAtBothScreens(page, {
      name: "planning-liste",
      path: "/demo/espace-famille/planning/liste",
      mustSee: (page) => {
        const table = page.getByRole("table", { name: "Demandes de réservation et d'absence" });
        return [column(table, "Activité"), column(table, "Période"), column(table, "État")];
      },
    });
  });

  test("finds a child's sections from links at the top, the one being read marked", async ({ page }) => {
    await page.goto("/demo/espace-famille/dossier");
    await page.getByRole("link", { name: "Léa MARTIN" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Enfant : Léa MARTIN" })).toBeVisible();
    const links = page.getByRole("navigation", { name: "Rubriques de la fiche" }).getByRole("link");
    await checkAtBothScreens(page, {
      name: "fiche-enfant",
      path: new URL(page.url()).pathname,
      mustSee: () => [links],
    });

    await expect(links).toHaveText([
      "Photo",
      "Informations générales",
      "Autorisations",
      "Données sanitaires",
      "Vaccinations",
      "Personnes habilitées",
    ]);
    await expect(links.first()).toHaveAttribute("aria-current", "location");
    // By keyboard: the link takes the reader to its section, which becomes the marked one.
    await links.filter({ hasText: "Données sanitaires" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#child-health$/);
    await expect(page.getByRole("heading", { level: 2, name: "Données sanitaires" })).toBeInViewport();
    await expect(links.filter({ hasText: "Données sanitaires" })).toHaveAttribute("aria-current", "location");
    await expect(links.first()).not.toHaveAttribute("aria-current");
  });
});

test.describe("an agent", () => {
  test.use({ signedInAs: "agent" });

  test("reads a family's page, each document's state in view", async ({ page }) => {
    // The shared MARTIN family (the other tests change copies of it, named MARTIN-…).
    await page.goto("/demo/agent/familles?q=MARTIN");
    await page.getByRole("link", { name: "Famille MARTIN", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: /MARTIN/ })).toBeVisible();
    await checkAtBothScreens(page, {
      name: "famille-agent",
      path: new URL(page.url()).pathname,
      mustSee: (page) => {
        const table = page.getByRole("table", { name: "Pièces justificatives de la famille MARTIN" });
        return [column(table, "État"), column(table, "Pièce")];
      },
      // The balance, the history and the subscriptions' dates follow the other tests' payments and the seeding's
      // real day and time.
      moving: (page) => [
        page.getByRole("region", { name: "Facturation" }).locator("dl"),
        page.locator('tbody [data-label="Abonné depuis le"]'),
        page.getByRole("table", { name: /^Dernières actions/ }),
      ],
    });
  });
});
