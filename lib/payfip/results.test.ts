import { describe, expect, it } from "vitest";
import { outcomeOf } from "./results";

describe("outcomeOf", () => {
  it("maps PayFiP's result codes to the invoice's outcome", () => {
    expect(["P", "V", "R", "Z", "A"].map(outcomeOf)).toEqual(["paid", "paid", "refused", "refused", "cancelled"]);
  });

  it("knows no other code", () => {
    expect(["", "p", "X", "toString", "constructor"].map(outcomeOf)).toEqual([null, null, null, null, null]);
  });
});
