import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { DocumentSettings, DocumentType } from "@/db/schema";
import type { documentSettingsSchema, documentTypeSchema } from "./schemas";

/*
 * A commune's document types (Paramètres › Pièces justificatives) and its retention setting. Scoped by commune in
 * every WHERE clause.
 */

const SKELETON = "#12 skeleton: implemented by the domain branch";

/** The commune's types by position then label; inactive ones too when asked (the settings screen). */
export async function listDocumentTypes(
  _db: Db,
  _params: { communeId: string; includeInactive?: boolean },
): Promise<DocumentType[]> {
  throw new Error(SKELETON);
}

/** The type of this id in this commune, or null. */
export async function findDocumentType(
  _db: Db,
  _params: { communeId: string; typeId: string },
): Promise<DocumentType | null> {
  throw new Error(SKELETON);
}

/** The active type of this code (RIB_CODE, MEDICAL_CERTIFICATE_CODE) in this commune, or null. */
export async function findDocumentTypeByCode(
  _db: Db,
  _params: { communeId: string; code: string },
): Promise<DocumentType | null> {
  throw new Error(SKELETON);
}

/** Adds DEFAULT_DOCUMENT_TYPES missing from the commune (by code); idempotent. Called by the seed and add-commune. */
export async function ensureDefaultDocumentTypes(_db: Db, _communeId: string): Promise<void> {
  throw new Error(SKELETON);
}

export type SaveDocumentTypeResult = { ok: true; id: string } | { ok: false; reason: "not_found" | "duplicate" };

/** Creates (no id) or updates a type of the commune; a new type's code is made from its label ("duplicate" when taken). Audited. */
export async function saveDocumentType(
  _db: Db,
  _params: { communeId: string; agentUserId: string; values: z.output<typeof documentTypeSchema> },
): Promise<SaveDocumentTypeResult> {
  throw new Error(SKELETON);
}

/** The commune's settings (defaults when none saved). */
export async function readDocumentSettings(
  _db: Db,
  _params: { communeId: string },
): Promise<Pick<DocumentSettings, "retentionMonths">> {
  throw new Error(SKELETON);
}

export async function saveDocumentSettings(
  _db: Db,
  _params: { communeId: string; agentUserId: string; values: z.output<typeof documentSettingsSchema> },
): Promise<void> {
  throw new Error(SKELETON);
}
