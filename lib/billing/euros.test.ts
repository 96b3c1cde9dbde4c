import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { centsToEurosInput, parseEuroAmount, parseEurosToCents } from "./euros";

const cents = (input: string) => {
  const parsed = parseEurosToCents(input);
  return parsed.ok ? parsed.cents : parsed.message;
};

describe("parseEurosToCents", () => {
  it("reads a price typed with a comma, a dot, spaces or the euro sign", () => {
    expect(cents("1,85")).toBe(185);
    expect(cents("1,8")).toBe(180);
    expect(cents("12")).toBe(1200);
    expect(cents("0,05")).toBe(5);
    expect(cents("0")).toBe(0);
    expect(cents(" 4.70 ")).toBe(470);
    expect(cents("1 250,00 €")).toBe(125000);
    expect(cents("1\u202f250,5€")).toBe(125050);
    expect(cents("007,10")).toBe(710);
  });

  it("never goes through floating point: 0,29 and 1,13 stay exact", () => {
    expect(cents("0,29")).toBe(29);
    expect(cents("1,13")).toBe(113);
    expect(cents("4,35")).toBe(435);
  });

  it("refuses three decimals, negatives, letters and empty input, in French", () => {
    expect(cents("1,855")).toBe("Le prix doit avoir au plus deux chiffres après la virgule, par exemple 1,85.");
    expect(cents("-1,85")).toBe("Le prix ne peut pas être négatif.");
    expect(cents("−2")).toBe("Le prix ne peut pas être négatif.");
    expect(cents("")).toBe("Le prix est obligatoire.");
    expect(cents("   ")).toBe("Le prix est obligatoire.");
    for (const bad of ["abc", "1,8a", "1e3", "1,", ",50", "1,2,3", "1.000,00", "0x10", "Infinity", "NaN"])
      expect(cents(bad)).toBe("Le prix doit être un montant en euros, par exemple 1,85.");
  });

  it("refuses more than the maximum, with the label given", () => {
    expect(parseEurosToCents("10000,00")).toEqual({ ok: true, cents: 1_000_000 });
    expect(parseEurosToCents("10000,01")).toEqual({ ok: false, message: "Le prix ne doit pas dépasser 10000,00 €." });
    expect(parseEurosToCents("12", { label: "Le tarif", maxCents: 1000 })).toEqual({
      ok: false,
      message: "Le tarif ne doit pas dépasser 10,00 €.",
    });
  });

  test.prop([fc.integer({ min: 0, max: 1_000_000 })])("reads back what centsToEurosInput writes", (value) => {
    expect(parseEurosToCents(centsToEurosInput(value))).toEqual({ ok: true, cents: value });
  });
});

describe("centsToEurosInput", () => {
  it("writes cents as a form field shows them", () => {
    expect(centsToEurosInput(185)).toBe("1,85");
    expect(centsToEurosInput(5)).toBe("0,05");
    expect(centsToEurosInput(125000)).toBe("1250,00");
    expect(centsToEurosInput(-370)).toBe("-3,70");
  });
});

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
