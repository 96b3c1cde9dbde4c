import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { type DocumentSettings, type DocumentType, documentSettings, documentTypes } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { DEFAULT_DOCUMENT_TYPES } from "./codes";
import type { documentSettingsSchema, documentTypeSchema } from "./schemas";

/*
 * A commune's document types (Paramètres › Pièces justificatives) and its retention setting. Scoped by commune in
 * every WHERE clause.
 */

/** How long a closed household's documents are kept when the commune saved no setting. */
export const DEFAULT_RETENTION_MONTHS = 24;

/** The commune's types by position then label; inactive ones too when asked (the settings screen). */
export async function listDocumentTypes(
  db: Db,
  params: { communeId: string; includeInactive?: boolean },
): Promise<DocumentType[]> {
  return db
    .select()
    .from(documentTypes)
    .where(
      and(
        eq(documentTypes.communeId, params.communeId),
        params.includeInactive ? undefined : eq(documentTypes.active, true),
      ),
    )
    .orderBy(asc(documentTypes.position), asc(documentTypes.label), asc(documentTypes.id));
}

/** The type of this id in this commune, or null. */
export async function findDocumentType(
  db: Db,
  params: { communeId: string; typeId: string },
): Promise<DocumentType | null> {
  const [row] = await db
    .select()
    .from(documentTypes)
    .where(and(eq(documentTypes.communeId, params.communeId), eq(documentTypes.id, params.typeId)));
  return row ?? null;
}

/** The active type of this code (RIB_CODE, MEDICAL_CERTIFICATE_CODE) in this commune, or null. */
export async function findDocumentTypeByCode(
  db: Db,
  params: { communeId: string; code: string },
): Promise<DocumentType | null> {
  const [row] = await db
    .select()
    .from(documentTypes)
    .where(
      and(
        eq(documentTypes.communeId, params.communeId),
        eq(documentTypes.code, params.code),
        eq(documentTypes.active, true),
      ),
    );
  return row ?? null;
}

/** Adds DEFAULT_DOCUMENT_TYPES missing from the commune (by code); idempotent. Called by the seed and add-commune. */
export async function ensureDefaultDocumentTypes(db: Db, communeId: string): Promise<void> {
  await db
    .insert(documentTypes)
    .values(DEFAULT_DOCUMENT_TYPES.map((type, index) => ({ ...type, communeId, position: (index + 1) * 10 })))
    .onConflictDoNothing({ target: [documentTypes.communeId, documentTypes.code] });
}

export type SaveDocumentTypeResult = { ok: true; id: string } | { ok: false; reason: "not_found" | "duplicate" };

/** "Justificatif de domicile" → "justificatif_de_domicile": the code a new type gets from its label. */
export function codeFromLabel(label: string): string {
  const code = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);
  return code || "piece";
}

/** Creates (no id) or updates a type of the commune; a new type's code is made from its label ("duplicate" when taken). Audited. */
export async function saveDocumentType(
  db: Db,
  params: { communeId: string; agentUserId: string; values: z.output<typeof documentTypeSchema> },
): Promise<SaveDocumentTypeResult> {
  const { id, label, description, audience, requestType, required, isHealth, active, validityMonths } = params.values;
  const fields = {
    label,
    description: description || null,
    audience: audience as DocumentType["audience"],
    requestType: audience === "request" ? requestType || null : null,
    required,
    isHealth,
    active,
    validityMonths,
  };
  return db.transaction(async (tx) => {
    let savedId: string;
    if (id) {
      const [row] = await tx
        .update(documentTypes)
        .set({ ...fields, updatedAt: new Date() })
        .where(and(eq(documentTypes.communeId, params.communeId), eq(documentTypes.id, id)))
        .returning({ id: documentTypes.id });
      if (!row) return { ok: false, reason: "not_found" } as const;
      savedId = row.id;
    } else {
      const code = codeFromLabel(label);
      const [taken] = await tx
        .select({ id: documentTypes.id })
        .from(documentTypes)
        .where(and(eq(documentTypes.communeId, params.communeId), eq(documentTypes.code, code)));
      if (taken) return { ok: false, reason: "duplicate" } as const;
      const [last] = await tx
        .select({ position: documentTypes.position })
        .from(documentTypes)
        .where(eq(documentTypes.communeId, params.communeId))
        .orderBy(desc(documentTypes.position))
        .limit(1);
      const [row] = await tx
        .insert(documentTypes)
        .values({ ...fields, communeId: params.communeId, code, position: (last?.position ?? 0) + 10 })
        .onConflictDoNothing({ target: [documentTypes.communeId, documentTypes.code] })
        .returning({ id: documentTypes.id });
      if (!row) return { ok: false, reason: "duplicate" } as const;
      savedId = row.id;
    }
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.agentUserId,
      action: "document.type_saved",
      targetType: "document_type",
      targetId: savedId,
      details: { created: !id, ...fields },
    });
    return { ok: true, id: savedId } as const;
  });
}

/** The commune's settings (defaults when none saved). */
export async function readDocumentSettings(
  db: Db,
  params: { communeId: string },
): Promise<Pick<DocumentSettings, "retentionMonths">> {
  const [row] = await db
    .select({ retentionMonths: documentSettings.retentionMonths })
    .from(documentSettings)
    .where(eq(documentSettings.communeId, params.communeId));
  return row ?? { retentionMonths: DEFAULT_RETENTION_MONTHS };
}

export async function saveDocumentSettings(
  db: Db,
  params: { communeId: string; agentUserId: string; values: z.output<typeof documentSettingsSchema> },
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await readDocumentSettings(tx, { communeId: params.communeId });
    await tx
      .insert(documentSettings)
      .values({ communeId: params.communeId, retentionMonths: params.values.retentionMonths })
      .onConflictDoUpdate({
        target: documentSettings.communeId,
        set: { retentionMonths: params.values.retentionMonths, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.agentUserId,
      action: "document.settings_changed",
      targetType: "commune",
      targetId: params.communeId,
      details: { before: before.retentionMonths, after: params.values.retentionMonths },
    });
  });
}
