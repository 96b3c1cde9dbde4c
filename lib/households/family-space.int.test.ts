import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { demo } from "@/db/demo-data";
import { subscriptions } from "@/db/schema";
import { accountByEmail, householdByCode, openDemoDatabase } from "./demo-fixture";
import { listSubscribedHouseholdSummaries } from "./family-summary";
import { listInvoicesOfSubscribedHouseholds } from "./invoices";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDemoDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe("Espace famille and Espace facturation data", () => {
  it("show the subscribed households' members and invoices, and nothing of other households", async () => {
    const family = await accountByEmail(handle.db, "demo", demo.family.email);
    const scope = { communeId: family.communeId, userId: family.id };

    const [martin, ...others] = await listSubscribedHouseholdSummaries(handle.db, scope);
    expect(others).toHaveLength(0);
    expect(martin).toMatchObject({ name: "MARTIN", guardians: [{ firstName: "Claire" }, { firstName: "Julien" }] });
    expect(martin!.children.map((c) => c.firstName)).toEqual(["Léa", "Hugo", "Zoé"]);
    expect(await listInvoicesOfSubscribedHouseholds(handle.db, scope)).toEqual([]); // DURAND's invoice is not theirs

    const durand = await householdByCode(handle.db, "demo", demo.unsubscribedCode);
    await handle.db
      .insert(subscriptions)
      .values({ communeId: durand.communeId, userId: family.id, householdId: durand.id, method: "agent" });
    expect(await listInvoicesOfSubscribedHouseholds(handle.db, scope)).toMatchObject([
      {
        householdName: "DURAND",
        reference: demo.invoice.reference,
        amountCents: 8640,
        status: "to_pay",
        dueOn: "2026-11-30",
      },
    ]);
  });

  it("are scoped by commune: an account's id in another commune gives nothing", async () => {
    const family = await accountByEmail(handle.db, "demo", demo.family.email);
    const other = await accountByEmail(handle.db, "autreville", demo.otherFamily.email);
    const crossed = { communeId: other.communeId, userId: family.id };
    expect(await listSubscribedHouseholdSummaries(handle.db, crossed)).toEqual([]);
    expect(await listInvoicesOfSubscribedHouseholds(handle.db, crossed)).toEqual([]);
  });
});
