// Timing helpers shared by the bench scripts (scripts/bench-*.ts), and the loop that runs a bench on an embedded
// PGlite, then on a fresh database of the PostgreSQL server in DATABASE_URL when it is set.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "@/db/client";

/** Milliseconds since `start` (a performance.now() value). */
export const ms = (start: number) => performance.now() - start;

/**
 * CPU time (user + system, all its threads) the process `pid` has used so far, in ms (Linux: /proc/<pid>/stat,
 * in 10 ms ticks).
 */
export function cpuTimeMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** "12.3 ms". */
export const fmt = (value: number) => `${value.toFixed(1)} ms`;

/** Seconds since `start`: "1.2 s". */
export const seconds = (start: number) => `${(ms(start) / 1000).toFixed(1)} s`;

/** The p-th percentile (nearest rank) of timings sorted in ascending order. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Runs `bench` on an embedded PGlite in a temporary folder, then on a new database `<name>_<timestamp>` of the
 * PostgreSQL server in DATABASE_URL (dropped afterwards) when it is set.
 */
export async function benchOnBothDatabases(
  name: string,
  bench: (label: string, handle: DatabaseHandle) => Promise<void>,
) {
  const folder = mkdtempSync(join(tmpdir(), `${name.replaceAll("_", "-")}-`));
  const embedded = await openDatabase({ dataDir: folder });
  try {
    await bench("embedded PGlite", embedded);
  } finally {
    await embedded.close();
    rmSync(folder, { recursive: true, force: true });
  }

  if (process.env.DATABASE_URL) {
    await withThrowawayDatabase(process.env.DATABASE_URL, name, async (url) => {
      const handle = await openDatabase({ url, dataDir: "" });
      try {
        await bench("PostgreSQL", handle);
      } finally {
        await handle.close();
      }
    });
  } else {
    console.log("\n(Set DATABASE_URL to a PostgreSQL server to measure it too.)");
  }
}

/**
 * Creates a database `<name>_<timestamp>` on the PostgreSQL server of `serverUrl`, hands `work` its URL, and drops
 * it afterwards (with its open connections), whatever `work` did.
 */
export async function withThrowawayDatabase(
  serverUrl: string,
  name: string,
  work: (url: string) => Promise<void>,
): Promise<void> {
  const server = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const database = `${name}_${Date.now()}`;
  try {
    await server.unsafe(`create database ${database}`);
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    await work(url.toString());
  } finally {
    await server.unsafe(`drop database if exists ${database} with (force)`);
    await server.end();
  }
}
