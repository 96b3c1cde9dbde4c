import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, communeIdColumn, createdAtColumn, updatedAtColumn } from "./columns";
import { communes } from "./communes";
import { children, households } from "./households";
import { requests } from "./requests";
import { users } from "./users";

/*
 * Pièces justificatives: what a commune asks of its families (document types), what they hand in (documents),
 * and the bytes themselves (document_blobs, behind lib/documents/storage so an object store can replace it).
 */

/** Who must provide a type: the household once, each child, or only the family making a given request. */
export const documentAudienceEnum = pgEnum("document_audience", ["household", "child", "request"]);

export const documentTypes = pgTable(
  "document_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    /**
     * Stable per commune. The flows that ask for a document find its type by code ("rib" on a change of bank
     * details and in the new-family wizard, "certificat_medical" with an absence): see lib/documents/codes.ts.
     */
    code: text("code").notNull(),
    /** "Justificatif de domicile", "Attestation CAF / avis d'imposition", "RIB", "PAI"… */
    label: text("label").notNull(),
    /** A line of help for the family ("De moins de 3 mois : facture d'électricité, quittance de loyer…"). */
    description: text("description"),
    audience: documentAudienceEnum("audience").notNull(),
    /** For audience "request": the request type that asks for it (lib/requests/types.ts), e.g. "bank.update". */
    requestType: text("request_type"),
    /**
     * "household"/"child": whether every household (child) must provide it, counted in "N pièces à fournir"; an
     * optional one (a PAI) can still be handed in from the list. "request": whether the request cannot be sent
     * without it (the RIB of a direct debit) or may come with it (a medical certificate with an absence).
     */
    required: boolean("required").notNull().default(true),
    /** How long a validated document stays valid; null: it does not expire. Prefills the agent's expiry date. */
    validityMonths: integer("validity_months"),
    /** Health data (PAI, carnet de vaccination): every staff read of the file is audited. */
    isHealth: boolean("is_health").notNull().default(false),
    /** An inactive type is no longer asked for; the documents already handed in stay. */
    active: boolean("active").notNull().default(true),
    position: integer("position").notNull().default(0),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex("document_types_commune_code_uq").on(t.communeId, t.code),
    check("document_types_request_ck", sql`(${t.audience} = 'request') = (${t.requestType} is not null)`),
    check("document_types_validity_ck", sql`${t.validityMonths} is null or ${t.validityMonths} between 1 and 120`),
  ],
);

/**
 * The review of a handed-in document. "À fournir" is the absence of a current document and "Expirée" a validated
 * one past its expiry date: both are derived (lib/documents/rules.ts), never stored. "replaced": a newer document
 * of the same household, type and child took its place; it is kept until the retention job deletes it.
 */
export const documentStateEnum = pgEnum("document_state", ["pending", "validated", "refused", "replaced"]);

/** The media types the content check lets through (lib/documents/content-check.ts). */
export const DOCUMENT_MEDIA_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    /**
     * Null only for the RIB of a new family's pre-registration (wizard, then request "household.create"), whose
     * household does not exist yet: the document belongs to its uploader (and its request once submitted) until
     * the town creates the household.
     */
    householdId: uuid("household_id").references(() => households.id, { onDelete: "cascade" }),
    /** Set for a child's document (audience "child", and a medical certificate). */
    childId: uuid("child_id").references(() => children.id, { onDelete: "cascade" }),
    typeId: uuid("type_id")
      .notNull()
      .references(() => documentTypes.id, { onDelete: "restrict" }),
    /** The request it was handed in with (the bank-details change for a RIB, the absence for a certificate). */
    requestId: uuid("request_id").references(() => requests.id, { onDelete: "set null" }),
    uploadedByUserId: uuid("uploaded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    state: documentStateEnum("state").notNull().default("pending"),
    /** Where the bytes are, in the document store (lib/documents/storage). */
    storageKey: uuid("storage_key").notNull(),
    /** Built by the portal ("RIB - MARTIN.pdf"), never the uploaded name. */
    fileName: text("file_name").notNull(),
    mediaType: text("media_type", { enum: DOCUMENT_MEDIA_TYPES }).notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    pageCount: integer("page_count"),
    sha256: text("sha256").notNull(),
    /** Set when validated (prefilled from the type's validity); null: no expiry. */
    expiresOn: date("expires_on"),
    reviewedByUserId: uuid("reviewed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    /** The town's reason, shown to the family and mailed: required to refuse. */
    refusalReason: text("refusal_reason"),
    /** The expiry reminder is mailed once per document. */
    expiryReminderSentAt: timestamp("expiry_reminder_sent_at", { withTimezone: true }),
    replacedAt: timestamp("replaced_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    // One current document per household (or uploader, before the household exists), type, child and request:
    // replacing one marks the previous "replaced" in the same transaction; two racing uploads cannot both stay.
    uniqueIndex("documents_one_current_uq")
      .on(
        sql`coalesce(${t.householdId}, ${t.uploadedByUserId})`,
        t.typeId,
        sql`coalesce(${t.childId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
        sql`coalesce(${t.requestId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`${t.state} <> 'replaced'`),
    // The agents' queue: pending documents of a commune, oldest first.
    index("documents_commune_state_created_idx").on(t.communeId, t.state, t.createdAt),
    index("documents_household_idx").on(t.householdId, t.typeId),
    index("documents_request_idx").on(t.requestId),
    // The expiry reminders read the validated documents by expiry date.
    index("documents_expiry_idx").on(t.expiresOn).where(sql`${t.state} = 'validated'`),
    check("documents_size_ck", sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= ${sql.raw(String(DOCUMENT_MAX_BYTES))}`),
    check("documents_refusal_ck", sql`${t.state} <> 'refused' or ${t.refusalReason} is not null`),
    check("documents_reviewed_ck", sql`${t.state} not in ('validated', 'refused') or ${t.reviewedAt} is not null`),
  ],
);

/**
 * The bytes of the documents, in chunks so a download streams them one chunk at a time (bounded memory whatever
 * the file's size), and so PostgreSQL keeps them in TOAST without one 10 MB value per row.
 */
export const documentBlobs = pgTable("document_blobs", {
  key: uuid("key").primaryKey().defaultRandom(),
  communeId: communeIdColumn(),
  sizeBytes: integer("size_bytes").notNull(),
  chunkCount: integer("chunk_count").notNull(),
  createdAt: createdAtColumn(),
});

export const documentBlobChunks = pgTable(
  "document_blob_chunks",
  {
    key: uuid("key")
      .notNull()
      .references(() => documentBlobs.key, { onDelete: "cascade" }),
    /** 0, 1, 2… */
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.seq] })],
);

/** A commune's document settings: how long the documents of a closed household are kept. */
export const documentSettings = pgTable(
  "document_settings",
  {
    communeId: uuid("commune_id")
      .primaryKey()
      .references(() => communes.id, { onDelete: "cascade" }),
    retentionMonths: integer("retention_months").notNull().default(24),
    updatedAt: updatedAtColumn(),
  },
  (t) => [check("document_settings_retention_ck", sql`${t.retentionMonths} between 1 and 120`)],
);

export const documentTypesRelations = relations(documentTypes, ({ one, many }) => ({
  commune: one(communes, { fields: [documentTypes.communeId], references: [communes.id] }),
  documents: many(documents),
}));

export const documentsRelations = relations(documents, ({ one }) => ({
  household: one(households, { fields: [documents.householdId], references: [households.id] }),
  child: one(children, { fields: [documents.childId], references: [children.id] }),
  type: one(documentTypes, { fields: [documents.typeId], references: [documentTypes.id] }),
  request: one(requests, { fields: [documents.requestId], references: [requests.id] }),
}));

export type DocumentAudience = (typeof documentAudienceEnum.enumValues)[number];
export type DocumentState = (typeof documentStateEnum.enumValues)[number];
export type DocumentType = typeof documentTypes.$inferSelect;
export type Document = typeof documents.$inferSelect;
export type DocumentSettings = typeof documentSettings.$inferSelect;
