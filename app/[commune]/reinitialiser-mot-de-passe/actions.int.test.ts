import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Commune, userSessions, users } from "@/db/schema";
import { COMMON_PASSWORD_MESSAGE } from "@/lib/accounts/common-passwords";
import { FORGOT_PASSWORD_SENT, LINK_USED_OR_INVALID, RESET_DONE, RESET_LINK_EXPIRED } from "@/lib/accounts/messages";
import { KNOWN_PASSWORD, mailsTo, seedAccount, tokenInMail, useFreshIp } from "@/lib/accounts/test-fixtures";
import { issueAccountToken } from "@/lib/accounts/tokens";
import { verifyPassword } from "@/lib/auth/password";
import { createSession, listLiveSessions } from "@/lib/auth/sessions";
import { solvedCaptchaPayload } from "@/lib/captcha/solve-for-tests";
import { insertCommune } from "@/lib/testing/fixtures";
import { formData, harness, runAfterResponse } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { forgotPassword } from "../mot-de-passe-oublie/actions";
import { chooseNewPassword } from "./actions";

let communeA: Commune;
const NEW_PASSWORD = "Cerf-Volant-77";

const database = setUpTestDatabase();
beforeAll(async () => {
  communeA = await insertCommune(database.db, "ville-a");
  await insertCommune(database.db, "ville-b");
});
beforeEach(useFreshIp);

const reload = async (userId: string) => (await database.db.select().from(users).where(eq(users.id, userId)))[0]!;
const choose = (commune: string, jeton: string, password = NEW_PASSWORD) =>
  chooseNewPassword(commune, null, formData({ jeton, password, passwordConfirmation: password }));
const resetLink = (userId: string, now?: Date) =>
  issueAccountToken(database.db, { communeId: communeA.id, userId, purpose: "password_reset", now });

describe("forgotten password", () => {
  const ask = async (commune: string, email: string) =>
    forgotPassword(commune, null, formData({ email, captcha: await solvedCaptchaPayload() }));

  it("mails a 1 h link to an existing, not disabled account, and answers the same for anyone", async () => {
    const user = await seedAccount(database.db, communeA, { email: "oubli@exemple.fr" });
    const disabled = await seedAccount(database.db, communeA, { email: "desactive@exemple.fr", status: "disabled" });
    for (const [commune, email] of [
      ["ville-a", user.email],
      ["ville-a", disabled.email],
      ["ville-a", "personne@exemple.fr"],
      ["ville-b", user.email],
    ]) {
      expect(await ask(commune!, email!)).toEqual({ ok: true, message: FORGOT_PASSWORD_SENT });
    }
    await runAfterResponse();
    const mails = await mailsTo(database.db, user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "password-reset", communeId: communeA.id, status: "local" });
    expect(mails[0]!.text).toContain("http://localhost:3000/ville-a/reinitialiser-mot-de-passe?jeton=");
    expect(await mailsTo(database.db, disabled.email)).toEqual([]);
  });

  it("answers before looking for the account, so a known and an unknown address take the same time", async () => {
    const user = await seedAccount(database.db, communeA, { email: "connue@exemple.fr" });
    for (const email of [user.email, "inconnue@exemple.fr"])
      expect(await ask("ville-a", email)).toEqual({ ok: true, message: FORGOT_PASSWORD_SENT });
    // Nothing told the two apart before the answers: the lookup and the mail wait for after the response.
    expect(harness.afterResponse).toHaveLength(2);
    expect(await mailsTo(database.db, user.email)).toHaveLength(0);
    await runAfterResponse();
    expect(await mailsTo(database.db, user.email)).toHaveLength(1);
  });

  it("is rate limited per address and client: requests from other clients cannot use up the owner's", async () => {
    const user = await seedAccount(database.db, communeA, { email: "limite@exemple.fr" });
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect(await ask("ville-a", user.email)).toMatchObject({ ok: true });
    expect(await ask("ville-a", user.email)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Trop de tentatives/),
    });
    useFreshIp(); // the owner, elsewhere
    expect(await ask("ville-a", user.email)).toEqual({ ok: true, message: FORGOT_PASSWORD_SENT });
    await runAfterResponse();
    expect(await mailsTo(database.db, user.email)).toHaveLength(4);
  });

  it("is rate limited per client asking for many addresses", async () => {
    for (let attempt = 0; attempt < 10; attempt += 1)
      expect(await ask("ville-a", `balayage${attempt}@exemple.fr`)).toMatchObject({ ok: true });
    expect(await ask("ville-a", "balayage-encore@exemple.fr")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Trop de tentatives/),
    });
    await runAfterResponse();
  });
});

describe("choosing a new password", () => {
  it("sets the password and ends every session, once per link", async () => {
    const user = await seedAccount(database.db, communeA, { email: "reset@exemple.fr" });
    const sessionId = await createSession(database.db, { communeId: communeA.id, userId: user.id });
    await forgotPassword("ville-a", null, formData({ email: user.email, captcha: await solvedCaptchaPayload() }));
    await runAfterResponse();
    const [mail] = await mailsTo(database.db, user.email);
    const jeton = tokenInMail(mail!.text);

    expect(await choose("ville-a", jeton)).toEqual({ ok: true, message: RESET_DONE });
    const after = await reload(user.id);
    expect(await listLiveSessions(database.db, { communeId: communeA.id, userId: user.id })).toEqual([]);
    expect(
      (await database.db.select().from(userSessions).where(eq(userSessions.id, sessionId)))[0]!.revokedAt,
    ).not.toBeNull();
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, KNOWN_PASSWORD)).toBe(false);

    expect(await choose("ville-a", jeton, "Autre-Mot-88")).toMatchObject({ ok: false, message: LINK_USED_OR_INVALID });
  });

  it("activates a pending account (an invited agent's first password)", async () => {
    const agent = await seedAccount(database.db, communeA, { status: "pending", role: "agent" });
    expect(await choose("ville-a", await resetLink(agent.id))).toMatchObject({ ok: true });
    const after = await reload(agent.id);
    expect(after.status).toBe("active");
    expect(after.activatedAt).toBeInstanceOf(Date);
  });

  it("refuses an expired link", async () => {
    const user = await seedAccount(database.db, communeA);
    const jeton = await resetLink(user.id, new Date(Date.now() - 61 * 60_000));
    expect(await choose("ville-a", jeton)).toMatchObject({ ok: false, message: RESET_LINK_EXPIRED });
    expect(await reload(user.id)).toEqual(user);
  });

  it("refuses a link of commune A posted through commune B", async () => {
    const user = await seedAccount(database.db, communeA);
    const jeton = await resetLink(user.id);
    expect(await choose("ville-b", jeton)).toMatchObject({ ok: false, message: LINK_USED_OR_INVALID });
    expect(await reload(user.id)).toEqual(user);
  });

  it("refuses a common password and keeps the link usable", async () => {
    const user = await seedAccount(database.db, communeA);
    const jeton = await resetLink(user.id);
    expect(await choose("ville-a", jeton, "Password1")).toMatchObject({
      ok: false,
      fieldErrors: { password: [COMMON_PASSWORD_MESSAGE] },
    });
    expect(await choose("ville-a", jeton)).toMatchObject({ ok: true });
  });
});
