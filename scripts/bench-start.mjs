// npm run bench:start — how long the demo on the embedded database (PGlite) takes to answer its first page:
//   1. `npm run demo`'s way: `db:setup` prepares a new folder (run while the app builds), then the server starts;
//   2. a server started on a new, empty folder (it migrates and seeds as it starts);
//   3. a server restarted on the existing folder (median of 3; target < 5 s).
// Each time is from launching the process to the first 200 of /demo. Needs a production build (`npm run build`).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PORT = Number(process.env.BENCH_PORT ?? 3390);
const RESTARTS = 3;
const folder = mkdtempSync(join(tmpdir(), "bench-start-"));
const env = {
  ...process.env,
  NODE_ENV: "production",
  AUTH_SECRET: randomBytes(32).toString("hex"),
  DATABASE_URL: "",
  SEED_DEMO: "true",
  LOCAL_MAILBOX: "true",
  RESEND_API_KEY: "",
};
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs a command to its end; resolves with the milliseconds it took, rejects on failure. */
function timed(command, args, dataDir) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...env, PGLITE_DATA_DIR: dataDir }, stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`${args.join(" ")} exited ${code}`)),
    );
  });
}

/** Starts the production server on `dataDir`; resolves with the ms to its first 200 on /demo, and the server. */
async function firstPage(dataDir) {
  const started = performance.now();
  const child = spawn(process.execPath, ["server.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...env, PGLITE_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  const stop = () => new Promise((resolve) => child.once("exit", resolve).kill("SIGTERM"));
  try {
    while (performance.now() - started < 180_000) {
      if (child.exitCode !== null) throw new Error(`the server stopped:\n${log}`);
      const status = await fetch(`http://127.0.0.1:${PORT}/demo`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return { ms: performance.now() - started, log };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no answer within 180 s:\n${log}`);
  } finally {
    await stop();
  }
}

const databaseReady = (log) => log.match(/Database ready in ([\d.]+ s)/)?.[1] ?? "?";

try {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  const setupFolder = join(folder, "setup");
  const setupMs = await timed(
    "npx",
    ["tsx", "--import", "./scripts/allow-server-only.mjs", "db/scripts/setup.ts"],
    setupFolder,
  );
  const afterSetup = await firstPage(setupFolder);
  console.log(
    `1. npm run demo: db:setup on a new folder ${seconds(setupMs)} (alongside the build), then the first page ${seconds(afterSetup.ms)} after start (target < 10 s)`,
  );

  const fresh = join(folder, "fresh");
  const first = await firstPage(fresh);
  console.log(
    `2. server on a new folder: first page after ${seconds(first.ms)} (database migrated and seeded in ${databaseReady(first.log)})`,
  );

  const restarts = [];
  for (let i = 0; i < RESTARTS; i++) restarts.push(await firstPage(fresh));
  const sorted = restarts.map((r) => r.ms).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `3. server on the existing folder, ${RESTARTS} starts: first page ${sorted.map(seconds).join(", ")}; median ${seconds(median)} (database ready in ${restarts.map((r) => databaseReady(r.log)).join(", ")}) — target < 5 s: ${median < 5000 ? "PASS" : "FAIL"}`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
