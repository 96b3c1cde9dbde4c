import { relations, sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { bytea, communeIdColumn, createdAtColumn, updatedAtColumn } from "./columns";
import { children, guardians, householdIdColumn, households } from "./households";

/**
 * The family file beyond identity (households.ts): what the guides' "Dossier famille" screens show.
 * Each part is its own table keyed by its owner, so households.ts stays as it is and a missing row
 * simply means "not filled in yet". Every table carries communeId and householdId so every query can be
 * scoped by both in its WHERE clause, as everywhere else.
 */

const owner = () => ({
  communeId: communeIdColumn(),
  householdId: householdIdColumn(),
});

export const benefitSchemeEnum = pgEnum("benefit_scheme", ["CAF", "MSA"]);

/**
 * A responsable's communication choices and CAF/MSA data. Whether they are the household's allocataire is
 * guardians.is_benefit_recipient (one per household, enforced by a partial unique index on guardians).
 */
export const guardianPreferences = pgTable("guardian_preferences", {
  guardianId: uuid("guardian_id")
    .primaryKey()
    .references(() => guardians.id, { onDelete: "cascade" }),
  ...owner(),
  /** "Mode de communication": accepts e-mails / SMS / letters. */
  acceptsEmail: boolean("accepts_email").notNull().default(true),
  acceptsSms: boolean("accepts_sms").notNull().default(false),
  acceptsPost: boolean("accepts_post").notNull().default(false),
  /** "La facture sera toujours disponible sur le portail, souhaitez-vous la recevoir par courrier ?" */
  invoiceByPost: boolean("invoice_by_post").notNull().default(false),
  /** "Mode de relance de paiement des factures". */
  remindByEmail: boolean("remind_by_email").notNull().default(true),
  remindBySms: boolean("remind_by_sms").notNull().default(false),
  remindByPost: boolean("remind_by_post").notNull().default(false),
  benefitScheme: benefitSchemeEnum("benefit_scheme"),
  allocataireNumber: text("allocataire_number"),
  /** Consent to let the town fetch the quotient familial from the CAF (opt-in: it is personal data). */
  qfFetchConsent: boolean("qf_fetch_consent").notNull().default(false),
  updatedAt: updatedAtColumn(),
});

/**
 * The household's bank account for SEPA direct debit ("info bancaire principal").
 * The IBAN is stored compact ("FR76300…") because the treasury export needs it whole; every read for a screen
 * returns maskIban() instead, and decided requests keep only the masked value (see lib/requests/decide.ts).
 */
export const bankAccounts = pgTable("bank_accounts", {
  householdId: uuid("household_id")
    .primaryKey()
    .references(() => households.id, { onDelete: "cascade" }),
  communeId: communeIdColumn(),
  /** "Indiquez si vous souhaitez être en prélèvement ou non". */
  directDebit: boolean("direct_debit").notNull().default(false),
  iban: text("iban"),
  bic: text("bic"),
  holderName: text("holder_name"),
  updatedAt: updatedAtColumn(),
});

/** A child's authorizations ("Autorisations" and "Données complémentaires"). */
export const childAuthorizations = pgTable("child_authorizations", {
  childId: uuid("child_id")
    .primaryKey()
    .references(() => children.id, { onDelete: "cascade" }),
  ...owner(),
  photo: boolean("photo").notNull().default(false),
  leaveAlone: boolean("leave_alone").notNull().default(false),
  hospitalisation: boolean("hospitalisation").notNull().default(false),
  /** Outings with municipal staff (library, park, leisure-centre trips). */
  outingsWithStaff: boolean("outings_with_staff").notNull().default(false),
  updatedAt: updatedAtColumn(),
});

/**
 * A child's health data ("Données sanitaires"). Sensitive: agents' reads are written to the audit trail.
 * Food practices are codes from FOOD_PRACTICES (lib/family-file/fields.ts): dietary, never religious categories.
 */
export const childHealth = pgTable("child_health", {
  childId: uuid("child_id")
    .primaryKey()
    .references(() => children.id, { onDelete: "cascade" }),
  ...owner(),
  foodPractices: text("food_practices").array().notNull().default(sql`'{}'::text[]`),
  allergies: text("allergies"),
  /** Projet d'accueil individualisé. */
  hasPai: boolean("has_pai").notNull().default(false),
  paiDetails: text("pai_details"),
  doctorName: text("doctor_name"),
  doctorPhone: text("doctor_phone"),
  updatedAt: updatedAtColumn(),
});

/** One vaccine injection: a row each, so "Modification des vaccins" replaces the child's set as a whole. */
export const childVaccinations = pgTable(
  "child_vaccinations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...owner(),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    vaccinatedOn: date("vaccinated_on").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("child_vaccinations_child_idx").on(t.childId, t.vaccinatedOn)],
);

/**
 * A child's photo, stored as bytes in the database: deployments have no durable disk (serverless) and the
 * embedded PGlite has no object store, the photo is small once resized (capped by the check below), it is
 * scoped, backed up and deleted (cascade) exactly like the rest of the file, and it is never public:
 * it is served by a route that checks the viewer's household or commune.
 */
export const childPhotos = pgTable(
  "child_photos",
  {
    childId: uuid("child_id")
      .primaryKey()
      .references(() => children.id, { onDelete: "cascade" }),
    ...owner(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    data: bytea("data").notNull(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    check("child_photos_mime_ck", sql`${t.mimeType} in ('image/jpeg', 'image/png', 'image/webp')`),
    check("child_photos_size_ck", sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 1048576`),
  ],
);

/** "Personnes habilitées": adults who may pick the child up and/or be called in an emergency. */
export const authorizedAdults = pgTable(
  "authorized_adults",
  {
    /** For a pending "Ajout individu autorisation" the request's target id is this future id. */
    id: uuid("id").primaryKey().defaultRandom(),
    ...owner(),
    childId: uuid("child_id")
      .notNull()
      .references(() => children.id, { onDelete: "cascade" }),
    lastName: text("last_name").notNull(),
    firstName: text("first_name").notNull(),
    /** Link to the child: "Grand-mère", "Voisin"… */
    relationship: text("relationship").notNull(),
    phone: text("phone"),
    mobilePhone: text("mobile_phone"),
    mayPickUp: boolean("may_pick_up").notNull().default(true),
    emergencyContact: boolean("emergency_contact").notNull().default(false),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index("authorized_adults_child_idx").on(t.childId)],
);

export const guardianPreferencesRelations = relations(guardianPreferences, ({ one }) => ({
  guardian: one(guardians, { fields: [guardianPreferences.guardianId], references: [guardians.id] }),
}));

export const bankAccountsRelations = relations(bankAccounts, ({ one }) => ({
  household: one(households, { fields: [bankAccounts.householdId], references: [households.id] }),
}));

export const childAuthorizationsRelations = relations(childAuthorizations, ({ one }) => ({
  child: one(children, { fields: [childAuthorizations.childId], references: [children.id] }),
}));

export const childHealthRelations = relations(childHealth, ({ one }) => ({
  child: one(children, { fields: [childHealth.childId], references: [children.id] }),
}));

export const childVaccinationsRelations = relations(childVaccinations, ({ one }) => ({
  child: one(children, { fields: [childVaccinations.childId], references: [children.id] }),
}));

export const childPhotosRelations = relations(childPhotos, ({ one }) => ({
  child: one(children, { fields: [childPhotos.childId], references: [children.id] }),
}));

export const authorizedAdultsRelations = relations(authorizedAdults, ({ one }) => ({
  child: one(children, { fields: [authorizedAdults.childId], references: [children.id] }),
}));

export type GuardianPreferences = typeof guardianPreferences.$inferSelect;
export type BankAccount = typeof bankAccounts.$inferSelect;
export type ChildAuthorizations = typeof childAuthorizations.$inferSelect;
export type ChildHealth = typeof childHealth.$inferSelect;
export type ChildVaccination = typeof childVaccinations.$inferSelect;
export type ChildPhoto = typeof childPhotos.$inferSelect;
export type AuthorizedAdult = typeof authorizedAdults.$inferSelect;
export type BenefitScheme = (typeof benefitSchemeEnum.enumValues)[number];
