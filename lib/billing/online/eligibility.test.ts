import { describe, expect, it } from "vitest";
import type { InvoiceFacts } from "../status";
import { onlinePayability } from "./eligibility";

const due: InvoiceFacts = { amountCents: 8640, paidCents: 0, directDebitOn: null, treasuryOn: null, cancelledOn: null };
const configured = { payfipClientNumber: "012345" };

describe("onlinePayability", () => {
  it("offers the whole balance of an invoice still due at the régie", () => {
    expect(onlinePayability(due, configured)).toEqual({ payable: true, amountCents: 8640 });
    expect(onlinePayability({ ...due, paidCents: 4000 }, configured)).toEqual({ payable: true, amountCents: 4640 });
  });

  it("is never offered without the régie's PayFiP client number", () => {
    expect(onlinePayability(due, { payfipClientNumber: null })).toEqual({ payable: false, reason: "not_configured" });
    expect(onlinePayability(due, { payfipClientNumber: "" })).toEqual({ payable: false, reason: "not_configured" });
  });

  it.each([
    ["not_due", { paidCents: 8640 }],
    ["cancelled", { cancelledOn: "2027-01-10" }],
    ["treasury", { treasuryOn: "2027-03-01" }],
    ["direct_debit", { directDebitOn: "2027-02-05" }],
  ] as const)("refuses an invoice %s", (reason, facts) => {
    expect(onlinePayability({ ...due, ...facts }, configured)).toEqual({ payable: false, reason });
  });

  it("keeps within PayFiP's amounts: from 1,00 € to 100 000,00 €", () => {
    expect(onlinePayability({ ...due, paidCents: 8541 }, configured)).toEqual({
      payable: false,
      reason: "below_minimum",
    });
    expect(onlinePayability({ ...due, paidCents: 8540 }, configured)).toEqual({ payable: true, amountCents: 100 });
    const large = { ...due, amountCents: 10_000_001 };
    expect(onlinePayability(large, configured)).toEqual({ payable: false, reason: "above_maximum" });
    expect(onlinePayability({ ...large, paidCents: 1 }, configured)).toEqual({
      payable: true,
      amountCents: 10_000_000,
    });
  });
});
