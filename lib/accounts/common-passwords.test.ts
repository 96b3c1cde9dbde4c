import { describe, expect, it } from "vitest";
import { isCommonPassword } from "./common-passwords";
import { meetsPasswordRule } from "./password-policy";

describe("common passwords", () => {
  it("refuses listed passwords whatever their case, even when they meet the rule", async () => {
    expect(meetsPasswordRule("Password1")).toBe(true);
    expect(await isCommonPassword("Password1")).toBe(true);
    expect(await isCommonPassword("QWERTY123")).toBe(true);
    expect(await isCommonPassword("Azerty123")).toBe(true);
  });

  it("accepts passwords that are not in the list", async () => {
    expect(await isCommonPassword("Velo-Rouge-42")).toBe(false);
  });
});
