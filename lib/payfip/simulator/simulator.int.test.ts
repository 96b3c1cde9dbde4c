import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { payfipSimulatorOperations } from "@/db/schema";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { payfipService } from "../client";
import { isResultNotKnownYet, isUnknownOperation, PayfipFault } from "../errors";
import { buildPaymentDetailRequest, type CreatePaymentParams } from "../messages";
import {
  decideSimulatedPayment,
  findSimulatedOperation,
  handleSimulatorSoap,
  OPERATION_LIFETIME_MS,
  sendSimulatedNotification,
  simulatedOperationState,
} from "./service";
import { inProcessSimulatorFetch, SIMULATOR_BASE_PATH } from "./testing";

const database = setUpTestDatabase();

/** The portal's client, speaking to the simulator in process: real XML both ways. */
const service = () =>
  payfipService(
    { clientNumber: "012345", mode: "T", serviceUrl: SIMULATOR_BASE_PATH },
    { fetch: inProcessSimulatorFetch(database.db), appUrl: "http://localhost:3000" },
  );

const params: CreatePaymentParams = {
  exer: 2026,
  refdet: "F2026000412",
  amountCents: 8640,
  email: "famille.durand@example.fr",
  object: "Facture F2026 000412",
  notificationUrl: "http://localhost:3000/api/paiement-en-ligne/notification",
  returnUrl: "http://localhost:3000/api/paiement-en-ligne/retour?paiement=5d1f0c3e-8a2b-4c6d-9e0f-1a2b3c4d5e6f",
};

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

/** Moves the machine's clock (Date only: the database's own timers keep running). */
function clockIn(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the PayFiP simulator's web service", () => {
  it("opens an operation, answers P5 until the payer chose, then the detail with an authorisation number", async () => {
    const idOp = await service().createPayment(params);
    expect(idOp).toMatch(/^[0-9a-f]{32}$/);
    expect(service().paymentPageUrl(idOp)).toBe(
      `http://localhost:3000/simulateur-payfip/tpa/paiementws.web?idop=${idOp}`,
    );
    const stored = await findSimulatedOperation(database.db, idOp);
    expect(stored).toMatchObject({
      numcli: "012345",
      exer: "2026",
      refdet: "F2026000412",
      amountCents: 8640,
      mode: "T",
    });
    expect(simulatedOperationState(stored!)).toBe("open");

    const pending = await failure(service().paymentDetail(idOp));
    expect(isResultNotKnownYet(pending)).toBe(true);

    const decided = await decideSimulatedPayment(database.db, { idOp, resultCode: "P" });
    expect(decided).toMatchObject({ resultCode: "P", paidCents: 8640 });
    expect(simulatedOperationState(decided!)).toBe("decided");
    const detail = await service().paymentDetail(idOp);
    expect(detail).toMatchObject({
      idOp,
      resultCode: "P",
      amountCents: 8640,
      refdet: "F2026000412",
      exer: "2026",
      email: params.email,
      clientNumber: "012345",
      mode: "T",
    });
    expect(detail.authorizationNumber).toMatch(/^\d{6}$/);
    expect(detail.authorizationNumber).toBe(decided!.authorizationNumber);
    // dattrans + heurtrans: the minute the payer chose, by the portal's clock.
    const decidedAt = decided!.decidedAt!.getTime();
    expect(decidedAt - detail.transactionAt!.getTime()).toBeGreaterThanOrEqual(0);
    expect(decidedAt - detail.transactionAt!.getTime()).toBeLessThan(60_000);
  });

  it("answers P1 for an idOp it never gave", async () => {
    const error = await failure(service().paymentDetail("0123456789abcdef0123456789abcdef"));
    expect(isUnknownOperation(error)).toBe(true);
    expect(await handleSimulatorSoap(database.db, buildPaymentDetailRequest(""))).toMatchObject({ status: 500 });
  });

  it("keeps a decided result unknown (P5) for the delay asked, then tells it", async () => {
    const idOp = await service().createPayment(params);
    await decideSimulatedPayment(database.db, { idOp, resultCode: "P", resultDelayMs: 5 * 60_000 });
    clockIn(4 * 60_000);
    expect(isResultNotKnownYet(await failure(service().paymentDetail(idOp)))).toBe(true);
    clockIn(60_000);
    expect(await service().paymentDetail(idOp)).toMatchObject({ resultCode: "P" });
  });

  it("lets an idOp be paid for 15 minutes only; an abandoned one stays P5, as PayFiP's until its clean-up", async () => {
    const idOp = await service().createPayment(params);
    clockIn(OPERATION_LIFETIME_MS - 1_000);
    expect(simulatedOperationState((await findSimulatedOperation(database.db, idOp))!)).toBe("open");
    clockIn(1_000);
    expect(simulatedOperationState((await findSimulatedOperation(database.db, idOp))!)).toBe("expired");
    expect(await decideSimulatedPayment(database.db, { idOp, resultCode: "P" })).toBeNull();
    clockIn(24 * 60 * 60_000);
    expect(isResultNotKnownYet(await failure(service().paymentDetail(idOp)))).toBe(true);
  });

  it("decides once: a second choice, or a choice on an unknown idOp, changes nothing", async () => {
    const idOp = await service().createPayment(params);
    expect(await decideSimulatedPayment(database.db, { idOp, resultCode: "R" })).toMatchObject({ resultCode: "R" });
    expect(await decideSimulatedPayment(database.db, { idOp, resultCode: "P" })).toBeNull();
    expect(await decideSimulatedPayment(database.db, { idOp: "inconnu", resultCode: "P" })).toBeNull();
    const detail = await service().paymentDetail(idOp);
    // Refused: the amount asked, no authorisation number.
    expect(detail).toMatchObject({ resultCode: "R", amountCents: 8640, authorizationNumber: null });
  });

  it("answers abandoned and an amount paid other than the one asked as told", async () => {
    const abandoned = await service().createPayment(params);
    await decideSimulatedPayment(database.db, { idOp: abandoned, resultCode: "A" });
    expect(await service().paymentDetail(abandoned)).toMatchObject({ resultCode: "A", authorizationNumber: null });

    const partly = await service().createPayment(params);
    await decideSimulatedPayment(database.db, { idOp: partly, resultCode: "P", paidCents: 5000 });
    expect(await service().paymentDetail(partly)).toMatchObject({ resultCode: "P", amountCents: 5000 });
    await expect(decideSimulatedPayment(database.db, { idOp: partly, resultCode: "P", paidCents: 0 })).rejects.toThrow(
      RangeError,
    );
  });

  it("refuses to open an operation PayFiP would refuse, with a FonctionnelleErreur", async () => {
    const refusals: [Partial<CreatePaymentParams> & { clientNumber?: string }, string][] = [
      [{ amountCents: 99 }, "SIMU-MONTANT"],
      [{ amountCents: 10_000_001 }, "SIMU-MONTANT"],
      [{ refdet: "F2026-000412" }, "SIMU-REFDET"],
      [{ email: "" }, "SIMU-MEL"],
      [{ object: "Régie" }, "SIMU-OBJET"],
      [{ returnUrl: "javascript:alert(1)" }, "SIMU-URLREDIRECT"],
      [{ clientNumber: "12345" }, "SIMU-NUMCLI"],
    ];
    const before = await database.db.$count(payfipSimulatorOperations);
    for (const [change, code] of refusals) {
      const { clientNumber = "012345", ...rest } = change;
      const client = payfipService(
        { clientNumber, mode: "T", serviceUrl: SIMULATOR_BASE_PATH },
        { fetch: inProcessSimulatorFetch(database.db), appUrl: "http://localhost:3000" },
      );
      const error = await failure(client.createPayment({ ...params, ...rest }));
      expect(error, code).toBeInstanceOf(PayfipFault);
      expect((error as PayfipFault).code).toBe(code);
    }
    expect(await database.db.$count(payfipSimulatorOperations)).toBe(before);
  });

  it("answers a request that is not PayFiP's with a client fault", async () => {
    for (const body of [
      "",
      "<html/>",
      "<soap:Envelope xmlns:soap='x'><soap:Body><autre/></soap:Body></soap:Envelope>",
    ]) {
      const answer = await handleSimulatorSoap(database.db, body);
      expect(answer.status).toBe(500);
      expect(answer.body).toContain("<faultcode>soap:Client</faultcode>");
    }
  });

  it.runIf(process.env.DATABASE_URL)("decides once when two choices arrive together", async () => {
    const idOp = await service().createPayment(params);
    const choices = await Promise.all(
      (["P", "R", "A", "P"] as const).map((resultCode) => decideSimulatedPayment(database.db, { idOp, resultCode })),
    );
    expect(choices.filter(Boolean)).toHaveLength(1);
  });
});

describe("the simulator's notification", () => {
  it("posts idop to urlnotif server to server, twice when asked, and counts what was delivered", async () => {
    const idOp = await service().createPayment(params);
    const operation = (await decideSimulatedPayment(database.db, { idOp, resultCode: "P" }))!;
    const sent: { url: string; method: string; body: string; type: string | null }[] = [];
    vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      sent.push({
        url: request.url,
        method: request.method,
        body: await request.text(),
        type: request.headers.get("content-type"),
      });
      return new Response("OK");
    });
    await sendSimulatedNotification(database.db, operation, 2);
    expect(sent).toHaveLength(2);
    for (const notification of sent) {
      expect(notification).toMatchObject({ url: params.notificationUrl, method: "POST", body: `idop=${idOp}` });
      expect(notification.type).toMatch(/^application\/x-www-form-urlencoded/);
    }
    expect((await findSimulatedOperation(database.db, idOp))!.notificationsSent).toBe(2);
  });

  it("never fails on an unreachable portal, as PayFiP does not", async () => {
    const idOp = await service().createPayment(params);
    const operation = (await decideSimulatedPayment(database.db, { idOp, resultCode: "A" }))!;
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("fetch failed");
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await sendSimulatedNotification(database.db, operation, 2);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    const [row] = await database.db
      .select({ notificationsSent: payfipSimulatorOperations.notificationsSent })
      .from(payfipSimulatorOperations)
      .where(eq(payfipSimulatorOperations.idOp, idOp));
    expect(row!.notificationsSent).toBe(0);
  });
});
