import { customType, timestamp, uuid } from "drizzle-orm/pg-core";
import { communes } from "./communes";

/** Every commune-owned row says whose it is, so each query can filter by it; a deleted commune takes its rows along. */
export const communeIdColumn = () =>
  uuid("commune_id")
    .notNull()
    .references(() => communes.id, { onDelete: "cascade" });

export const createdAtColumn = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAtColumn = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** Raw bytes (photos, documents): stored in the database so every instance and every backup holds them. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});
