import { describe, expect, it } from "vitest";
import { formatRequestReference, parseReferenceQuery, referenceYear } from "./reference";

describe("request references", () => {
  it("formats as D<year>-<6 digits>", () => {
    expect(formatRequestReference(2026, 123)).toBe("D2026-000123");
    expect(formatRequestReference(2026, 1_234_567)).toBe("D2026-1234567");
    expect(() => formatRequestReference(2026, 0)).toThrow(RangeError);
  });

  it("numbers by the year in Paris", () => {
    expect(referenceYear(new Date("2026-12-31T22:30:00Z"))).toBe(2026);
    expect(referenceYear(new Date("2026-12-31T23:30:00Z"))).toBe(2027);
  });

  it("reads what people type in the Référence filter", () => {
    expect(parseReferenceQuery("d2026-123")).toEqual({ exact: "D2026-000123" });
    expect(parseReferenceQuery(" D2026 000123 ")).toEqual({ exact: "D2026-000123" });
    expect(parseReferenceQuery("2026-000123")).toEqual({ exact: "D2026-000123" });
    expect(parseReferenceQuery("D2026000123")).toEqual({ exact: "D2026-000123" });
    expect(parseReferenceQuery("123")).toEqual({ contains: "123" });
    expect(parseReferenceQuery("D2026-0")).toEqual({ contains: "D2026-0" });
    expect(parseReferenceQuery("%_")).toBeNull();
    expect(parseReferenceQuery("  ")).toBeNull();
  });
});
