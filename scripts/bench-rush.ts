/*
 * npm run bench:rush [-- --families 2500 --concurrency 100 --instances 1 --port 3400] — registration day: N
 * families (default 2,500), already signed in, each open their planning and ask for one canteen day through the
 * page's server action, `concurrency` families at a time, against the production build (`next build` first)
 * started on a throwaway PostgreSQL database (`bench_rush_<timestamp>` on DATABASE_URL's server, default
 * postgres://postgres@127.0.0.1:5432/postgres), as 1 or more instances (scripts/instances.mjs: a round-robin proxy
 * in front of 2+). Targets: 0 errors, page and booking p95 < 2 s, every family done within 60 s, no day beyond
 * the canteen's capacity, one acknowledgement mail per request. DATABASE_POOL_MAX is passed on to the instances.
 * Load generator: fetch with a bounded pool, not autocannon — each family is a sequence (page, then its own
 * booking with its own cookie and child), and a closed pool times each family's two requests exactly.
 * Before the rush, the same pool loads the commune's public home 1,000 times (the floor): the time 2,500 families
 * would take at two such requests each is what the machine allows at best, and the instances' CPU per family
 * (Linux) says how many floor requests a family costs.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { type RushCommune, seedRushCommune } from "@/db/seed-bench-rush";
import { cpuTimeMs, fmt, ms, percentile, seconds, withThrowawayDatabase } from "./bench-kit";
import { checkRush, sampleConnections } from "./bench-rush-checks";
import { type FamilyRun, floorLoad, requestSlotActionId, runRush, warmUp } from "./bench-rush-load";

const { values: args } = parseArgs({
  options: {
    families: { type: "string", default: "2500" },
    concurrency: { type: "string", default: "100" },
    instances: { type: "string", default: "1" },
    port: { type: "string", default: "3400" },
  },
});
const families = Number(args.families);
const concurrency = Number(args.concurrency);
const instances = Number(args.instances);
const port = Number(args.port);
const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const slug = "rush";
const TARGET_P95_MS = 2000;
const TARGET_TOTAL_MS = 60_000;
/** Public home loads measured before the rush, at the rush's concurrency (about 10 s on a 2-core machine). */
const FLOOR_REQUESTS = 1000;

/** The instances' CPU time so far, in ms (all their threads); null where /proc cannot be read (not Linux). */
function instancesCpuMs(pids: number[]): number | null {
  try {
    return pids.reduce((sum, pid) => sum + cpuTimeMs(pid), 0);
  } catch {
    return null;
  }
}

/** Starts scripts/instances.mjs and resolves, with the instances' pids, once it says every instance is ready. */
function startInstances(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; pids: number[] }> {
  const child = spawn(
    process.execPath,
    ["scripts/instances.mjs", "--instances", String(instances), "--port", String(port)],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      log += chunk;
      const ready = /instance\(s\) ready .*\(pids ([\d,]+)\)/.exec(log);
      if (ready) resolve({ child, pids: ready[1]!.split(",").map(Number) });
    });
    child.stderr!.on("data", (chunk) => (log += chunk));
    child.once("exit", (code) => reject(new Error(`scripts/instances.mjs exited (${code}):\n${log.slice(-3000)}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Each family's time for `key`, ascending; a family that got no answer counts as never answered (Infinity). */
const sortedTimes = (runs: FamilyRun[], key: "pageMs" | "bookingMs") =>
  runs.map((run) => run[key] ?? Infinity).sort((a, b) => a - b);
const timings = (runs: FamilyRun[], key: "pageMs" | "bookingMs") => {
  const sorted = sortedTimes(runs, key);
  return `p50 ${fmt(percentile(sorted, 50))}, p95 ${fmt(percentile(sorted, 95))}, max ${fmt(sorted.at(-1)!)}`;
};
const p95 = (runs: FamilyRun[], key: "pageMs" | "bookingMs") => percentile(sortedTimes(runs, key), 95);

const verdicts: boolean[] = [];
function target(ok: boolean, label: string) {
  verdicts.push(ok);
  console.log(`  ${ok ? "PASS" : "FAIL"} ${label}`);
}

if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first (AUTH_SECRET set).");
const actionId = requestSlotActionId();
console.log(
  `bench:rush — ${families} families, ${concurrency} at once, ${instances} instance(s) of ${process.env.DATABASE_POOL_MAX ?? 5} PostgreSQL connections, build ${readFileSync(".next/BUILD_ID", "utf8").trim()}`,
);

/** A fresh throwaway database, migrated, with the rush's commune. */
async function seed(url: string): Promise<RushCommune> {
  const start = performance.now();
  const handle = await openDatabase({ url, dataDir: "" });
  try {
    await handle.migrate();
    const commune = await seedRushCommune(handle.db, { slug, families, now: new Date() });
    console.log(
      `seed: ${families} families in ${seconds(start)}; canteen ${commune.capacity} places a day on ${commune.days.length} days, ~${Math.ceil(families / commune.days.length)} families asking for each`,
    );
    return commune;
  } finally {
    await handle.close();
  }
}

/**
 * Starts the instances on `url`, warms them up, measures the floor, then runs the rush; stops them whatever happens.
 * Prints the server CPU a family cost beside the floor's per request: a family is two requests (its page, its
 * booking), so a rush of families costing the floor twice is what this machine could do at best.
 */
async function rushOnInstances(url: string, sql: postgres.Sql, commune: RushCommune) {
  const secret = randomBytes(32).toString("hex");
  const { child: servers, pids } = await startInstances({
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: secret,
    SEED_DEMO: "false",
    // Mails stay in the outbox (nothing is sent): the check below counts them there.
    RESEND_API_KEY: "",
    LOCAL_MAILBOX: "true",
  });
  try {
    const settings = { baseUrl: `http://127.0.0.1:${port}`, slug, actionId, secret, commune };
    await warmUp(settings, 5 * instances);
    let cpuBefore = instancesCpuMs(pids);
    const floor = await floorLoad(settings, concurrency, FLOOR_REQUESTS);
    const floorCpu = cpuBefore === null ? null : (instancesCpuMs(pids)! - cpuBefore) / FLOOR_REQUESTS;
    console.log(
      `floor: the commune's public home, ${concurrency} at once: ${floor.perSecond.toFixed(1)} req/s, median ${fmt(floor.medianMs)}${floorCpu === null ? "" : `, ${fmt(floorCpu)} of server CPU each`}; load average ${loadavg()[0]!.toFixed(1)} on this machine`,
    );
    console.log(
      `  ${families} families at two floor requests each would take ${((2 * families) / floor.perSecond).toFixed(1)} s`,
    );
    const sampler = sampleConnections(sql, new URL(url).pathname.slice(1));
    cpuBefore = instancesCpuMs(pids);
    const rush = await runRush(settings, concurrency);
    const familyCpu = cpuBefore === null ? null : (instancesCpuMs(pids)! - cpuBefore) / families;
    const peak = sampler.stop();
    console.log(
      `PostgreSQL connections at most: ${peak.total} open, ${peak.busy} running a query, ${peak.inTransaction} idle in a transaction, ${peak.waitingOnLock} waiting for a lock; load average ${loadavg()[0]!.toFixed(1)}`,
    );
    if (familyCpu !== null && floorCpu !== null)
      console.log(
        `server CPU: ${fmt(familyCpu)} a family (page and booking), ${(familyCpu / floorCpu).toFixed(1)} floor requests`,
      );
    return rush;
  } finally {
    await stop(servers);
  }
}

function printRush({ runs, totalMs }: { runs: FamilyRun[]; totalMs: number }) {
  const count = (outcome: FamilyRun["outcome"]) => runs.filter((run) => run.outcome === outcome).length;
  const errors = runs.filter((run) => run.outcome === "error");
  const lastStart = Math.max(...runs.map((run) => run.startedAt));
  console.log(
    `rush: ${families} families in ${(totalMs / 1000).toFixed(1)} s (the last one started at ${(lastStart / 1000).toFixed(1)} s): ${((families - errors.length) / (totalMs / 1000)).toFixed(1)} bookings/s`,
  );
  console.log(`  planning page: ${timings(runs, "pageMs")}`);
  console.log(`  booking:       ${timings(runs, "bookingMs")}`);
  console.log(
    `  answers: ${count("booked")} accepted, ${count("waiting")} waiting list, ${count("requested")} requested, ${errors.length} errors`,
  );
  const reasons = new Map<string, number>();
  for (const run of errors) reasons.set(run.error!, (reasons.get(run.error!) ?? 0) + 1);
  for (const [reason, n] of [...reasons].slice(0, 5)) console.log(`    ${n} × ${reason.slice(0, 160)}`);
}

function printTargets(
  { runs, totalMs }: { runs: FamilyRun[]; totalMs: number },
  commune: RushCommune,
  checks: Awaited<ReturnType<typeof checkRush>>,
) {
  const errors = runs.filter((run) => run.outcome === "error").length;
  for (const day of checks.days)
    console.log(
      `  ${day.day}: ${day.booked} booked of ${commune.capacity} places (counter ${day.counted}), ${day.waiting} waiting`,
    );
  console.log("targets:");
  target(errors === 0, `0 errors (${errors})`);
  target(p95(runs, "pageMs") < TARGET_P95_MS, `planning page p95 < 2 s (${fmt(p95(runs, "pageMs"))})`);
  target(p95(runs, "bookingMs") < TARGET_P95_MS, `booking p95 < 2 s (${fmt(p95(runs, "bookingMs"))})`);
  target(totalMs < TARGET_TOTAL_MS, `every family done within 60 s (${(totalMs / 1000).toFixed(1)} s)`);
  target(
    checks.days.every((day) => day.booked <= commune.capacity && day.counted === day.booked),
    "capacity never exceeded (and the places counter matches the booked rows)",
  );
  // A family whose answer timed out may still have booked: only the answered ones must have their row.
  const booked = families - checks.familiesWithoutRow;
  target(
    checks.familiesWithSeveralRows === 0 && checks.requests === booked && booked >= families - errors,
    `one request and one canteen row per family that booked (${checks.requests} requests, ${booked} families with a row, ${checks.familiesWithSeveralRows} with several)`,
  );
  target(
    checks.mails === checks.requests && checks.requestsWithoutOneMail === 0,
    `every acknowledgement mail in the outbox exactly once (${checks.mails} mails for ${checks.requests} requests, ${checks.requestsWithoutOneMail} requests without exactly one)`,
  );
}

await withThrowawayDatabase(serverUrl, "bench_rush", async (url) => {
  const commune = await seed(url);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rush = await rushOnInstances(url, sql, commune);
    printRush(rush);
    const start = performance.now();
    const checks = await checkRush(sql, commune);
    console.log(`database checks (${fmt(ms(start))}):`);
    printTargets(rush, commune, checks);
  } finally {
    await sql.end();
  }
});
if (verdicts.includes(false)) process.exitCode = 1;
