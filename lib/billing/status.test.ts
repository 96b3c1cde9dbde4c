import { describe, expect, it } from "vitest";
import { balanceCents, type InvoiceFacts, invoiceStatus, invoiceStatusLabel, isPayableHere } from "./status";

const issued: InvoiceFacts = {
  amountCents: 1410,
  paidCents: 0,
  directDebitOn: null,
  treasuryOn: null,
  cancelledOn: null,
};

describe("invoice status", () => {
  it("is à payer with nothing paid, partially paid with part of it, paid at the full amount", () => {
    expect(invoiceStatus(issued)).toBe("to_pay");
    expect(invoiceStatus({ ...issued, paidCents: 1 })).toBe("partially_paid");
    expect(invoiceStatus({ ...issued, paidCents: 1409 })).toBe("partially_paid");
    expect(invoiceStatus({ ...issued, paidCents: 1410 })).toBe("paid");
  });

  it("says the direct debit day while unpaid, and Payée once the debit is recorded", () => {
    const debited = { ...issued, directDebitOn: "2027-02-05" };
    expect(invoiceStatusLabel(debited)).toBe("Prélèvement le 05/02/2027");
    expect(isPayableHere(debited)).toBe(false);
    expect(invoiceStatusLabel({ ...debited, paidCents: 1410 })).toBe("Payée");
  });

  it("is no longer payable here once transmitted to the treasury, unless it was paid in full", () => {
    const transmitted = { ...issued, paidCents: 400, treasuryOn: "2027-03-31" };
    expect(invoiceStatusLabel(transmitted)).toBe("Transmise en trésorerie");
    expect(isPayableHere(transmitted)).toBe(false);
    expect(invoiceStatus({ ...transmitted, paidCents: 1410 })).toBe("paid");
  });

  it("owes nothing once cancelled by a credit note", () => {
    const cancelled = { ...issued, cancelledOn: "2027-02-10" };
    expect(invoiceStatus(cancelled)).toBe("cancelled");
    expect(balanceCents(cancelled)).toBe(0);
    expect(isPayableHere(cancelled)).toBe(false);
  });

  it("keeps the balance in cents", () => {
    expect(balanceCents({ ...issued, paidCents: 645 })).toBe(765);
    expect(isPayableHere({ ...issued, paidCents: 645 })).toBe(true);
  });
});
