import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  expect,
  type Page,
  type TestInfo,
  type WorkerInfo,
} from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { demo, type FamilySet, familyCopy } from "../db/demo-data";
import { CLAIMS_DIR, FAMILY_COPIES } from "./run-settings";

export { demo, expect };

type Account = { email: string; password: string; totpSecret?: string };
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** The demo's accounts that tests share: they only read through them, or change what no other test reads. */
type SharedRole = "family" | "agent" | "admin";
/** …and the family account of the test's own copy of the demo's families (`own`). */
export type Role = SharedRole | "own family";

const sharedAccounts: Record<SharedRole, Account> = { family: demo.family, agent: demo.agent, admin: demo.admin };

// A session ends after 30 idle minutes, its cookie's token too: a worker signs in again well before.
const SESSION_REUSE_MS = 20 * 60_000;

/** Takes `name` for this run if no worker has (an exclusive file creation, atomic across processes). */
function claim(name: string): boolean {
  mkdirSync(CLAIMS_DIR, { recursive: true });
  try {
    writeFileSync(join(CLAIMS_DIR, name), "", { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** A copy of the demo's families that no other test (nor an earlier attempt of this one) has taken. */
function claimFamilyCopy(): FamilySet {
  for (let index = 1; index <= FAMILY_COPIES; index++) if (claim(`family-copy-${index}`)) return familyCopy(index);
  throw new Error(
    `All ${FAMILY_COPIES} copies of the demo's families are taken: raise FAMILY_COPIES (e2e/run-settings.ts).`,
  );
}

/**
 * Options of a context opened by hand: the project's address and locale, and nothing of the test's own (its
 * signed-in storage state would otherwise be the default).
 */
function contextOptions(info: TestInfo | WorkerInfo, options: BrowserContextOptions = {}): BrowserContextOptions {
  const { baseURL, locale, timezoneId } = info.project.use;
  return { baseURL, locale, timezoneId, storageState: undefined, ...options };
}

/** Signs `account` in from a context of its own and returns that context's cookies, for others to start with. */
async function signedInState(
  browser: Browser,
  info: TestInfo | WorkerInfo,
  account: Account,
  clientIp: string,
): Promise<StorageState> {
  const context = await browser.newContext(contextOptions(info, { extraHTTPHeaders: { "x-forwarded-for": clientIp } }));
  try {
    await logIn(await context.newPage(), "demo", account);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

let ipCounter = 0;

export const test = base.extend<
  {
    clientIp: string;
    /** The account the test's `page` (and `request`) starts signed in as; none by default. */
    signedInAs: Role | null;
    /**
     * The test's own copy of the demo's families (db/demo-data.ts), taken on first use: the test may change it at
     * will, no other test sees it, and a retry starts from a fresh one.
     */
    own: FamilySet;
    /** A page of a new browser context, calling from the test's client address, signed in as `role` if given. */
    openPage: (role?: Role) => Promise<Page>;
    ownCopy: () => FamilySet;
    sessionOf: (role: Role) => Promise<StorageState>;
  },
  { sharedSessions: (role: SharedRole) => Promise<StorageState> }
>({
  /**
   * Each test calls from its own client address (X-Forwarded-For), so the per-IP rate limits of one test
   * never throttle another; tests about throttling set theirs on purpose.
   */
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  clientIp: async ({}, use, testInfo) => {
    ipCounter += 1;
    await use(`198.18.${testInfo.workerIndex % 250}.${(ipCounter % 250) + 1}`);
  },
  signedInAs: [null, { option: true }],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  ownCopy: async ({}, use) => {
    let copy: FamilySet | undefined;
    await use(() => {
      copy ??= claimFamilyCopy();
      return copy;
    });
  },
  own: async ({ ownCopy }, use) => {
    await use(ownCopy());
  },
  // Signed in once per worker and role (again when the session nears its idle timeout), from an address of its own.
  sharedSessions: [
    async ({ browser }, use, workerInfo) => {
      const sessions = new Map<SharedRole, { state: Promise<StorageState>; at: number }>();
      await use((role) => {
        const session = sessions.get(role);
        if (session && Date.now() - session.at < SESSION_REUSE_MS) return session.state;
        const address = `198.18.251.${workerInfo.workerIndex % 250}`;
        const state = signedInState(browser, workerInfo, sharedAccounts[role], address);
        sessions.set(role, { state, at: Date.now() });
        state.catch(() => sessions.delete(role));
        return state;
      });
    },
    { scope: "worker" },
  ],
  sessionOf: async ({ browser, clientIp, ownCopy, sharedSessions }, use, testInfo) => {
    let ownFamily: Promise<StorageState> | undefined;
    await use((role) => {
      if (role !== "own family") return sharedSessions(role);
      ownFamily ??= signedInState(browser, testInfo, ownCopy().martin.account, clientIp);
      return ownFamily;
    });
  },
  storageState: async ({ signedInAs, sessionOf }, use) => {
    await use(signedInAs ? await sessionOf(signedInAs) : undefined);
  },
  page: async ({ page, clientIp }, use) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIp });
    await use(page);
  },
  openPage: async ({ browser, clientIp, sessionOf }, use, testInfo) => {
    const contexts: BrowserContext[] = [];
    await use(async (role) => {
      const context = await browser.newContext(
        contextOptions(testInfo, {
          storageState: role ? await sessionOf(role) : undefined,
          extraHTTPHeaders: { "x-forwarded-for": clientIp },
        }),
      );
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

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

/**
 * Logs in through the commune's Connexion page and waits to have left it; with `totpSecret` (staff with a second
 * factor), also through the "Double authentification" page.
 */
export async function logIn(page: Page, commune: string, account: Account) {
  await page.goto(`/${commune}/connexion`);
  await settle(page);
  await page.getByRole("textbox", { name: "E-mail", exact: true }).fill(account.email);
  await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).not.toHaveURL(/\/connexion/);
  if (!account.totpSecret) return;
  await enterTotpCode(page, account.totpSecret, "Vérifier");
  await expect(page).not.toHaveURL(/\/double-authentification/);
}

/**
 * Waits until the page's own requests (link prefetches) are answered. A browser still holding an ended session's
 * cookie (just logged out) sends it with them, and the server answers with that token refreshed: an answer arriving
 * after the login's would put the old session back in place of the new one.
 */
export async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
}

/** Types a fresh code of the authenticator app on the page shown (code or enrolment) and submits it. */
export async function enterTotpCode(page: Page, secret: string, button: string) {
  await page.getByRole("textbox", { name: "Code à 6 chiffres de votre application" }).fill(await freshTotpCode(secret));
  await page.getByRole("button", { name: button }).click();
}

/**
 * A TOTP code of `secret` whose 30-second step no worker has used yet: the portal accepts each step once (and one
 * step ahead of its clock), so logins in a row take the next step, waiting for it when needed.
 */
async function freshTotpCode(secret: string): Promise<string> {
  for (let step = Math.floor(Date.now() / 30_000); ; step++) {
    if (!claim(`totp-${secret}-${step}`)) continue;
    const wait = (step - 1) * 30_000 - Date.now() + 500;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * 30_000 });
  }
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
  // The widget starts when the form gets the focus, which it misses when it loads after the fields were typed in.
  // (Its checkbox is named after its state: "Je ne suis pas un robot", then "Vérification en cours…", "Vérifié".)
  await page.locator('altcha-widget input[type="checkbox"]').focus();
  await page.waitForFunction(
    () => (document.querySelector('input[name="captcha"]') as HTMLInputElement | null)?.value,
    undefined,
    { timeout: 20_000 },
  );
}

/**
 * A page of a fresh browser context on the same server, without any test's X-Forwarded-For nor session: the
 * machine itself, the only client the local mailbox answers. Close its context when done.
 */
export async function machinePage(page: Page): Promise<Page> {
  const context = await page.context().browser()!.newContext(contextOptions(test.info()));
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
