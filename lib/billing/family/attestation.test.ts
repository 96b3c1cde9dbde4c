import { describe, expect, it } from "vitest";
import { type AttestationLine, computeChildcareAttestation, isUnderSixOnFirstJanuary, prorate } from "./attestation";

describe("isUnderSixOnFirstJanuary", () => {
  it("counts children born from 1 January of year − 6 on, as the tax form does", () => {
    expect(isUnderSixOnFirstJanuary("2021-01-01", 2027)).toBe(true);
    expect(isUnderSixOnFirstJanuary("2020-12-31", 2027)).toBe(false);
    expect(isUnderSixOnFirstJanuary("2024-06-15", 2027)).toBe(true);
    // Born during the year: under 6, and cared for once born.
    expect(isUnderSixOnFirstJanuary("2027-03-01", 2027)).toBe(true);
    expect(isUnderSixOnFirstJanuary("2028-01-01", 2027)).toBe(false);
  });
});

describe("prorate", () => {
  it("splits in proportion and adds up to the amount to the cent", () => {
    expect(prorate(1000, [1, 1, 1])).toEqual([333, 334, 333]);
    expect(prorate(1000, [1, 1, 1]).reduce((a, b) => a + b)).toBe(1000);
    expect(prorate(8640, [4320, 4320])).toEqual([4320, 4320]);
    expect(prorate(500, [0, 0])).toEqual([0, 0]);
  });

  it("takes a negative weight (a régularisation) and still adds up", () => {
    const parts = prorate(3000, [4000, -1000, 1000]);
    expect(parts).toEqual([3000, -750, 750]);
    expect(parts.reduce((a, b) => a + b)).toBe(3000);
  });

  it("adds up whatever the weights", () => {
    for (let seed = 1; seed < 200; seed++) {
      const weights = [seed % 7, (seed * 13) % 11, ((seed * 31) % 17) + 1];
      const amount = (seed * 97) % 5000;
      expect(prorate(amount, weights).reduce((a, b) => a + b)).toBe(amount);
    }
  });
});

describe("computeChildcareAttestation", () => {
  const children = [
    { id: "zoe", name: "Zoé MARTIN", birthDate: "2022-05-10" },
    { id: "hugo", name: "Hugo MARTIN", birthDate: "2021-01-01" },
    { id: "lea", name: "Léa MARTIN", birthDate: "2017-04-02" },
  ];
  const lines: AttestationLine[] = [
    // Invoice A: 100 € — Zoé 40 € childcare, Zoé 10 € meals, Hugo 20 € childcare, Léa 30 € childcare.
    { invoiceId: "A", childId: "zoe", amountCents: 4000, childcare: true },
    { invoiceId: "A", childId: "zoe", amountCents: 1000, childcare: false },
    { invoiceId: "A", childId: "hugo", amountCents: 2000, childcare: true },
    { invoiceId: "A", childId: "lea", amountCents: 3000, childcare: true },
    // Invoice B: Léa only.
    { invoiceId: "B", childId: "lea", amountCents: 5000, childcare: true },
  ];

  it("keeps the children under 6 and their share of each payment's childcare lines", () => {
    const result = computeChildcareAttestation({
      year: 2027,
      children,
      lines,
      // The whole of A, half of A again (another payment), and B (Léa is 6 or over: nothing).
      allocations: [
        { invoiceId: "A", amountCents: 10000 },
        { invoiceId: "A", amountCents: 5000 },
        { invoiceId: "B", amountCents: 5000 },
      ],
    });
    expect(result.children.map((c) => [c.name, c.paidCents])).toEqual([
      ["Hugo MARTIN", 2000 + 1000],
      ["Zoé MARTIN", 4000 + 2000],
    ]);
    expect(result.totalCents).toBe(9000);
    expect(result.year).toBe(2027);
  });

  it("lists the young children with nothing paid, and ignores allocations of unknown invoices", () => {
    const result = computeChildcareAttestation({
      year: 2027,
      children,
      lines,
      allocations: [{ invoiceId: "Z", amountCents: 1000 }],
    });
    expect(result.children.map((c) => c.paidCents)).toEqual([0, 0]);
    expect(result.totalCents).toBe(0);
  });

  it("rounds each allocation so that nothing is invented", () => {
    const result = computeChildcareAttestation({
      year: 2027,
      children,
      lines: [
        { invoiceId: "C", childId: "zoe", amountCents: 1, childcare: true },
        { invoiceId: "C", childId: "hugo", amountCents: 1, childcare: true },
        { invoiceId: "C", childId: "lea", amountCents: 1, childcare: true },
      ],
      allocations: [{ invoiceId: "C", amountCents: 2 }],
    });
    expect(result.totalCents).toBeLessThanOrEqual(2);
  });
});
