import { describe, expect, it } from "vitest";
import { parseEuroAmount } from "./amount";

describe("parseEuroAmount", () => {
  it("reads French and dotted amounts, with or without the euro sign", () => {
    expect(parseEuroAmount("86,40")).toBe(8640);
    expect(parseEuroAmount("86.4")).toBe(8640);
    expect(parseEuroAmount("1 086,40 €")).toBe(108640);
    expect(parseEuroAmount("0,07")).toBe(7);
  });

  it("refuses what is not an amount", () => {
    for (const bad of ["", "abc", "86,405", "-3", "12,", "1e3"]) expect(parseEuroAmount(bad)).toBeNull();
  });
});
