import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { checkRateLimit, consumeRateLimit } from ".";

const database = useTestDatabase();
beforeAll(async () => {
});

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

  it("checks a key without counting, and refuses once the limit is used up", async () => {
    const key = [{ key: "login:email:demo:check@b.fr", rule }];
    for (let i = 0; i < 5; i++) expect(await checkRateLimit(database.db, key, now)).toEqual({ allowed: true });
    for (let i = 0; i < 3; i++) await consumeRateLimit(database.db, key, now);
    expect(await checkRateLimit(database.db, key, now)).toEqual({ allowed: false, retryAfterSeconds: 14 * 60 });
    expect(await checkRateLimit(database.db, key, now + 15 * 60_000)).toEqual({ allowed: true });
  });
});
