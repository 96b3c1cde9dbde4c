import "server-only";
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { children, type DocumentState, type DocumentType, documents, documentTypes, requests } from "@/db/schema";
import { preparedPerDatabase } from "@/lib/database/prepared";
import type { IsoDay } from "@/lib/planning/days";
import type { DocumentDisplayState } from "./labels";
import { documentDisplayState, isToProvide } from "./rules";

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
  /** For a document handed in with a request ("Avec vos demandes"): that request. Absent on the other lines. */
  request?: { id: string; reference: string; status: string };
}

const currentColumns = {
  id: documents.id,
  state: documents.state,
  fileName: documents.fileName,
  mediaType: documents.mediaType,
  sizeBytes: documents.sizeBytes,
  pageCount: documents.pageCount,
  expiresOn: documents.expiresOn,
  refusalReason: documents.refusalReason,
  createdAt: documents.createdAt,
  reviewedAt: documents.reviewedAt,
};

const asCurrent = (row: Omit<CurrentDocument, "state"> & { state: DocumentState }): CurrentDocument => ({
  ...row,
  state: row.state as CurrentDocument["state"],
});

// The three reads of the list, built once (lib/database/prepared.ts): Mes demandes and the Dossier famille count
// the documents to provide on every view.
const activeDocumentTypes = preparedPerDatabase((db) =>
  db
    .select()
    .from(documentTypes)
    .where(and(eq(documentTypes.communeId, sql.placeholder("communeId")), eq(documentTypes.active, true)))
    .orderBy(asc(documentTypes.position), asc(documentTypes.label))
    .prepare("active_document_types"),
);

const householdChildren = preparedPerDatabase((db) =>
  db
    .select({ id: children.id, firstName: children.firstName, lastName: children.lastName })
    .from(children)
    .where(
      and(
        eq(children.communeId, sql.placeholder("communeId")),
        eq(children.householdId, sql.placeholder("householdId")),
      ),
    )
    .orderBy(asc(children.birthDate), asc(children.firstName), asc(children.id))
    .prepare("household_children_for_documents"),
);

const householdCurrentDocuments = preparedPerDatabase((db) =>
  db
    .select({
      ...currentColumns,
      typeId: documents.typeId,
      childId: documents.childId,
      request: { id: requests.id, reference: requests.reference, status: requests.status },
    })
    .from(documents)
    .leftJoin(requests, and(eq(requests.id, documents.requestId), eq(requests.communeId, documents.communeId)))
    .where(
      and(
        eq(documents.communeId, sql.placeholder("communeId")),
        eq(documents.householdId, sql.placeholder("householdId")),
        ne(documents.state, "replaced"),
      ),
    )
    .orderBy(desc(documents.createdAt))
    .prepare("household_current_documents"),
);

/**
 * What the town asks of this household: every active "household" type once, every active "child" type for each
 * child, plus the documents handed in with requests (RIB, certificates) that are current. Sorted by type position,
 * household before children. A bounded number of queries (no query per line): three.
 *
 * A request's document counts as to provide only while its request is pending (a refused RIB the family must send
 * again); once the request is decided it is history.
 */
export async function listHouseholdDocuments(
  db: Db,
  params: { communeId: string; householdId: string; today: IsoDay },
): Promise<DocumentLine[]> {
  const { today } = params;
  const scope = { communeId: params.communeId, householdId: params.householdId };
  const [types, kids, currents] = await Promise.all([
    activeDocumentTypes(db).execute(scope),
    householdChildren(db).execute(scope),
    householdCurrentDocuments(db).execute(scope),
  ]);
  const pick = (type: DocumentType): DocumentLine["type"] => ({
    id: type.id,
    code: type.code,
    label: type.label,
    description: type.description,
    audience: type.audience,
    required: type.required,
    isHealth: type.isHealth,
  });
  const line = (
    type: DocumentType,
    child: DocumentLine["child"],
    current: CurrentDocument | null,
    countable: boolean,
  ): DocumentLine => {
    const display = documentDisplayState(current, today);
    return { type: pick(type), child, current, display, toProvide: countable && type.required && isToProvide(display) };
  };
  const lines: DocumentLine[] = [];
  for (const type of types) {
    if (type.audience === "household") {
      const found = currents.find((d) => d.typeId === type.id && !d.childId && !d.request);
      lines.push(line(type, null, found ? asCurrent(found) : null, true));
    } else if (type.audience === "child") {
      for (const kid of kids) {
        const found = currents.find((d) => d.typeId === type.id && d.childId === kid.id && !d.request);
        lines.push(line(type, kid, found ? asCurrent(found) : null, true));
      }
    } else {
      for (const found of currents.filter((d) => d.typeId === type.id && d.request)) {
        const kid = found.childId ? (kids.find((k) => k.id === found.childId) ?? null) : null;
        const request = found.request!;
        lines.push({ ...line(type, kid, asCurrent(found), request.status === "pending"), request });
      }
    }
  }
  return lines;
}

/** "N pièces à fournir": the required lines still to provide (missing, refused or expired). */
export async function countDocumentsToProvide(
  db: Db,
  params: { communeId: string; householdId: string; today: IsoDay },
): Promise<number> {
  return (await listHouseholdDocuments(db, params)).filter((l) => l.toProvide).length;
}

/**
 * The documents handed in with a request (its "Pièces jointes"), current or replaced, newest first; scoped by commune.
 * `state` may be "replaced" here (a RIB sent again with the same request): the one place a replaced document shows.
 */
export async function listRequestDocuments(
  db: Db,
  params: { communeId: string; requestId: string },
): Promise<(Omit<CurrentDocument, "state"> & { state: DocumentState; typeLabel: string; isHealth: boolean })[]> {
  return db
    .select({ ...currentColumns, typeLabel: documentTypes.label, isHealth: documentTypes.isHealth })
    .from(documents)
    .innerJoin(
      documentTypes,
      and(eq(documentTypes.id, documents.typeId), eq(documentTypes.communeId, documents.communeId)),
    )
    .where(and(eq(documents.communeId, params.communeId), eq(documents.requestId, params.requestId)))
    .orderBy(desc(documents.createdAt), desc(documents.id));
}
