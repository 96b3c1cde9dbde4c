import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Commune, users } from "@/db/schema";
import {
  ACTIVATION_DONE,
  ACTIVATION_EXPIRED,
  ACTIVATION_LINK_SENT,
  LINK_USED_OR_INVALID,
} from "@/lib/accounts/messages";
import { mailsTo, seedAccount, tokenInMail, useFreshIp } from "@/lib/accounts/test-fixtures";
import { issueAccountToken } from "@/lib/accounts/tokens";
import { solvedCaptchaPayload } from "@/lib/captcha/solve-for-tests";
import { insertCommune } from "@/lib/testing/fixtures";
import { formData, runAfterResponse } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { signUp } from "../creer-un-compte/actions";
import { activate, resendActivation } from "./actions";

let communeA: Commune;

const database = setUpTestDatabase();
beforeAll(async () => {
  communeA = await insertCommune(database.db, "ville-a");
  await insertCommune(database.db, "ville-b");
});
beforeEach(useFreshIp);

const statusOf = async (userId: string) => (await database.db.select().from(users).where(eq(users.id, userId)))[0]!;

async function pendingAccountWithLink(issuedAt = new Date()) {
  const user = await seedAccount(database.db, communeA, { status: "pending" });
  const token = await issueAccountToken(database.db, {
    communeId: communeA.id,
    userId: user.id,
    purpose: "activation",
    now: issuedAt,
  });
  return { user, token };
}

describe("activation", () => {
  it("activates the account from the link of the sign-up mail, once", async () => {
    const password = "Velo-Rouge-42";
    await signUp(
      "ville-a",
      null,
      formData({
        civility: "M",
        lastName: "Durand",
        firstName: "Paul",
        email: "paul@exemple.fr",
        password,
        passwordConfirmation: password,
        acceptTerms: true,
        captcha: await solvedCaptchaPayload(),
      }),
    );
    const [mail] = await mailsTo(database.db, "paul@exemple.fr");
    const jeton = tokenInMail(mail!.text);

    expect(await activate("ville-a", null, formData({ jeton }))).toEqual({ ok: true, message: ACTIVATION_DONE });
    const [user] = await database.db.select().from(users).where(eq(users.email, "paul@exemple.fr"));
    expect(user!.status).toBe("active");
    expect(user!.activatedAt).toBeInstanceOf(Date);

    expect(await activate("ville-a", null, formData({ jeton }))).toMatchObject({
      ok: false,
      message: LINK_USED_OR_INVALID,
    });
  });

  it("refuses an expired link and leaves the account pending", async () => {
    const { user, token } = await pendingAccountWithLink(new Date(Date.now() - 25 * 3600_000));
    expect(await activate("ville-a", null, formData({ jeton: token }))).toMatchObject({
      ok: false,
      message: ACTIVATION_EXPIRED,
    });
    expect((await statusOf(user.id)).status).toBe("pending");
  });

  it("refuses a link of commune A posted through commune B", async () => {
    const { user, token } = await pendingAccountWithLink();
    expect(await activate("ville-b", null, formData({ jeton: token }))).toMatchObject({
      ok: false,
      message: LINK_USED_OR_INVALID,
    });
    expect((await statusOf(user.id)).status).toBe("pending");
    expect(await activate("ville-a", null, formData({ jeton: token }))).toMatchObject({ ok: true });
  });

  it("refuses an unknown or missing link without error", async () => {
    expect(await activate("ville-a", null, formData({ jeton: "n-importe-quoi" }))).toMatchObject({
      ok: false,
      message: LINK_USED_OR_INVALID,
    });
    expect(await activate("ville-a", null, formData({}))).toMatchObject({
      ok: false,
      fieldErrors: { jeton: ["Lien invalide."] },
    });
  });

  it("does not reactivate a disabled account", async () => {
    const user = await seedAccount(database.db, communeA, { status: "disabled" });
    const token = await issueAccountToken(database.db, {
      communeId: communeA.id,
      userId: user.id,
      purpose: "activation",
    });
    await activate("ville-a", null, formData({ jeton: token }));
    expect((await statusOf(user.id)).status).toBe("disabled");
  });
});

describe("new activation link", () => {
  const ask = async (commune: string, email: string) =>
    resendActivation(commune, null, formData({ email, captcha: await solvedCaptchaPayload() }));

  it("mails a fresh link to a pending account only, answering the same in every case", async () => {
    const pending = await seedAccount(database.db, communeA, { status: "pending", email: "attente@exemple.fr" });
    const active = await seedAccount(database.db, communeA, { email: "actif@exemple.fr" });
    for (const email of [pending.email, active.email, "personne@exemple.fr"]) {
      expect(await ask("ville-a", email)).toEqual({ ok: true, message: ACTIVATION_LINK_SENT });
    }
    expect(await ask("ville-b", pending.email)).toEqual({ ok: true, message: ACTIVATION_LINK_SENT });
    await runAfterResponse();

    const [mail, ...others] = await mailsTo(database.db, pending.email);
    expect(others).toEqual([]);
    expect(mail).toMatchObject({ template: "activation", communeId: communeA.id });
    expect(await activate("ville-a", null, formData({ jeton: tokenInMail(mail!.text) }))).toMatchObject({ ok: true });
    expect(await mailsTo(database.db, active.email)).toEqual([]);
  });

  it("is rate limited per address and client, so requests from elsewhere cannot use up the owner's", async () => {
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect(await ask("ville-a", "limite@exemple.fr")).toMatchObject({ ok: true });
    expect(await ask("ville-a", "limite@exemple.fr")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Trop de tentatives/),
    });
    useFreshIp();
    expect(await ask("ville-a", "limite@exemple.fr")).toMatchObject({ ok: true });
  });
});
