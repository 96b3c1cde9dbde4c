import { defineConfig } from "drizzle-kit";

// `drizzle-kit generate` only reads the schema; migrations are applied by `migrate()` in db/client.ts (on start,
// and by db/scripts/migrate.ts for `npm run db:migrate`) so the embedded database keeps a single owner.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
