import { relations, sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { communeIdColumn, createdAtColumn, updatedAtColumn } from "./columns";
import { communes } from "./communes";
import { civilityEnum, users } from "./users";

/** The household file (dossier famille). Its subscriber code (code abonné) links accounts to it. */
export const households = pgTable(
  "households",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    /** Family name as the town files it, e.g. "MARTIN". */
    name: text("name").notNull(),
    subscriberCode: text("subscriber_code").notNull(),
    /** Quotient familial from the CAF: set by agents only, read-only for families. */
    familyQuotient: integer("family_quotient"),
    /** When the town closed the file (the family left); the retention job deletes its documents after a while. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex("households_commune_code_uq").on(t.communeId, t.subscriberCode),
    index("households_commune_name_idx").on(t.communeId, t.name),
  ],
);

/** The owning household of a row of the family file; deleting the household deletes its rows. */
export const householdIdColumn = () =>
  uuid("household_id")
    .notNull()
    .references(() => households.id, { onDelete: "cascade" });

/** A responsable of the household (payer, CAF/MSA allocataire…). */
export const guardians = pgTable(
  "guardians",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    householdId: householdIdColumn(),
    /** 1 for "Responsable 1", 2 for "Responsable 2". */
    rank: integer("rank").notNull(),
    civility: civilityEnum("civility").notNull(),
    lastName: text("last_name").notNull(),
    firstName: text("first_name").notNull(),
    quality: text("quality"),
    familySituation: text("family_situation"),
    email: text("email"),
    phone: text("phone"),
    mobilePhone: text("mobile_phone"),
    addressLine: text("address_line"),
    postcode: text("postcode"),
    city: text("city"),
    country: text("country").default("France"),
    isPayer: boolean("is_payer").notNull().default(false),
    isBenefitRecipient: boolean("is_benefit_recipient").notNull().default(false),
    /** "Code personnel du destinataire de la facture", printed on invoices. */
    personalCode: text("personal_code"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("guardians_household_rank_uq").on(t.householdId, t.rank),
    // "Un seul allocataire possible": at most one CAF/MSA allocataire per household.
    uniqueIndex("guardians_one_benefit_recipient_uq").on(t.householdId).where(sql`${t.isBenefitRecipient}`),
  ],
);

export const children = pgTable(
  "children",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    householdId: householdIdColumn(),
    lastName: text("last_name").notNull(),
    firstName: text("first_name").notNull(),
    birthDate: date("birth_date").notNull(),
    sex: text("sex", { enum: ["F", "M"] }).notNull(),
    school: text("school"),
    schoolClass: text("school_class"),
    createdAt: createdAtColumn(),
  },
  (t) => [index("children_household_idx").on(t.householdId)],
);

export const subscriptionMethodEnum = pgEnum("subscription_method", ["subscriber_code", "invoice", "agent"]);

/** Links a citizen account to a household (abonnement): gives access to Espace Famille / Facturation. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    householdId: householdIdColumn(),
    method: subscriptionMethodEnum("method").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("subscriptions_user_household_uq").on(t.userId, t.householdId),
    index("subscriptions_household_idx").on(t.householdId),
  ],
);

export const householdsRelations = relations(households, ({ one, many }) => ({
  commune: one(communes, { fields: [households.communeId], references: [communes.id] }),
  guardians: many(guardians),
  children: many(children),
  subscriptions: many(subscriptions),
}));

export const guardiansRelations = relations(guardians, ({ one }) => ({
  household: one(households, { fields: [guardians.householdId], references: [households.id] }),
}));

export const childrenRelations = relations(children, ({ one }) => ({
  household: one(households, { fields: [children.householdId], references: [households.id] }),
}));

export const subscriptionsRelations = relations(subscriptions, ({ one }) => ({
  user: one(users, { fields: [subscriptions.userId], references: [users.id] }),
  household: one(households, { fields: [subscriptions.householdId], references: [households.id] }),
}));

export type Household = typeof households.$inferSelect;
export type Guardian = typeof guardians.$inferSelect;
export type Child = typeof children.$inferSelect;
export type Subscription = typeof subscriptions.$inferSelect;
