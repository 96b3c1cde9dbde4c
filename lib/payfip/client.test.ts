import { describe, expect, it } from "vitest";
import { payfipService } from "./client";
import { PayfipFault, PayfipUnavailableError } from "./errors";
import { documentedPayment, documentedRegie, fixture, ID_OP } from "./testing-fixtures";

const settings = { ...documentedRegie, serviceUrl: "https://www.payfip.gouv.fr/tpa" };

type Call = { url: string; init: RequestInit };

/** A fetch that answers every call with `answer` and keeps what it was sent. */
function answering(answer: () => Response | Promise<Response>): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return answer();
  };
  return { fetch: fake as typeof fetch, calls };
}

const xml = (body: string, status = 200) =>
  new Response(body, { status, headers: { "Content-Type": "text/xml; charset=utf-8" } });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("payfipService", () => {
  it("posts creerPaiementSecurise with the régie's client number and mode, and reads the idOp", async () => {
    const { fetch, calls } = answering(() => xml(fixture("creer-paiement-securise-response")));
    const idOp = await payfipService(settings, { fetch }).createPayment(documentedPayment);
    expect(idOp).toBe(ID_OP);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe("https://www.payfip.gouv.fr/tpa/services/securite");
    expect(calls[0]!.init.method).toBe("POST");
    expect(new Headers(calls[0]!.init.headers).get("content-type")).toBe("text/xml; charset=utf-8");
    expect(calls[0]!.init.body).toBe(fixture("creer-paiement-securise-request"));
  });

  it("asks recupererDetailPaiementSecurise for an idOp", async () => {
    const { fetch, calls } = answering(() => xml(fixture("recuperer-detail-paiement-securise-response")));
    const detail = await payfipService(settings, { fetch }).paymentDetail(ID_OP);
    expect(detail).toMatchObject({ idOp: ID_OP, resultCode: "P", authorizationNumber: "482913", amountCents: 8640 });
    expect(calls[0]!.init.body).toBe(fixture("recuperer-detail-paiement-securise-request"));
  });

  it("turns an HTTP 500 carrying a FonctionnelleErreur into a PayfipFault", async () => {
    for (const [name, code] of [
      ["fault-p5", "P5"],
      ["fault-p1", "P1"],
    ] as const) {
      const { fetch } = answering(() => xml(fixture(name), 500));
      const error = await rejection(payfipService(settings, { fetch }).paymentDetail(ID_OP));
      expect(error).toBeInstanceOf(PayfipFault);
      expect(error).toMatchObject({ code });
    }
  });

  it.each([
    ["a network error", () => Promise.reject(new TypeError("fetch failed"))],
    ["an HTTP 503 page", () => new Response("<html><body>Service indisponible</body></html>", { status: 503 })],
    ["an HTTP 500 without a fault", () => new Response("Internal Server Error", { status: 500 })],
    ["an HTTP 500 with an answer instead of a fault", () => xml(fixture("creer-paiement-securise-response"), 500)],
    ["a 200 that is not XML", () => new Response("<!doctype html><title>Maintenance</title>", { status: 200 })],
    ["a truncated answer", () => xml(fixture("malformed-response"))],
  ])("turns %s into PayfipUnavailableError", async (_, answer) => {
    const { fetch } = answering(answer);
    const error = await rejection(payfipService(settings, { fetch }).createPayment({} as never));
    expect(error).toBeInstanceOf(PayfipUnavailableError);
    expect(error).not.toBeInstanceOf(PayfipFault);
  });

  it("gives up after timeoutMs and says so", async () => {
    // Answers only when aborted, as fetch does.
    const hanging = ((_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      )) as typeof fetch;
    const started = Date.now();
    const error = await rejection(payfipService(settings, { fetch: hanging, timeoutMs: 50 }).paymentDetail(ID_OP));
    expect(error).toBeInstanceOf(PayfipUnavailableError);
    expect((error as Error).message).toContain("no answer within 50 ms");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("builds the card page's address on the service, or on this portal for the simulator's path", () => {
    expect(payfipService(settings).paymentPageUrl("a b")).toBe(
      "https://www.payfip.gouv.fr/tpa/paiementws.web?idop=a%20b",
    );
    const simulator = { ...settings, serviceUrl: "/simulateur-payfip/tpa/" };
    expect(payfipService(simulator, { appUrl: "http://127.0.0.1:3111" }).paymentPageUrl(ID_OP)).toBe(
      `http://127.0.0.1:3111/simulateur-payfip/tpa/paiementws.web?idop=${ID_OP}`,
    );
    expect(() => payfipService(simulator)).toThrow(/appUrl/);
  });

  it("posts to the simulator under the portal's address", async () => {
    const { fetch, calls } = answering(() => xml(fixture("recuperer-detail-paiement-securise-response")));
    const simulator = { ...settings, serviceUrl: "/simulateur-payfip/tpa" };
    await payfipService(simulator, { fetch, appUrl: "http://localhost:3000" }).paymentDetail(ID_OP);
    expect(calls[0]!.url).toBe("http://localhost:3000/simulateur-payfip/tpa/services/securite");
  });
});
