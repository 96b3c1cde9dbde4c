import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { solvedCaptchaPayload } from "@/lib/captcha/solve-for-tests";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { authenticate } from "./authenticate";

let passwordHash: string;
const database = setUpTestDatabase();
beforeAll(async () => {
  passwordHash = await hashPassword("Correct2026horse");
});

let ipCounter = 0;
const login = (communeSlug: string, email: string, password: string, captcha?: string) =>
  authenticate(database.db, { communeSlug, email, password, ip: `192.0.2.${++ipCounter}`, captcha });

describe("authenticate", () => {
  it("accepts the right password of an active account, whatever the e-mail's case", async () => {
    const commune = await insertCommune(database.db);
    const user = await insertUser(database.db, commune.id, "agent", { passwordHash });
    const result = await login(commune.slug, user.email.toUpperCase(), "Correct2026horse");
    expect(result).toMatchObject({ ok: true, user: { id: user.id, communeSlug: commune.slug, role: "agent" } });
  });

  it("gives the same answer for a wrong password, an unknown e-mail and a disabled account", async () => {
    const commune = await insertCommune(database.db);
    const user = await insertUser(database.db, commune.id, "family", { passwordHash });
    const disabled = await insertUser(database.db, commune.id, "family", { passwordHash, status: "disabled" });
    expect(await login(commune.slug, user.email, "Wrong2026horse")).toEqual({ ok: false, reason: "invalid" });
    expect(await login(commune.slug, "nobody@example.fr", "Correct2026horse")).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await login(commune.slug, disabled.email, "Correct2026horse")).toEqual({ ok: false, reason: "invalid" });
  });

  it("tells a not-yet-activated account so only to someone who knows its password", async () => {
    const commune = await insertCommune(database.db);
    const pending = await insertUser(database.db, commune.id, "family", { passwordHash, status: "pending" });
    expect(await login(commune.slug, pending.email, "Correct2026horse")).toEqual({
      ok: false,
      reason: "not_activated",
    });
    expect(await login(commune.slug, pending.email, "Wrong2026horse")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses an account of another commune", async () => {
    const [a, b] = [await insertCommune(database.db), await insertCommune(database.db)];
    const user = await insertUser(database.db, a.id, "family", { passwordHash });
    expect(await login(b.slug, user.email, "Correct2026horse")).toEqual({ ok: false, reason: "invalid" });
  });

  it("after 5 wrong passwords from anywhere, asks for the captcha instead of refusing the right password", async () => {
    const commune = await insertCommune(database.db);
    const user = await insertUser(database.db, commune.id, "family", { passwordHash });
    // Five spoofed addresses (login() gives each call its own) cannot lock the owner out.
    for (let i = 0; i < 5; i++)
      expect(await login(commune.slug, user.email, "Wrong2026horse")).toMatchObject({ reason: "invalid" });
    expect(await login(commune.slug, user.email, "Correct2026horse")).toEqual({
      ok: false,
      reason: "captcha_required",
    });
    expect(await login(commune.slug, user.email, "Correct2026horse", "not a solved captcha")).toEqual({
      ok: false,
      reason: "captcha_required",
    });
    expect(await login(commune.slug, user.email, "Correct2026horse", await solvedCaptchaPayload())).toMatchObject({
      ok: true,
    });
  });

  it("throttles one address guessing one account, and only that address", async () => {
    const commune = await insertCommune(database.db);
    const user = await insertUser(database.db, commune.id, "family", { passwordHash });
    const from = (ip: string, password: string) =>
      authenticate(database.db, { communeSlug: commune.slug, email: user.email, password, ip, captcha: "" });
    for (let i = 0; i < 5; i++)
      expect(await from("198.51.100.50", "Wrong2026horse")).toMatchObject({ reason: "invalid" });
    const throttled = await from("198.51.100.50", "Correct2026horse");
    expect(throttled).toMatchObject({ ok: false, reason: "throttled" });
    expect((throttled as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect(
      await authenticate(database.db, {
        communeSlug: commune.slug,
        email: user.email,
        password: "Correct2026horse",
        ip: "198.51.100.51",
        captcha: await solvedCaptchaPayload(),
      }),
    ).toMatchObject({ ok: true });
  });

  // All guesses are wrong: a right password gives its attempt back, and a try counted after that give-back would
  // rightly be evaluated, so a right password in the batch would make the count depend on timing.
  it("reserves each attempt before checking the password: 12 parallel tries from one address, 5 evaluated", async () => {
    const commune = await insertCommune(database.db);
    const user = await insertUser(database.db, commune.id, "family", { passwordHash });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        authenticate(database.db, {
          communeSlug: commune.slug,
          email: user.email,
          password: `Wrong${i}2026horse`,
          ip: "198.51.100.60",
        }),
      ),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(7);
  });

  it("reserves each attempt on the account too: 12 parallel tries from 12 addresses, 5 evaluated without a captcha", async () => {
    const commune = await insertCommune(database.db);
    const user = await insertUser(database.db, commune.id, "family", { passwordHash });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        authenticate(database.db, {
          communeSlug: commune.slug,
          email: user.email,
          password: "Wrong2026horse",
          ip: `198.51.101.${i}`,
        }),
      ),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === "captcha_required")).toHaveLength(7);
  });

  it("never holds back an account that logs in successfully, however often", async () => {
    const commune = await insertCommune(database.db);
    const user = await insertUser(database.db, commune.id, "family", { passwordHash });
    for (let i = 0; i < 8; i++)
      expect(await login(commune.slug, user.email, "Correct2026horse")).toMatchObject({ ok: true });
  });

  it("throttles one address trying many e-mails", async () => {
    const commune = await insertCommune(database.db);
    const results = [];
    for (let i = 0; i < 51; i++) {
      results.push(
        await authenticate(database.db, {
          communeSlug: commune.slug,
          email: `guess${i}@example.fr`,
          password: "x",
          ip: "198.51.100.99",
        }),
      );
    }
    expect(results.at(-1)).toMatchObject({ reason: "throttled" });
    expect(results.slice(0, 50).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
  });
});
