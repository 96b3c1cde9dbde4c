import { describe, expect, it } from "vitest";
import { NOT_PAYABLE_MESSAGES, resultCodeLabel } from "./labels";

describe("online payment labels", () => {
  it("names PayFiP's result codes, and shows an undocumented one as it came", () => {
    expect(resultCodeLabel("P")).toBe("P : Payé par carte");
    expect(resultCodeLabel("Z")).toBe("Z : Prélèvement refusé");
    expect(resultCodeLabel("Q")).toBe("Q");
  });

  it("tells the amounts PayFiP accepts in euros", () => {
    expect(NOT_PAYABLE_MESSAGES.below_minimum).toBe("Le paiement en ligne est possible à partir de 1,00\u00a0€.");
    expect(NOT_PAYABLE_MESSAGES.above_maximum).toContain("100\u202f000,00\u00a0€");
  });
});
