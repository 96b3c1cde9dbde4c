import { describe, expect, it } from "vitest";
import { DAY_OUT_OF_RANGE_MESSAGE, dayField, hasControlCharacters, searchQuery } from "./fields";

describe("hasControlCharacters", () => {
  it.each(["\u0000", "a\u0007b", "\u001b[0m", "\u007f", "\u000b", "\u000c"])("finds %j", (value) => {
    expect(hasControlCharacters(value)).toBe(true);
  });

  it.each(["Léa Martin", "ligne 1\nligne 2", "a\tb", "fin\r\n", "é€😀"])("lets %j through", (value) => {
    expect(hasControlCharacters(value)).toBe(false);
  });
});

describe("dayField", () => {
  const day = dayField({ missing: "Saisissez la date.", invalid: "Date invalide." });
  const messages = (value: unknown) => day.safeParse(value).error?.issues.map((i) => i.message);

  it("accepts a real day between 1900 and 2100", () => {
    expect(day.parse(" 2026-09-01 ")).toBe("2026-09-01");
    expect(day.parse("1900-01-01")).toBe("1900-01-01");
    expect(day.parse("2100-12-31")).toBe("2100-12-31");
  });

  it("refuses a far date with the range message, a malformed one with its own", () => {
    expect(messages("9999-12-31")).toEqual([DAY_OUT_OF_RANGE_MESSAGE]);
    expect(messages("0001-01-01")).toEqual([DAY_OUT_OF_RANGE_MESSAGE]);
    expect(messages("2026-02-30")).toEqual(["Date invalide."]);
    expect(messages("")).toEqual(["Saisissez la date."]);
  });
  it("says the range in French", () => {
    expect(DAY_OUT_OF_RANGE_MESSAGE).toBe("Saisissez une date comprise entre le 01/01/1900 et le 31/12/2100.");
  });
});

describe("searchQuery", () => {
  it("drops control characters and ignores what is not a short text", () => {
    expect(searchQuery().parse(" dup\u0000ont ")).toBe("dupont");
    expect(searchQuery().parse("x".repeat(101))).toBe("");
    expect(searchQuery().parse(["a", "b"])).toBe("");
    expect(searchQuery().parse(undefined)).toBe("");
  });
});
