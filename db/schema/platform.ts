import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { communeIdColumn, createdAtColumn } from "./columns";
import { communes } from "./communes";
import { users } from "./users";

export const mailStatusEnum = pgEnum("mail_status", ["pending", "sent", "failed", "local"]);

/**
 * Every mail the portal sends, written before delivery is attempted so none is ever lost:
 * pending → sent (Resend accepted it), failed (gave up after the last attempt) or local (no provider: shown on the local mailbox page).
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: uuid("commune_id").references(() => communes.id, { onDelete: "cascade" }),
    template: text("template").notNull(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    status: mailStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    createdAt: createdAtColumn(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("mail_outbox_to_idx").on(t.to, t.createdAt),
  ],
);

/** Fixed-window counters shared by every app instance (login, sign-up, reset, subscription attempts). */
export const rateLimitBuckets = pgTable(
  "rate_limit_buckets",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limit_buckets_window_idx").on(t.windowStart)],
);

/** Captcha challenges already redeemed, kept until they expire so a solution cannot be replayed. */
export const spentCaptchas = pgTable("spent_captchas", {
  signature: text("signature").primaryKey(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** Who changed what, for the agents' and admins' actions and, later, every change to a family file. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    communeId: communeIdColumn(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: uuid("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("audit_log_commune_target_idx").on(t.communeId, t.targetType, t.targetId, t.createdAt)],
);

export type MailOutboxRow = typeof mailOutbox.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
