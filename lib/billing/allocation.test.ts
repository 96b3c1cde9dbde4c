import { describe, expect, it } from "vitest";
import {
  allocateOldestDueFirst,
  checkSplit,
  counterPaymentDescription,
  type OpenInvoice,
  splitProblemMessage,
} from "./allocation";

const invoice = (id: string, dueOn: string, balanceCents: number, issuedOn = "2027-01-01"): OpenInvoice => ({
  id,
  reference: `F-${id}`,
  issuedOn,
  dueOn,
  balanceCents,
});

describe("allocateOldestDueFirst", () => {
  const march = invoice("march", "2027-03-20", 3000);
  const january = invoice("january", "2027-01-20", 1410);
  const february = invoice("february", "2027-02-20", 2500);

  it("settles the oldest due date first, each invoice up to its balance", () => {
    expect(allocateOldestDueFirst(5000, [march, january, february])).toEqual({
      allocations: [
        { invoiceId: "january", amountCents: 1410 },
        { invoiceId: "february", amountCents: 2500 },
        { invoiceId: "march", amountCents: 1090 },
      ],
      unallocatedCents: 0,
    });
  });

  it("stops at the amount, and says what is left over every balance", () => {
    expect(allocateOldestDueFirst(1000, [march, january]).allocations).toEqual([
      { invoiceId: "january", amountCents: 1000 },
    ]);
    expect(allocateOldestDueFirst(10_000, [january, february])).toEqual({
      allocations: [
        { invoiceId: "january", amountCents: 1410 },
        { invoiceId: "february", amountCents: 2500 },
      ],
      unallocatedCents: 6090,
    });
  });

  it("breaks a tie on the due date by issue date then number, and skips what has nothing due", () => {
    const a = invoice("a", "2027-01-20", 500, "2027-01-02");
    const b = invoice("b", "2027-01-20", 500, "2027-01-01");
    const settled = invoice("settled", "2026-12-20", 0);
    expect(allocateOldestDueFirst(700, [a, settled, b]).allocations).toEqual([
      { invoiceId: "b", amountCents: 500 },
      { invoiceId: "a", amountCents: 200 },
    ]);
  });

  it("allocates nothing for nothing", () => {
    expect(allocateOldestDueFirst(0, [january])).toEqual({ allocations: [], unallocatedCents: 0 });
    expect(allocateOldestDueFirst(-5, [january])).toEqual({ allocations: [], unallocatedCents: 0 });
  });
});

describe("checkSplit", () => {
  it("accepts parts that add up to the amount exactly", () => {
    expect(
      checkSplit(3910, [
        { invoiceId: "a", amountCents: 1410 },
        { invoiceId: "b", amountCents: 2500 },
      ]),
    ).toBeNull();
  });

  it("refuses a total that differs from the amount, and says both in euros", () => {
    const problem = checkSplit(4000, [
      { invoiceId: "a", amountCents: 1410 },
      { invoiceId: "b", amountCents: 2500 },
    ]);
    expect(problem).toEqual({ code: "total_mismatch", allocatedCents: 3910, amountCents: 4000 });
    expect(splitProblemMessage(problem!)).toBe(
      "Le total affecté aux factures (39,10\u00a0€) doit être égal au montant du règlement (40,00\u00a0€).",
    );
  });

  it("refuses no invoice, an invoice twice, a part of zero, negative or fractional cents", () => {
    expect(checkSplit(100, [])).toEqual({ code: "no_allocation" });
    expect(
      checkSplit(200, [
        { invoiceId: "a", amountCents: 100 },
        { invoiceId: "a", amountCents: 100 },
      ]),
    ).toEqual({ code: "duplicate_invoice", invoiceId: "a" });
    for (const amountCents of [0, -100, 10.5, Number.NaN])
      expect(checkSplit(100, [{ invoiceId: "a", amountCents }])).toEqual({
        code: "allocation_not_positive",
        invoiceId: "a",
      });
  });

  it("refuses an amount that is not a positive whole number of cents, or absurdly large", () => {
    for (const amount of [0, -1, 1.5, 1e12, Number.POSITIVE_INFINITY])
      expect(checkSplit(amount, [{ invoiceId: "a", amountCents: 1 }])).toEqual({ code: "amount_not_positive" });
  });
});

describe("counterPaymentDescription", () => {
  it("prints a cheque with its number, and other means with what the agent typed", () => {
    expect(counterPaymentDescription("cheque", " 1234567 ")).toBe("Chèque n° 1234567");
    expect(counterPaymentDescription("cheque", "n° 1234567")).toBe("Chèque n° 1234567");
    expect(counterPaymentDescription("cash", "")).toBe("Espèces");
    expect(counterPaymentDescription("cesu", "12 titres")).toBe("CESU - 12 titres");
    expect(counterPaymentDescription("transfer", "Virement du 03/02")).toBe("Virement du 03/02");
  });
});
