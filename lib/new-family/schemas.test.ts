import { describe, expect, it } from "vitest";
import { financeStepSchema, nestKeys, nextStep, stepIsOpen, wishesByChild } from "./schemas";

describe("new-family schemas", () => {
  it("nests flat form keys as react-hook-form does, ignoring prototype keys", () => {
    expect(
      nestKeys({ "guardian1.lastName": "A", "children.1.firstName": "B", "__proto__.x": "y", commune: "demo" }),
    ).toEqual({
      guardian1: { lastName: "A" },
      children: [{}, { firstName: "B" }],
      commune: "demo",
    });
  });

  it("requires IBAN, BIC and holder only with direct debit, and checks the IBAN's key", () => {
    const base = { payer: "1", benefitScheme: "none", directDebit: "no" };
    expect(financeStepSchema.parse(base)).toMatchObject({ directDebit: false, iban: null, benefitScheme: null });
    const bad = financeStepSchema.safeParse({
      ...base,
      directDebit: "yes",
      iban: "FR76 3000 6000 0112 3456 7890 188",
      bic: "x",
    });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages.iban).toMatch(/clé de contrôle/);
    expect(messages.bic).toMatch(/8 ou 11 caractères/);
    expect(messages.holderName).toBe("Le titulaire du compte est obligatoire.");
    expect(
      financeStepSchema.parse({
        ...base,
        directDebit: "yes",
        iban: "fr76 3000 6000 0112 3456 7890 189",
        bic: "agrifrpp",
        holderName: "A B",
      }),
    ).toMatchObject({
      iban: "FR7630006000011234567890189",
      bic: "AGRIFRPP",
    });
  });

  it("orders the steps and groups the wishes per child", () => {
    expect(nextStep({})).toBe("ma-famille");
    expect(stepIsOpen({}, "confirmation")).toBe(false);
    expect(wishesByChild(["1:soir", "0:cantine", "1:soir", "5:matin"], 2)).toEqual([["cantine"], ["soir"]]);
  });
});
