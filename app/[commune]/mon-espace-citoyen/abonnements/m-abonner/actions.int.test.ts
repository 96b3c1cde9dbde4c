import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { demo } from "@/db/demo-data";
import { subscriptions } from "@/db/schema";
import {
  accountByEmail,
  householdByCode,
  newFamilyAccount,
  openDemoDatabase,
  redirectTarget,
} from "@/lib/households/demo-fixture";
import { UNKNOWN_CODE_MESSAGE } from "@/lib/subscriptions/schemas";
import { formData, harness, signInAs } from "@/lib/testing/harness";
import { subscribeByCode, subscribeByInvoice } from "./actions";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDemoDatabase();
});
afterAll(async () => {
  await handle.close();
});

let ipCounter = 0;
beforeEach(() => {
  // Each test from its own address, so the per-IP limit of one test does not leak into the next.
  harness.ip = `198.51.100.${++ipCounter}`;
});

const subscriptionCount = async (userId: string, householdId: string) =>
  (
    await handle.db
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.userId, userId), eq(subscriptions.householdId, householdId)))
  ).length;

describe("M'abonner", () => {
  it("subscribes with the code abonné, at once, and again is harmless", async () => {
    const user = await newFamilyAccount(handle.db, "demo", "code@example.fr");
    const durand = await householdByCode(handle.db, "demo", demo.unsubscribedCode);
    signInAs(user, "demo");

    const first = await redirectTarget(subscribeByCode("demo", null, formData({ code: " drd4 h8p3-ln " })));
    expect(first).toBe(`/demo/mon-espace-citoyen/abonnements?abonnement=${durand.id}`);
    const again = await redirectTarget(subscribeByCode("demo", null, formData({ code: demo.unsubscribedCode })));
    expect(again).toBe(`/demo/mon-espace-citoyen/abonnements?abonnement=${durand.id}&deja=1`);
    expect(await subscriptionCount(user.id, durand.id)).toBe(1);
  });

  it("subscribes with an invoice (French amount), and again is harmless", async () => {
    const user = await newFamilyAccount(handle.db, "demo", "facture@example.fr");
    const durand = await householdByCode(handle.db, "demo", demo.unsubscribedCode);
    signInAs(user, "demo");
    const fields = { ...demo.invoice, reference: demo.invoice.reference.toLowerCase(), amount: "86,40 €" };

    expect(await redirectTarget(subscribeByInvoice("demo", null, formData(fields)))).toContain(
      `abonnement=${durand.id}`,
    );
    expect(await redirectTarget(subscribeByInvoice("demo", null, formData(fields)))).toContain("deja=1");
    expect(await subscriptionCount(user.id, durand.id)).toBe(1);
  });

  it("refuses an invoice whose amount does not match, and an amount that is not one", async () => {
    const user = await newFamilyAccount(handle.db, "demo", "montant@example.fr");
    signInAs(user, "demo");
    const wrongAmount = await subscribeByInvoice("demo", null, formData({ ...demo.invoice, amount: "86,41" }));
    expect(wrongAmount).toMatchObject({ ok: false, message: expect.stringContaining("Aucune facture") });
    const notAnAmount = await subscribeByInvoice("demo", null, formData({ ...demo.invoice, amount: "beaucoup" }));
    expect(notAnAmount).toMatchObject({ ok: false, fieldErrors: { amount: [expect.stringContaining("86,40")] } });
  });

  it("says so on the field for an unknown code, counts it, and throttles the 6th attempt", async () => {
    const user = await newFamilyAccount(handle.db, "demo", "devine@example.fr");
    signInAs(user, "demo");
    for (let attempt = 1; attempt <= 5; attempt++) {
      const result = await subscribeByCode("demo", null, formData({ code: `ZZZZZZZZ${attempt}${attempt}` }));
      expect(result).toMatchObject({ ok: false, fieldErrors: { code: [UNKNOWN_CODE_MESSAGE] } });
    }
    // Even the right code is refused now: the limit is on attempts, not on failures.
    const sixth = await subscribeByCode("demo", null, formData({ code: demo.unsubscribedCode }));
    expect(sixth).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Trop de tentatives\. Réessayez dans \d+ minutes?\.$/),
    });
    expect(await subscriptionCount(user.id, (await householdByCode(handle.db, "demo", demo.unsubscribedCode)).id)).toBe(
      0,
    );
  });

  it("never links a household of another commune", async () => {
    const user = await newFamilyAccount(handle.db, "demo", "ailleurs@example.fr");
    signInAs(user, "demo");
    const result = await subscribeByCode("demo", null, formData({ code: "PTT2M6R8VB" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { code: [UNKNOWN_CODE_MESSAGE] } });
  });

  it("is for family accounts only", async () => {
    signInAs(await accountByEmail(handle.db, "demo", demo.agent.email), "demo");
    const result = await subscribeByCode("demo", null, formData({ code: demo.unsubscribedCode }));
    expect(result).toMatchObject({ ok: false, message: "Vous n'avez pas accès à cette action." });
  });
});
