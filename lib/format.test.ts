import { describe, expect, it, vi } from "vitest";
import { formatDate, formatDateTime, formatEuros } from "./format";

/** Intl separates thousands and the euro sign with narrow/no-break spaces: compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatEuros", () => {
  it("prints cents as French euros", () => {
    expect(plain(formatEuros(8640))).toBe("86,40 €");
    expect(plain(formatEuros(7))).toBe("0,07 €");
    expect(plain(formatEuros(108640))).toBe("1 086,40 €");
    expect(plain(formatEuros(0))).toBe("0,00 €");
  });

  it("builds its formatter on first use, not when the module loads (the planning imports it for dates only)", async () => {
    vi.resetModules();
    const RealNumberFormat = Intl.NumberFormat;
    let built = 0;
    Intl.NumberFormat = class extends RealNumberFormat {
      constructor(...args: ConstructorParameters<typeof Intl.NumberFormat>) {
        super(...args);
        built++;
      }
    } as typeof Intl.NumberFormat;
    try {
      const fresh = await import("./format");
      expect(built).toBe(0);
      expect(plain(fresh.formatEuros(1250))).toBe("12,50 €");
      expect(plain(fresh.formatEuros(99))).toBe("0,99 €");
      expect(built).toBe(1);
    } finally {
      Intl.NumberFormat = RealNumberFormat;
    }
  });
});

describe("formatDate", () => {
  it("prints a calendar day as dd/MM/yyyy", () => {
    expect(formatDate("2026-11-02")).toBe("02/11/2026");
    expect(formatDate("2016-04-12")).toBe("12/04/2016");
  });

  it("prints a timestamp as its day in Paris, not in UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in Paris (UTC+1 in winter).
    expect(formatDate(new Date("2025-12-31T23:30:00Z"))).toBe("01/01/2026");
    // 22:30 UTC on 30 June is 00:30 on 1 July in Paris (UTC+2 in summer).
    expect(formatDate(new Date("2026-06-30T22:30:00Z"))).toBe("01/07/2026");
    expect(formatDate(new Date("2026-06-30T21:30:00Z"))).toBe("30/06/2026");
  });
});

describe("formatDateTime", () => {
  it("shows Paris time, in winter and in summer", () => {
    expect(formatDateTime(new Date("2026-01-22T15:44:00Z"))).toBe("22/01/2026 à 16:44");
    expect(formatDateTime(new Date("2026-07-01T22:05:00Z"))).toBe("02/07/2026 à 00:05");
  });
});
