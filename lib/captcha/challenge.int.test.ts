import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { createCaptchaChallenge, verifyCaptcha } from "./challenge";
import { encodeCaptchaPayload, solvedCaptchaPayload } from "./solve-for-tests";

const database = setUpTestDatabase();
beforeAll(async () => {});

describe("captcha", () => {
  it("accepts a solved challenge once, then refuses its replay", async () => {
    const payload = await solvedCaptchaPayload();
    expect(await verifyCaptcha(database.db, payload)).toBe(true);
    expect(await verifyCaptcha(database.db, payload)).toBe(false);
  });

  it("refuses a tampered challenge or solution", async () => {
    const challenge = await createCaptchaChallenge();
    const solution = (await solveChallenge({ challenge, deriveKey }))!;
    const easier = { ...challenge, parameters: { ...challenge.parameters, cost: 1 } };
    expect(await verifyCaptcha(database.db, encodeCaptchaPayload(easier, solution))).toBe(false);
    const wrongKey = { ...solution, derivedKey: solution.derivedKey.replace(/^./, (c) => (c === "0" ? "1" : "0")) };
    expect(await verifyCaptcha(database.db, encodeCaptchaPayload(challenge, wrongKey))).toBe(false);
    expect(await verifyCaptcha(database.db, encodeCaptchaPayload(challenge, solution))).toBe(true);
  });

  it("refuses an expired challenge", async () => {
    const issuedLongAgo = await createCaptchaChallenge(new Date(Date.now() - 11 * 60 * 1000));
    expect(await verifyCaptcha(database.db, await solvedCaptchaPayload(issuedLongAgo))).toBe(false);
  });

  it("refuses garbage without throwing", async () => {
    for (const payload of [
      "",
      "not base64 !",
      Buffer.from("{}").toString("base64"),
      Buffer.from("[1,2]").toString("base64"),
    ]) {
      expect(await verifyCaptcha(database.db, payload)).toBe(false);
    }
  });

  it("creates challenges a browser solves quickly", async () => {
    const started = performance.now();
    await solvedCaptchaPayload();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
