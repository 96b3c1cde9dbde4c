import { describe, expect, it } from "vitest";
import { normalizePostcode, postcodeField } from "./postcode";

describe("normalizePostcode", () => {
  it.each(["38330", "75001", "01000", "20000", "97400", "98000", " 38330 "])("accepts %j", (input) => {
    expect(normalizePostcode(input)).toBe(input.trim());
  });

  it.each(["3833", "383300", "00100", "99000", "38 330", "A8330", ""])("refuses %j", (input) => {
    expect(normalizePostcode(input)).toBeNull();
  });
});

describe("postcodeField", () => {
  it("gives null for an empty optional value and French messages otherwise", () => {
    expect(postcodeField().parse("")).toBeNull();
    expect(postcodeField({ required: true }).safeParse("").error?.issues[0]?.message).toBe(
      "Le code postal est obligatoire.",
    );
    expect(postcodeField().safeParse("3833").error?.issues[0]?.message).toMatch(/5 chiffres/);
    expect(postcodeField().parse(" 38330")).toBe("38330");
  });
});
