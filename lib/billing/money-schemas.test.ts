import { describe, expect, it } from "vitest";
import { formDataToObject } from "@/lib/actions/form-data";
import { formData } from "@/lib/testing/harness";
import { recordPaymentSchema, transmitToTreasurySchema } from "./money-schemas";

const a = "0b7f2a4e-3c1d-4e5f-8a9b-0c1d2e3f4a5b";
const b = "6c2d9e8f-1a2b-4c3d-9e8f-7a6b5c4d3e2f";
const form = {
  householdId: a,
  idempotencyKey: b,
  method: "cheque",
  receivedOn: "2027-02-03",
  reference: "1234567",
  amount: "30,00",
  "allocations.0.invoiceId": a,
  "allocations.0.selected": "on",
  "allocations.0.amount": "14,10",
  "allocations.1.invoiceId": b,
  "allocations.1.selected": "on",
  "allocations.1.amount": "15,90",
};
const parse = (fields: Record<string, string | undefined>) =>
  recordPaymentSchema.safeParse(formDataToObject(formData(fields)));
const errors = (fields: Record<string, string | undefined>) =>
  Object.fromEntries((parse(fields).error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("the payment form", () => {
  it("gives the amounts in cents, the ticked invoices only, and the cheque's description", () => {
    expect(parse({ ...form, amount: "14,10", "allocations.1.selected": undefined }).data).toEqual({
      householdId: a,
      idempotencyKey: b,
      method: "cheque",
      receivedOn: "2027-02-03",
      description: "Chèque n° 1234567",
      amountCents: 1410,
      allocations: [{ invoiceId: a, amountCents: 1410 }],
    });
    expect(parse(form).data?.allocations).toEqual([
      { invoiceId: a, amountCents: 1410 },
      { invoiceId: b, amountCents: 1590 },
    ]);
  });

  it("says in French what is wrong, on the field concerned", () => {
    expect(errors({ ...form, amount: "31" })).toEqual({
      amount: "Le montant du règlement (31,00\u00a0€) doit être égal au total affecté aux factures (30,00\u00a0€).",
    });
    expect(errors({ ...form, reference: "", "allocations.1.amount": "quinze" })).toEqual({
      reference: "Saisissez le numéro du chèque.",
      "allocations.1.amount": "Saisissez le montant affecté à cette facture, par exemple 14,10.",
    });
    expect(
      errors({ ...form, method: "card_online", "allocations.0.selected": undefined, "allocations.1.selected": "" }),
    ).toEqual({
      method: "Choisissez le moyen de paiement.",
      allocations: "Cochez au moins une facture à régler.",
    });
    expect(errors({ ...form, amount: "0", receivedOn: "" })).toMatchObject({
      amount: "Saisissez un montant en euros supérieur à 0, par exemple 14,10.",
      receivedOn: "Saisissez la date de réception du règlement.",
    });
  });
});

describe("the treasury form", () => {
  it("takes one or several ticked invoices, and at least one", () => {
    expect(transmitToTreasurySchema.parse(formDataToObject(formData({ invoiceIds: a })))).toEqual({ invoiceIds: [a] });
    expect(transmitToTreasurySchema.parse({ invoiceIds: [a, b] })).toEqual({ invoiceIds: [a, b] });
    expect(transmitToTreasurySchema.safeParse({}).error?.issues[0]?.message).toBe("Sélectionnez au moins une facture.");
  });
});
