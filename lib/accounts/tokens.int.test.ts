import { beforeAll, describe, expect, it } from "vitest";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { consumeAccountToken, inspectAccountToken, issueAccountToken } from "./tokens";

const database = setUpTestDatabase();
beforeAll(async () => {});

const hour = 3_600_000;

async function activationToken(issuedAt: Date) {
  const commune = await insertCommune(database.db);
  const user = await insertUser(database.db, commune.id, "family", { status: "pending" });
  const token = await issueAccountToken(database.db, {
    communeId: commune.id,
    userId: user.id,
    purpose: "activation",
    now: issuedAt,
  });
  return { commune, user, token };
}

describe("single-use account tokens", () => {
  it("are valid until 24 h for activation, and expired from then on", async () => {
    const issuedAt = new Date("2026-11-24T10:00:00Z");
    const { commune, token } = await activationToken(issuedAt);
    const at = (ms: number) =>
      inspectAccountToken(database.db, {
        communeId: commune.id,
        purpose: "activation",
        token,
        now: new Date(issuedAt.getTime() + ms),
      });
    expect((await at(24 * hour - 1)).status).toBe("valid");
    expect((await at(24 * hour)).status).toBe("expired");
  });

  it("last 1 h for a password reset", async () => {
    const issuedAt = new Date("2026-11-24T10:00:00Z");
    const commune = await insertCommune(database.db);
    const user = await insertUser(database.db, commune.id);
    const token = await issueAccountToken(database.db, {
      communeId: commune.id,
      userId: user.id,
      purpose: "password_reset",
      now: issuedAt,
    });
    const at = (ms: number) =>
      consumeAccountToken(database.db, {
        communeId: commune.id,
        purpose: "password_reset",
        token,
        now: new Date(issuedAt.getTime() + ms),
      });
    expect((await at(hour)).status).toBe("expired");
    expect((await at(hour - 1)).status).toBe("valid");
  });

  it("are spent once: of concurrent uses exactly one wins", async () => {
    const { commune, user, token } = await activationToken(new Date());
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        consumeAccountToken(database.db, { communeId: commune.id, purpose: "activation", token }),
      ),
    );
    expect(results.filter((r) => r.status === "valid")).toEqual([
      { status: "valid", userId: user.id, tokenId: expect.any(String) },
    ]);
    expect(results.filter((r) => r.status === "used")).toHaveLength(4);
  });

  it("are worthless in another commune or for another purpose", async () => {
    const { token } = await activationToken(new Date());
    const other = await insertCommune(database.db);
    expect((await consumeAccountToken(database.db, { communeId: other.id, purpose: "activation", token })).status).toBe(
      "unknown",
    );
  });

  it("say unknown for a made-up token", async () => {
    const commune = await insertCommune(database.db);
    expect(
      (await inspectAccountToken(database.db, { communeId: commune.id, purpose: "activation", token: "nope" })).status,
    ).toBe("unknown");
  });
});
