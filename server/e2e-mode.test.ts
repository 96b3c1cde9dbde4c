import { describe, expect, it } from "vitest";
import { readE2eMode } from "./e2e-mode.mjs";

const throwaway = { E2E_CLOCK_START: "2027-01-11T08:00:00+01:00", E2E_FAMILY_COPIES: "24" };
const realNow = Date.parse("2026-11-30T12:00:00Z");

describe("readE2eMode", () => {
  it("is nothing when no end-to-end setting is given", () => {
    expect(readE2eMode({}, "0.0.0.0")).toBeNull();
    expect(readE2eMode({ E2E_CLOCK_START: "", E2E_FAMILY_COPIES: "" }, undefined)).toBeNull();
  });

  it("grants a loopback server on the embedded database without mail its fixed clock and family copies", () => {
    expect(readE2eMode(throwaway, "127.0.0.1", realNow)).toEqual({
      clockOffsetMs: Date.parse("2027-01-11T07:00:00Z") - realNow,
      familyCopies: 24,
    });
    expect(readE2eMode({ E2E_FAMILY_COPIES: "3" }, "::1", realNow)).toEqual({ clockOffsetMs: 0, familyCopies: 3 });
  });

  it("refuses a server reachable from the network, on a real database or sending real mail", () => {
    for (const hostname of [undefined, "0.0.0.0", "192.168.1.10"])
      expect(() => readE2eMode(throwaway, hostname)).toThrow(/loopback interface only/);
    expect(() => readE2eMode({ ...throwaway, DATABASE_URL: "postgres://db/portail" }, "127.0.0.1")).toThrow(
      /embedded database/,
    );
    expect(() => readE2eMode({ ...throwaway, RESEND_API_KEY: "re_123" }, "localhost")).toThrow(/no mail provider/);
  });

  it("refuses a clock start without its offset and a copy count that is not a small whole number", () => {
    for (const start of ["2027-01-11T08:00:00", "2027-01-11", "lundi", "2027-02-30T08:00:00Z"])
      expect(() => readE2eMode({ E2E_CLOCK_START: start }, "127.0.0.1")).toThrow(/E2E_CLOCK_START/);
    for (const copies of ["-1", "2.5", "many", "100000"])
      expect(() => readE2eMode({ E2E_FAMILY_COPIES: copies }, "127.0.0.1")).toThrow(/E2E_FAMILY_COPIES/);
  });
});
