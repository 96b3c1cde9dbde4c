import { describe, expect, it } from "vitest";
import { bankFields, childFields, guardianFields, vaccinationFields } from "@/lib/family-file/fields";
import { changeSnapshots, diffFields, formatFieldValue } from "./diff";

const guardian = {
  civility: "MME",
  lastName: "MARTIN",
  firstName: "Claire",
  quality: null,
  email: "claire@example.fr",
  mobilePhone: "06 12 34 56 78",
  postcode: "38330",
  isPayer: true,
  acceptsSms: false,
};

describe("diffFields", () => {
  it("lists only the changed fields, with French labels and before/after", () => {
    const changes = diffFields(guardianFields, guardian, {
      ...guardian,
      mobilePhone: "07 11 22 33 44",
      acceptsSms: true,
    });
    expect(changes).toEqual([
      {
        key: "mobilePhone",
        label: "Téléphone portable",
        before: "06 12 34 56 78",
        after: "07 11 22 33 44",
        beforeText: "06 12 34 56 78",
        afterText: "07 11 22 33 44",
      },
      {
        key: "acceptsSms",
        label: "Accepte de recevoir des SMS",
        before: false,
        after: true,
        beforeText: "Non",
        afterText: "Oui",
      },
    ]);
  });

  it("treats null, undefined, empty and blank text as the same empty value", () => {
    expect(diffFields(guardianFields, guardian, { quality: "" })).toEqual([]);
    expect(diffFields(guardianFields, guardian, { quality: "   " })).toEqual([]);
    expect(diffFields(guardianFields, { ...guardian, quality: "" }, { quality: null })).toEqual([]);
  });

  it("ignores whitespace-only changes but sees a value being emptied", () => {
    expect(diffFields(guardianFields, guardian, { firstName: "  Claire ", lastName: "MARTIN\t" })).toEqual([]);
    expect(
      diffFields(
        guardianFields,
        { ...guardian, addressLine: "12 rue des Écoles" },
        { addressLine: "12  rue des  Écoles" },
      ),
    ).toEqual([]);
    expect(diffFields(guardianFields, guardian, { email: "" })).toMatchObject([
      { key: "email", before: "claire@example.fr", after: null, afterText: "Non renseigné" },
    ]);
  });

  it("ignores keys absent from or undefined in the proposal, and keys that are no field", () => {
    expect(diffFields(guardianFields, guardian, { lastName: undefined, personalCode: "HACK" })).toEqual([]);
  });

  it("compares phones whatever their spelling", () => {
    expect(diffFields(guardianFields, guardian, { mobilePhone: "+33 6 12 34 56 78" })).toEqual([]);
    expect(diffFields(guardianFields, guardian, { mobilePhone: "0612345678" })).toEqual([]);
  });

  it("counts false as a value when nothing was validated yet", () => {
    expect(diffFields(guardianFields, {}, { acceptsPost: false })).toMatchObject([
      { key: "acceptsPost", before: null, after: false, beforeText: "Non renseigné" },
    ]);
    expect(diffFields(guardianFields, null, { acceptsPost: true })).toHaveLength(1);
  });

  it("compares tick boxes as sets and labels them", () => {
    const validated = { foodPractices: ["gluten_free", "vegetarian"] };
    expect(diffFields(childFields, validated, { foodPractices: ["vegetarian", "gluten_free", "vegetarian"] })).toEqual(
      [],
    );
    expect(diffFields(childFields, validated, { foodPractices: ["vegetarian"] })).toMatchObject([
      {
        key: "foodPractices",
        beforeText: "Sans gluten, Repas végétarien (sans viande ni poisson)",
        afterText: "Repas végétarien (sans viande ni poisson)",
      },
    ]);
    expect(diffFields(childFields, { foodPractices: null }, { foodPractices: [] })).toEqual([]);
  });

  it("compares vaccinations regardless of order and shows dates in French", () => {
    const validated = {
      vaccinations: [
        { name: "DTP", date: "2020-05-01" },
        { name: "ROR", date: "2019-03-12" },
      ],
    };
    expect(
      diffFields(vaccinationFields, validated, {
        vaccinations: [
          { name: " ROR", date: "2019-03-12" },
          { name: "DTP", date: "2020-05-01" },
        ],
      }),
    ).toEqual([]);
    const [change] = diffFields(vaccinationFields, validated, {
      vaccinations: [...validated.vaccinations, { name: "Hépatite B", date: "2021-01-04" }],
    });
    expect(change?.afterText).toBe("ROR (12/03/2019), DTP (01/05/2020), Hépatite B (04/01/2021)");
  });

  it("never shows an IBAN whole and compares it compact", () => {
    const validated = { iban: "FR7630006000011234567890189" };
    expect(diffFields(bankFields, validated, { iban: "fr76 3000 6000 0112 3456 7890 189" })).toEqual([]);
    const [change] = diffFields(bankFields, validated, { iban: "DE89370400440532013000" });
    expect(change).toMatchObject({ before: "FR7630006000011234567890189", after: "DE89370400440532013000" });
    expect(change?.beforeText).toBe("FR76 •••• •••• •••• •••• •••• 189");
    expect(change?.afterText).toBe("DE89 •••• •••• •••• •••0 00");
  });

  it("formats dates and choices", () => {
    const [birth, sex] = diffFields(
      childFields,
      { birthDate: "2016-09-14", sex: "F" },
      { birthDate: "2016-09-15", sex: "M" },
    );
    expect([birth?.beforeText, birth?.afterText, sex?.afterText]).toEqual(["14/09/2016", "15/09/2016", "Garçon"]);
  });
});

describe("changeSnapshots", () => {
  it("keeps only changed fields in payload and before", () => {
    const changes = diffFields(guardianFields, guardian, { mobilePhone: "07 11 22 33 44", lastName: "MARTIN" });
    expect(changeSnapshots(changes)).toEqual({
      payload: { mobilePhone: "07 11 22 33 44" },
      before: { mobilePhone: "06 12 34 56 78" },
    });
  });
});

describe("formatFieldValue", () => {
  it("shows empty lists in words", () => {
    expect(formatFieldValue(childFields.find((f) => f.key === "foodPractices")!, [])).toBe("Aucune");
    expect(formatFieldValue(vaccinationFields[0]!, null)).toBe("Aucun");
  });
});
