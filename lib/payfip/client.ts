import "server-only";
import type { PayfipMode } from "@/db/schema";
import { PayfipUnavailableError } from "./errors";
import {
  buildCreatePaymentRequest,
  buildPaymentDetailRequest,
  type CreatePaymentParams,
  type PaymentDetail,
  parseCreatePaymentResponse,
  parsePaymentDetailResponse,
} from "./messages";

/** A régie's PayFiP settings. serviceUrl: PayFiP's base ("https://www.payfip.gouv.fr/tpa") or a path of this portal. */
export type PayfipSettings = { clientNumber: string; mode: PayfipMode; serviceUrl: string };

export interface PayfipService {
  /** creerPaiementSecurise → idOp. Throws PayfipFault or PayfipUnavailableError. */
  createPayment(params: CreatePaymentParams): Promise<string>;
  /** recupererDetailPaiementSecurise. Throws PayfipFault (P1, P5…) or PayfipUnavailableError. */
  paymentDetail(idOp: string): Promise<PaymentDetail>;
  /** The absolute address of the card page the family's browser is sent to. */
  paymentPageUrl(idOp: string): string;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** The service's base address; a path ("/simulateur-payfip/tpa") is this portal's own simulator, under appUrl. */
function serviceBase(serviceUrl: string, appUrl: string | undefined): string {
  if (serviceUrl.startsWith("/") && !appUrl) throw new Error(`PayFiP service path ${serviceUrl} needs the appUrl`);
  return new URL(serviceUrl, appUrl).href.replace(/\/+$/, "");
}

/**
 * PayFiP's web service for one régie, spoken as PayFiP does: SOAP over HTTP POST to `<base>/services/securite`.
 * `fetch` is taken when called (a test may stub the global one), every call is bounded by `timeoutMs`.
 */
export function payfipService(
  settings: PayfipSettings,
  options: { fetch?: typeof fetch; appUrl?: string; timeoutMs?: number } = {},
): PayfipService {
  const base = serviceBase(settings.serviceUrl, options.appUrl);
  const endpoint = `${base}/services/securite`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** Posts one request and parses its answer: a fault throws PayfipFault, anything unusable PayfipUnavailableError. */
  async function ask<T>(body: string, parse: (xml: string) => T): Promise<T> {
    const send = options.fetch ?? fetch;
    let response: Response;
    let xml: string;
    try {
      response = await send(endpoint, {
        method: "POST",
        headers: { "Content-Type": "text/xml; charset=utf-8", SOAPAction: '""' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
        cache: "no-store",
      });
      xml = await response.text();
    } catch (error) {
      const reason = (error as Error).name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : "unreachable";
      throw new PayfipUnavailableError(`PayFiP ${reason}: ${(error as Error).message}`, { cause: error });
    }
    // SOAP 1.1 sends its faults with HTTP 500: only those are read; any other error status is the service down.
    if (!response.ok && response.status !== 500)
      throw new PayfipUnavailableError(`PayFiP answered HTTP ${response.status}`);
    const value = parse(xml);
    if (!response.ok) throw new PayfipUnavailableError(`PayFiP answered HTTP ${response.status} without a fault`);
    return value;
  }

  return {
    createPayment: (params) =>
      ask(
        buildCreatePaymentRequest({ ...params, clientNumber: settings.clientNumber, mode: settings.mode }),
        parseCreatePaymentResponse,
      ),
    paymentDetail: (idOp) => ask(buildPaymentDetailRequest(idOp), parsePaymentDetailResponse),
    paymentPageUrl: (idOp) => `${base}/paiementws.web?idop=${encodeURIComponent(idOp)}`,
  };
}
