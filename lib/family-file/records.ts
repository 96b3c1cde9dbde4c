import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type AuthorizedAdult,
  authorizedAdults,
  type BankAccount,
  bankAccounts,
  type Child,
  type ChildAuthorizations,
  type ChildHealth,
  type ChildVaccination,
  childAuthorizations,
  childHealth,
  children,
  childVaccinations,
  type Guardian,
  type GuardianPreferences,
  guardianPreferences,
  guardians,
} from "@/db/schema";
import type { Vaccination } from "./fields";

/**
 * Each changeable part of the family file as one flat record of validated values, keyed like the request
 * payloads (lib/family-file/fields.ts). A part not filled in yet reads as the columns' defaults, so that
 * re-submitting an untouched form is no change.
 */

export interface HouseholdScope {
  communeId: string;
  householdId: string;
}

export const GUARDIAN_PREFERENCE_DEFAULTS = {
  acceptsEmail: true,
  acceptsSms: false,
  acceptsPost: false,
  invoiceByPost: false,
  remindByEmail: true,
  remindBySms: false,
  remindByPost: false,
  benefitScheme: null,
  allocataireNumber: null,
  qfFetchConsent: false,
} as const;

export const CHILD_AUTHORIZATION_DEFAULTS = {
  photo: false,
  leaveAlone: false,
  hospitalisation: false,
  outingsWithStaff: false,
} as const;
export const CHILD_HEALTH_DEFAULTS = {
  foodPractices: [] as string[],
  allergies: null,
  hasPai: false,
  paiDetails: null,
  doctorName: null,
  doctorPhone: null,
};
export const BANK_DEFAULTS = { directDebit: false, iban: null, bic: null, holderName: null } as const;

export function guardianValues(guardian: Guardian, preferences: GuardianPreferences | null) {
  const p = preferences ?? GUARDIAN_PREFERENCE_DEFAULTS;
  return {
    civility: guardian.civility,
    lastName: guardian.lastName,
    firstName: guardian.firstName,
    quality: guardian.quality,
    familySituation: guardian.familySituation,
    email: guardian.email,
    phone: guardian.phone,
    mobilePhone: guardian.mobilePhone,
    addressLine: guardian.addressLine,
    postcode: guardian.postcode,
    city: guardian.city,
    country: guardian.country,
    isPayer: guardian.isPayer,
    isBenefitRecipient: guardian.isBenefitRecipient,
    benefitScheme: p.benefitScheme,
    allocataireNumber: p.allocataireNumber,
    qfFetchConsent: p.qfFetchConsent,
    acceptsEmail: p.acceptsEmail,
    acceptsSms: p.acceptsSms,
    acceptsPost: p.acceptsPost,
    invoiceByPost: p.invoiceByPost,
    remindByEmail: p.remindByEmail,
    remindBySms: p.remindBySms,
    remindByPost: p.remindByPost,
  };
}
export type GuardianValues = ReturnType<typeof guardianValues>;

/** Holds the whole IBAN: for the change diff and the direct-debit export only, never for a screen (use maskIban). */
export function bankValues(bank: BankAccount | null) {
  const b = bank ?? BANK_DEFAULTS;
  return { directDebit: b.directDebit, iban: b.iban, bic: b.bic, holderName: b.holderName };
}
export type BankValues = ReturnType<typeof bankValues>;

export function childValues(child: Child, authorizations: ChildAuthorizations | null, health: ChildHealth | null) {
  const a = authorizations ?? CHILD_AUTHORIZATION_DEFAULTS;
  const h = health ?? CHILD_HEALTH_DEFAULTS;
  return {
    lastName: child.lastName,
    firstName: child.firstName,
    birthDate: child.birthDate,
    sex: child.sex,
    photo: a.photo,
    leaveAlone: a.leaveAlone,
    hospitalisation: a.hospitalisation,
    outingsWithStaff: a.outingsWithStaff,
    foodPractices: h.foodPractices,
    allergies: h.allergies,
    hasPai: h.hasPai,
    paiDetails: h.paiDetails,
    doctorName: h.doctorName,
    doctorPhone: h.doctorPhone,
  };
}
export type ChildValues = ReturnType<typeof childValues>;

export function vaccinationValues(rows: readonly ChildVaccination[]): Vaccination[] {
  return rows.map((r) => ({ name: r.name, date: r.vaccinatedOn }));
}

export function authorizedAdultValues(adult: AuthorizedAdult) {
  return {
    lastName: adult.lastName,
    firstName: adult.firstName,
    relationship: adult.relationship,
    phone: adult.phone,
    mobilePhone: adult.mobilePhone,
    mayPickUp: adult.mayPickUp,
    emergencyContact: adult.emergencyContact,
  };
}
export type AuthorizedAdultValues = ReturnType<typeof authorizedAdultValues>;

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** A record of this household with its validated values and a subject for request lists; null if not of this household. */
export async function loadGuardianRecord(db: Db, scope: HouseholdScope, guardianId: string) {
  const [row] = await db
    .select({ guardian: guardians, preferences: guardianPreferences })
    .from(guardians)
    .leftJoin(
      guardianPreferences,
      and(eq(guardianPreferences.guardianId, guardians.id), eq(guardianPreferences.communeId, scope.communeId)),
    )
    .where(
      and(
        eq(guardians.id, guardianId),
        eq(guardians.householdId, scope.householdId),
        eq(guardians.communeId, scope.communeId),
      ),
    );
  return row
    ? {
        values: guardianValues(row.guardian, row.preferences) as Record<string, unknown>,
        subject: fullName(row.guardian),
      }
    : null;
}

export async function loadBankRecord(db: Db, scope: HouseholdScope) {
  const [row] = await db
    .select()
    .from(bankAccounts)
    .where(and(eq(bankAccounts.householdId, scope.householdId), eq(bankAccounts.communeId, scope.communeId)));
  return { values: bankValues(row ?? null) as Record<string, unknown>, subject: "Compte bancaire principal" };
}

export async function loadChild(db: Db, scope: HouseholdScope, childId: string) {
  const [child] = await db
    .select()
    .from(children)
    .where(
      and(
        eq(children.id, childId),
        eq(children.householdId, scope.householdId),
        eq(children.communeId, scope.communeId),
      ),
    );
  return child ?? null;
}

export async function loadChildRecord(db: Db, scope: HouseholdScope, childId: string) {
  const [row] = await db
    .select({ child: children, authorizations: childAuthorizations, health: childHealth })
    .from(children)
    .leftJoin(
      childAuthorizations,
      and(eq(childAuthorizations.childId, children.id), eq(childAuthorizations.communeId, scope.communeId)),
    )
    .leftJoin(childHealth, and(eq(childHealth.childId, children.id), eq(childHealth.communeId, scope.communeId)))
    .where(
      and(
        eq(children.id, childId),
        eq(children.householdId, scope.householdId),
        eq(children.communeId, scope.communeId),
      ),
    );
  return row
    ? {
        values: childValues(row.child, row.authorizations, row.health) as Record<string, unknown>,
        subject: fullName(row.child),
      }
    : null;
}

export async function loadVaccinationRecord(db: Db, scope: HouseholdScope, childId: string) {
  const child = await loadChild(db, scope, childId);
  if (!child) return null;
  const rows = await db
    .select()
    .from(childVaccinations)
    .where(
      and(
        eq(childVaccinations.childId, childId),
        eq(childVaccinations.householdId, scope.householdId),
        eq(childVaccinations.communeId, scope.communeId),
      ),
    )
    .orderBy(asc(childVaccinations.vaccinatedOn));
  return { values: { vaccinations: vaccinationValues(rows) } as Record<string, unknown>, subject: fullName(child) };
}

export async function loadAuthorizedAdultRecord(db: Db, scope: HouseholdScope, adultId: string) {
  const [row] = await db
    .select({ adult: authorizedAdults, child: { firstName: children.firstName } })
    .from(authorizedAdults)
    .innerJoin(children, and(eq(children.id, authorizedAdults.childId), eq(children.communeId, scope.communeId)))
    .where(
      and(
        eq(authorizedAdults.id, adultId),
        eq(authorizedAdults.householdId, scope.householdId),
        eq(authorizedAdults.communeId, scope.communeId),
      ),
    );
  return row
    ? {
        values: authorizedAdultValues(row.adult) as Record<string, unknown>,
        childId: row.adult.childId,
        subject: `${fullName(row.adult)} (pour ${row.child.firstName})`,
      }
    : null;
}
