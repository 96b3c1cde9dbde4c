import { describe, expect, it } from "vitest";
import { insertCommune } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { nextInvoiceNumber, nextInvoiceNumbers, nextOperationNumber } from "./numbers";

const testDb = setUpTestDatabase();

describe("gap-free numbers", () => {
  it("counts per commune and series, and a rolled-back transaction gives its number back", async () => {
    const { db } = testDb;
    const { id: communeId } = await insertCommune(db);
    expect(await nextInvoiceNumber(db, { communeId, year: 2031 })).toBe("F2031-000001");
    await expect(
      db.transaction(async (tx) => {
        await nextInvoiceNumber(tx, { communeId, year: 2031 });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await nextInvoiceNumber(db, { communeId, year: 2031 })).toBe("F2031-000002");
    expect(await nextOperationNumber(db, { communeId, year: 2031 })).toBe("2031000001");
  });

  it("hands out distinct, consecutive numbers to concurrent transactions", async () => {
    const { db } = testDb;
    const town = await insertCommune(db);
    const numbers = await Promise.all(
      Array.from({ length: 8 }, () =>
        db.transaction((tx) => nextInvoiceNumber(tx, { communeId: town.id, year: 2032 })),
      ),
    );
    expect([...numbers].sort()).toEqual(Array.from({ length: 8 }, (_, i) => `F2032-00000${i + 1}`));
  });

  it("hands out a run's numbers at once, following the single ones without a gap", async () => {
    const { db } = testDb;
    const { id: communeId } = await insertCommune(db);
    expect(await nextInvoiceNumbers(db, { communeId, year: 2033, count: 3 })).toEqual([
      "F2033-000001",
      "F2033-000002",
      "F2033-000003",
    ]);
    expect(await nextInvoiceNumbers(db, { communeId, year: 2033, count: 0 })).toEqual([]);
    expect(await nextInvoiceNumber(db, { communeId, year: 2033 })).toBe("F2033-000004");
    expect(await nextInvoiceNumbers(db, { communeId, year: 2033, count: 2 })).toEqual(["F2033-000005", "F2033-000006"]);
  });
});
