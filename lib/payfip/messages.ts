import { XMLBuilder, XMLParser } from "fast-xml-parser";
import type { PayfipMode } from "@/db/schema";
import { isWellFormedDay, parisDay, parisInstant, parisTime } from "@/lib/planning/days";
import { PayfipFault, PayfipProtocolError, PayfipUnavailableError } from "./errors";

/*
 * PayFiP's web service (SOAP 1.1), both halves: what the portal sends and reads, and what the simulator reads and
 * answers. Pure: no I/O, no clock. The documented messages are in ./fixtures.
 */

export const PAYFIP_NAMESPACE =
  "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService";
/** The namespace the service puts the children of `return` in. */
const RESPONSE_NAMESPACE = "http://securite.service.tpa.cp.finances.gouv.fr/reponse";
const SOAP_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";
const FUNCTIONAL_ERROR = "fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur";

/** The amounts PayFiP takes, in cents: 1 € to 100 000 €. */
export const PAYFIP_MIN_CENTS = 100;
export const PAYFIP_MAX_CENTS = 10_000_000;

const CREATE = "creerPaiementSecurise";
const DETAIL = "recupererDetailPaiementSecurise";

export type CreatePaymentParams = {
  exer: number;
  refdet: string;
  amountCents: number;
  email: string;
  object: string;
  notificationUrl: string;
  returnUrl: string;
};

export type PaymentDetail = {
  idOp: string;
  resultCode: string;
  authorizationNumber: string | null;
  /** dattrans + heurtrans, read as Paris time; null when the service gave none. */
  transactionAt: Date | null;
  amountCents: number;
  refdet: string;
  exer: string;
  email: string;
  clientNumber: string;
  mode: string;
};

/** A creerPaiementSecurise as the service receives it: every field as sent, "" when missing (it validates them). */
export type CreatePaymentRequest = {
  exer: string;
  email: string;
  amount: string;
  clientNumber: string;
  object: string;
  refdet: string;
  mode: string;
  notificationUrl: string;
  returnUrl: string;
};

export type PayfipRequest =
  | { operation: "create"; params: CreatePaymentRequest }
  | { operation: "detail"; idOp: string };

/** "F2026-000412" → "F2026000412": PayFiP's refdet takes letters and digits only, 30 at most. */
export function payfipRefdet(invoiceReference: string): string {
  const refdet = invoiceReference.replace(/[^A-Za-z0-9]/g, "");
  if (refdet === "" || refdet.length > 30) throw new RangeError(`No PayFiP refdet for "${invoiceReference}"`);
  return refdet;
}

const LIGATURES: Record<string, string> = { œ: "oe", Œ: "OE", æ: "ae", Æ: "AE", ß: "ss" };

/** PayFiP's objet takes unaccented letters, digits and spaces, 100 at most: "Régie – n° 4" → "Regie n 4". */
export function payfipObject(text: string): string {
  return text
    .replace(/[œŒæÆß]/g, (letter) => LIGATURES[letter] ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9 ]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim()
    .slice(0, 100)
    .trimEnd();
}

// --- Building -------------------------------------------------------------------------------------------------

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: false,
});

function envelope(body: Record<string, unknown>): string {
  return builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    "soap:Envelope": { "@_xmlns:soap": SOAP_NAMESPACE, "soap:Body": body },
  });
}

/** A request: the operation in PayFiP's namespace, its parameters unqualified in `arg0`. */
function request(operation: string, arg0: Record<string, string>): string {
  return envelope({ [`pai:${operation}`]: { "@_xmlns:pai": PAYFIP_NAMESPACE, arg0 } });
}

/** An answer as the service writes it: `return`'s children in the response namespace, prefixed. */
function response(operation: string, values: Record<string, string>): string {
  const qualified = Object.fromEntries(Object.entries(values).map(([name, value]) => [`ns3:${name}`, value]));
  return envelope({
    [`ns2:${operation}Response`]: {
      "@_xmlns:ns2": PAYFIP_NAMESPACE,
      "@_xmlns:ns3": RESPONSE_NAMESPACE,
      return: qualified,
    },
  });
}

export function buildCreatePaymentRequest(p: CreatePaymentParams & { clientNumber: string; mode: PayfipMode }): string {
  return request(CREATE, {
    exer: String(p.exer),
    mel: p.email,
    montant: String(p.amountCents),
    numcli: p.clientNumber,
    objet: p.object,
    refdet: p.refdet,
    saisie: p.mode,
    urlnotif: p.notificationUrl,
    urlredirect: p.returnUrl,
  });
}

export function buildPaymentDetailRequest(idOp: string): string {
  return request(DETAIL, { idOp });
}

export function buildCreatePaymentResponse(idOp: string): string {
  return response(CREATE, { idOp });
}

/** ddMMyyyy and HHmm of an instant in Paris, as dattrans and heurtrans. */
function transactionFields(at: Date | null): { dattrans: string; heurtrans: string } {
  if (!at) return { dattrans: "", heurtrans: "" };
  const [year, month, day] = parisDay(at).split("-");
  return { dattrans: `${day}${month}${year}`, heurtrans: parisTime(at).replace(":", "") };
}

export function buildPaymentDetailResponse(detail: PaymentDetail & { object: string }): string {
  return response(DETAIL, {
    ...transactionFields(detail.transactionAt),
    exer: detail.exer,
    idOp: detail.idOp,
    mel: detail.email,
    montant: String(detail.amountCents),
    numauto: detail.authorizationNumber ?? "",
    numcli: detail.clientNumber,
    objet: detail.object,
    refdet: detail.refdet,
    resultrans: detail.resultCode,
    saisie: detail.mode,
  });
}

function soapFault(fault: { faultcode: string; faultstring: string; detail?: Record<string, unknown> }): string {
  return envelope({ "soap:Fault": fault });
}

/** The service's FonctionnelleErreur (P1, P5…), sent with HTTP 500 as SOAP 1.1 faults are. */
export function buildFault(code: string, label: string): string {
  return soapFault({
    faultcode: "soap:Server",
    faultstring: FUNCTIONAL_ERROR,
    detail: {
      "ns1:FonctionnelleErreur": {
        "@_xmlns:ns1": PAYFIP_NAMESPACE,
        code,
        descriptif: label,
        libelle: label,
        severite: "2",
      },
    },
  });
}

/** The answer to a request that is not a PayFiP message at all. */
export function buildClientFault(message: string): string {
  return soapFault({ faultcode: "soap:Client", faultstring: message });
}

// --- Parsing --------------------------------------------------------------------------------------------------

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  // Values stay text: "012345" is a client number, not 12345.
  parseTagValue: false,
  trimValues: true,
  // Numeric character references (&#233;) are plain XML, but this library decodes them only with this flag.
  htmlEntities: true,
});

type XmlNode = Record<string, unknown>;

const isNode = (value: unknown): value is XmlNode =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** An element's text: "" when absent or empty; an element with children or repeated is not PayFiP's. */
function text(parent: XmlNode, name: string): string {
  const value = parent[name];
  if (value === undefined || value === "") return "";
  if (typeof value !== "string") throw new PayfipProtocolError(`<${name}> is not a single text element`);
  return value;
}

function requiredText(parent: XmlNode, name: string): string {
  const value = text(parent, name);
  if (value === "") throw new PayfipProtocolError(`<${name}> is missing`);
  return value;
}

/** The children of soap:Body. Namespace prefixes are dropped: elements are told apart by their local names. */
function soapBody(xml: string): XmlNode {
  // SOAP messages carry no DTD, and refusing one leaves no entity to expand.
  if (/<!DOCTYPE/i.test(xml)) throw new PayfipProtocolError("A SOAP message must not have a DTD");
  let document: unknown;
  try {
    document = parser.parse(xml, true);
  } catch (error) {
    throw new PayfipProtocolError(`Not XML: ${(error as Error).message}`, { cause: error });
  }
  const envelope = isNode(document) ? document.Envelope : undefined;
  const body = isNode(envelope) ? envelope.Body : undefined;
  if (!isNode(body)) throw new PayfipProtocolError("Not a SOAP envelope");
  return body;
}

/** A FonctionnelleErreur becomes a PayfipFault; any other fault is the service failing, not answering. */
function throwIfFault(body: XmlNode): void {
  const fault = body.Fault;
  if (fault === undefined) return;
  if (!isNode(fault)) throw new PayfipUnavailableError("SOAP fault without content");
  const detail = isNode(fault.detail) ? fault.detail.FonctionnelleErreur : undefined;
  if (isNode(detail)) {
    const code = text(detail, "code");
    if (code) throw new PayfipFault(code, text(detail, "libelle") || text(detail, "descriptif"));
  }
  throw new PayfipUnavailableError(`SOAP fault: ${text(fault, "faultstring") || "(no faultstring)"}`);
}

function returnOf(xml: string, operation: string): XmlNode {
  const body = soapBody(xml);
  throwIfFault(body);
  const answer = body[`${operation}Response`];
  const values = isNode(answer) ? answer.return : undefined;
  if (!isNode(values)) throw new PayfipProtocolError(`No ${operation}Response/return in the answer`);
  return values;
}

export function parseCreatePaymentResponse(xml: string): string {
  return requiredText(returnOf(xml, CREATE), "idOp");
}

/** dattrans (ddMMyyyy) + heurtrans (HHmm, seconds tolerated) in Paris; null when absent or unreadable. */
function transactionAt(dattrans: string, heurtrans: string): Date | null {
  const date = /^(\d{2})(\d{2})(\d{4})$/.exec(dattrans);
  const time = /^([01]\d|2[0-3])([0-5]\d)(\d{2})?$/.exec(heurtrans);
  if (!date || !time) return null;
  const day = `${date[3]}-${date[2]}-${date[1]}`;
  return isWellFormedDay(day) ? parisInstant(day, `${time[1]}:${time[2]}`) : null;
}

export function parsePaymentDetailResponse(xml: string): PaymentDetail {
  const values = returnOf(xml, DETAIL);
  const montant = requiredText(values, "montant");
  if (!/^\d{1,9}$/.test(montant)) throw new PayfipProtocolError(`<montant> is not an amount in cents: ${montant}`);
  return {
    idOp: requiredText(values, "idOp"),
    resultCode: requiredText(values, "resultrans"),
    authorizationNumber: text(values, "numauto") || null,
    transactionAt: transactionAt(text(values, "dattrans"), text(values, "heurtrans")),
    amountCents: Number(montant),
    refdet: text(values, "refdet"),
    exer: text(values, "exer"),
    email: text(values, "mel"),
    clientNumber: text(values, "numcli"),
    mode: text(values, "saisie"),
  };
}

/** The service's side: which operation a request asks for, with its parameters as sent. */
export function parsePayfipRequest(xml: string): PayfipRequest {
  const body = soapBody(xml);
  const create = body[CREATE];
  if (create !== undefined) {
    const arg0 = isNode(create) ? create.arg0 : undefined;
    if (!isNode(arg0)) throw new PayfipProtocolError(`${CREATE} without arg0`);
    return {
      operation: "create",
      params: {
        exer: text(arg0, "exer"),
        email: text(arg0, "mel"),
        amount: text(arg0, "montant"),
        clientNumber: text(arg0, "numcli"),
        object: text(arg0, "objet"),
        refdet: text(arg0, "refdet"),
        mode: text(arg0, "saisie"),
        notificationUrl: text(arg0, "urlnotif"),
        returnUrl: text(arg0, "urlredirect"),
      },
    };
  }
  const detail = body[DETAIL];
  if (detail !== undefined) {
    const arg0 = isNode(detail) ? detail.arg0 : undefined;
    if (!isNode(arg0)) throw new PayfipProtocolError(`${DETAIL} without arg0`);
    return { operation: "detail", idOp: text(arg0, "idOp") };
  }
  throw new PayfipProtocolError(`Unknown operation: ${Object.keys(body).join(", ") || "(empty body)"}`);
}
