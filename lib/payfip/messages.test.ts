import { describe, expect, it } from "vitest";
import {
  isResultNotKnownYet,
  isUnknownOperation,
  PayfipFault,
  PayfipProtocolError,
  PayfipUnavailableError,
} from "./errors";
import {
  buildClientFault,
  buildCreatePaymentRequest,
  buildCreatePaymentResponse,
  buildFault,
  buildPaymentDetailRequest,
  buildPaymentDetailResponse,
  type PaymentDetail,
  parseCreatePaymentResponse,
  parsePayfipRequest,
  parsePaymentDetailResponse,
  payfipObject,
  payfipRefdet,
} from "./messages";
import { documentedPayment, documentedRegie, fixture, ID_OP } from "./testing-fixtures";

const createParams = { ...documentedPayment, ...documentedRegie };

/** What the service answers in the fixture: paid by card on 14/01/2027 at 17:42, Paris time (CET, UTC+1). */
const paidDetail: PaymentDetail = {
  idOp: ID_OP,
  resultCode: "P",
  authorizationNumber: "482913",
  transactionAt: new Date("2027-01-14T16:42:00Z"),
  amountCents: 8640,
  refdet: "F2026000412",
  exer: "2026",
  email: "famille.durand@example.fr",
  clientNumber: "012345",
  mode: "T",
};

/** The fault a parse throws, for assertions on its class and fields. */
function thrown(parse: () => unknown): unknown {
  try {
    parse();
  } catch (error) {
    return error;
  }
  throw new Error("expected the parse to throw");
}

describe("creerPaiementSecurise", () => {
  it("sends the documented request: operation in PayFiP's namespace, parameters unqualified in arg0", () => {
    expect(buildCreatePaymentRequest(createParams)).toBe(fixture("creer-paiement-securise-request"));
  });

  it("reads the idOp of the service's answer, whatever its namespace prefixes", () => {
    expect(parseCreatePaymentResponse(fixture("creer-paiement-securise-response"))).toBe(ID_OP);
  });

  it("is read back by the simulator as sent, the escaped & of the return address included", () => {
    expect(parsePayfipRequest(buildCreatePaymentRequest(createParams))).toEqual({
      operation: "create",
      params: {
        exer: "2026",
        email: createParams.email,
        amount: "8640",
        clientNumber: "012345",
        object: createParams.object,
        refdet: "F2026000412",
        mode: "T",
        notificationUrl: createParams.notificationUrl,
        returnUrl: createParams.returnUrl,
      },
    });
    expect(parseCreatePaymentResponse(buildCreatePaymentResponse(ID_OP))).toBe(ID_OP);
  });

  it("escapes what it is given, so a value cannot add an element", () => {
    const xml = buildCreatePaymentRequest({ ...createParams, email: "a<b>&</mel><montant>1</montant>@x.fr" });
    expect(xml).toContain("<mel>a&lt;b&gt;&amp;&lt;/mel&gt;&lt;montant&gt;1&lt;/montant&gt;@x.fr</mel>");
    const parsed = parsePayfipRequest(xml);
    expect(parsed.operation === "create" && parsed.params).toMatchObject({
      email: "a<b>&</mel><montant>1</montant>@x.fr",
      amount: "8640",
    });
  });
});

describe("recupererDetailPaiementSecurise", () => {
  it("sends the documented request", () => {
    expect(buildPaymentDetailRequest(ID_OP)).toBe(fixture("recuperer-detail-paiement-securise-request"));
    expect(parsePayfipRequest(buildPaymentDetailRequest(ID_OP))).toEqual({ operation: "detail", idOp: ID_OP });
  });

  it("reads the service's answer; dattrans and heurtrans are Paris time", () => {
    expect(parsePaymentDetailResponse(fixture("recuperer-detail-paiement-securise-response"))).toEqual(paidDetail);
  });

  it("reads back what the simulator answers, in summer time too (UTC+2)", () => {
    const summer = { ...paidDetail, transactionAt: new Date("2027-06-30T21:59:00Z") };
    const xml = buildPaymentDetailResponse({ ...summer, object: "Facture" });
    expect(xml).toContain("<ns3:dattrans>30062027</ns3:dattrans>");
    expect(xml).toContain("<ns3:heurtrans>2359</ns3:heurtrans>");
    expect(parsePaymentDetailResponse(xml)).toEqual(summer);
  });

  it("has no authorisation number nor date when the service gives none", () => {
    const refused = { ...paidDetail, resultCode: "R", authorizationNumber: null, transactionAt: null };
    expect(parsePaymentDetailResponse(buildPaymentDetailResponse({ ...refused, object: "" }))).toEqual(refused);
    const unreadableDate = fixture("recuperer-detail-paiement-securise-response").replace("14012027", "31022027");
    expect(parsePaymentDetailResponse(unreadableDate).transactionAt).toBeNull();
  });

  it("refuses an answer without a result code or with an amount that is not cents", () => {
    const answer = fixture("recuperer-detail-paiement-securise-response");
    expect(
      thrown(() => parsePaymentDetailResponse(answer.replace(/<ns3:resultrans>P/, "<ns3:resultrans>"))),
    ).toBeInstanceOf(PayfipProtocolError);
    expect(thrown(() => parsePaymentDetailResponse(answer.replace(">8640<", ">86,40<")))).toBeInstanceOf(
      PayfipProtocolError,
    );
  });
});

describe("faults", () => {
  it("turns P1 (unknown idOp) into a PayfipFault with its code and label", () => {
    const fault = thrown(() => parsePaymentDetailResponse(fixture("fault-p1")));
    expect(fault).toBeInstanceOf(PayfipFault);
    expect(fault).toMatchObject({ code: "P1", label: "IdOp incorrect", message: "P1 : IdOp incorrect" });
    expect(isUnknownOperation(fault)).toBe(true);
    expect(isResultNotKnownYet(fault)).toBe(false);
  });

  it("turns P5 (result not known yet) into a PayfipFault, its character references decoded", () => {
    const fault = thrown(() => parsePaymentDetailResponse(fixture("fault-p5")));
    expect(fault).toMatchObject({ code: "P5", label: "Résultat de la transaction non connu" });
    expect(isResultNotKnownYet(fault)).toBe(true);
    expect(isUnknownOperation(fault)).toBe(false);
  });

  it("reads the faults the simulator builds, on either operation", () => {
    expect(thrown(() => parseCreatePaymentResponse(buildFault("P1", "IdOp incorrect")))).toMatchObject({
      code: "P1",
      label: "IdOp incorrect",
    });
    expect(thrown(() => parsePaymentDetailResponse(buildFault("P5", "Résultat non connu")))).toMatchObject({
      code: "P5",
    });
  });

  it("takes a fault that is no FonctionnelleErreur for the service failing, not answering", () => {
    const fault = thrown(() => parsePaymentDetailResponse(buildClientFault("Requête SOAP invalide")));
    expect(fault).toBeInstanceOf(PayfipUnavailableError);
    expect(fault).not.toBeInstanceOf(PayfipFault);
  });
});

describe("answers that are not PayFiP's", () => {
  it.each([
    ["a truncated answer", fixture("malformed-response")],
    ["a proxy's error page", "<html><head><title>502 Bad Gateway</title></head><body><hr></body></html>"],
    ["well-formed XML that is no SOAP envelope", "<reponse><idOp>1</idOp></reponse>"],
    ["the answer of the other operation", fixture("creer-paiement-securise-response")],
    ["an empty body", ""],
    ["a DTD", `<!DOCTYPE x [<!ENTITY a "a">]>${fixture("recuperer-detail-paiement-securise-response")}`],
  ])("refuses %s as a PayfipProtocolError (the service is unusable this time)", (_, xml) => {
    const error = thrown(() => parsePaymentDetailResponse(xml));
    expect(error).toBeInstanceOf(PayfipProtocolError);
    expect(error).toBeInstanceOf(PayfipUnavailableError);
  });

  it("refuses a repeated element rather than pick one", () => {
    const twice = fixture("creer-paiement-securise-response").replace(
      "</ns3:idOp>",
      "</ns3:idOp><ns3:idOp>other</ns3:idOp>",
    );
    expect(thrown(() => parseCreatePaymentResponse(twice))).toBeInstanceOf(PayfipProtocolError);
  });

  it("refuses, on the simulator's side, a request for an operation it does not have", () => {
    const other = buildPaymentDetailRequest(ID_OP).replaceAll("recupererDetailPaiementSecurise", "annulerPaiement");
    expect(thrown(() => parsePayfipRequest(other))).toBeInstanceOf(PayfipProtocolError);
  });
});

describe("refdet and objet", () => {
  it("keeps the invoice reference's letters and digits", () => {
    expect(payfipRefdet("F2026-000412")).toBe("F2026000412");
    expect(() => payfipRefdet("--")).toThrow(RangeError);
    expect(() => payfipRefdet("F".repeat(31))).toThrow(RangeError);
  });

  it("writes the objet without accents nor punctuation, 100 characters at most", () => {
    expect(payfipObject("Facture F2026-000412 — Régie « Enfance & Jeunesse », cœur")).toBe(
      "Facture F2026 000412 Regie Enfance Jeunesse coeur",
    );
    expect(payfipObject(`${"a".repeat(99)} b`)).toBe("a".repeat(99));
    expect(payfipObject("École")).toMatch(/^[A-Za-z0-9 ]*$/);
  });
});
