import { relations, sql } from "drizzle-orm";
import {
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
import { households } from "./households";
import { users } from "./users";

/**
 * A request (demande) from a family to the town, of any kind: a change to the family file today; bookings,
 * documents, nursery applications and new-family pre-registrations later. What varies by kind lives in `type`
 * (a text code registered in lib/requests/types.ts), `target` and the jsonb `payload`, so "Mes demandes" and the
 * agents' inbox list every kind without knowing it.
 */
export const requestStatusEnum = pgEnum("request_status", ["pending", "accepted", "refused", "withdrawn"]);

export const requests = pgTable(
  "requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    /** Null only for a new family's pre-registration ("household.create"), whose household does not exist yet. */
    householdId: uuid("household_id").references(() => households.id, { onDelete: "cascade" }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** e.g. "guardian.update"; see REQUEST_TYPES for the codes and their French labels. */
    type: text("type").notNull(),
    /** "D2026-000123": unique per commune, from request_counters. */
    reference: text("reference").notNull(),
    status: requestStatusEnum("status").notNull().default("pending"),
    /** What the request is about: ("guardian", id), ("child", id), ("household", id)… For an addition, the future row's id. */
    targetType: text("target_type").notNull(),
    targetId: uuid("target_id").notNull(),
    /** Who or what it concerns, for lists ("Claire MARTIN", "Léa MARTIN"), written when created. */
    subject: text("subject"),
    /** The proposed values (only the changed fields, for a change). */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** The validated values of the same fields when the request was made, for the before/after diff. */
    before: jsonb("before").$type<Record<string, unknown>>(),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The agent's message to the family (required to refuse). */
    decisionMessage: text("decision_message"),
    /** Town events (decision, message) the family has not read yet: "N nouveau(x) message(s)". */
    familyUnreadCount: integer("family_unread_count").notNull().default(0),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex("requests_commune_reference_uq").on(t.communeId, t.reference),
    // At most one pending request per household and data: a second change updates it instead of stacking.
    uniqueIndex("requests_one_pending_per_target_uq")
      .on(t.householdId, t.type, t.targetType, t.targetId)
      .where(sql`${t.status} = 'pending'`),
    // At most one pending new-family pre-registration per account.
    uniqueIndex("requests_one_pending_household_create_uq")
      .on(t.createdByUserId)
      .where(sql`${t.type} = 'household.create' and ${t.status} = 'pending'`),
    index("requests_household_created_idx").on(t.householdId, t.createdAt),
    index("requests_commune_status_created_idx").on(t.communeId, t.status, t.createdAt),
  ],
);

/**
 * The last reference number given per commune and year. Taken with one INSERT … ON CONFLICT DO UPDATE … RETURNING
 * inside the request's transaction: the row lock serializes concurrent creations, on PGlite and PostgreSQL alike,
 * and a rolled-back creation gives its number back (unlike a sequence).
 */
export const requestCounters = pgTable(
  "request_counters",
  {
    communeId: communeIdColumn(),
    year: integer("year").notNull(),
    lastValue: integer("last_value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.communeId, t.year] })],
);

export const requestEventKindEnum = pgEnum("request_event_kind", [
  "created",
  "transmitted",
  "updated",
  "accepted",
  "refused",
  "withdrawn",
  "message",
]);

export const requestActorSideEnum = pgEnum("request_actor_side", ["family", "town"]);

/** The history of a request, shown on its detail page. */
export const requestEvents = pgTable(
  "request_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    kind: requestEventKindEnum("kind").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorSide: requestActorSideEnum("actor_side").notNull(),
    message: text("message"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("request_events_request_idx").on(t.requestId, t.createdAt)],
);

export const requestsRelations = relations(requests, ({ one, many }) => ({
  commune: one(communes, { fields: [requests.communeId], references: [communes.id] }),
  household: one(households, { fields: [requests.householdId], references: [households.id] }),
  createdBy: one(users, { fields: [requests.createdByUserId], references: [users.id] }),
  events: many(requestEvents),
}));

export const requestEventsRelations = relations(requestEvents, ({ one }) => ({
  request: one(requests, { fields: [requestEvents.requestId], references: [requests.id] }),
  actor: one(users, { fields: [requestEvents.actorUserId], references: [users.id] }),
}));

export type RequestRow = typeof requests.$inferSelect;
export type NewRequestRow = typeof requests.$inferInsert;
export type RequestStatus = (typeof requestStatusEnum.enumValues)[number];
export type RequestEvent = typeof requestEvents.$inferSelect;
export type RequestEventKind = (typeof requestEventKindEnum.enumValues)[number];
export type RequestActorSide = (typeof requestActorSideEnum.enumValues)[number];
