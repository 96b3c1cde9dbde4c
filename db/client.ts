import { join } from "node:path";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { acquireDataDirLock } from "./lock";
import { pgliteForDrizzle } from "./pglite-for-drizzle";
import { postgresForDrizzle } from "./postgres-for-drizzle";
import * as schema from "./schema";

/** Both drivers (PGlite, postgres.js) and transactions share this type: data access takes a `Db`. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;

export interface DatabaseHandle {
  db: Db;
  kind: "pglite" | "postgres";
  /**
   * Applies the committed drizzle-kit migrations, then runs `andThen` (the demo's seeding) before letting another
   * instance starting at the same time do the same: it then finds the work done.
   */
  migrate: (andThen?: () => Promise<void>) => Promise<void>;
  close: () => Promise<void>;
}

export const migrationsFolder = join(process.cwd(), "db", "migrations");

/**
 * Opens PostgreSQL when a URL is given, else the embedded PGlite folder (`memory://` for a throwaway one).
 * `loadDataDir` (PGlite only) starts the folder from a `dumpDataDir()` tarball instead of an empty cluster.
 */
export async function openDatabase(options: {
  url?: string;
  dataDir: string;
  loadDataDir?: Blob;
  /** PostgreSQL only: the most connections this process opens (default 10). */
  poolMax?: number;
}): Promise<DatabaseHandle> {
  if (options.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const client = postgres(options.url, { max: options.poolMax ?? 10, onnotice: () => {} });
    const db = drizzle(postgresForDrizzle(client), { schema });
    return {
      db: db as unknown as Db,
      kind: "postgres",
      // Several instances may start together: a session advisory lock lets one migrate (and seed) at a time.
      migrate: async (andThen) => {
        const lockConnection = await client.reserve();
        try {
          await lockConnection`select pg_advisory_lock(774411)`;
          await migrate(db, { migrationsFolder });
          await andThen?.();
        } finally {
          await lockConnection`select pg_advisory_unlock(774411)`;
          lockConnection.release();
        }
      },
      close: () => client.end(),
    };
  }
  const inMemory = options.dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : acquireDataDirLock(options.dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const client = await PGlite.create(options.dataDir, { loadDataDir: options.loadDataDir });
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const db = drizzle(pgliteForDrizzle(client), { schema });
    return {
      db: db as unknown as Db,
      kind: "pglite",
      // One process at a time has the folder (its lock file): nobody else can be starting on it.
      migrate: async (andThen) => {
        await migrate(db, { migrationsFolder });
        await andThen?.();
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
