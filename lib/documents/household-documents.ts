import "server-only";
import type { Db } from "@/db/client";
import type { DocumentType } from "@/db/schema";
import type { IsoDay } from "@/lib/planning/days";
import type { DocumentDisplayState } from "./labels";

const SKELETON = "#12 skeleton: implemented by the domain branch";

export interface CurrentDocument {
  id: string;
  state: "pending" | "validated" | "refused";
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  pageCount: number | null;
  expiresOn: string | null;
  refusalReason: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
}

/** One line of the family's list: a type asked of the household (child null) or of one child, with its current document. */
export interface DocumentLine {
  type: Pick<DocumentType, "id" | "code" | "label" | "description" | "audience" | "required" | "isHealth">;
  child: { id: string; firstName: string; lastName: string } | null;
  current: CurrentDocument | null;
  display: DocumentDisplayState;
  /** Required and missing, refused or expired. */
  toProvide: boolean;
}

/**
 * What the town asks of this household: every active "household" type once, every active "child" type for each
 * child, plus the documents handed in with requests (RIB, certificates) that are current. Sorted by type position,
 * household before children. A bounded number of queries (no query per line).
 */
export async function listHouseholdDocuments(
  _db: Db,
  _params: { communeId: string; householdId: string; today: IsoDay },
): Promise<DocumentLine[]> {
  throw new Error(SKELETON);
}

/** "N pièces à fournir": the required lines still to provide (missing, refused or expired). */
export async function countDocumentsToProvide(
  _db: Db,
  _params: { communeId: string; householdId: string; today: IsoDay },
): Promise<number> {
  throw new Error(SKELETON);
}

/** The documents handed in with a request (its "Pièces jointes"), current or replaced, newest first; scoped by commune. */
export async function listRequestDocuments(
  _db: Db,
  _params: { communeId: string; requestId: string },
): Promise<(CurrentDocument & { typeLabel: string; isHealth: boolean })[]> {
  throw new Error(SKELETON);
}
