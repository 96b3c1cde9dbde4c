import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { demo } from "@/db/demo-data";
import { subscriptions } from "@/db/schema";
import { listFamilyInvoices } from "@/lib/billing/family/invoices";
import { accountByEmail, householdByCode, openDemoDatabase } from "./demo-fixture";
import { listSubscribedHouseholdSummaries } from "./family-summary";

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
    const durand = await householdByCode(handle.db, "demo", demo.unsubscribedCode);
    const durandScope = { ...scope, householdId: durand.id };
    // DURAND's invoice is not theirs, neither under MARTIN nor asked for by DURAND's id.
    const martinInvoices = await listFamilyInvoices(handle.db, { ...scope, householdId: martin!.id });
    expect(martinInvoices.map((i) => i.reference)).not.toContain(demo.invoice.reference);
    expect(await listFamilyInvoices(handle.db, durandScope)).toEqual([]);

    await handle.db
      .insert(subscriptions)
      .values({ communeId: durand.communeId, userId: family.id, householdId: durand.id, method: "agent" });
    expect(await listFamilyInvoices(handle.db, durandScope)).toMatchObject([
      { reference: demo.invoice.reference, amountCents: 8640, dueOn: "2026-11-30" },
    ]);
  });

  it("are scoped by commune: an account's id in another commune gives nothing", async () => {
    const family = await accountByEmail(handle.db, "demo", demo.family.email);
    const other = await accountByEmail(handle.db, "autreville", demo.otherFamily.email);
    const crossed = { communeId: other.communeId, userId: family.id };
    expect(await listSubscribedHouseholdSummaries(handle.db, crossed)).toEqual([]);
    const martin = await householdByCode(handle.db, "demo", demo.subscribedCode);
    expect(await listFamilyInvoices(handle.db, { ...crossed, householdId: martin.id })).toEqual([]);
  });
});
