import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { activityNatureSchema, describeBracket, natureSchema, regieSchema, tariffFormSchema } from "./settings-schemas";

const ACTIVITY = "0b7f2a4e-3c1d-4e5f-8a9b-0c1d2e3f4a5b";
const REGIE = "6c2d9e8f-1a2b-4c3d-9e8f-7a6b5c4d3e2f";

/** The field errors as the action reports them ("brackets.1.upToQuotient"). */
function errors(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const found: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".");
    found[field] = [...(found[field] ?? []), issue.message];
  }
  return found;
}

const regie = {
  name: "Régie enfance jeunesse",
  code: "ENF",
  payfipClientNumber: "",
  payfipMode: "T",
  payfipServiceUrl: "https://www.payfip.gouv.fr/tpa",
  dueDays: "20",
  treasuryDelayDays: "30",
  paymentInstructions: "Chèque à l'ordre du Trésor public.",
  treasuryContact: "",
};

/** A tariff form as the browser posts it (FormData keys are flat). */
const tariff = (fields: Record<string, string> = {}) => ({
  activityId: ACTIVITY,
  validFrom: "2026-09-01",
  defaultUnitPrice: "4,70",
  "brackets.0.upToQuotient": "500",
  "brackets.0.unitPrice": "1,00",
  "brackets.1.upToQuotient": "900",
  "brackets.1.unitPrice": "2,60",
  "brackets.2.upToQuotient": "",
  "brackets.2.unitPrice": "3,90",
  ...fields,
});

describe("regieSchema", () => {
  it("keeps the code in capitals and the PayFiP number optional", () => {
    expect(regieSchema.parse({ ...regie, code: " enf " })).toMatchObject({
      code: "ENF",
      payfipClientNumber: null,
      dueDays: 20,
      treasuryDelayDays: 30,
    });
    expect(regieSchema.parse({ ...regie, payfipClientNumber: "012 345" }).payfipClientNumber).toBe("012345");
  });

  it("refuses a code of 1 or 9 letters, digits or accents, and a PayFiP number that is not 6 digits", () => {
    const message = "Le code doit compter de 2 à 8 lettres sans accent, par exemple ENF.";
    for (const code of ["E", "ENFANCEJE", "EN1", "ÉTÉ", "EN-F"])
      expect(errors(regieSchema, { ...regie, code })).toEqual({ code: [message] });
    expect(regieSchema.safeParse({ ...regie, code: "ENFANCEJ" }).success).toBe(true);
    for (const payfipClientNumber of ["12345", "1234567", "12a456"])
      expect(errors(regieSchema, { ...regie, payfipClientNumber })).toEqual({
        payfipClientNumber: ["Le numéro client PayFiP compte 6 chiffres, par exemple 012345."],
      });
  });

  it("takes PayFiP's mode and service address: the DGFiP's https address or a path of the portal (its simulator)", () => {
    expect(regieSchema.parse(regie)).toMatchObject({
      payfipMode: "T",
      payfipServiceUrl: "https://www.payfip.gouv.fr/tpa",
    });
    expect(regieSchema.parse({ ...regie, payfipMode: "W" }).payfipMode).toBe("W");
    // A trailing "/" is dropped: the service's own paths are appended to the address.
    expect(regieSchema.parse({ ...regie, payfipServiceUrl: " https://payfip.example.fr/tpa/ " }).payfipServiceUrl).toBe(
      "https://payfip.example.fr/tpa",
    );
    expect(regieSchema.parse({ ...regie, payfipServiceUrl: "/simulateur-payfip/tpa/" }).payfipServiceUrl).toBe(
      "/simulateur-payfip/tpa",
    );
  });

  it("refuses another mode, and an address that is not https, carries a query or credentials, or leaves the portal", () => {
    for (const payfipMode of ["", "P", "t", "Production"])
      expect(errors(regieSchema, { ...regie, payfipMode })).toEqual({ payfipMode: ["Choisissez le mode PayFiP."] });
    expect(errors(regieSchema, { ...regie, payfipServiceUrl: " " })).toEqual({
      payfipServiceUrl: ["L'adresse du service PayFiP est obligatoire."],
    });
    const message =
      "L'adresse du service PayFiP doit commencer par https://, par exemple https://www.payfip.gouv.fr/tpa, ou par « / » pour le simulateur du portail (/simulateur-payfip/tpa).";
    for (const payfipServiceUrl of [
      "http://www.payfip.gouv.fr/tpa",
      "www.payfip.gouv.fr/tpa",
      "javascript:alert(1)",
      "https://",
      "https://user:secret@payfip.example.fr/tpa",
      "https://www.payfip.gouv.fr/tpa?numcli=012345",
      "https://www.payfip.gouv.fr/tpa#x",
      "https://www.payfip.gouv.fr/t pa",
      "/",
      "//evil.example/tpa",
      "/simulateur-payfip/../tpa",
      "/simulateur payfip",
      "/\\evil.example",
    ])
      expect(errors(regieSchema, { ...regie, payfipServiceUrl }), payfipServiceUrl).toEqual({
        payfipServiceUrl: [message],
      });
    expect(errors(regieSchema, { ...regie, payfipServiceUrl: `https://payfip.example.fr/${"a".repeat(200)}` })).toEqual(
      {
        payfipServiceUrl: ["L'adresse du service PayFiP ne doit pas dépasser 200 caractères."],
      },
    );
  });

  it("refuses the simulator in production mode, where it would record payments no card made", () => {
    expect(errors(regieSchema, { ...regie, payfipMode: "W", payfipServiceUrl: "/simulateur-payfip/tpa" })).toEqual({
      payfipServiceUrl: [
        "En mode Production, l'adresse est celle du service PayFiP de la DGFiP : le simulateur ne débite aucune carte.",
      ],
    });
    expect(
      regieSchema.safeParse({ ...regie, payfipMode: "X", payfipServiceUrl: "/simulateur-payfip/tpa" }).success,
    ).toBe(true);
  });

  it("bounds the delays", () => {
    expect(errors(regieSchema, { ...regie, dueDays: "91", treasuryDelayDays: "-1" })).toEqual({
      dueDays: ["Le délai de paiement doit être compris entre 0 et 90 jours."],
      treasuryDelayDays: [
        "Le délai avant transmission en trésorerie doit être un nombre entier de jours, entre 0 et 365.",
      ],
    });
    expect(errors(regieSchema, { ...regie, name: " " })).toEqual({ name: ["Le nom de la régie est obligatoire."] });
  });
});

describe("natureSchema and activityNatureSchema", () => {
  it("needs a label and a régie", () => {
    expect(errors(natureSchema, { label: "", regieId: "" })).toEqual({
      label: ["Le libellé de la nature est obligatoire."],
      regieId: ["Choisissez une régie."],
    });
    expect(natureSchema.parse({ label: " Périscolaire ", regieId: REGIE, childcare: "on" })).toEqual({
      label: "Périscolaire",
      regieId: REGIE,
      natureId: undefined,
      childcare: true,
    });
    // An unticked box is absent from the form: not childcare.
    expect(natureSchema.parse({ label: "Restauration scolaire", regieId: REGIE }).childcare).toBe(false);
  });

  it("reads an empty nature as 'not invoiced'", () => {
    expect(activityNatureSchema.parse({ activityId: ACTIVITY, natureId: "" })).toEqual({
      activityId: ACTIVITY,
      natureId: null,
    });
    expect(errors(activityNatureSchema, { activityId: ACTIVITY, natureId: "x" })).toEqual({
      natureId: ["Nature introuvable."],
    });
  });
});

describe("tariffFormSchema", () => {
  it("turns the typed brackets into cents, the last one open-ended", () => {
    expect(tariffFormSchema.parse(tariff())).toEqual({
      activityId: ACTIVITY,
      validFrom: "2026-09-01",
      defaultUnitCents: 470,
      brackets: [
        { upToQuotient: 500, unitCents: 100 },
        { upToQuotient: 900, unitCents: 260 },
        { upToQuotient: null, unitCents: 390 },
      ],
    });
  });

  it("accepts one bracket for everyone (a flat price) and a bracket from QF 0", () => {
    const flat = {
      activityId: ACTIVITY,
      validFrom: "2026-09-01",
      defaultUnitPrice: "2",
      "brackets.0.unitPrice": "2",
    };
    expect(tariffFormSchema.parse(flat).brackets).toEqual([{ upToQuotient: null, unitCents: 200 }]);
    expect(tariffFormSchema.parse(tariff({ "brackets.0.upToQuotient": "0" })).brackets[0]).toEqual({
      upToQuotient: 0,
      unitCents: 100,
    });
  });

  it("refuses brackets that do not increase strictly, next to the field", () => {
    expect(errors(tariffFormSchema, tariff({ "brackets.1.upToQuotient": "500" }))).toEqual({
      "brackets.1.upToQuotient": ["Les tranches doivent être croissantes : saisissez un quotient supérieur à 500."],
    });
    expect(errors(tariffFormSchema, tariff({ "brackets.1.upToQuotient": "499" }))).toEqual({
      "brackets.1.upToQuotient": ["Les tranches doivent être croissantes : saisissez un quotient supérieur à 500."],
    });
  });

  it("needs a limit on every bracket but the last, and none on the last", () => {
    expect(
      errors(tariffFormSchema, tariff({ "brackets.0.upToQuotient": "", "brackets.2.upToQuotient": "1300" })),
    ).toEqual({
      "brackets.0.upToQuotient": ["Indiquez le quotient familial maximal de la tranche."],
      "brackets.2.upToQuotient": ["La dernière tranche s'applique au-delà des autres : laissez son quotient vide."],
    });
    expect(errors(tariffFormSchema, tariff({ "brackets.0.upToQuotient": "5,5" }))).toEqual({
      "brackets.0.upToQuotient": ["Le quotient familial doit être un nombre entier entre 0 et 99999, par exemple 900."],
    });
    expect(errors(tariffFormSchema, tariff({ "brackets.0.upToQuotient": "100000" }))).toEqual({
      "brackets.0.upToQuotient": ["Le quotient familial doit être un nombre entier entre 0 et 99999, par exemple 900."],
    });
  });

  it("puts each wrong price next to its field, in French", () => {
    expect(
      errors(
        tariffFormSchema,
        tariff({
          defaultUnitPrice: "4,705",
          "brackets.0.unitPrice": "-1",
          "brackets.1.unitPrice": "deux",
          "brackets.2.unitPrice": "1000,01",
        }),
      ),
    ).toEqual({
      defaultUnitPrice: [
        "Le prix quand le quotient est inconnu doit avoir au plus deux chiffres après la virgule, par exemple 1,85.",
      ],
      "brackets.0.unitPrice": ["Le prix de la tranche ne peut pas être négatif."],
      "brackets.1.unitPrice": ["Le prix de la tranche doit être un montant en euros, par exemple 1,85."],
      "brackets.2.unitPrice": ["Le prix de la tranche ne doit pas dépasser 1000,00 €."],
    });
  });

  it("needs at least one bracket and at most twelve, and a real start date", () => {
    expect(errors(tariffFormSchema, { activityId: ACTIVITY, validFrom: "2026-09-01", defaultUnitPrice: "1" })).toEqual({
      brackets: ["Ajoutez au moins une tranche."],
    });
    const many = Object.fromEntries(
      Array.from({ length: 13 }, (_, i) => [
        [`brackets.${i}.upToQuotient`, i === 12 ? "" : String((i + 1) * 100)],
        [`brackets.${i}.unitPrice`, "1"],
      ]).flat(),
    );
    expect(errors(tariffFormSchema, { ...tariff(), ...many })).toEqual({ brackets: ["12 tranches au plus."] });
    expect(errors(tariffFormSchema, tariff({ validFrom: "2026-02-30" }))).toEqual({
      validFrom: ["La date de début d'application doit être une date valide (jj/mm/aaaa)."],
    });
  });
});

describe("describeBracket", () => {
  it("prints the brackets as the settings page lists them", () => {
    const brackets = [
      { upToQuotient: 500, unitCents: 100 },
      { upToQuotient: null, unitCents: 200 },
    ];
    expect(describeBracket(brackets[0]!, undefined)).toBe("QF jusqu'à 500");
    expect(describeBracket(brackets[1]!, brackets[0])).toBe("QF au-delà de 500");
    expect(describeBracket({ upToQuotient: null, unitCents: 200 }, undefined)).toBe("Tous quotients");
  });
});
