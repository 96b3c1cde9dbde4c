import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  authorizedAdults,
  bankAccounts,
  childAuthorizations,
  childHealth,
  childPhotos,
  children,
  childVaccinations,
  guardianPreferences,
  guardians,
  households,
  requests,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { maskIban } from "@/lib/validation/iban";
import type { Vaccination } from "./fields";
import {
  type AuthorizedAdultValues,
  authorizedAdultValues,
  bankValues,
  type ChildValues,
  childValues,
  type GuardianValues,
  guardianValues,
  type HouseholdScope,
  vaccinationValues,
} from "./records";

/**
 * A household's file for the Dossier famille screens (family) and the household page (agents): validated values
 * plus, per record, the pending change request if there is one, so a screen can show each field's validated value
 * and highlight its proposed one in yellow (see fieldView()).
 */

export interface PendingChange {
  requestId: string;
  reference: string;
  createdAt: Date;
  /** Proposed values of the changed fields only (an IBAN masked). */
  values: Record<string, unknown>;
}

export interface FileRecord<V> {
  values: V;
  pending: PendingChange | null;
}

export type FieldView<T> =
  | { value: T; pending: false }
  | { value: T; pending: true; pendingValue: unknown; reference: string };

/** One field as a screen shows it: its validated value and, if a change is pending, the proposed one. */
export function fieldView<V extends object, K extends keyof V & string>(
  record: FileRecord<V>,
  key: K,
): FieldView<V[K]> {
  const value = record.values[key];
  if (record.pending && Object.hasOwn(record.pending.values, key)) {
    return { value, pending: true, pendingValue: record.pending.values[key], reference: record.pending.reference };
  }
  return { value, pending: false };
}

/** What screens get instead of the bank row: the IBAN only masked. */
export interface BankView {
  directDebit: boolean;
  ibanMasked: string | null;
  bic: string | null;
  holderName: string | null;
}

export interface FamilyFile {
  household: { id: string; name: string; subscriberCode: string; familyQuotient: number | null; updatedAt: Date };
  guardians: (FileRecord<GuardianValues> & { id: string; rank: number })[];
  bank: FileRecord<BankView>;
  children: (FileRecord<ChildValues> & {
    id: string;
    school: string | null;
    schoolClass: string | null;
    photo: { mimeType: string; sizeBytes: number; updatedAt: Date } | null;
    vaccinations: FileRecord<{ vaccinations: Vaccination[] }>;
    authorizedAdults: (FileRecord<AuthorizedAdultValues> & { id: string; pendingRemoval: PendingChange | null })[];
    /** "Ajout individu autorisation" requests not processed yet: shown highlighted, as new rows. */
    pendingAdditions: PendingChange[];
  })[];
}

export type FamilyFileViewer = { kind: "family"; userId: string } | { kind: "agent"; userId: string };

function pendingOf(row: {
  id: string;
  reference: string;
  createdAt: Date;
  payload: Record<string, unknown>;
}): PendingChange {
  const values = { ...row.payload };
  if (typeof values.iban === "string") values.iban = maskIban(values.iban);
  return { requestId: row.id, reference: row.reference, createdAt: row.createdAt, values };
}

/**
 * The file of one household of this commune, or null. An agent's read of the children's health data is written
 * to the audit trail (who, when, which household).
 */
export async function readFamilyFile(
  db: Db,
  params: HouseholdScope & { viewer: FamilyFileViewer },
): Promise<FamilyFile | null> {
  const { communeId, householdId } = params;
  const [household] = await db
    .select({
      id: households.id,
      name: households.name,
      subscriberCode: households.subscriberCode,
      familyQuotient: households.familyQuotient,
      updatedAt: households.updatedAt,
    })
    .from(households)
    .where(and(eq(households.id, householdId), eq(households.communeId, communeId)));
  if (!household) return null;

  const owned = (t: { communeId: AnyPgColumn; householdId: AnyPgColumn }) =>
    and(eq(t.communeId, communeId), eq(t.householdId, householdId));
  const [guardianRows, bankRows, childRows, vaccinationRows, adultRows, photoRows, pendingRows] = await Promise.all([
    db
      .select({ guardian: guardians, preferences: guardianPreferences })
      .from(guardians)
      .leftJoin(
        guardianPreferences,
        and(eq(guardianPreferences.guardianId, guardians.id), eq(guardianPreferences.communeId, communeId)),
      )
      .where(owned(guardians))
      .orderBy(asc(guardians.rank)),
    db
      .select()
      .from(bankAccounts)
      .where(and(eq(bankAccounts.householdId, householdId), eq(bankAccounts.communeId, communeId))),
    db
      .select({ child: children, authorizations: childAuthorizations, health: childHealth })
      .from(children)
      .leftJoin(
        childAuthorizations,
        and(eq(childAuthorizations.childId, children.id), eq(childAuthorizations.communeId, communeId)),
      )
      .leftJoin(childHealth, and(eq(childHealth.childId, children.id), eq(childHealth.communeId, communeId)))
      .where(owned(children))
      .orderBy(asc(children.birthDate)),
    db.select().from(childVaccinations).where(owned(childVaccinations)).orderBy(asc(childVaccinations.vaccinatedOn)),
    db.select().from(authorizedAdults).where(owned(authorizedAdults)).orderBy(asc(authorizedAdults.createdAt)),
    // Only the photo's metadata: the bytes are served by their own route.
    db
      .select({
        childId: childPhotos.childId,
        mimeType: childPhotos.mimeType,
        sizeBytes: childPhotos.sizeBytes,
        updatedAt: childPhotos.updatedAt,
      })
      .from(childPhotos)
      .where(owned(childPhotos)),
    db
      .select({
        id: requests.id,
        reference: requests.reference,
        createdAt: requests.createdAt,
        payload: requests.payload,
        type: requests.type,
        targetId: requests.targetId,
      })
      .from(requests)
      .where(and(owned(requests), eq(requests.status, "pending"))),
  ]);

  const pendingFor = (type: string, targetId: string) => {
    const row = pendingRows.find((r) => r.type === type && r.targetId === targetId);
    return row ? pendingOf(row) : null;
  };
  const bank = bankValues(bankRows[0] ?? null);

  const file: FamilyFile = {
    household,
    guardians: guardianRows.map(({ guardian, preferences }) => ({
      id: guardian.id,
      rank: guardian.rank,
      values: guardianValues(guardian, preferences),
      pending: pendingFor("guardian.update", guardian.id),
    })),
    bank: {
      values: {
        directDebit: bank.directDebit,
        ibanMasked: bank.iban ? maskIban(bank.iban) : null,
        bic: bank.bic,
        holderName: bank.holderName,
      },
      pending: (() => {
        const pending = pendingFor("bank.update", householdId);
        if (pending && Object.hasOwn(pending.values, "iban")) {
          // Keyed like BankView so fieldView(bank, "ibanMasked") highlights it.
          const { iban, ...rest } = pending.values;
          return { ...pending, values: { ...rest, ibanMasked: iban } };
        }
        return pending;
      })(),
    },
    children: childRows.map(({ child, authorizations, health }) => ({
      id: child.id,
      school: child.school,
      schoolClass: child.schoolClass,
      values: childValues(child, authorizations, health),
      pending: pendingFor("child.update", child.id),
      photo: photoRows.find((p) => p.childId === child.id) ?? null,
      vaccinations: {
        values: { vaccinations: vaccinationValues(vaccinationRows.filter((v) => v.childId === child.id)) },
        pending: pendingFor("vaccinations.update", child.id),
      },
      authorizedAdults: adultRows
        .filter((a) => a.childId === child.id)
        .map((adult) => ({
          id: adult.id,
          values: authorizedAdultValues(adult),
          pending: pendingFor("authorized_adult.update", adult.id),
          pendingRemoval: pendingFor("authorized_adult.remove", adult.id),
        })),
      pendingAdditions: pendingRows
        .filter((r) => r.type === "authorized_adult.add" && r.payload.childId === child.id)
        .map(pendingOf),
    })),
  };

  if (params.viewer.kind === "agent" && childRows.length > 0) {
    await recordAudit(db, {
      communeId,
      actorUserId: params.viewer.userId,
      action: "child.health_read",
      targetType: "household",
      targetId: householdId,
      details: { childIds: childRows.map((c) => c.child.id) },
    });
  }
  return file;
}
