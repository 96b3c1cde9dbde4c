import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { requestCounters, requests } from "@/db/schema";
import { insertCommune } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { assignRequestReference, provisionalReference } from "./records";
import { formatRequestReference } from "./reference";

const database = setUpTestDatabase();
const db = () => database.db;

/** A request inserted with its provisional reference, as a booking request is before its number is drawn. */
async function insertUnnumbered(communeId: string): Promise<string> {
  const id = randomUUID();
  await db()
    .insert(requests)
    .values({
      id,
      communeId,
      type: "booking.add",
      reference: provisionalReference(id),
      targetType: "booking_request",
      targetId: randomUUID(),
      payload: {},
    });
  return id;
}

describe("assignRequestReference", () => {
  it("numbers the commune's requests in order, per Paris year, formatted as formatRequestReference", async () => {
    const commune = await insertCommune(db());
    const other = await insertCommune(db());
    const at = new Date("2026-12-31T23:30:00Z"); // already 2027 in Paris
    const first = await assignRequestReference(db(), {
      communeId: commune.id,
      requestId: await insertUnnumbered(commune.id),
      at,
    });
    const second = await assignRequestReference(db(), {
      communeId: commune.id,
      requestId: await insertUnnumbered(commune.id),
      at,
    });
    const elsewhere = await assignRequestReference(db(), {
      communeId: other.id,
      requestId: await insertUnnumbered(other.id),
      at,
    });
    expect([first, second, elsewhere]).toEqual([
      formatRequestReference(2027, 1),
      formatRequestReference(2027, 2),
      formatRequestReference(2027, 1),
    ]);

    // Past six digits the number grows instead of being cut.
    await db().update(requestCounters).set({ lastValue: 999_999 }).where(eq(requestCounters.communeId, commune.id));
    const requestId = await insertUnnumbered(commune.id);
    const long = await assignRequestReference(db(), { communeId: commune.id, requestId, at });
    expect(long).toBe(formatRequestReference(2027, 1_000_000));
    const [stored] = await db()
      .select({ reference: requests.reference })
      .from(requests)
      .where(eq(requests.id, requestId));
    expect(stored!.reference).toBe("D2027-1000000");
  });

  it("numbers only a request of the same commune", async () => {
    const commune = await insertCommune(db());
    const other = await insertCommune(db());
    const requestId = await insertUnnumbered(other.id);
    await expect(assignRequestReference(db(), { communeId: commune.id, requestId, at: new Date() })).rejects.toThrow();
  });
});
