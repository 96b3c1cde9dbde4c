import { describe, expect, it } from "vitest";
import { checkBrandColor, contrastRatio, DEFAULT_BRAND_COLOR, darken, normalizeHexColor } from "./brand-color";

describe("contrastRatio", () => {
  it("gives WCAG's extremes and is symmetric", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    expect(contrastRatio("#1d4f91", "#ffffff")).toBeCloseTo(contrastRatio("#ffffff", "#1d4f91"), 10);
  });

  it("matches the published ratio of WCAG's reference grey", () => {
    // #767676 on white is the lightest grey that passes AA: 4.54:1.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });
});

describe("normalizeHexColor", () => {
  it.each([
    ["#1D4F91", "#1d4f91"],
    [" #abc ", "#aabbcc"],
    ["#000", "#000000"],
  ])("%s → %s", (input, expected) => expect(normalizeHexColor(input)).toBe(expected));

  it.each(["", "1d4f91", "#1d4f9", "#1d4f911", "#ggg000", "red", "rgb(0,0,0)", "#1d4f91;color:red"])(
    "refuses %j",
    (input) => expect(normalizeHexColor(input)).toBeNull(),
  );
});

describe("checkBrandColor", () => {
  it("accepts the portal's colour and dark ones, normalised", () => {
    expect(checkBrandColor(DEFAULT_BRAND_COLOR)).toEqual({ ok: true, color: "#1d4f91" });
    expect(checkBrandColor("#000")).toEqual({ ok: true, color: "#000000" });
    expect(checkBrandColor("#767676")).toEqual({ ok: true, color: "#767676" });
  });

  it("refuses a colour just under 4.5:1, white and a light yellow, saying why in French", () => {
    for (const light of ["#777777", "#ffffff", "#ffeb3b"]) {
      const result = checkBrandColor(light);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(/trop claire.*4,5:1/);
    }
  });

  it("refuses what is no colour", () => {
    expect(checkBrandColor("bleu")).toEqual({
      ok: false,
      message: "Saisissez une couleur au format hexadécimal, par exemple #1d4f91.",
    });
  });
});

describe("darken", () => {
  it("mixes the colour with black, keeping it AA against white", () => {
    expect(darken("#ffffff")).toBe("#bfbfbf");
    expect(darken("#000000")).toBe("#000000");
    expect(darken("#767676", 0.5)).toBe("#3b3b3b");
    expect(contrastRatio(darken("#767676"), "#ffffff")).toBeGreaterThan(contrastRatio("#767676", "#ffffff"));
  });
});
