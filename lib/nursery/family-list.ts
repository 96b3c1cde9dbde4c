import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  children,
  type NurseryApplicationStatus,
  type NurseryCareType,
  nurseryApplications,
  requests,
} from "@/db/schema";
import type { IsoDay } from "@/lib/planning/days";
import { type ConfirmationState, confirmationStatus } from "./deadlines";
import { applicationChild, applicationRequest } from "./joins";
import { OPEN_STATUSES } from "./labels";
import { nurseryChildName } from "./mails";
import { getNurserySettings } from "./structures";

/** One application of the household, as the Pré-inscription en crèche list shows it. */
export type FamilyNurseryLine = {
  id: string;
  reference: string;
  childName: string;
  status: NurseryApplicationStatus;
  careType: NurseryCareType;
  desiredStartOn: IsoDay;
  createdAt: Date;
  /** While open (submitted, waiting list): the confirmation's due day and state. */
  confirmation: { dueOn: IsoDay; state: ConfirmationState } | null;
};

/** The household's applications, newest first: two queries whatever their number. */
export async function listHouseholdNurseryApplications(
  db: Db,
  params: { communeId: string; householdId: string; now: Date },
): Promise<FamilyNurseryLine[]> {
  const { communeId, householdId } = params;
  const [rows, settings] = await Promise.all([
    db
      .select({
        id: nurseryApplications.id,
        reference: requests.reference,
        status: nurseryApplications.status,
        careType: nurseryApplications.careType,
        desiredStartOn: nurseryApplications.desiredStartOn,
        createdAt: nurseryApplications.createdAt,
        confirmedAt: nurseryApplications.confirmedAt,
        expectedBirthOn: nurseryApplications.expectedBirthOn,
        unbornFirstName: nurseryApplications.unbornFirstName,
        unbornLastName: nurseryApplications.unbornLastName,
        childFirstName: children.firstName,
        childLastName: children.lastName,
      })
      .from(nurseryApplications)
      .innerJoin(requests, applicationRequest)
      .leftJoin(children, applicationChild)
      .where(and(eq(nurseryApplications.communeId, communeId), eq(nurseryApplications.householdId, householdId)))
      .orderBy(desc(nurseryApplications.createdAt), desc(nurseryApplications.id)),
    getNurserySettings(db, { communeId }),
  ]);
  return rows.map((row) => {
    const born = row.childFirstName !== null;
    const open = (OPEN_STATUSES as readonly string[]).includes(row.status);
    return {
      id: row.id,
      reference: row.reference,
      childName: nurseryChildName({
        firstName: born ? row.childFirstName : row.unbornFirstName,
        lastName: born ? row.childLastName : row.unbornLastName,
        expectedBirthOn: row.expectedBirthOn,
        born,
      }),
      status: row.status,
      careType: row.careType,
      desiredStartOn: row.desiredStartOn,
      createdAt: row.createdAt,
      confirmation: open
        ? confirmationStatus({ confirmedAt: row.confirmedAt, months: settings.confirmationMonths, now: params.now })
        : null,
    };
  });
}
