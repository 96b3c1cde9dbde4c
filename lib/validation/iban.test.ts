import { describe, expect, it } from "vitest";
import { bicField, bicIsValid, checkIban, formatIban, ibanField, maskIban, normalizeIban } from "./iban";

const FR = "FR7630006000011234567890189";
const DE = "DE89370400440532013000";

describe("checkIban", () => {
  it("accepts valid IBANs of SEPA countries", () => {
    expect(checkIban(FR)).toEqual({ ok: true, iban: FR });
    expect(checkIban(DE)).toEqual({ ok: true, iban: DE });
    expect(checkIban("GB82WEST12345698765432").ok).toBe(true);
    expect(checkIban("BE68539007547034").ok).toBe(true);
  });

  it("accepts spaces, non-breaking spaces and lower case, and returns the compact upper-case form", () => {
    expect(checkIban("fr76 3000 6000 0112 3456 7890 189")).toEqual({ ok: true, iban: FR });
    expect(checkIban(" FR76\u00a03000\u202f6000-0112 3456 7890 189 ")).toEqual({ ok: true, iban: FR });
  });

  it("refuses a wrong checksum", () => {
    const result = checkIban("FR7630006000011234567890188");
    expect(result).toMatchObject({ ok: false, reason: "checksum" });
  });

  it("refuses two swapped digits (what mod 97 is for)", () => {
    expect(checkIban("FR7630006000011234567809189")).toMatchObject({ ok: false, reason: "checksum" });
  });

  it("refuses a wrong length with the expected length in the message", () => {
    const result = checkIban("FR763000600001123456789018");
    expect(result).toMatchObject({ ok: false, reason: "length" });
    if (!result.ok) expect(result.message).toContain("27");
  });

  it("refuses empty input, forbidden characters and non-SEPA countries", () => {
    expect(checkIban("   ")).toMatchObject({ ok: false, reason: "empty" });
    expect(checkIban("FR76 3000 6000 0112 3456 7890 18#")).toMatchObject({ ok: false, reason: "characters" });
    expect(checkIban("7630006000011234567890189")).toMatchObject({ ok: false, reason: "characters" });
    expect(checkIban("US64SVBKUS6S3300958879")).toMatchObject({ ok: false, reason: "country" });
  });
});

describe("display", () => {
  it("formats in groups of four", () => {
    expect(formatIban(FR)).toBe("FR76 3000 6000 0112 3456 7890 189");
    expect(formatIban("fr76 30006000011234567890189")).toBe("FR76 3000 6000 0112 3456 7890 189");
  });

  it("masks all but the country, check digits and last three characters", () => {
    expect(maskIban(FR)).toBe("FR76 •••• •••• •••• •••• •••• 189");
    expect(maskIban(DE)).toBe("DE89 •••• •••• •••• •••0 00");
    expect(maskIban(FR)).not.toContain("3000");
  });

  it("normalizes", () => {
    expect(normalizeIban(" fr76 3000 ")).toBe("FR763000");
  });
});

describe("BIC", () => {
  it("accepts 8 and 11 characters, any case", () => {
    expect(bicIsValid("BNPAFRPP")).toBe(true);
    expect(bicIsValid("bnpa fr pp xxx")).toBe(true);
    expect(bicIsValid("BNPAFRP")).toBe(false);
    expect(bicIsValid("BNPA1RPPXXX")).toBe(false);
  });
});

describe("zod fields", () => {
  it("returns the compact IBAN or the French message", () => {
    expect(ibanField().parse("fr76 3000 6000 0112 3456 7890 189")).toBe(FR);
    const failed = ibanField().safeParse("FR7630006000011234567890188");
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toMatch(/clé de contrôle/);
    expect(bicField().parse(" bnpafrpp ")).toBe("BNPAFRPP");
    expect(bicField().safeParse("").error?.issues[0]?.message).toBe("Le BIC est obligatoire.");
  });
});
