import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/lib/testing/test-db";
import { consumeRateLimit } from ".";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const rule = { limit: 3, windowMs: 15 * 60_000 };
const now = Date.UTC(2026, 10, 24, 10, 1, 0);

describe("consumeRateLimit", () => {
  it("allows up to the limit, refuses beyond it, and frees the key in the next window", async () => {
    const attempt = (at: number) => consumeRateLimit(handle.db, [{ key: "login:email:demo:a@b.fr", rule }], at);
    expect(await attempt(now)).toEqual({ allowed: true });
    expect(await attempt(now)).toEqual({ allowed: true });
    expect(await attempt(now)).toEqual({ allowed: true });
    expect(await attempt(now)).toEqual({ allowed: false, retryAfterSeconds: 14 * 60 });
    expect(await attempt(now + 14 * 60_000)).toEqual({ allowed: true });
  });

  it("counts concurrent attempts exactly (atomic upsert)", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => consumeRateLimit(handle.db, [{ key: "login:ip:198.51.100.7", rule }], now)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it("refuses when any one of the keys is over its limit", async () => {
    const tight = { limit: 1, windowMs: rule.windowMs };
    const keys = (email: string) => [
      { key: `login:email:demo:${email}`, rule },
      { key: "login:ip:192.0.2.50", rule: tight },
    ];
    expect((await consumeRateLimit(handle.db, keys("x@y.fr"), now)).allowed).toBe(true);
    expect((await consumeRateLimit(handle.db, keys("z@y.fr"), now)).allowed).toBe(false);
  });
});
