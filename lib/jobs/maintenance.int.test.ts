import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { onlinePayments } from "@/db/schema";
import { insertInterruptedAttempt, insertOnlinePaymentWorld } from "@/lib/billing/online/testing-fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { runMaintenance } from "./maintenance";

/** Makes the online payments' follow-up fail once, as a database error would. */
const failing = { next: false };
vi.mock("@/lib/billing/online/jobs", async (original) => {
  const actual = await original<typeof import("@/lib/billing/online/jobs")>();
  return {
    ...actual,
    checkOpenOnlinePayments: (...args: Parameters<typeof actual.checkOpenOnlinePayments>) => {
      if (failing.next) return Promise.reject(new Error("connection lost"));
      return actual.checkOpenOnlinePayments(...args);
    },
  };
});

const database = setUpTestDatabase();

afterEach(() => {
  failing.next = false;
  vi.restoreAllMocks();
});

describe("maintenance and online payments", () => {
  it("follows the open online payments up, on the machine's time, and says what it did", async () => {
    const world = await insertOnlinePaymentWorld(database.db);
    const interrupted = await insertInterruptedAttempt(database.db, world, new Date(Date.now() - 3 * 60_000));
    const result = await runMaintenance(database.db);
    expect(result.onlinePayments).toEqual({ checked: 0, closed: 1 });
    const [row] = await database.db.select().from(onlinePayments).where(eq(onlinePayments.id, interrupted.id));
    expect(row).toMatchObject({ state: "failed", lastError: "Création interrompue" });
  });

  it("logs a failure of the follow-up and goes on with the rest", async () => {
    failing.next = true;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await runMaintenance(database.db);
    expect(result.onlinePayments).toBeNull();
    expect(result.reminders).not.toBeNull();
    expect(logged).toHaveBeenCalledWith("online payment checks failed", expect.any(Error));
  });
});
