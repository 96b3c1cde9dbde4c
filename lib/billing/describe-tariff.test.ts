import { describe, expect, it } from "vitest";
import { describeTariff } from "./describe-tariff";

describe("describeTariff", () => {
  it("gives the tariff's date, its price range (default included) and its number of brackets", () => {
    expect(
      describeTariff({
        validFrom: "2026-09-01",
        defaultUnitCents: 470,
        brackets: [
          { upToQuotient: 500, unitCents: 100 },
          { upToQuotient: null, unitCents: 390 },
        ],
      }).replace(/\s/g, " "),
    ).toBe("depuis le 01/09/2026 : de 1,00 € à 4,70 € (2 tranches)");
    expect(
      describeTariff({
        validFrom: "2027-01-04",
        defaultUnitCents: 200,
        brackets: [{ upToQuotient: null, unitCents: 200 }],
      }).replace(/\s/g, " "),
    ).toBe("depuis le 04/01/2027 : 2,00 € (1 tranche)");
  });
});
