import { describe, expect, it } from "vitest";
import { familyStepSchema, financeStepSchema, nestKeys, nextStep, stepIsOpen, wishesByChild } from "./schemas";
import { newFamilyFields } from "./test-fixtures";

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

  it("reads step 1's qualité, situation familiale, pays, facture par courrier and reminder mode", () => {
    const parsed = familyStepSchema.parse(newFamilyFields());
    expect(parsed.guardian1).toMatchObject({
      quality: "Mère",
      familySituation: "Mariée",
      country: "France",
      invoiceByPost: true,
      remindByEmail: true,
      remindBySms: true,
      remindByPost: false,
    });
    // Left blank: no qualité nor situation rather than empty text.
    expect(parsed.guardian2).toMatchObject({ quality: null, familySituation: null, invoiceByPost: false });
  });

  it("answers each missing or wrong new field at its place", () => {
    const messages = (overrides: Record<string, string | boolean>) => {
      const result = familyStepSchema.safeParse(newFamilyFields(overrides));
      expect(result.success).toBe(false);
      return Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(messages({ "guardian1.country": "  " })).toEqual({ "guardian1.country": "Le pays est obligatoire." });
    expect(messages({ "guardian1.invoiceByPost": "peut-être" })).toEqual({
      "guardian1.invoiceByPost": "Indiquez si vous souhaitez recevoir la facture par courrier.",
    });
    expect(messages({ "guardian2.invoiceByPost": "" })).toHaveProperty("guardian2.invoiceByPost");
    expect(messages({ "guardian1.quality": "x".repeat(101) })).toEqual({
      "guardian1.quality": "La qualité ne doit pas dépasser 100 caractères.",
    });
    expect(messages({ "guardian1.familySituation": "x".repeat(101) })).toEqual({
      "guardian1.familySituation": "La situation familiale ne doit pas dépasser 100 caractères.",
    });
  });

  it("orders the steps and groups the wishes per child", () => {
    expect(nextStep({})).toBe("ma-famille");
    expect(stepIsOpen({}, "confirmation")).toBe(false);
    expect(wishesByChild(["1:soir", "0:cantine", "1:soir", "5:matin"], 2)).toEqual([["cantine"], ["soir"]]);
  });
});
