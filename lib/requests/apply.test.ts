import { describe, expect, it } from "vitest";
import { InvalidNewFamilyPayloadError, planApply, planHouseholdCreate, UnsupportedRequestTypeError } from "./apply";

const householdId = "00000000-0000-4000-8000-000000000001";
const targetId = "00000000-0000-4000-8000-0000000000aa";
const plan = (type: string, payload: Record<string, unknown>) => planApply({ type, targetId, householdId, payload });

describe("planApply", () => {
  it("splits a guardian change between the guardian row and its preferences", () => {
    expect(plan("guardian.update", { mobilePhone: "07 11 22 33 44", acceptsSms: true, qfFetchConsent: true })).toEqual([
      { action: "update", table: "guardians", id: targetId, values: { mobilePhone: "07 11 22 33 44" } },
      {
        action: "upsert",
        table: "guardianPreferences",
        id: targetId,
        values: { acceptsSms: true, qfFetchConsent: true },
      },
    ]);
  });

  it("clears the other allocataire first when this guardian becomes it", () => {
    expect(plan("guardian.update", { isBenefitRecipient: true })).toEqual([
      { action: "clearBenefitRecipient", exceptGuardianId: targetId },
      { action: "update", table: "guardians", id: targetId, values: { isBenefitRecipient: true } },
    ]);
    expect(plan("guardian.update", { isBenefitRecipient: false })[0]).toMatchObject({ action: "update" });
  });

  it("never writes a payload key that is no family-editable column", () => {
    expect(plan("guardian.update", { personalCode: "X", communeId: "y", householdId: "z" })).toEqual([]);
    expect(plan("child.update", { school: "Autre", householdId: "z" })).toEqual([]);
  });

  it("writes the household's bank account", () => {
    expect(plan("bank.update", { iban: "FR7630006000011234567890189", bic: "BNPAFRPP" })).toEqual([
      {
        action: "upsert",
        table: "bankAccounts",
        id: targetId,
        values: { iban: "FR7630006000011234567890189", bic: "BNPAFRPP" },
      },
    ]);
  });

  it("splits a child change between identity, authorizations and health", () => {
    expect(
      plan("child.update", { firstName: "Léa", photo: false, allergies: "Arachide", foodPractices: ["gluten_free"] }),
    ).toEqual([
      { action: "update", table: "children", id: targetId, values: { firstName: "Léa" } },
      { action: "upsert", table: "childAuthorizations", id: targetId, values: { photo: false } },
      {
        action: "upsert",
        table: "childHealth",
        id: targetId,
        values: { allergies: "Arachide", foodPractices: ["gluten_free"] },
      },
    ]);
  });

  it("replaces the whole vaccination list", () => {
    expect(plan("vaccinations.update", { vaccinations: [{ name: "ROR", date: "2019-03-12" }] })).toEqual([
      { action: "replaceVaccinations", childId: targetId, vaccinations: [{ name: "ROR", date: "2019-03-12" }] },
    ]);
    expect(plan("vaccinations.update", {})).toEqual([
      { action: "replaceVaccinations", childId: targetId, vaccinations: [] },
    ]);
  });

  it("adds, changes and removes authorized adults, the addition under the id the request targets", () => {
    const childId = "00000000-0000-4000-8000-0000000000cc";
    expect(
      plan("authorized_adult.add", {
        childId,
        lastName: "DUPONT",
        firstName: "Jo",
        relationship: "Grand-mère",
        mayPickUp: true,
      }),
    ).toEqual([
      {
        action: "insert",
        table: "authorizedAdults",
        id: targetId,
        childId,
        values: { lastName: "DUPONT", firstName: "Jo", relationship: "Grand-mère", mayPickUp: true },
      },
    ]);
    expect(plan("authorized_adult.update", { mobilePhone: "06 00 00 00 01" })).toEqual([
      { action: "update", table: "authorizedAdults", id: targetId, values: { mobilePhone: "06 00 00 00 01" } },
    ]);
    expect(plan("authorized_adult.remove", {})).toEqual([
      { action: "delete", table: "authorizedAdults", id: targetId },
    ]);
  });

  it("refuses types it cannot apply", () => {
    expect(() => plan("household.create", {})).toThrow(UnsupportedRequestTypeError);
    expect(() => plan("booking.create", {})).toThrow(UnsupportedRequestTypeError);
  });
});

describe("planHouseholdCreate", () => {
  const guardian = (firstName: string) => ({
    civility: "MME" as const,
    lastName: "de la Tour",
    firstName,
    phone: null,
    mobilePhone: "06 12 34 56 78",
    email: null,
    addressLine: null,
    postcode: "38330",
    city: "Saint-Ismier",
    acceptsEmail: true,
    acceptsSms: false,
    acceptsPost: true,
  });
  const payload = (finance: Record<string, unknown>, withSecond = true) => ({
    family: {
      guardian1: guardian("Inès"),
      hasGuardian2: withSecond,
      guardian2: withSecond ? guardian("Paul") : undefined,
      children: [{ firstName: "Léo", lastName: "de la Tour", birthDate: "2018-05-04", sex: "M", school: null }],
    },
    finance: {
      payer: 2,
      benefitScheme: "MSA",
      allocataire: 1,
      allocataireNumber: "A12",
      directDebit: true,
      bic: "AGRIFRPP",
      holderName: null,
      ...finance,
    },
    iban: "FR7630006000011234567890189",
    wishes: [["cantine"]],
  });

  it("names the household after responsable 1 and maps payer, allocataire, bank and children", () => {
    const plan = planHouseholdCreate(payload({}));
    expect(plan.name).toBe("DE LA TOUR");
    expect(plan.guardians.map((g) => [g.values.rank, g.values.isPayer, g.values.isBenefitRecipient])).toEqual([
      [1, false, true],
      [2, true, false],
    ]);
    // A request sent before step 1 asked for them: the family file's defaults.
    expect(plan.guardians[0]!.values).toMatchObject({ quality: null, familySituation: null, country: "France" });
    expect(plan.guardians[0]!.preferences).toEqual({
      acceptsEmail: true,
      acceptsSms: false,
      acceptsPost: true,
      invoiceByPost: false,
      remindByEmail: true,
      remindBySms: false,
      remindByPost: false,
      benefitScheme: "MSA",
      allocataireNumber: "A12",
    });
    expect(plan.guardians[1]!.preferences).not.toHaveProperty("benefitScheme");
    expect(plan.children).toEqual([
      { firstName: "Léo", lastName: "DE LA TOUR", birthDate: "2018-05-04", sex: "M", school: null },
    ]);
    // The holder defaults to the payer.
    expect(plan.bank).toEqual({
      directDebit: true,
      iban: "FR7630006000011234567890189",
      bic: "AGRIFRPP",
      holderName: "Paul DE LA TOUR",
    });
    expect(plan.wishes).toEqual([["cantine"]]);
  });

  it("carries qualité, situation familiale, pays, facture par courrier and the reminder mode", () => {
    const p = payload({});
    const first = {
      ...p.family.guardian1,
      quality: "Mère",
      familySituation: "Pacsée",
      country: "Belgique",
      invoiceByPost: true,
      remindByEmail: false,
      remindBySms: true,
      remindByPost: true,
    };
    const plan = planHouseholdCreate({ ...p, family: { ...p.family, guardian1: first } });
    expect(plan.guardians[0]!.values).toMatchObject({
      quality: "Mère",
      familySituation: "Pacsée",
      country: "Belgique",
    });
    expect(plan.guardians[0]!.preferences).toMatchObject({
      invoiceByPost: true,
      remindByEmail: false,
      remindBySms: true,
      remindByPost: true,
    });
  });

  it("without direct debit nor allocataire, keeps no bank data nor CAF/MSA number", () => {
    const plan = planHouseholdCreate(
      payload(
        { payer: 1, benefitScheme: null, allocataire: null, allocataireNumber: null, directDebit: false, bic: null },
        false,
      ),
    );
    expect(plan.guardians).toHaveLength(1);
    expect(plan.guardians[0]!.values).toMatchObject({ isPayer: true, isBenefitRecipient: false });
    expect(plan.bank).toEqual({ directDebit: false, iban: null, bic: null, holderName: null });
  });

  it("refuses a payload without family or children", () => {
    expect(() => planHouseholdCreate({})).toThrow(InvalidNewFamilyPayloadError);
    expect(() => planHouseholdCreate({ ...payload({}), family: { ...payload({}).family, children: [] } })).toThrow(
      InvalidNewFamilyPayloadError,
    );
  });
});
