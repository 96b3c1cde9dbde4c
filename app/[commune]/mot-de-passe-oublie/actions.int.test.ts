import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Commune } from "@/db/schema";
import { FORGOT_PASSWORD_SENT } from "@/lib/accounts/messages";
import { mailsTo, seedAccount, useFreshIp } from "@/lib/accounts/test-fixtures";
import { solvedCaptchaPayload } from "@/lib/captcha/solve-for-tests";
import { insertCommune } from "@/lib/testing/fixtures";
import { formData, harness, runAfterResponse } from "@/lib/testing/harness";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { forgotPassword } from "./actions";

let commune: Commune;
const database = useTestDatabase();
beforeAll(async () => {
  commune = await insertCommune(database.db, "ville-a");
});
beforeEach(useFreshIp);

const ask = async (email: string) => forgotPassword(null, formData("ville-a", { email, captcha: await solvedCaptchaPayload() }));

describe("forgotten password", () => {
  it("answers before looking for the account, so a known and an unknown address take the same time", async () => {
    const user = await seedAccount(database.db, commune, { email: "connue@exemple.fr" });
    for (const email of [user.email, "inconnue@exemple.fr"]) expect(await ask(email)).toEqual({ ok: true, message: FORGOT_PASSWORD_SENT });
    // Nothing told the two apart before the answers: the lookup and the mail wait for after the response.
    expect(harness.afterResponse).toHaveLength(2);
    expect(await mailsTo(database.db, user.email)).toHaveLength(0);
    await runAfterResponse();
    expect(await mailsTo(database.db, user.email)).toHaveLength(1);
  });

  it("limits requests per address and client: requests from other clients cannot use up the owner's", async () => {
    const user = await seedAccount(database.db, commune, { email: "proprietaire@exemple.fr" });
    for (let attempt = 0; attempt < 3; attempt += 1) expect(await ask(user.email)).toMatchObject({ ok: true });
    expect(await ask(user.email)).toMatchObject({ ok: false, message: expect.stringMatching(/^Trop de tentatives/) });
    useFreshIp(); // the owner, elsewhere
    expect(await ask(user.email)).toEqual({ ok: true, message: FORGOT_PASSWORD_SENT });
    await runAfterResponse();
    expect(await mailsTo(database.db, user.email)).toHaveLength(4);
  });

  it("limits one client asking for many addresses", async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) expect(await ask(`balayage${attempt}@exemple.fr`)).toMatchObject({ ok: true });
    expect(await ask("balayage-encore@exemple.fr")).toMatchObject({ ok: false, message: expect.stringMatching(/^Trop de tentatives/) });
    await runAfterResponse();
  });
});
