import { describe, expect, it } from "vitest";
import { creditNoteSeries, invoiceSeries, operationSeries } from "./number-formats";

describe("numbered series", () => {
  it("prints invoice, credit note and operation numbers with six digits and the year", () => {
    expect(invoiceSeries(2027).format(123)).toBe("F2027-000123");
    expect(creditNoteSeries(2027).format(4)).toBe("AV2027-000004");
    expect(operationSeries(2027).format(42)).toBe("2027000042");
  });

  it("keeps a counter per kind and year, so each year starts again at 1", () => {
    const names = [invoiceSeries(2026), invoiceSeries(2027), creditNoteSeries(2027), operationSeries(2027)].map(
      (s) => s.name,
    );
    expect(new Set(names).size).toBe(4);
  });

  it("does not truncate past 999,999", () => {
    expect(invoiceSeries(2027).format(1_234_567)).toBe("F2027-1234567");
  });
});
