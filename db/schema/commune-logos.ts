import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { bytea, updatedAtColumn } from "./columns";
import { communes } from "./communes";

/** The commune's logo, set by its admin (re-encoded as PNG), shown in the header and the mails. */
export const communeLogos = pgTable(
  "commune_logos",
  {
    communeId: uuid("commune_id")
      .primaryKey()
      .references(() => communes.id, { onDelete: "cascade" }),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    data: bytea("data").notNull(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    check("commune_logos_mime_ck", sql`${t.mimeType} = 'image/png'`),
    check("commune_logos_size_ck", sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 524288`),
  ],
);
