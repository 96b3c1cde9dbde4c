import { type DatabaseHandle, openDatabase } from "@/db/client";

/**
 * The database the app uses (DATABASE_URL, else the embedded folder), migrated, for a one-off command.
 * The embedded folder is locked: while the portal runs, opening it is refused with a clear message.
 */
export async function openScriptDatabase(
  prepare: (handle: DatabaseHandle) => Promise<void> = (handle) => handle.migrate(),
): Promise<DatabaseHandle> {
  const handle = await openDatabase({
    url: process.env.DATABASE_URL,
    dataDir: process.env.PGLITE_DATA_DIR ?? ".data/pglite",
  });
  try {
    await prepare(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/**
 * Runs a command against the database (migrated, or prepared by `prepare`), closes it, and exits non-zero with the
 * message on failure.
 */
export async function runScript(
  command: (handle: DatabaseHandle) => Promise<void>,
  prepare?: (handle: DatabaseHandle) => Promise<void>,
): Promise<void> {
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openScriptDatabase(prepare);
    await command(handle);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await handle?.close();
  }
}
