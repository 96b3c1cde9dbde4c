import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";

let ipCounter = 0;

/**
 * Each test calls from its own client address (X-Forwarded-For), so the per-IP rate limits of one test
 * never throttle another; tests about throttling set theirs on purpose.
 */
export const test = base.extend<{ clientIp: string }>({
  clientIp: async ({}, use, testInfo) => {
    ipCounter += 1;
    await use(`198.18.${testInfo.workerIndex % 250}.${(ipCounter % 250) + 1}`);
  },
  page: async ({ page, clientIp }, use) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIp });
    await use(page);
  },
});

export { expect };

/** Fails on any WCAG 2.1 A/AA violation axe finds on the page as it is now. */
export async function expectAccessible(page: Page) {
  // Next streams a dynamic page's metadata: audit the page once its <title> is there.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export const demo = {
  family: { email: "famille@demo.fr", password: "Famille2026demo" },
  agent: { email: "agent@demo.fr", password: "Agent2026demo" },
  admin: { email: "admin@demo.fr", password: "Admin2026demo", totpSecret: "PORTAILFAMILLEDEMOADMINTOTP23457" },
  otherFamily: { email: "famille@autreville.fr", password: "Famille2026autre" },
  unsubscribedCode: "DRD4H8P3LN",
};

/**
 * Logs in through the commune's Connexion page and waits to have left it; with `totpSecret` (staff with a second
 * factor), also through the "Double authentification" page.
 */
export async function logIn(
  page: Page,
  commune: string,
  account: { email: string; password: string; totpSecret?: string },
) {
  await page.goto(`/${commune}/connexion`);
  await page.getByRole("textbox", { name: "E-mail", exact: true }).fill(account.email);
  await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).not.toHaveURL(/\/connexion/);
  if (account.totpSecret) await enterTotpCode(page, account.totpSecret, "Vérifier");
}

/** Types a fresh code of the authenticator app on the page shown (code or enrolment) and submits it. */
export async function enterTotpCode(page: Page, secret: string, button: string) {
  await page.getByRole("textbox", { name: "Code à 6 chiffres de votre application" }).fill(await freshTotpCode(secret));
  await page.getByRole("button", { name: button }).click();
}

const lastSteps = new Map<string, number>();

/**
 * A TOTP code of `secret` whose 30-second step this worker has not used yet: the portal accepts each step once
 * (and one step ahead of its clock), so logins in a row take the next step, waiting for it when needed.
 */
async function freshTotpCode(secret: string): Promise<string> {
  const now = Date.now();
  const current = Math.floor(now / 30_000);
  const step = Math.max(current, (lastSteps.get(secret) ?? -1) + 1);
  if (step > current + 1) await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - now + 500));
  lastSteps.set(secret, step);
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * 30_000 });
}

/** "Créer un compte agent" on the Comptes page, signed in as an admin: the account waits for its invitation. */
export async function createStaffAccount(
  page: Page,
  account: {
    civility: "Madame" | "Monsieur";
    lastName: string;
    firstName: string;
    email: string;
    role: "Agent" | "Administrateur";
  },
) {
  const form = page.getByRole("form", { name: "Créer un compte agent" });
  await form.getByRole("radio", { name: account.civility }).check();
  await form.getByRole("textbox", { name: "Nom", exact: true }).fill(account.lastName);
  await form.getByRole("textbox", { name: "Prénom", exact: true }).fill(account.firstName);
  await form.getByRole("textbox", { name: "Adresse e-mail", exact: true }).fill(account.email);
  await form.getByRole("radio", { name: account.role, exact: true }).check();
  await form.getByRole("button", { name: "Créer le compte" }).click();
  await expect(page.getByRole("row").filter({ hasText: account.email })).toContainText("Invitation envoyée");
}

/** The invited person chooses their password from the mail (in their own browser context). */
export async function acceptInvitation(page: Page, email: string, password: string) {
  await page.goto(await linkFromMailbox(page, email, "/demo/reinitialiser-mot-de-passe"));
  await page.getByRole("textbox", { name: "Nouveau mot de passe", exact: true }).fill(password);
  await page.getByRole("textbox", { name: "Confirmation du mot de passe", exact: true }).fill(password);
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText(/Votre mot de passe a été enregistré/)).toBeVisible();
}

/** Waits until the captcha widget has solved its proof of work and filled the form's `captcha` field. */
export async function waitForCaptcha(page: Page) {
  await page.waitForFunction(
    () => (document.querySelector('input[name="captcha"]') as HTMLInputElement | null)?.value,
    undefined,
    {
      timeout: 20_000,
    },
  );
}

/**
 * A page of a fresh browser context on the same server, without any test's X-Forwarded-For: the machine itself,
 * the only client the local mailbox answers. Close its context when done.
 */
export async function machinePage(page: Page): Promise<Page> {
  const { baseURL, locale, timezoneId } = test.info().project.use;
  const context = await page.context().browser()!.newContext({ baseURL, locale, timezoneId });
  return context.newPage();
}

/** Opens the newest mail to `to` in the local mailbox and returns its first link containing `pathPart`. */
export async function linkFromMailbox(page: Page, to: string, pathPart: string): Promise<string> {
  const mailbox = await machinePage(page);
  try {
    let href: string | null = null;
    // Account mails are written once the answer has left (next/server after()): look again until this one is in.
    await expect(async () => {
      await mailbox.goto("/boite-mail-locale");
      await mailbox.getByRole("row").filter({ hasText: to }).first().getByRole("link").click();
      href = await mailbox
        .getByRole("link", { name: new RegExp(pathPart) })
        .first()
        .getAttribute("href", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    return href!;
  } finally {
    await mailbox.context().close();
  }
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.fr`;
}

/** Creates an account through "Créer un compte" and activates it from the mailbox; returns its credentials. */
export async function signUpAndActivate(page: Page, options: { subscriberCode?: string } = {}) {
  const account = { email: uniqueEmail("famille"), password: "Soleil2026portail" };
  await page.goto("/demo/creer-un-compte");
  await page.getByRole("radio", { name: "Madame" }).check();
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill("LAMBERT");
  await page.getByRole("textbox", { name: "Prénom", exact: true }).fill("Nadia");
  await page.getByRole("textbox", { name: "E-mail (identifiant)", exact: true }).fill(account.email);
  await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill(account.password);
  await page.getByRole("textbox", { name: "Confirmation du mot de passe", exact: true }).fill(account.password);
  if (options.subscriberCode)
    await page.getByRole("textbox", { name: "Code abonné", exact: true }).fill(options.subscriberCode);
  await page.getByRole("checkbox", { name: /J'ai lu et j'accepte les Conditions d'utilisation/ }).check();
  await waitForCaptcha(page);
  await page.getByRole("button", { name: "S'inscrire" }).click();
  await expect(page.getByText("Vous allez recevoir un email de confirmation dans votre messagerie")).toBeVisible();

  const activation = await linkFromMailbox(page, account.email, "/demo/activation");
  await page.goto(activation);
  await page.getByRole("button", { name: "Activer mon compte" }).click();
  await expect(page.getByText("Votre compte est activé.")).toBeVisible();
  return { ...account, activation };
}
