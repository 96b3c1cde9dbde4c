import type { Locator, Page } from "@playwright/test";
import { render } from "@react-email/render";
import { type ComponentType, createElement } from "react";
import sharp from "sharp";
import AccountExistsMail from "../emails/account-exists-mail";
import ActivationMail from "../emails/activation-mail";
import AgentInvitationMail from "../emails/agent-invitation-mail";
import BookingAcknowledgement from "../emails/booking-acknowledgement";
import BookingDecisionsDigest from "../emails/booking-decisions-digest";
import DocumentExpiringMail from "../emails/document-expiring-mail";
import DocumentRefusedMail from "../emails/document-refused-mail";
import InvoiceAvailableMail from "../emails/invoice-available-mail";
import InvoiceReminderMail from "../emails/invoice-reminder-mail";
import NewFamilyAcknowledgement from "../emails/new-family-acknowledgement";
import NurseryApplicationMail from "../emails/nursery-application-mail";
import OnlinePaymentReceipt from "../emails/online-payment-receipt";
import PasswordResetMail from "../emails/password-reset-mail";
import RequestDecisionMail from "../emails/request-decision-mail";
import { addDays, parisDay, parisInstant } from "../lib/planning/days";
import { demo, expect, expectAccessible, logIn, machinePage, signUpAndActivate, test } from "./fixtures";
import { expectNoOverflow, expectScreenshot, PHONE, SCREENS } from "./layout-checks";
import { CLOCK_START } from "./run-settings";

/*
 * Mails read on a phone, and each town its own look. Mails are opened as a mail client would show them: their HTML
 * alone, on a page of the portal's origin (so the stable font and the logo load), at 390 × 844 and 1280 × 800.
 */

const MAIL_PAGE = "/__e2e-mail";

/** Shows `html` as the whole page at the phone's size. */
async function showMail(page: Page, html: string) {
  await page.setViewportSize(PHONE);
  await page.route(`**${MAIL_PAGE}`, (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }));
  await page.goto(MAIL_PAGE);
}

/** The HTML of the newest mail to `to` whose subject matches, from the local mailbox. */
async function mailFromMailbox(page: Page, to: string, subject: RegExp): Promise<string> {
  const mailbox = await machinePage(page);
  try {
    let html = "";
    // Account mails are written once the answer has left: look again until this one is in.
    await expect(async () => {
      await mailbox.goto("/boite-mail-locale");
      await mailbox
        .getByRole("row")
        .filter({ hasText: to })
        .filter({ hasText: subject })
        .first()
        .getByRole("link")
        .click();
      html = (await mailbox.locator("iframe.mail-preview").getAttribute("srcdoc", { timeout: 1_000 }))!;
    }).toPass({ timeout: 15_000 });
    return html;
  } finally {
    await mailbox.context().close();
  }
}

/**
 * The links written out in full under the buttons carry this run's address and token, whose characters wrap
 * differently from run to run: shown with fixed ones for the screenshot (after the overflow check on the real ones).
 */
async function pinWrittenOutLinks(page: Page) {
  await page.getByRole("link", { name: /^http/ }).evaluateAll((links) => {
    for (const link of links)
      link.textContent = (link.textContent ?? "")
        .replace(/^https?:\/\/[^/]+/, "https://portail.example")
        .replace(/jeton=[\w-]+/, `jeton=${"x".repeat(43)}`);
  });
}

/** The mail shown at each screen's width: nothing past the right edge, and as its baselines `<name>-<screen>`. */
async function expectMailOnEachScreen(page: Page, name: string, mask: (page: Page) => Locator[] = () => []) {
  for (const screen of SCREENS) {
    await page.setViewportSize(screen.size);
    await expectNoOverflow(page);
    await pinWrittenOutLinks(page);
    await expectScreenshot(page, `${name}-${screen.name}`, { mask: mask(page) });
  }
}

const preview = <P extends object>(Template: ComponentType<P> & { PreviewProps: P }) =>
  createElement(Template, Template.PreviewProps);

const templates = {
  AccountExistsMail: preview(AccountExistsMail),
  ActivationMail: preview(ActivationMail),
  AgentInvitationMail: preview(AgentInvitationMail),
  BookingAcknowledgement: preview(BookingAcknowledgement),
  BookingDecisionsDigest: preview(BookingDecisionsDigest),
  DocumentExpiringMail: preview(DocumentExpiringMail),
  DocumentRefusedMail: preview(DocumentRefusedMail),
  InvoiceAvailableMail: preview(InvoiceAvailableMail),
  InvoiceReminderMail: preview(InvoiceReminderMail),
  NewFamilyAcknowledgement: preview(NewFamilyAcknowledgement),
  NurseryApplicationMail: preview(NurseryApplicationMail),
  OnlinePaymentReceipt: preview(OnlinePaymentReceipt),
  PasswordResetMail: preview(PasswordResetMail),
  RequestDecisionMail: preview(RequestDecisionMail),
};

test("every mail template fits a 390 px phone, its tables as cards", async ({ page }) => {
  for (const [name, element] of Object.entries(templates)) {
    await test.step(name, async () => {
      await showMail(page, await render(element));
      await expect(page.getByText(/^Bonjour .+,$/)).toBeVisible();
      await expectNoOverflow(page);
    });
  }
});

test("the activation mail of a sign-up reads well on a phone", async ({ page }) => {
  const { email } = await signUpAndActivate(page);
  const html = await mailFromMailbox(page, email, /Confirmez votre adresse e-mail/);
  await showMail(page, html);
  await expect(page.getByText("Bonjour Mme Nadia LAMBERT,")).toBeVisible();
  // The contact block of the demo's service ends it.
  await expect(page.getByText(/Tél\. : 01 23 45 67 89/)).toBeVisible();
  await expect(page.getByText(/Du lundi au vendredi, de 8 h 30 à 12 h/)).toBeVisible();
  await expectMailOnEachScreen(page, "mail-activation");
});

/** The end (13:00 or 18:00, Paris) of the accusé de traitement window that decisions made at `now` fall into. */
function digestWindowEnd(now: Date): Date {
  const today = parisDay(now);
  const ends = [today, addDays(today, 1)].flatMap((day) => ["13:00", "18:00"].map((time) => parisInstant(day, time)));
  return ends.find((end) => end.getTime() + 60_000 > now.getTime())!;
}

test.describe("as an agent", () => {
  test.use({ signedInAs: "agent" });

  test("the digest of an accepted booking names the parent and reads well on a phone", async ({ page, own }) => {
    // Léa has four days of 1/Péri MATIN waiting (db/seed.ts): the agent accepts the first one shown.
    const leaName = `Léa ${own.martin.name}`;
    await page.goto("/demo/agent/reservations");
    const pendingDay = page
      .getByRole("table", { name: /Demandes en attente par jour/ })
      .getByRole("row")
      .filter({ hasText: "1/Péri MATIN" })
      .first();
    const open = pendingDay.getByRole("link", { name: /^Traiter/ });
    if (await open.count()) await open.click();
    const lea = page
      .getByRole("table", { name: /Demandes en attente du/ })
      .getByRole("row")
      .filter({ hasText: leaName })
      .first();
    await lea.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Accepter", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "1 acceptée." })).toBeVisible();

    const windowEnd = digestWindowEnd(new Date(CLOCK_START));
    const cron = await page.request.get(
      `/api/cron/maintenance?now=${new Date(windowEnd.getTime() + 2 * 60_000).toISOString()}`,
      { headers: { Authorization: `Bearer ${process.env.CRON_SECRET ?? "e2e-cron-secret-0123456789"}` } },
    );
    expect(cron.ok()).toBe(true);

    const html = await mailFromMailbox(page, own.martin.account.email, /Accusé de traitement/);
    await showMail(page, html);
    await expect(page.getByText(`Bonjour Mme Claire ${own.martin.name},`)).toBeVisible();
    await expect(page.getByText("Acceptée", { exact: true })).toBeVisible();
    // The family copy's name changes from run to run (greeting, child), and the day first shown depends on what
    // other tests decided before.
    await expectMailOnEachScreen(page, "mail-digest", (mail) => [
      mail.getByText(/^Bonjour /),
      mail.locator('td[data-label="Enfant"], td[data-label="Jour"]'),
    ]);
  });
});

/** A 240 × 80 logo: a green band with a white disc. */
async function logoPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80"><rect width="240" height="80" fill="#0b5a3c"/><circle cx="40" cy="40" r="28" fill="#fff"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

test("Autreville's admin sets its colour and logo, checked for contrast; every page's header shows them", async ({
  page,
}) => {
  await logIn(page, demo.otherCommune.slug, demo.otherAdmin);
  await page.goto("/autreville/agent");
  await page.getByRole("link", { name: /^Identité de la commune/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Identité de la commune" })).toBeVisible();
  await expectAccessible(page);

  const colour = page.getByRole("textbox", { name: "Couleur principale" });
  await colour.fill("#ffcc00");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(
    page.getByText(/Cette couleur est trop claire : son contraste avec le blanc est de 1,51:1/),
  ).toBeVisible();
  await expectAccessible(page);

  await colour.fill("#0B5A3C");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "L'identité de la commune a été enregistrée." }),
  ).toBeVisible();

  await page.getByLabel("Logo de la commune").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: await logoPng(),
  });
  await page.getByRole("button", { name: "Enregistrer le logo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le logo de la commune a été enregistré." })).toBeVisible();

  for (const screen of SCREENS) {
    await test.step(screen.name, async () => {
      await page.setViewportSize(screen.size);
      await page.goto("/autreville");
      const header = page.getByRole("banner");
      const logo = header.locator("img.brand__logo");
      await expect(logo).toBeVisible();
      expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      await expect(header.getByText("Autreville", { exact: true })).toHaveCSS("color", "rgb(11, 90, 60)");
      await expectAccessible(page);
      await expectNoOverflow(page);
    });
  }
  // The demo's commune keeps its own look.
  await page.goto("/demo");
  await expect(page.getByRole("banner").locator("img.brand__logo")).toHaveCount(0);
});
