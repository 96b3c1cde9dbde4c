import "server-only";
import type { Db } from "@/db/client";
import type {
  NurseryAgeGroup,
  NurseryApplicationStatus,
  NurseryCareType,
  NurseryGuardianSituation,
  NurseryScheduleDay,
} from "@/db/schema";
import type { IsoDay } from "@/lib/planning/days";
import type { ConfirmationState } from "./deadlines";

/** One application as the family's page, the agent's file and the mails show it. */
export type NurseryApplicationDetail = {
  id: string;
  requestId: string;
  reference: string;
  householdId: string;
  householdName: string;
  status: NurseryApplicationStatus;
  statusLabel: string;
  child: {
    /** Null for a child to be born (until the family accepts a place). */
    id: string | null;
    /** "Léa MARTIN" or "l'enfant à naître (naissance prévue le 02/05/2027)". */
    name: string;
    /** The birth date, or the expected one. */
    birthOn: IsoDay;
    born: boolean;
  };
  guardianSituations: NurseryGuardianSituation[];
  careType: NurseryCareType;
  careTypeLabel: string;
  schedule: NurseryScheduleDay[];
  desiredStartOn: IsoDay;
  ageGroup: NurseryAgeGroup;
  ageGroupLabel: string;
  /** In the family's order of preference. */
  wishes: { rank: number; structureId: string; name: string }[];
  comment: string | null;
  confirmation: { confirmedAt: Date; dueOn: IsoDay; state: ConfirmationState };
  commissionOn: IsoDay | null;
  offer: {
    structureId: string;
    structureName: string;
    startOn: IsoDay;
    schedule: NurseryScheduleDay[];
    expiresAt: Date;
    /** The last day to answer, inclusive. */
    lastDay: IsoDay;
  } | null;
  waitingRank: number | null;
  refusalReason: string | null;
  createdAt: Date;
};

/**
 * One application of the commune, with `householdId` one of that household only (the family's pages); null
 * otherwise. Two round trips whatever the application.
 */
export async function getNurseryApplication(
  _db: Db,
  _params: { communeId: string; applicationId: string; householdId?: string; now: Date },
): Promise<NurseryApplicationDetail | null> {
  throw new Error("not implemented yet");
}
