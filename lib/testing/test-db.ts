import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { databaseUrl, runOnServer, uniqueDatabaseName } from "./postgres-test-databases";

/**
 * A fresh, migrated database for one test file, copied from the run's template (lib/testing/database-template.ts):
 * in-memory PGlite, or — when DATABASE_URL is set — a throwaway database on that PostgreSQL server, dropped at the end.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const template = inject("databaseTemplate");
  if (!template) throw new Error("no database template: run integration tests with `vitest --project integration`");
  if (template.kind === "pglite") {
    return openDatabase({ dataDir: "memory://", loadDataDir: new Blob([await readFile(template.dumpFile)]) });
  }
  const { serverUrl } = template;
  const database = uniqueDatabaseName("portail_test");
  await runOnServer(serverUrl, `create database ${database} template ${template.database}`);
  const handle = await openDatabase({ url: databaseUrl(serverUrl, database), dataDir: "" });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await runOnServer(serverUrl, `drop database if exists ${database} with (force)`);
    },
  };
}
