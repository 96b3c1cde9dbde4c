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
import { invoiceNatures } from "./billing";
import { communeIdColumn, createdAtColumn, updatedAtColumn } from "./columns";
import { communes } from "./communes";
import { documents } from "./documents";
import { children, householdIdColumn, households } from "./households";
import { mailOutbox } from "./platform";
import { requests } from "./requests";
import { users } from "./users";

/*
 * Planning des activités: what the town runs (activities, closure days), who may come (enrolments) and each
 * child's day at an activity (bookings), with the history of every slot.
 */

export const activityCategoryEnum = pgEnum("activity_category", [
  "periscolaire",
  "restauration",
  "etude",
  "loisirs",
  "petite_enfance",
]);

/** "J-2 avant 10:00" counted in working days (Mon–Fri, public holidays excluded) or in calendar days. */
export const deadlineDaysKindEnum = pgEnum("deadline_days_kind", ["working", "calendar"]);

export const activities = pgTable(
  "activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    /** "1" in "1/Péri MATIN"; empty when the town names the activity alone. */
    code: text("code").notNull().default(""),
    name: text("name").notNull(),
    /** Établissement, e.g. "École Jean Moulin". */
    facility: text("facility").notNull(),
    category: activityCategoryEnum("category").notNull(),
    /** ISO weekdays the activity runs (1 = Monday … 7 = Sunday). */
    weekdays: integer("weekdays").array().notNull(),
    /** "07:30", Europe/Paris wall-clock time. */
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    /** "#1d4ed8": the activity's mark in filters and the agents' screens. */
    color: text("color").notNull(),
    /** Places per day; null when unlimited. */
    capacity: integer("capacity"),
    bookingDeadlineDays: integer("booking_deadline_days").notNull().default(2),
    bookingDeadlineTime: text("booking_deadline_time").notNull().default("10:00"),
    cancellationDeadlineDays: integer("cancellation_deadline_days").notNull().default(2),
    cancellationDeadlineTime: text("cancellation_deadline_time").notNull().default("10:00"),
    deadlineDaysKind: deadlineDaysKindEnum("deadline_days_kind").notNull().default("working"),
    /** When true a late absence is still accepted but billed ("absence facturée"); when false it is refused. */
    lateAbsenceBilled: boolean("late_absence_billed").notNull().default(false),
    /** When true a booking within capacity is accepted at once, without an agent. */
    autoAccept: boolean("auto_accept").notNull().default(false),
    /** Nature de facture of its slots; an activity with none is left out of the invoicing runs (an anomaly). */
    natureId: uuid("nature_id").references(() => invoiceNatures.id, { onDelete: "set null" }),
    archived: boolean("archived").notNull().default(false),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("activities_commune_idx").on(t.communeId),
    check("activities_capacity_ck", sql`${t.capacity} is null or ${t.capacity} >= 0`),
    check("activities_deadline_days_ck", sql`${t.bookingDeadlineDays} >= 0 and ${t.cancellationDeadlineDays} >= 0`),
  ],
);

export const closureKindEnum = pgEnum("closure_kind", ["public_holiday", "school_holiday", "closure"]);

/** A day an activity (or, with no activity, every activity of the commune) does not run. */
export const closureDays = pgTable(
  "closure_days",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "cascade" }),
    date: date("date").notNull(),
    kind: closureKindEnum("kind").notNull(),
    /** "Vacances de la Toussaint", "Armistice"… */
    label: text("label").notNull(),
  },
  (t) => [
    index("closure_days_commune_date_idx").on(t.communeId, t.date),
    uniqueIndex("closure_days_commune_wide_uq").on(t.communeId, t.date).where(sql`${t.activityId} is null`),
    uniqueIndex("closure_days_activity_uq").on(t.activityId, t.date).where(sql`${t.activityId} is not null`),
  ],
);

const childIdColumn = () =>
  uuid("child_id")
    .notNull()
    .references(() => children.id, { onDelete: "cascade" });
const activityIdColumn = () =>
  uuid("activity_id")
    .notNull()
    .references(() => activities.id, { onDelete: "cascade" });

export const enrolmentStatusEnum = pgEnum("enrolment_status", ["active", "waiting"]);

/** Inscription: a child may be booked on an activity between these dates (when active). */
export const enrolments = pgTable(
  "enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    householdId: householdIdColumn(),
    childId: childIdColumn(),
    activityId: activityIdColumn(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    status: enrolmentStatusEnum("status").notNull().default("active"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("enrolments_child_activity_start_uq").on(t.childId, t.activityId, t.startsOn),
    index("enrolments_household_idx").on(t.householdId),
    index("enrolments_activity_idx").on(t.activityId),
    check("enrolments_period_ck", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * The state of one child's day at one activity. No row means "inscrit, non réservé". A cancelled request
 * keeps its row (status "cancelled") so the slot keeps its history and a new request reuses it.
 */
export const bookingStatusEnum = pgEnum("booking_status", [
  "requested",
  "waiting",
  "booked",
  "absence_requested",
  "absent",
  "absent_billed",
  "refused",
  "cancelled",
]);

export const bookings = pgTable(
  "bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    householdId: householdIdColumn(),
    childId: childIdColumn(),
    activityId: activityIdColumn(),
    date: date("date").notNull(),
    status: bookingStatusEnum("status").notNull(),
    /** The request that last acted on this slot (a booking or an absence request). */
    requestId: uuid("request_id").references(() => requests.id, { onDelete: "set null" }),
    /**
     * The medical certificate handed in with the absence: a justified absence, never billed once the town has
     * validated the certificate (lib/billing/slot-billing.ts).
     */
    justificationDocumentId: uuid("justification_document_id").references(() => documents.id, {
      onDelete: "set null",
    }),
    /** Order of the waiting list: first come, first promoted. */
    waitingSince: timestamp("waiting_since", { withTimezone: true }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    // One slot per child, activity and day, whatever the application does: duplicates are impossible.
    uniqueIndex("bookings_child_activity_date_uq").on(t.childId, t.activityId, t.date),
    index("bookings_household_date_idx").on(t.householdId, t.date),
    index("bookings_activity_date_status_idx").on(t.activityId, t.date, t.status),
    index("bookings_request_idx").on(t.requestId),
  ],
);

/**
 * Places held per activity and day (booked, or booked with an absence pending), changed in the same transaction
 * as the bookings themselves: a capacity check reads one row per day instead of counting the day's bookings.
 */
export const activityDayPlaces = pgTable(
  "activity_day_places",
  {
    communeId: communeIdColumn(),
    activityId: activityIdColumn(),
    date: date("date").notNull(),
    taken: integer("taken").notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.date] }), check("activity_day_places_taken_ck", sql`${t.taken} >= 0`)],
);

export const bookingEventKindEnum = pgEnum("booking_event_kind", [
  "booking_requested",
  "absence_requested",
  "cancelled",
  "accepted",
  "waitlisted",
  "promoted",
  "refused",
  "absence_accepted",
  "absence_refused",
]);

/** The history of a slot; town-side events (decisions, promotions) also feed the accusé de traitement digests. */
export const bookingEvents = pgTable(
  "booking_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    householdId: householdIdColumn(),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    requestId: uuid("request_id").references(() => requests.id, { onDelete: "set null" }),
    kind: bookingEventKindEnum("kind").notNull(),
    /** family: the family's act; town: an agent's decision; system: an automatic decision (auto-accept, promotion). */
    side: text("side", { enum: ["family", "town", "system"] }).notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    message: text("message"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("booking_events_booking_idx").on(t.bookingId, t.createdAt),
    // The digest reads the decisions of a time window, across communes.
    index("booking_events_decisions_idx").on(t.createdAt).where(sql`${t.side} <> 'family'`),
  ],
);

/** A household's private iCalendar feed: only the token's SHA-256 is kept; revoking deletes the row. */
export const calendarFeeds = pgTable("calendar_feeds", {
  householdId: uuid("household_id")
    .primaryKey()
    .references(() => households.id, { onDelete: "cascade" }),
  communeId: communeIdColumn(),
  tokenHash: text("token_hash").notNull().unique(),
  /** Who made the link: a password change or "se déconnecter de tous mes appareils" of that account revokes it. */
  createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "cascade" }),
  createdAt: createdAtColumn(),
});

/** A digest window (ending at 13:00 or 18:00 Europe/Paris) the job has finished. */
export const digestRuns = pgTable("digest_runs", {
  windowEnd: timestamp("window_end", { withTimezone: true }).primaryKey(),
  mailCount: integer("mail_count").notNull(),
  completedAt: createdAtColumn(),
});

/** One row per household and window: the primary key makes a second digest mail impossible. */
export const digestDeliveries = pgTable(
  "digest_deliveries",
  {
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    windowEnd: timestamp("window_end", { withTimezone: true }).notNull(),
    mailId: uuid("mail_id").references(() => mailOutbox.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.householdId, t.windowEnd] })],
);

export const activitiesRelations = relations(activities, ({ one, many }) => ({
  commune: one(communes, { fields: [activities.communeId], references: [communes.id] }),
  enrolments: many(enrolments),
  closureDays: many(closureDays),
}));

export const closureDaysRelations = relations(closureDays, ({ one }) => ({
  activity: one(activities, { fields: [closureDays.activityId], references: [activities.id] }),
}));

export const enrolmentsRelations = relations(enrolments, ({ one }) => ({
  child: one(children, { fields: [enrolments.childId], references: [children.id] }),
  activity: one(activities, { fields: [enrolments.activityId], references: [activities.id] }),
  household: one(households, { fields: [enrolments.householdId], references: [households.id] }),
}));

export const bookingsRelations = relations(bookings, ({ one, many }) => ({
  child: one(children, { fields: [bookings.childId], references: [children.id] }),
  activity: one(activities, { fields: [bookings.activityId], references: [activities.id] }),
  request: one(requests, { fields: [bookings.requestId], references: [requests.id] }),
  events: many(bookingEvents),
}));

export const bookingEventsRelations = relations(bookingEvents, ({ one }) => ({
  booking: one(bookings, { fields: [bookingEvents.bookingId], references: [bookings.id] }),
}));

export type Activity = typeof activities.$inferSelect;
export type NewActivity = typeof activities.$inferInsert;
export type ClosureDay = typeof closureDays.$inferSelect;
export type Enrolment = typeof enrolments.$inferSelect;
export type Booking = typeof bookings.$inferSelect;
export type BookingStatus = (typeof bookingStatusEnum.enumValues)[number];
export type BookingEvent = typeof bookingEvents.$inferSelect;
export type BookingEventKind = (typeof bookingEventKindEnum.enumValues)[number];
export type ActivityCategory = (typeof activityCategoryEnum.enumValues)[number];
export type DeadlineDaysKind = (typeof deadlineDaysKindEnum.enumValues)[number];
