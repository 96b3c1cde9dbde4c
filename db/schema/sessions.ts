import { relations } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { communeIdColumn, createdAtColumn } from "./columns";
import { users } from "./users";

/**
 * One row per login. The session cookie (a JWT) only carries this row's id: logging out, "se déconnecter de tous
 * mes appareils", a password change or a disabled account revoke rows, and every request checks its row.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAtColumn(),
    /** Moved forward by requests (at most once a minute); the idle timeout counts from it. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** The absolute end of the session, whatever the activity. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** When the second factor was checked for this session (staff accounts with TOTP); null until then. */
    secondFactorAt: timestamp("second_factor_at", { withTimezone: true }),
    /** The browser, as it described itself, to tell the sessions apart in the list of devices. */
    userAgent: text("user_agent"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.revokedAt)],
);

/** A staff account's TOTP factor (RFC 6238). The secret is stored encrypted; `confirmedAt` is null while enrolling. */
export const totpFactors = pgTable("totp_factors", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  communeId: communeIdColumn(),
  encryptedSecret: text("encrypted_secret").notNull(),
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  /** The last time step accepted: a code is never accepted twice. */
  lastUsedStep: integer("last_used_step"),
  createdAt: createdAtColumn(),
});

/** Single-use recovery codes of a TOTP factor; only their hashes are kept. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

export const userSessionsRelations = relations(userSessions, ({ one }) => ({
  user: one(users, { fields: [userSessions.userId], references: [users.id] }),
}));

export const totpFactorsRelations = relations(totpFactors, ({ one }) => ({
  user: one(users, { fields: [totpFactors.userId], references: [users.id] }),
}));

export const recoveryCodesRelations = relations(recoveryCodes, ({ one }) => ({
  user: one(users, { fields: [recoveryCodes.userId], references: [users.id] }),
}));

export type UserSession = typeof userSessions.$inferSelect;
export type TotpFactor = typeof totpFactors.$inferSelect;
export type RecoveryCode = typeof recoveryCodes.$inferSelect;
