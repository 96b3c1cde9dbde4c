import { relations } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { communeIdColumn, createdAtColumn, updatedAtColumn } from "./columns";
import { communes } from "./communes";

export const civilityEnum = pgEnum("civility", ["M", "MME"]);
export const roleEnum = pgEnum("user_role", ["family", "agent", "admin"]);
/** pending: created, e-mail not confirmed yet; disabled: by an admin (agents) or on request. */
export const userStatusEnum = pgEnum("user_status", ["pending", "active", "disabled"]);

/** A citizen account (compte citoyen) or a town-hall staff account; always of one commune. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    /** Stored lower-cased: the login. */
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    civility: civilityEnum("civility").notNull(),
    lastName: text("last_name").notNull(),
    firstName: text("first_name").notNull(),
    role: roleEnum("role").notNull().default("family"),
    status: userStatusEnum("status").notNull().default("pending"),
    termsAcceptedAt: timestamp("terms_accepted_at", { withTimezone: true }),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex("users_commune_email_uq").on(t.communeId, t.email),
    index("users_commune_role_idx").on(t.communeId, t.role),
  ],
);

export const tokenPurposeEnum = pgEnum("account_token_purpose", ["activation", "password_reset"]);

/** Single-use e-mailed links. Only the SHA-256 of the token is stored. */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: tokenPurposeEnum("purpose").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [index("account_tokens_user_idx").on(t.userId, t.purpose)],
);

export const usersRelations = relations(users, ({ one, many }) => ({
  commune: one(communes, { fields: [users.communeId], references: [communes.id] }),
  tokens: many(accountTokens),
}));

export const accountTokensRelations = relations(accountTokens, ({ one }) => ({
  user: one(users, { fields: [accountTokens.userId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Role = (typeof roleEnum.enumValues)[number];
export type Civility = (typeof civilityEnum.enumValues)[number];
export type AccountToken = typeof accountTokens.$inferSelect;
export type TokenPurpose = (typeof tokenPurposeEnum.enumValues)[number];
