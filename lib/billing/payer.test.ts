import { describe, expect, it } from "vitest";
import { choosePayer, payerAddress, payerName } from "./payer";

describe("invoice payer", () => {
  it("is the guardian marked payer, else Responsable 1, else nobody", () => {
    expect(
      choosePayer([
        { rank: 1, isPayer: false },
        { rank: 2, isPayer: true },
      ]),
    ).toEqual({ rank: 2, isPayer: true });
    expect(
      choosePayer([
        { rank: 2, isPayer: false },
        { rank: 1, isPayer: false },
      ]),
    ).toEqual({ rank: 1, isPayer: false });
    expect(
      choosePayer([
        { rank: 3, isPayer: true },
        { rank: 2, isPayer: true },
      ]),
    ).toEqual({ rank: 2, isPayer: true });
    expect(choosePayer([{ rank: 2, isPayer: false }])).toBeNull();
    expect(choosePayer([])).toBeNull();
  });

  it("prints the name as the invoice does", () => {
    expect(payerName({ civility: "MME", firstName: "Claire", lastName: "Martin" })).toBe("Mme Claire MARTIN");
    expect(payerName({ civility: "M", firstName: " Karim ", lastName: "Benali " })).toBe("M. Karim BENALI");
  });

  it("prints the address on one line, the country only abroad", () => {
    const address = { addressLine: "12 rue des Écoles", postcode: "38000", city: "Démo", country: "France" };
    expect(payerAddress(address)).toBe("12 rue des Écoles, 38000 Démo");
    expect(payerAddress({ ...address, country: "Belgique" })).toBe("12 rue des Écoles, 38000 Démo, Belgique");
    expect(payerAddress({ ...address, postcode: null })).toBe("12 rue des Écoles, Démo");
    expect(payerAddress({ addressLine: null, postcode: null, city: " ", country: null })).toBeNull();
  });
});
