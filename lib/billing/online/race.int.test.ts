import { describe, expect, it } from "vitest";
import { decideSimulatedPayment } from "@/lib/payfip/simulator/service";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { checkOnlinePayment } from "./settle";
import { startOnlinePayment } from "./start";
import {
  householdPayments,
  idOpOf,
  insertOnlinePaymentWorld,
  invoiceAttempts,
  receipts,
  simulatorServiceFor,
} from "./testing-fixtures";

/*
 * The races of real life, on a real PostgreSQL (PGlite runs one transaction at a time, so there they prove
 * nothing): PayFiP's notification and the family's return at the same moment, and a double click on "Payer en
 * ligne". Each is played a few times, on a fresh invoice each time.
 */

const database = setUpTestDatabase();
const db = () => database.db;
const ROUNDS = 5;

describe.runIf(process.env.DATABASE_URL)("online payment races", () => {
  it("the notification and the return at the same moment: one payment, one receipt", async () => {
    // PayFiP answers after a while, so both callers hold the paid answer before either settles.
    const serviceFor = simulatorServiceFor(database, { detailDelayMs: 50 });
    for (let round = 0; round < ROUNDS; round++) {
      const world = await insertOnlinePaymentWorld(db());
      const started = await startOnlinePayment(db(), { ...world.startParams, serviceFor });
      if (!started.ok) throw new Error(started.message);
      const idOp = idOpOf(started.redirectTo);
      await decideSimulatedPayment(db(), { idOp, resultCode: "P" });
      const [attempt] = await invoiceAttempts(db(), world.invoice.id);
      const [notified, returned] = await Promise.all([
        checkOnlinePayment(db(), { idOp, serviceFor }),
        checkOnlinePayment(db(), { attemptId: attempt!.id, serviceFor }),
      ]);
      expect(notified).toMatchObject({ state: "paid", flag: null });
      expect(returned).toEqual(notified);
      expect(await householdPayments(db(), world.family.householdId)).toHaveLength(1);
      expect(await receipts(db(), world.communeId)).toHaveLength(1);
    }
  });

  it("two clicks at once: one attempt, both sent to its card page", async () => {
    // PayFiP takes a while to give the idOp: the second click finds the first one's attempt still opening.
    const serviceFor = simulatorServiceFor(database, { createDelayMs: 300 });
    for (let round = 0; round < ROUNDS; round++) {
      const world = await insertOnlinePaymentWorld(db());
      const clicks = await Promise.all([
        startOnlinePayment(db(), { ...world.startParams, serviceFor }),
        startOnlinePayment(db(), { ...world.startParams, serviceFor }),
      ]);
      const attempts = await invoiceAttempts(db(), world.invoice.id);
      expect(attempts).toHaveLength(1);
      expect(attempts[0]).toMatchObject({ state: "open" });
      const pageUrl = `http://localhost:3000/simulateur-payfip/tpa/paiementws.web?idop=${attempts[0]!.idOp}`;
      expect(clicks.map((click) => click.ok && click.redirectTo)).toEqual([pageUrl, pageUrl]);
      expect(clicks.map((click) => click.ok && click.resumed).sort()).toEqual([false, true]);
    }
  });
});
