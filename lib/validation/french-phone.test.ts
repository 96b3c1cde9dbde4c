import { describe, expect, it } from "vitest";
import { checkFrenchPhone, frenchPhoneField, normalizeFrenchPhone } from "./french-phone";

describe("checkFrenchPhone", () => {
  it.each([
    "06 12 34 56 78",
    "0612345678",
    "06.12.34.56.78",
    "06-12-34-56-78",
    "+33 6 12 34 56 78",
    "+33612345678",
    "+33 (0)6 12 34 56 78",
    "0033 6 12 34 56 78",
    "0033612345678",
    " 06 12 34 56 78 ",
  ])("reads %s as 06 12 34 56 78", (input) => {
    expect(checkFrenchPhone(input)).toEqual({
      ok: true,
      national: "06 12 34 56 78",
      e164: "+33612345678",
      mobile: true,
    });
  });

  it("accepts landlines and flags them as not mobile", () => {
    expect(checkFrenchPhone("04 76 52 00 00")).toMatchObject({ ok: true, national: "04 76 52 00 00", mobile: false });
  });

  it("accepts overseas departments' country codes", () => {
    expect(normalizeFrenchPhone("+262 692 12 34 56")).toBe("06 92 12 34 56");
  });

  it.each([
    "",
    "06 12 34 56 7",
    "06 12 34 56 789",
    "6 12 34 56 78",
    "00 12 34 56 78",
    "+44 20 7946 0958",
    "0044 20 7946 0958",
    "+33 06 12 34 56 78x",
    "06 12 34 ab 78",
    "+33 0 12 34 56 78",
  ])("refuses %j", (input) => {
    expect(checkFrenchPhone(input).ok).toBe(false);
  });
});

describe("frenchPhoneField", () => {
  it("turns empty optional input into null", () => {
    expect(frenchPhoneField("Le téléphone").parse("  ")).toBeNull();
    expect(frenchPhoneField("Le téléphone").parse(undefined)).toBeNull();
  });

  it("requires a value when asked and explains errors in French", () => {
    expect(frenchPhoneField("Le téléphone portable", { required: true }).safeParse("").error?.issues[0]?.message).toBe(
      "Le téléphone portable est obligatoire.",
    );
    expect(frenchPhoneField("Le téléphone").safeParse("123").error?.issues[0]?.message).toMatch(
      /^Le téléphone : saisissez un numéro/,
    );
    expect(frenchPhoneField("Le téléphone").parse("+33 7 11 22 33 44")).toBe("07 11 22 33 44");
  });
});
