import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { onlinePayments, payments } from "@/db/schema";
import { startOnlinePayment } from "@/lib/billing/online/start";
import { idOpOf, insertOnlinePaymentWorld } from "@/lib/billing/online/testing-fixtures";
import { decideSimulatedPayment } from "@/lib/payfip/simulator/service";
import { inProcessSimulatorFetch } from "@/lib/payfip/simulator/testing";
import { routePatterns, routes } from "@/lib/routes/paths";
import { insertCommune } from "@/lib/testing/fixtures";
import { harness } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { POST as notify, GET as notifyByGet } from "./notification/route";
import { GET as comeBack, POST as comeBackByPost } from "./retour/route";

/* PayFiP's notification and the family's return: neither is trusted, both ask PayFiP, one payment whatever comes. */

const database = setUpTestDatabase();
const db = () => database.db;

beforeAll(() => {
  vi.stubGlobal("fetch", inProcessSimulatorFetch(db()));
});

const at = (path: string) => new URL(path, "http://localhost:3000");
const notification = (idOp: string) =>
  notify(
    new Request(at(routes.onlinePaymentNotification()), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ idop: idOp }),
    }),
  );
const returnOf = (attemptId: string) => comeBack(new Request(at(routes.onlinePaymentReturn(attemptId))));

/** A family opened the payment of its invoice and chose on PayFiP's card page. */
async function decided(resultCode: "P" | "R" | "A") {
  const commune = await insertCommune(db());
  const world = await insertOnlinePaymentWorld(db(), { communeId: commune.id });
  const started = await startOnlinePayment(db(), world.startParams);
  if (!started.ok) throw new Error(started.message);
  await decideSimulatedPayment(db(), { idOp: idOpOf(started.redirectTo), resultCode });
  const [attempt] = await db().select().from(onlinePayments).where(eq(onlinePayments.invoiceId, world.invoice.id));
  return { commune, martin: world.family, attempt: attempt! };
}
const paymentsOf = (householdId: string) => db().select().from(payments).where(eq(payments.householdId, householdId));
const attemptRow = async (id: string) =>
  (await db().select().from(onlinePayments).where(eq(onlinePayments.id, id)))[0]!;

describe("PayFiP's notification", () => {
  it("records the payment once when PayFiP notifies twice, by form or by query", async () => {
    const { martin, attempt } = await decided("P");
    harness.ip = "192.0.2.10";
    const first = await notification(attempt.idOp!);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe("OK");
    expect((await notification(attempt.idOp!)).status).toBe(200);
    expect(
      (await notifyByGet(new Request(at(`${routes.onlinePaymentNotification()}?idOp=${attempt.idOp}`)))).status,
    ).toBe(200);
    const recorded = await paymentsOf(martin.householdId);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ method: "card_online", amountCents: 8640, externalReference: attempt.idOp });
    expect(await attemptRow(attempt.id)).toMatchObject({ state: "paid", paymentId: recorded[0]!.id });
  });

  it("records nothing for a refused payment, and answers a bare 404 for an unknown or malformed operation", async () => {
    const { martin, attempt } = await decided("R");
    harness.ip = "192.0.2.11";
    expect((await notification(attempt.idOp!)).status).toBe(200);
    expect(await attemptRow(attempt.id)).toMatchObject({ state: "refused", paymentId: null });
    expect(await paymentsOf(martin.householdId)).toEqual([]);
    const unknown = await notification("INCONNU0123456789ABCDEF");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("Introuvable");
    expect((await notification("pas un idOp !")).status).toBe(404);
    expect((await notify(new Request(at(routes.onlinePaymentNotification()), { method: "POST" }))).status).toBe(404);
  });

  it("holds back an address guessing operations, never PayFiP's own notifications", async () => {
    const { attempt } = await decided("P");
    harness.ip = "198.51.100.30";
    for (let guess = 0; guess < 20; guess += 1) expect((await notification(`DEVINE${guess}`)).status).toBe(404);
    const refused = await notification("DEVINEENCORE");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    harness.ip = "198.51.100.31";
    for (let call = 0; call < 25; call += 1) expect((await notification(attempt.idOp!)).status).toBe(200);
  });
});

describe("the family's return from PayFiP", () => {
  it("asks PayFiP and sends the browser to the family's result page, by GET or POST", async () => {
    const { commune, martin, attempt } = await decided("P");
    harness.ip = "192.0.2.20";
    const back = await returnOf(attempt.id);
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe(
      `http://localhost:3000/${commune.slug}/espace-facturation/paiements/${attempt.id}`,
    );
    expect(await paymentsOf(martin.householdId)).toHaveLength(1);
    const posted = await comeBackByPost(
      new Request(at(routes.onlinePaymentReturn(attempt.id)), {
        method: "POST",
        body: new URLSearchParams({ idop: "x" }),
      }),
    );
    expect(posted.status).toBe(303);
    expect(await paymentsOf(martin.householdId)).toHaveLength(1);
  });

  it("answers 404 to a malformed or unknown attempt", async () => {
    harness.ip = "192.0.2.21";
    expect((await comeBack(new Request(at(routePatterns.onlinePaymentReturn)))).status).toBe(404);
    expect((await comeBack(new Request(at(routes.onlinePaymentReturn("pas-un-uuid"))))).status).toBe(404);
    expect((await returnOf("0b7f2a4e-3c1d-4e5f-8a9b-0c1d2e3f4a5b")).status).toBe(404);
  });

  it.runIf(process.env.DATABASE_URL)(
    "records one payment when the notification and the return arrive at the same moment",
    async () => {
      const { martin, attempt } = await decided("P");
      harness.ip = "192.0.2.22";
      const [notified, back] = await Promise.all([notification(attempt.idOp!), returnOf(attempt.id)]);
      expect([notified.status, back.status]).toEqual([200, 303]);
      expect(await paymentsOf(martin.householdId)).toHaveLength(1);
    },
  );
});
