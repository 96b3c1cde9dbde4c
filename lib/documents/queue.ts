import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  children,
  type DocumentState,
  documents,
  documentTypes,
  guardians,
  households,
  requests,
  users,
} from "@/db/schema";
import type { IsoDay } from "@/lib/planning/days";
import { describeChanges } from "@/lib/requests/detail";
import type { FieldChange } from "@/lib/requests/diff";
import { defaultExpiryDate } from "./rules";

export const DOCUMENT_QUEUE_PAGE_SIZE = 25;

export interface QueueRow {
  id: string;
  state: DocumentState;
  typeLabel: string;
  householdId: string | null;
  householdName: string | null;
  childName: string | null;
  createdAt: Date;
  pageCount: number | null;
  mediaType: string;
  requestId: string | null;
}

/** The commune's documents in a state (default pending), oldest first, a page at a time; optional type filter. */
export async function listDocumentQueue(
  db: Db,
  params: { communeId: string; state?: DocumentState; typeId?: string; page: number },
): Promise<{ rows: QueueRow[]; total: number }> {
  const page = Number.isInteger(params.page) && params.page > 1 ? params.page : 1;
  const where = and(
    eq(documents.communeId, params.communeId),
    eq(documents.state, params.state ?? "pending"),
    params.typeId ? eq(documents.typeId, params.typeId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: documents.id,
        state: documents.state,
        typeLabel: documentTypes.label,
        householdId: documents.householdId,
        householdName: households.name,
        childFirstName: children.firstName,
        childLastName: children.lastName,
        createdAt: documents.createdAt,
        pageCount: documents.pageCount,
        mediaType: documents.mediaType,
        requestId: documents.requestId,
      })
      .from(documents)
      .innerJoin(
        documentTypes,
        and(eq(documentTypes.id, documents.typeId), eq(documentTypes.communeId, documents.communeId)),
      )
      .leftJoin(
        households,
        and(eq(households.id, documents.householdId), eq(households.communeId, documents.communeId)),
      )
      .leftJoin(children, and(eq(children.id, documents.childId), eq(children.communeId, documents.communeId)))
      .where(where)
      .orderBy(asc(documents.createdAt), asc(documents.id))
      .limit(DOCUMENT_QUEUE_PAGE_SIZE)
      .offset((page - 1) * DOCUMENT_QUEUE_PAGE_SIZE),
    db.select({ n: count() }).from(documents).where(where),
  ]);
  return {
    rows: rows.map(({ childFirstName, childLastName, ...row }) => ({
      ...row,
      childName: childFirstName ? `${childFirstName} ${childLastName}` : null,
    })),
    total: total?.n ?? 0,
  };
}

/** What the review page shows beside the viewer. */
export interface DocumentForReview {
  id: string;
  state: DocumentState;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  pageCount: number | null;
  createdAt: Date;
  expiresOn: string | null;
  refusalReason: string | null;
  reviewedAt: Date | null;
  reviewerName: string | null;
  type: { id: string; label: string; isHealth: boolean; validityMonths: number | null };
  /** The expiry offered when validating (from the type's validity). */
  defaultExpiresOn: IsoDay | null;
  household: { id: string; name: string; subscriberCode: string | null; address: string | null } | null;
  child: { id: string; firstName: string; lastName: string } | null;
  /** The request it came with, and its changes (the IBAN diff of a bank-details change). */
  request: { id: string; reference: string; type: string; status: string; changes: FieldChange[] } | null;
  uploaderName: string | null;
}

const reviewer = alias(users, "reviewer");
const uploader = alias(users, "uploader");

/** The document of this id in this commune, or null. */
export async function findDocumentForReview(
  db: Db,
  params: { communeId: string; documentId: string; today: IsoDay },
): Promise<DocumentForReview | null> {
  const [row] = await db
    .select({
      document: documents,
      type: {
        id: documentTypes.id,
        label: documentTypes.label,
        isHealth: documentTypes.isHealth,
        validityMonths: documentTypes.validityMonths,
      },
      household: { id: households.id, name: households.name, subscriberCode: households.subscriberCode },
      child: { id: children.id, firstName: children.firstName, lastName: children.lastName },
      request: requests,
      reviewerName: sql<string | null>`${reviewer.firstName} || ' ' || ${reviewer.lastName}`,
      uploaderName: sql<string | null>`${uploader.firstName} || ' ' || ${uploader.lastName}`,
      address: sql<
        string | null
      >`nullif(concat_ws(' ', ${guardians.addressLine}, ${guardians.postcode}, ${guardians.city}), '')`,
    })
    .from(documents)
    .innerJoin(
      documentTypes,
      and(eq(documentTypes.id, documents.typeId), eq(documentTypes.communeId, documents.communeId)),
    )
    .leftJoin(households, and(eq(households.id, documents.householdId), eq(households.communeId, documents.communeId)))
    .leftJoin(
      guardians,
      and(
        eq(guardians.householdId, documents.householdId),
        eq(guardians.communeId, documents.communeId),
        eq(guardians.rank, 1),
      ),
    )
    .leftJoin(children, and(eq(children.id, documents.childId), eq(children.communeId, documents.communeId)))
    .leftJoin(requests, and(eq(requests.id, documents.requestId), eq(requests.communeId, documents.communeId)))
    .leftJoin(reviewer, eq(reviewer.id, documents.reviewedByUserId))
    .leftJoin(uploader, eq(uploader.id, documents.uploadedByUserId))
    .where(and(eq(documents.id, params.documentId), eq(documents.communeId, params.communeId)));
  if (!row) return null;
  const d = row.document;
  return {
    id: d.id,
    state: d.state,
    fileName: d.fileName,
    mediaType: d.mediaType,
    sizeBytes: d.sizeBytes,
    pageCount: d.pageCount,
    createdAt: d.createdAt,
    expiresOn: d.expiresOn,
    refusalReason: d.refusalReason,
    reviewedAt: d.reviewedAt,
    reviewerName: row.reviewerName,
    type: row.type,
    defaultExpiresOn: defaultExpiryDate(params.today, row.type.validityMonths),
    household: row.household ? { ...row.household, address: row.address } : null,
    child: row.child,
    request: row.request
      ? {
          id: row.request.id,
          reference: row.request.reference,
          type: row.request.type,
          status: row.request.status,
          changes: describeChanges(row.request),
        }
      : null,
    uploaderName: row.uploaderName,
  };
}
