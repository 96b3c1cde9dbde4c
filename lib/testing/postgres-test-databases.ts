import { randomBytes } from "node:crypto";
import postgres from "postgres";

/** A database name no other test run on the same server picks at the same time. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

/** The server's URL, pointing at another database on it. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `statement` (CREATE or DROP DATABASE, which take no parameters) on a short-lived connection. */
export async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(statement);
  } finally {
    await admin.end();
  }
}
