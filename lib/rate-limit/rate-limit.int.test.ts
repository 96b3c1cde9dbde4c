import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { consumeRateLimit, countAttempt, giveBackAttempt } from ".";

const database = setUpTestDatabase();
beforeAll(async () => {});

const rule = { limit: 3, windowMs: 15 * 60_000 };
const now = Date.UTC(2026, 10, 24, 10, 1, 0);

describe("consumeRateLimit", () => {
  it("allows up to the limit, refuses beyond it, and frees the key in the next window", async () => {
    const attempt = (at: number) => consumeRateLimit(database.db, [{ key: "login:email:demo:a@b.fr", rule }], at);
    expect(await attempt(now)).toEqual({ allowed: true });
    expect(await attempt(now)).toEqual({ allowed: true });
    expect(await attempt(now)).toEqual({ allowed: true });
    expect(await attempt(now)).toEqual({ allowed: false, retryAfterSeconds: 14 * 60 });
    expect(await attempt(now + 14 * 60_000)).toEqual({ allowed: true });
  });

  it("counts concurrent attempts exactly (atomic upsert)", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => consumeRateLimit(database.db, [{ key: "login:ip:198.51.100.7", rule }], now)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it("refuses when any one of the keys is over its limit", async () => {
    const tight = { limit: 1, windowMs: rule.windowMs };
    const keys = (email: string) => [
      { key: `login:email:demo:${email}`, rule },
      { key: "login:ip:192.0.2.50", rule: tight },
    ];
    expect((await consumeRateLimit(database.db, keys("x@y.fr"), now)).allowed).toBe(true);
    expect((await consumeRateLimit(database.db, keys("z@y.fr"), now)).allowed).toBe(false);
  });

  it("takes an attempt back in the window it was counted in", async () => {
    const key = [{ key: "login:pair:demo:back@b.fr:192.0.2.9", rule }];
    for (let i = 0; i < 3; i++) await consumeRateLimit(database.db, key, now);
    await giveBackAttempt(database.db, key, now);
    expect(await consumeRateLimit(database.db, key, now)).toEqual({ allowed: true });
    expect(await consumeRateLimit(database.db, key, now)).toMatchObject({ allowed: false });
  });

  it("counts several keys in one statement, each in its own window, and reports each count", async () => {
    const hourly = { limit: 10, windowMs: 60 * 60_000 };
    const keys = [
      { key: "z:last", rule },
      { key: "a:first", rule: hourly },
    ];
    expect(await countAttempt(database.db, keys, now)).toEqual([1, 1]);
    expect(await countAttempt(database.db, keys, now + 15 * 60_000)).toEqual([1, 2]);
  });
});
