import { count, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accountTokens, type Commune, households, mailOutbox, subscriptions, users } from "@/db/schema";
import { COMMON_PASSWORD_MESSAGE } from "@/lib/accounts/common-passwords";
import { SIGN_UP_DONE, UNKNOWN_SUBSCRIBER_CODE } from "@/lib/accounts/messages";
import { PASSWORD_RULE } from "@/lib/accounts/password-policy";
import { mailsTo, seedAccount, useFreshIp } from "@/lib/accounts/test-fixtures";
import { verifyPassword } from "@/lib/auth/password";
import { CAPTCHA_FAILED_MESSAGE, CAPTCHA_REQUIRED_MESSAGE } from "@/lib/captcha/field";
import { solvedCaptchaPayload } from "@/lib/captcha/solve-for-tests";
import { insertCommune } from "@/lib/testing/fixtures";
import { formData } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { signUp } from "./actions";

let communeA: Commune;
const PASSWORD = "Velo-Rouge-42";

const database = setUpTestDatabase();
beforeAll(async () => {
  communeA = await insertCommune(database.db, "ville-a");
  await database.db.insert(households).values({ communeId: communeA.id, name: "DURAND", subscriberCode: "DRND234567" });
});
beforeEach(useFreshIp);

async function form(fields: Record<string, string | boolean | undefined>) {
  return formData({
    civility: "MME",
    lastName: "Martin",
    firstName: "Léa",
    password: PASSWORD,
    passwordConfirmation: PASSWORD,
    acceptTerms: true,
    captcha: await solvedCaptchaPayload(),
    ...fields,
  });
}

async function rowCounts() {
  const [u] = await database.db.select({ n: count() }).from(users);
  const [t] = await database.db.select({ n: count() }).from(accountTokens);
  const [m] = await database.db.select({ n: count() }).from(mailOutbox);
  const [s] = await database.db.select({ n: count() }).from(subscriptions);
  return { users: u!.n, tokens: t!.n, mails: m!.n, subscriptions: s!.n };
}

describe("sign-up", () => {
  it("creates a pending account, its 24 h activation link and mail, and never stores or echoes the password", async () => {
    const result = await signUp("ville-a", null, await form({ email: " Lea.Martin@Exemple.FR " }));
    expect(result).toEqual({ ok: true, message: SIGN_UP_DONE });
    expect(JSON.stringify(result)).not.toContain(PASSWORD);

    const [user] = await database.db.select().from(users).where(eq(users.email, "lea.martin@exemple.fr"));
    expect(user).toMatchObject({
      communeId: communeA.id,
      status: "pending",
      civility: "MME",
      lastName: "Martin",
      firstName: "Léa",
    });
    expect(user!.termsAcceptedAt).toBeInstanceOf(Date);
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user!.passwordHash, PASSWORD)).toBe(true);

    const [token] = await database.db.select().from(accountTokens).where(eq(accountTokens.userId, user!.id));
    expect(token).toMatchObject({ purpose: "activation", communeId: communeA.id, usedAt: null });
    expect(token!.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);

    const [mail] = await mailsTo(database.db, "lea.martin@exemple.fr");
    expect(mail).toMatchObject({ template: "activation", status: "local", communeId: communeA.id });
    expect(mail!.subject).toBe("Confirmez votre adresse e-mail – Portail Famille Ville ville-a");
    expect(mail!.text).toContain("Bonjour Mme Léa MARTIN,");
    expect(mail!.text).toMatch(/http:\/\/localhost:3000\/ville-a\/activation\?jeton=[\w-]{43}/);
    expect(mail!.html + mail!.text).not.toContain(PASSWORD);
  });

  it("subscribes the account to the household of a valid code abonné, typed loosely", async () => {
    await signUp("ville-a", null, await form({ email: "code@exemple.fr", subscriberCode: "drnd 2345-67" }));
    const [user] = await database.db.select().from(users).where(eq(users.email, "code@exemple.fr"));
    const links = await database.db.select().from(subscriptions).where(eq(subscriptions.userId, user!.id));
    expect(links).toMatchObject([{ method: "subscriber_code", communeId: communeA.id }]);
  });

  it("refuses an unknown code abonné on its field and creates nothing", async () => {
    const before = await rowCounts();
    const result = await signUp(
      "ville-a",
      null,
      await form({ email: "inconnu@exemple.fr", subscriberCode: "ZZZZ999999" }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { subscriberCode: [UNKNOWN_SUBSCRIBER_CODE] } });
    expect(await rowCounts()).toEqual(before);
  });

  it("answers the same for an address that has an account, creates nothing and tells its owner by mail", async () => {
    const existing = await seedAccount(database.db, communeA, { email: "deja@exemple.fr" });
    const before = await rowCounts();
    const result = await signUp("ville-a", null, await form({ email: "DEJA@exemple.fr" }));
    expect(result).toEqual({ ok: true, message: SIGN_UP_DONE });
    expect(await rowCounts()).toEqual({ ...before, mails: before.mails + 1 });
    const [mail] = await mailsTo(database.db, "deja@exemple.fr");
    expect(mail).toMatchObject({ template: "account-exists", status: "local" });
    expect(mail!.text).toContain("/ville-a/mot-de-passe-oublie");
    const [unchanged] = await database.db.select().from(users).where(eq(users.id, existing.id));
    expect(unchanged).toEqual(existing);
  });

  it.each([
    [
      "a mismatched confirmation",
      { passwordConfirmation: "Velo-Rouge-43" },
      "passwordConfirmation",
      "Les deux mots de passe ne correspondent pas.",
    ],
    ["a weak password", { password: "velorouge", passwordConfirmation: "velorouge" }, "password", `${PASSWORD_RULE}.`],
    [
      "a common password",
      { password: "Password1", passwordConfirmation: "Password1" },
      "password",
      COMMON_PASSWORD_MESSAGE,
    ],
    ["unaccepted terms", { acceptTerms: false }, "acceptTerms", "Vous devez accepter les conditions d'utilisation."],
    [
      "a bad e-mail",
      { email: "lea.martin@" },
      "email",
      "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
    ],
    ["a missing captcha", { captcha: undefined }, "captcha", CAPTCHA_REQUIRED_MESSAGE],
    [
      "a forged captcha",
      { captcha: Buffer.from('{"challenge":{},"solution":{}}').toString("base64") },
      "captcha",
      CAPTCHA_FAILED_MESSAGE,
    ],
    ["a missing civility", { civility: undefined }, "civility", "Choisissez une civilité."],
  ])("refuses %s with a French field error and writes nothing", async (_, fields, field, message) => {
    const before = await rowCounts();
    const result = await signUp("ville-a", null, await form({ email: "refus@exemple.fr", ...fields }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: [message] } });
    expect(JSON.stringify(result)).not.toContain("Velo-Rouge");
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a replayed captcha", async () => {
    const captcha = await solvedCaptchaPayload();
    await signUp("ville-a", null, await form({ email: "rejeu1@exemple.fr", captcha }));
    const result = await signUp("ville-a", null, await form({ email: "rejeu2@exemple.fr", captcha }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { captcha: [CAPTCHA_FAILED_MESSAGE] } });
  });

  it("stops a 4th attempt with the same address within the hour", async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await signUp("ville-a", null, await form({ email: "insistant@exemple.fr" }))).toMatchObject({ ok: true });
    }
    const result = await signUp("ville-a", null, await form({ email: "insistant@exemple.fr" }));
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Trop de tentatives\. Réessayez dans \d+ minutes?\.$/),
    });
  });
});
