import type {
  authorizedAdults,
  bankAccounts,
  childAuthorizations,
  childHealth,
  children,
  guardianPreferences,
  guardians,
} from "@/db/schema";
import type { Vaccination } from "@/lib/family-file/fields";
import type { NewFamilyGuardian, NewFamilyPayload, WishedService } from "@/lib/new-family/schemas";
import type { RequestType } from "./types";

/**
 * What accepting a request writes, as data: a pure mapping from (type, target, payload) to table operations,
 * run in order inside the decision's transaction by lib/requests/apply-to-db.ts. Keeping it pure makes the
 * mapping testable and keeps the SQL (and its commune/household scoping) in one place.
 */

type Values<T extends { $inferInsert: object }> = Partial<T["$inferInsert"]>;

export type ApplyOp =
  | { action: "update"; table: "guardians"; id: string; values: Values<typeof guardians> }
  | { action: "update"; table: "children"; id: string; values: Values<typeof children> }
  | { action: "update"; table: "authorizedAdults"; id: string; values: Values<typeof authorizedAdults> }
  /** Another responsable stops being the allocataire before this one becomes it (one per household). */
  | { action: "clearBenefitRecipient"; exceptGuardianId: string }
  | { action: "upsert"; table: "guardianPreferences"; id: string; values: Values<typeof guardianPreferences> }
  | { action: "upsert"; table: "childAuthorizations"; id: string; values: Values<typeof childAuthorizations> }
  | { action: "upsert"; table: "childHealth"; id: string; values: Values<typeof childHealth> }
  /** `id` is the household's: one principal account per household. */
  | { action: "upsert"; table: "bankAccounts"; id: string; values: Values<typeof bankAccounts> }
  | {
      action: "insert";
      table: "authorizedAdults";
      id: string;
      childId: string;
      values: Values<typeof authorizedAdults>;
    }
  | { action: "delete"; table: "authorizedAdults"; id: string }
  | { action: "replaceVaccinations"; childId: string; vaccinations: Vaccination[] }
  /** `id` is the future enrolment's (the request's target). */
  | { action: "enrol"; id: string; childId: string; activityId: string; startsOn: string; endsOn: string };

export interface ApplicableRequest {
  type: string;
  targetId: string;
  householdId: string | null;
  payload: Record<string, unknown>;
}

export class UnsupportedRequestTypeError extends Error {
  constructor(type: string) {
    super(`no apply step for request type "${type}"`);
  }
}

const GUARDIAN_COLUMNS = [
  "civility",
  "lastName",
  "firstName",
  "quality",
  "familySituation",
  "email",
  "phone",
  "mobilePhone",
  "addressLine",
  "postcode",
  "city",
  "country",
  "isPayer",
  "isBenefitRecipient",
] as const;
const GUARDIAN_PREFERENCE_COLUMNS = [
  "benefitScheme",
  "allocataireNumber",
  "qfFetchConsent",
  "acceptsEmail",
  "acceptsSms",
  "acceptsPost",
  "invoiceByPost",
  "remindByEmail",
  "remindBySms",
  "remindByPost",
] as const;
const BANK_COLUMNS = ["directDebit", "iban", "bic", "holderName"] as const;
const CHILD_COLUMNS = ["lastName", "firstName", "birthDate", "sex"] as const;
const CHILD_AUTHORIZATION_COLUMNS = ["photo", "leaveAlone", "hospitalisation", "outingsWithStaff"] as const;
const CHILD_HEALTH_COLUMNS = [
  "foodPractices",
  "allergies",
  "hasPai",
  "paiDetails",
  "doctorName",
  "doctorPhone",
] as const;
const AUTHORIZED_ADULT_COLUMNS = [
  "lastName",
  "firstName",
  "relationship",
  "phone",
  "mobilePhone",
  "mayPickUp",
  "emergencyContact",
] as const;

/** The payload's entries for these columns only (a payload key that is no column is never written). */
function pick<T>(payload: Record<string, unknown>, columns: readonly string[]): Partial<T> {
  return Object.fromEntries(columns.filter((c) => Object.hasOwn(payload, c)).map((c) => [c, payload[c]])) as Partial<T>;
}

const nonEmpty = (values: object) => Object.keys(values).length > 0;

export function planApply(request: ApplicableRequest): ApplyOp[] {
  const { payload, targetId } = request;
  const type = request.type as RequestType;
  switch (type) {
    case "guardian.update": {
      const ops: ApplyOp[] = [];
      const guardian = pick<Values<typeof guardians>>(payload, GUARDIAN_COLUMNS);
      if (guardian.isBenefitRecipient === true)
        ops.push({ action: "clearBenefitRecipient", exceptGuardianId: targetId });
      if (nonEmpty(guardian)) ops.push({ action: "update", table: "guardians", id: targetId, values: guardian });
      const preferences = pick<Values<typeof guardianPreferences>>(payload, GUARDIAN_PREFERENCE_COLUMNS);
      if (nonEmpty(preferences))
        ops.push({ action: "upsert", table: "guardianPreferences", id: targetId, values: preferences });
      return ops;
    }
    case "bank.update": {
      const bank = pick<Values<typeof bankAccounts>>(payload, BANK_COLUMNS);
      return nonEmpty(bank) ? [{ action: "upsert", table: "bankAccounts", id: targetId, values: bank }] : [];
    }
    case "child.update": {
      const ops: ApplyOp[] = [];
      const child = pick<Values<typeof children>>(payload, CHILD_COLUMNS);
      if (nonEmpty(child)) ops.push({ action: "update", table: "children", id: targetId, values: child });
      const authorizations = pick<Values<typeof childAuthorizations>>(payload, CHILD_AUTHORIZATION_COLUMNS);
      if (nonEmpty(authorizations))
        ops.push({ action: "upsert", table: "childAuthorizations", id: targetId, values: authorizations });
      const health = pick<Values<typeof childHealth>>(payload, CHILD_HEALTH_COLUMNS);
      if (nonEmpty(health)) ops.push({ action: "upsert", table: "childHealth", id: targetId, values: health });
      return ops;
    }
    case "vaccinations.update":
      return [
        {
          action: "replaceVaccinations",
          childId: targetId,
          vaccinations: (payload.vaccinations as Vaccination[] | undefined) ?? [],
        },
      ];
    case "authorized_adult.add":
      return [
        {
          action: "insert",
          table: "authorizedAdults",
          id: targetId,
          childId: String(payload.childId),
          values: pick<Values<typeof authorizedAdults>>(payload, AUTHORIZED_ADULT_COLUMNS),
        },
      ];
    case "authorized_adult.update": {
      const adult = pick<Values<typeof authorizedAdults>>(payload, AUTHORIZED_ADULT_COLUMNS);
      return nonEmpty(adult) ? [{ action: "update", table: "authorizedAdults", id: targetId, values: adult }] : [];
    }
    case "authorized_adult.remove":
      return [{ action: "delete", table: "authorizedAdults", id: targetId }];
    case "enrolment.create":
      return [
        {
          action: "enrol",
          id: targetId,
          childId: String(payload.childId),
          activityId: String(payload.activityId),
          startsOn: String(payload.startsOn),
          endsOn: String(payload.endsOn),
        },
      ];
    case "household.create":
      // No household to scope ops by yet: accepting it runs planHouseholdCreate / createHouseholdFromRequest.
      throw new UnsupportedRequestTypeError(type);
    default:
      throw new UnsupportedRequestTypeError(request.type);
  }
}

// ---------------------------------------------------------------- household.create (new family)

/** What accepting a new family's pre-registration creates, as data (the code and ids are drawn when written). */
export interface HouseholdCreatePlan {
  /** The household's name as the town files it: responsable 1's last name, upper case. */
  name: string;
  guardians: {
    values: Omit<Values<typeof guardians>, "communeId" | "householdId"> & {
      rank: number;
      civility: "M" | "MME";
      lastName: string;
      firstName: string;
    };
    preferences: Omit<Values<typeof guardianPreferences>, "communeId" | "householdId" | "guardianId">;
  }[];
  children: (Omit<Values<typeof children>, "communeId" | "householdId"> & {
    lastName: string;
    firstName: string;
    birthDate: string;
    sex: "F" | "M";
  })[];
  bank: Omit<Values<typeof bankAccounts>, "communeId" | "householdId"> | null;
  /** Services wished per child (same order as `children`): kept on the request for the activities feature. */
  wishes: WishedService[][];
}

export class InvalidNewFamilyPayloadError extends Error {
  constructor(what: string) {
    super(`household.create payload: ${what}`);
  }
}

const upper = (s: string) => s.trim().toLocaleUpperCase("fr-FR");

export function planHouseholdCreate(payload: Record<string, unknown>): HouseholdCreatePlan {
  const p = payload as Partial<NewFamilyPayload>;
  const family = p.family;
  const finance = p.finance;
  if (!family?.guardian1 || !Array.isArray(family.children) || family.children.length === 0 || !finance) {
    throw new InvalidNewFamilyPayloadError("missing family or finance");
  }
  const list: [1 | 2, NewFamilyGuardian][] = [[1, family.guardian1]];
  if (family.guardian2) list.push([2, family.guardian2]);
  const guardianRows = list.map(([rank, g]) => ({
    values: {
      rank,
      civility: g.civility,
      lastName: upper(g.lastName),
      firstName: g.firstName.trim(),
      quality: g.quality ?? null,
      familySituation: g.familySituation ?? null,
      email: g.email,
      phone: g.phone,
      mobilePhone: g.mobilePhone,
      addressLine: g.addressLine,
      postcode: g.postcode,
      city: g.city,
      // A request sent before the wizard asked for the country: the town's own.
      country: g.country ?? "France",
      isPayer: finance.payer === rank,
      isBenefitRecipient: finance.benefitScheme !== null && finance.allocataire === rank,
    },
    preferences: {
      acceptsEmail: g.acceptsEmail,
      acceptsSms: g.acceptsSms,
      acceptsPost: g.acceptsPost,
      // Absent from a request sent before the wizard asked: the family file's defaults.
      invoiceByPost: g.invoiceByPost ?? false,
      remindByEmail: g.remindByEmail ?? true,
      remindBySms: g.remindBySms ?? false,
      remindByPost: g.remindByPost ?? false,
      ...(finance.benefitScheme !== null && finance.allocataire === rank
        ? { benefitScheme: finance.benefitScheme, allocataireNumber: finance.allocataireNumber }
        : {}),
    },
  }));
  const payer = guardianRows.find((g) => g.values.isPayer) ?? guardianRows[0]!;
  return {
    name: upper(family.guardian1.lastName),
    guardians: guardianRows,
    children: family.children.map((c) => ({
      firstName: c.firstName.trim(),
      lastName: upper(c.lastName),
      birthDate: c.birthDate,
      sex: c.sex,
      school: c.school,
    })),
    bank: finance.directDebit
      ? {
          directDebit: true,
          iban: p.iban ?? null,
          bic: finance.bic,
          holderName: finance.holderName ?? `${payer.values.firstName} ${payer.values.lastName}`,
        }
      : { directDebit: false, iban: null, bic: null, holderName: null },
    wishes: Array.isArray(p.wishes) ? p.wishes : [],
  };
}
