import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { payfipSimulatorOperations } from "@/db/schema";
import { formatEuros } from "@/lib/format";
import { isResultNotKnownYet } from "@/lib/payfip/errors";
import {
  buildCreatePaymentRequest,
  buildPaymentDetailRequest,
  parseCreatePaymentResponse,
  parsePaymentDetailResponse,
} from "@/lib/payfip/messages";
import { findSimulatedOperation } from "@/lib/payfip/simulator/service";
import { harness, runAfterResponse } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { GET as cardPage, POST as choose } from "./paiementws.web/route";
import { POST as soap } from "./services/securite/route";

const database = setUpTestDatabase();

const BASE = "http://127.0.0.1:3111/simulateur-payfip/tpa";
const RETURN_URL = "http://127.0.0.1:3111/api/paiement-en-ligne/retour?paiement=5d1f0c3e-8a2b-4c6d-9e0f-1a2b3c4d5e6f";
const NOTIFICATION_URL = "http://127.0.0.1:3111/api/paiement-en-ligne/notification";

const post = (body: string) => soap(new Request(`${BASE}/services/securite`, { method: "POST", body }));
const cardUrl = (idOp: string) => `${BASE}/paiementws.web?idop=${idOp}`;
const open = (idOp: string) => cardPage(new Request(cardUrl(idOp)));
const submit = (idOp: string, fields: Record<string, string>) =>
  choose(new Request(cardUrl(idOp), { method: "POST", body: new URLSearchParams(fields) }));

/** A payment opened through the web service route, as the portal does. */
async function opened(): Promise<string> {
  const answer = await post(
    buildCreatePaymentRequest({
      exer: 2026,
      refdet: "F2026000412",
      amountCents: 8640,
      email: "famille.durand@example.fr",
      object: "Facture F2026 000412",
      notificationUrl: NOTIFICATION_URL,
      returnUrl: RETURN_URL,
      clientNumber: "012345",
      mode: "T",
    }),
  );
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toBe("text/xml; charset=utf-8");
  return parseCreatePaymentResponse(await answer.text());
}

async function detail(idOp: string) {
  const answer = await post(buildPaymentDetailRequest(idOp));
  const xml = await answer.text();
  try {
    return parsePaymentDetailResponse(xml);
  } catch (error) {
    return error;
  }
}

/** The notifications the simulator sends once its answer is out (after()), caught instead of sent. */
async function notificationsSent(): Promise<string[]> {
  const sent: string[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push(`${request.method} ${request.url} ${await request.text()}`);
    return new Response("OK");
  });
  await runAfterResponse();
  return sent;
}

beforeEach(() => {
  harness.ip = "127.0.0.1";
  harness.afterResponse.length = 0;
});
afterEach(() => {
  harness.ip = "203.0.113.10";
  vi.unstubAllGlobals();
});

describe("the simulator's routes", () => {
  it("answer a client of another machine with a 404, the web service and the card page alike", async () => {
    const idOp = await opened();
    harness.ip = "203.0.113.10";
    expect((await post(buildPaymentDetailRequest(idOp))).status).toBe(404);
    const page = await open(idOp);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("<h1>Page introuvable</h1>");
    expect((await submit(idOp, { choix: "payer", montant: "86,40", delai: "0" })).status).toBe(404);
    expect((await findSimulatedOperation(database.db, idOp))!.resultCode).toBeNull();
  });

  it("show the card page of an open operation", async () => {
    const idOp = await opened();
    const page = await open(idOp);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("cache-control")).toBe("no-store");
    const body = await page.text();
    expect(body).toContain('<html lang="fr">');
    expect(body).toContain(`<dd class="amount">${formatEuros(8640)}</dd>`);
    expect(body).toContain("<dd>F2026000412</dd>");
  });

  it("answer an unknown or missing idop with the 404 page", async () => {
    for (const idOp of ["0123456789abcdef0123456789abcdef", "", "a'b"]) {
      const page = await open(idOp);
      expect(page.status, idOp).toBe(404);
    }
  });

  it("pay: back to the portal at once, the notification sent twice after the answer, the detail paid", async () => {
    const idOp = await opened();
    const answer = await submit(idOp, { choix: "payer", montant: "86,40", delai: "0", deuxNotifications: "on" });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(RETURN_URL);
    expect(await notificationsSent()).toEqual([
      `POST ${NOTIFICATION_URL} idop=${idOp}`,
      `POST ${NOTIFICATION_URL} idop=${idOp}`,
    ]);
    expect(await detail(idOp)).toMatchObject({ idOp, resultCode: "P", amountCents: 8640 });

    // The operation is done: its page and a second choice say so, with the way back to the portal.
    for (const again of [await open(idOp), await submit(idOp, { choix: "refuser", delai: "0" })]) {
      expect(again.status).toBe(409);
      expect(await again.text()).toContain("Cette opération de paiement a déjà été traitée.");
    }
    expect(await detail(idOp)).toMatchObject({ resultCode: "P" });
  });

  it("refuse and abandon go back to the portal too; one notification when the box is unticked", async () => {
    for (const [choix, resultCode] of [
      ["refuser", "R"],
      ["abandonner", "A"],
    ] as const) {
      const idOp = await opened();
      const answer = await submit(idOp, { choix, montant: "86,40", delai: "0" });
      expect(answer.headers.get("location")).toBe(RETURN_URL);
      expect(await notificationsSent()).toHaveLength(1);
      expect(await detail(idOp)).toMatchObject({ resultCode, authorizationNumber: null });
    }
  });

  it("pay without coming back: the browser stays, the notification carries the news", async () => {
    const idOp = await opened();
    const answer = await submit(idOp, { choix: "payer-sans-revenir", montant: "80", delai: "0" });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain(
      "Vous n&#x27;êtes pas revenu sur le portail : il l&#x27;apprendra par la notification.",
    );
    expect(await notificationsSent()).toEqual([`POST ${NOTIFICATION_URL} idop=${idOp}`]);
    expect(await detail(idOp)).toMatchObject({ resultCode: "P", amountCents: 8000 });
  });

  it("keep the result unknown for the minutes asked", async () => {
    const idOp = await opened();
    await submit(idOp, { choix: "payer", montant: "86,40", delai: "5" });
    expect(isResultNotKnownYet(await detail(idOp))).toBe(true);
    const row = (await findSimulatedOperation(database.db, idOp))!;
    expect(row.resultKnownAt!.getTime() - row.decidedAt!.getTime()).toBeGreaterThan(4 * 60_000);
  });

  it("refuse a wrong option beside its field and decide nothing", async () => {
    const idOp = await opened();
    const answer = await submit(idOp, { choix: "payer", montant: "-3", delai: "0", deuxNotifications: "on" });
    expect(answer.status).toBe(400);
    const body = await answer.text();
    expect(body).toContain("<details open>");
    expect(body).toContain('<p class="error" id="montant-erreur">Le montant débité ne peut pas être négatif.</p>');
    expect(body).toContain('value="-3" aria-invalid="true"');
    expect(harness.afterResponse).toHaveLength(0);
    expect((await findSimulatedOperation(database.db, idOp))!.resultCode).toBeNull();

    const buttonless = await submit(idOp, { montant: "86,40" });
    expect(buttonless.status).toBe(400);
    expect((await findSimulatedOperation(database.db, idOp))!.resultCode).toBeNull();
  });

  it("say an operation older than 15 minutes expired, and take no choice on it", async () => {
    const idOp = await opened();
    await database.db
      .update(payfipSimulatorOperations)
      .set({ createdAt: sql`${payfipSimulatorOperations.createdAt} - interval '15 minutes'` })
      .where(eq(payfipSimulatorOperations.idOp, idOp));
    const page = await open(idOp);
    expect(page.status).toBe(410);
    const body = await page.text();
    expect(body).toContain("Cette opération de paiement a expiré.");
    expect(body).toContain("Revenir sur le portail");
    expect((await submit(idOp, { choix: "payer", montant: "86,40", delai: "0" })).status).toBe(410);
    expect(isResultNotKnownYet(await detail(idOp))).toBe(true);
  });
});
