import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { TODAY } from "./run-settings";

/*
 * Issue #11's card payment, through the PayFiP simulator the demo's régie points at, on the test's own copy of
 * MARTIN: its imported history has an invoice still due, one partly paid and one transmitted to the treasury. The
 * due one is paid and the family comes back; the partly paid one is refused, then abandoned, then left on the card
 * page (Mes factures says it is being confirmed), resumed, and paid by a family that never comes back (only PayFiP's
 * notification tells the portal). The treasury's has no button.
 */

/** The rows of Mes factures' "Historique des factures" whose status badge reads `status`. */
const invoiceRow = (page: Page, status: string) =>
  page
    .getByRole("table", { name: /^Historique des factures/ })
    .getByRole("row")
    .filter({ has: page.getByText(status, { exact: true }) });

/** "Payer en ligne" of this invoice, from Mes factures, up to the simulator's card page. */
async function openCardPage(page: Page, reference: string, button = `Payer en ligne la facture ${reference}`) {
  await page.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(/\/simulateur-payfip\/tpa\/paiementws\.web\?idop=/);
  await expect(page.getByText("aucune carte n'est débitée")).toBeVisible();
}

/** How wide the page is laid out: more than the window means it scrolls sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** The reference (F2026-…) in a row's header. */
const referenceOf = async (page: Page, status: string) =>
  ((await invoiceRow(page, status).getByRole("rowheader").first().textContent()) ?? "").trim();

test.describe("Payer en ligne", () => {
  test.setTimeout(180_000);

  test("the family pays an invoice and comes back; the règlement is in Mes règlements and Mes opérations", async ({
    openPage,
  }) => {
    const family = await openPage("own family");
    await family.goto("/demo/espace-facturation");
    await expect(family.getByRole("heading", { level: 1, name: "Espace facturation" })).toBeVisible();
    const reference = await referenceOf(family, "À payer");
    expect(reference).toMatch(/^F\d{4}-\d{6}$/);
    const treasury = invoiceRow(family, "Transmise en trésorerie");
    await expect(treasury).toHaveCount(1);
    await expect(family.getByRole("button", { name: /^Payer en ligne la facture/ })).toHaveCount(2);
    const treasuryReference = ((await treasury.getByRole("rowheader").textContent()) ?? "").trim();
    await expect(family.getByRole("button", { name: `Payer en ligne la facture ${treasuryReference}` })).toHaveCount(0);
    await expectAccessible(family);
    // On a phone the button sits under its invoice's row, whole, without scrolling the table sideways.
    await family.setViewportSize({ width: 390, height: 844 });
    const payButton = family.getByRole("button", { name: `Payer en ligne la facture ${reference}` });
    await payButton.scrollIntoViewIfNeeded();
    await expect(payButton).toBeInViewport({ ratio: 1 });
    expect(await pageWidth(family)).toBe(390);
    await expectAccessible(family);

    await openCardPage(family, reference);
    await family.getByRole("button", { name: "Payer", exact: true }).click();
    await expect(family.getByRole("heading", { level: 1, name: "Paiement en ligne" })).toBeVisible();
    await expect(family.getByRole("heading", { level: 2, name: "Paiement accepté" })).toBeVisible();
    await expect(family.getByText(`La facture n° ${reference} est maintenant payée.`)).toBeVisible();
    const transaction = /Transaction n° (\d{6})/.exec((await family.locator("main").textContent()) ?? "")?.[1];
    expect(transaction, "the transaction number").toBeTruthy();
    await expectAccessible(family);

    await family.getByRole("link", { name: "Mes règlements" }).click();
    await expect(family.getByRole("heading", { level: 1, name: "Mes règlements" })).toBeVisible();
    const settlement = family
      .getByRole("row")
      .filter({ hasText: `Règlement en ligne - Transaction n° ${transaction}` });
    await expect(settlement).toContainText(TODAY.split("-").reverse().join("/"));
    await expect(settlement.getByRole("link", { name: reference })).toBeVisible();
    await family.getByRole("link", { name: "Mes opérations" }).click();
    await expect(
      family.getByRole("rowheader", { name: `Règlement carte bancaire – facture n° ${reference}` }),
    ).toBeVisible();
    await family.getByRole("link", { name: "Mes factures" }).click();
    await expect(
      family
        .getByRole("table", { name: /^Historique des factures/ })
        .getByRole("row")
        .filter({ has: family.getByRole("rowheader", { name: reference }) }),
    ).toContainText("Payée");
  });

  test("refused, then abandoned, then paid by a family that never comes back", async ({ openPage }) => {
    const family = await openPage("own family");
    await family.goto("/demo/espace-facturation");
    const reference = await referenceOf(family, "Partiellement payée");
    expect(reference).toMatch(/^F\d{4}-\d{6}$/);

    await openCardPage(family, reference);
    await family.getByRole("button", { name: "Refuser", exact: true }).click();
    await expect(family.getByRole("heading", { level: 2, name: "Paiement refusé" })).toBeVisible();
    await expect(family.getByText("Aucun montant n'a été débité.")).toBeVisible();
    await expectAccessible(family);

    // By the keyboard.
    await family.getByRole("button", { name: `Réessayer le paiement de la facture ${reference}` }).focus();
    await family.keyboard.press("Enter");
    await expect(family).toHaveURL(/\/simulateur-payfip\/tpa\/paiementws\.web\?idop=/);
    await family.getByRole("button", { name: "Abandonner", exact: true }).click();
    await expect(family.getByRole("heading", { level: 2, name: "Paiement abandonné" })).toBeVisible();
    await expect(family.getByText("Aucun montant n'a été débité.")).toBeVisible();

    await family.getByRole("button", { name: `Réessayer le paiement de la facture ${reference}` }).click();
    await expect(family).toHaveURL(/\/simulateur-payfip\/tpa\/paiementws\.web\?idop=/);
    const cardPage = family.url();

    // The family leaves the card page for Mes factures, on a phone: the payment is being confirmed, no second one.
    await family.setViewportSize({ width: 390, height: 844 });
    await family.goto("/demo/espace-facturation");
    await expect(family.getByText("Paiement en cours de confirmation")).toBeVisible();
    await expect(family.getByRole("button", { name: `Payer en ligne la facture ${reference}` })).toHaveCount(0);
    expect(await pageWidth(family)).toBe(390);
    await expectAccessible(family);
    await family.getByRole("link", { name: `Suivre le paiement de la facture ${reference}` }).click();
    await expect(family.getByRole("heading", { level: 2, name: "Paiement en cours de confirmation" })).toBeVisible();
    await expectAccessible(family);
    await family.getByRole("button", { name: `Reprendre le paiement de la facture ${reference}` }).click();
    await expect(family).toHaveURL(cardPage);
    await family.getByRole("button", { name: "Payer sans revenir sur le portail" }).click();
    await expect(family.getByText(/Vous n'êtes pas revenu sur le portail/)).toBeVisible();

    // Only PayFiP's notification (sent after the card page answered) can have told the portal: the job asks PayFiP
    // about an attempt only once it is 5 minutes old.
    await expect(async () => {
      await family.goto("/demo/espace-facturation");
      await expect(
        family
          .getByRole("table", { name: /^Historique des factures/ })
          .getByRole("row")
          .filter({ has: family.getByRole("rowheader", { name: reference }) }),
      ).toContainText("Payée", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(family.getByRole("button", { name: `Payer en ligne la facture ${reference}` })).toHaveCount(0);
  });
});
