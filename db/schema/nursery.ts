import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { communeIdColumn, createdAtColumn, updatedAtColumn } from "./columns";
import { communes } from "./communes";
import { children, householdIdColumn, households } from "./households";
import { activities } from "./planning";
import { requests } from "./requests";
import { users } from "./users";

/*
 * Pré-inscription en crèche: the commune's structures (with their places per age group), the families'
 * applications, and the commission's decisions on them. An application is also a request ("nursery.application")
 * so that Mes demandes and the history show it like any other.
 */

export const nurseryKindEnum = pgEnum("nursery_kind", ["multi_accueil", "creche_familiale", "micro_creche"]);

/** Sections of a crèche by the child's age at the start date (lib/nursery/age-groups.ts). */
export const nurseryAgeGroupEnum = pgEnum("nursery_age_group", ["bebes", "moyens", "grands"]);

export const nurseryStructures = pgTable(
  "nursery_structures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    /** "Multi-accueil Les Petits Loups". */
    name: text("name").notNull(),
    kind: nurseryKindEnum("kind").notNull(),
    address: text("address"),
    /** The planning activity a child enrolled here appears under (created with the structure). */
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "restrict" }),
    active: boolean("active").notNull().default(true),
    position: integer("position").notNull().default(0),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [uniqueIndex("nursery_structures_commune_name_uq").on(t.communeId, t.name)],
);

/**
 * Places the commission may give per structure and age group: an offer still open and an accepted place each
 * hold one. The offer transaction locks this row, so two agents cannot give the last place twice.
 */
export const nurseryCapacities = pgTable(
  "nursery_capacities",
  {
    communeId: communeIdColumn(),
    structureId: uuid("structure_id")
      .notNull()
      .references(() => nurseryStructures.id, { onDelete: "cascade" }),
    ageGroup: nurseryAgeGroupEnum("age_group").notNull(),
    places: integer("places").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.structureId, t.ageGroup] }),
    check("nursery_capacities_places_ck", sql`${t.places} >= 0`),
  ],
);

/** Per commune: how long a family has to answer an offer, how often an application must be confirmed. */
export const nurserySettings = pgTable(
  "nursery_settings",
  {
    communeId: communeIdColumn().primaryKey(),
    offerResponseDays: integer("offer_response_days").notNull().default(8),
    confirmationMonths: integer("confirmation_months").notNull().default(3),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    check("nursery_settings_offer_days_ck", sql`${t.offerResponseDays} between 1 and 60`),
    check("nursery_settings_confirmation_ck", sql`${t.confirmationMonths} between 1 and 12`),
  ],
);

export const nurseryCareTypeEnum = pgEnum("nursery_care_type", ["regulier", "occasionnel", "urgence"]);

/**
 * submitted: waits for a commission; offered: a place is proposed, the family has until offer_expires_at;
 * waiting_list: ranked; accepted: the family took the place (child enrolled); declined: the family said no;
 * refused: the commission said no; withdrawn: the family withdrew it; lapsed: not confirmed in time.
 * An offer left unanswered goes back to "submitted" (the place returns to the commission).
 */
export const nurseryApplicationStatusEnum = pgEnum("nursery_application_status", [
  "submitted",
  "offered",
  "waiting_list",
  "accepted",
  "declined",
  "refused",
  "withdrawn",
  "lapsed",
]);

/** One weekday of a regular care: ISO weekday (1 = Monday) and Europe/Paris wall-clock times. */
export type NurseryScheduleDay = { weekday: number; start: string; end: string };
/** A responsable's professional situation as the family gave it with the application. */
export type NurseryGuardianSituation = {
  guardianId: string;
  name: string;
  situation: string;
  employer: string | null;
};

export const nurseryApplications = pgTable(
  "nursery_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    householdId: householdIdColumn(),
    /** The request of type "nursery.application" that carries its reference, status and history. */
    requestId: uuid("request_id")
      .notNull()
      .unique()
      .references(() => requests.id, { onDelete: "cascade" }),
    /** A child of the file; null for a child to be born until the family accepts a place. */
    childId: uuid("child_id").references(() => children.id, { onDelete: "set null" }),
    /** For a child to be born: the expected date of birth, then the real one once confirmed. */
    expectedBirthOn: date("expected_birth_on"),
    /** A child to be born's first name, if chosen, and last name (the family's by default). */
    unbornFirstName: text("unborn_first_name"),
    unbornLastName: text("unborn_last_name"),
    guardianSituations: jsonb("guardian_situations").$type<NurseryGuardianSituation[]>().notNull(),
    careType: nurseryCareTypeEnum("care_type").notNull(),
    /** Regular care only: the days and hours wished. */
    schedule: jsonb("schedule").$type<NurseryScheduleDay[]>().notNull().default([]),
    desiredStartOn: date("desired_start_on").notNull(),
    /** Age group at the desired start date, kept for the commission's filters and counts. */
    ageGroup: nurseryAgeGroupEnum("age_group").notNull(),
    /** 1 to 3 structures, in the family's order of preference. */
    wishedStructureIds: uuid("wished_structure_ids").array().notNull(),
    comment: text("comment"),
    status: nurseryApplicationStatusEnum("status").notNull().default("submitted"),
    /** Sent or last confirmed by the family: the next confirmation is due some months after. */
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }).notNull(),
    /** The confirmation reminder of the current period was mailed (reset by each confirmation). */
    confirmationReminderSentAt: timestamp("confirmation_reminder_sent_at", { withTimezone: true }),
    /** The commission that decided last. */
    commissionOn: date("commission_on"),
    offeredStructureId: uuid("offered_structure_id").references(() => nurseryStructures.id, {
      onDelete: "restrict",
    }),
    offeredStartOn: date("offered_start_on"),
    offeredSchedule: jsonb("offered_schedule").$type<NurseryScheduleDay[]>(),
    offerExpiresAt: timestamp("offer_expires_at", { withTimezone: true }),
    waitingRank: integer("waiting_rank"),
    /** The commission's reason for a refusal, mailed to the family. */
    refusalReason: text("refusal_reason"),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("nursery_applications_commune_status_idx").on(t.communeId, t.status, t.createdAt),
    index("nursery_applications_household_idx").on(t.householdId),
    index("nursery_applications_offered_idx").on(t.offeredStructureId, t.ageGroup, t.status),
    check("nursery_applications_child_ck", sql`${t.childId} is not null or ${t.expectedBirthOn} is not null`),
    check("nursery_applications_wishes_ck", sql`cardinality(${t.wishedStructureIds}) between 1 and 3`),
    check(
      "nursery_applications_offer_ck",
      sql`${t.status} <> 'offered' or (${t.offeredStructureId} is not null and ${t.offerExpiresAt} is not null)`,
    ),
  ],
);

export const nurseryStructuresRelations = relations(nurseryStructures, ({ one, many }) => ({
  commune: one(communes, { fields: [nurseryStructures.communeId], references: [communes.id] }),
  activity: one(activities, { fields: [nurseryStructures.activityId], references: [activities.id] }),
  capacities: many(nurseryCapacities),
}));

export const nurseryCapacitiesRelations = relations(nurseryCapacities, ({ one }) => ({
  structure: one(nurseryStructures, { fields: [nurseryCapacities.structureId], references: [nurseryStructures.id] }),
}));

export const nurseryApplicationsRelations = relations(nurseryApplications, ({ one }) => ({
  household: one(households, { fields: [nurseryApplications.householdId], references: [households.id] }),
  request: one(requests, { fields: [nurseryApplications.requestId], references: [requests.id] }),
  child: one(children, { fields: [nurseryApplications.childId], references: [children.id] }),
  offeredStructure: one(nurseryStructures, {
    fields: [nurseryApplications.offeredStructureId],
    references: [nurseryStructures.id],
  }),
}));

export type NurseryStructure = typeof nurseryStructures.$inferSelect;
export type NurseryCapacity = typeof nurseryCapacities.$inferSelect;
export type NurserySettings = typeof nurserySettings.$inferSelect;
export type NurseryApplication = typeof nurseryApplications.$inferSelect;
export type NurseryKind = (typeof nurseryKindEnum.enumValues)[number];
export type NurseryAgeGroup = (typeof nurseryAgeGroupEnum.enumValues)[number];
export type NurseryCareType = (typeof nurseryCareTypeEnum.enumValues)[number];
export type NurseryApplicationStatus = (typeof nurseryApplicationStatusEnum.enumValues)[number];
