/*
 * npm run bench:pages — the pages' throughput of issue #15 ("planning month view ≥ 50 % of the floor's throughput
 * in the same run, on both databases; every family page ≥ 50 %"):
 *   - starts the production build (`node server.mjs`) on a fresh embedded database (a temporary PGLITE_DATA_DIR,
 *     seeded with the demo by the server), then, when DATABASE_URL is set, on a throwaway database of that
 *     PostgreSQL server (migrated and seeded here, dropped at the end);
 *   - signs the MARTIN family and the demo agent in with Chromium (the real Connexion page) and keeps their cookies;
 *   - loads every page for BENCH_SERVER_WARMUP seconds first (a server just started runs unoptimised code);
 *   - for each page, in turn: one GET for its HTML size (and the planning's RSC payload), a warm-up, then autocannon
 *     with 10 connections for BENCH_DURATION seconds (default 6), in turns of 3 s with the floor (the anonymous
 *     `/demo`, one dynamic page): floor, page, floor, page, so that both see the same machine, whose speed drifts by
 *     tens of percent within a minute here (BENCH_FLOOR=once measures the floor once, first, instead); a signed-in
 *     page's cookie is renewed before each turn, as a browser holds it (see renewedCookie);
 *   - prints a table: page, req/s, p50, p95, HTML KB, ratio to the floor, target met (≥ 50 %), and the server's CPU
 *     time per request with the ratio it gives (floor's CPU ms / page's). About 5 min per database. Linux only (/proc);
 *   - then measures the floor in turns with the framework's own (scripts/framework-floor.mjs: a bare Next.js page
 *     built with this repo's next and react) and prints what the floor costs beside it: the part of every page's
 *     cost that is ours before any page content (layouts, proxy, commune read).
 * Options (env): BENCH_DURATION=<s>, BENCH_WARMUP=<s> (default 1), BENCH_SERVER_WARMUP=<s> (default 3),
 * BENCH_DATABASE=pglite|postgres|both (default both; postgres needs DATABASE_URL), BENCH_PAGES=<comma-separated
 * names to keep, e.g. floor,month; "framework" keeps the comparison with the bare Next.js page>,
 * BENCH_CPU_PROF=<folder> (starts the server with `node --cpu-prof` writing there, for the profile).
 *
 * It measures the build in .next and never builds: run `npm run build` first (and again after changing the app).
 */
import "./load-next-env";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { demo } from "@/db/demo-data";
import { routes } from "@/lib/routes/paths";
import { cpuTimeMs, percentile, withThrowawayDatabase } from "./bench-kit";
import {
  checkBuild,
  commune,
  freePort,
  launchChromium,
  logIn,
  seedPostgres,
  serverEnv,
  startServer,
  stopServer,
} from "./bench-server";
import { type FrameworkFloor, startFrameworkFloor } from "./framework-floor.mjs";

const DURATION = Number(process.env.BENCH_DURATION || 6);
const WARMUP = Number(process.env.BENCH_WARMUP || 1);
const SERVER_WARMUP = Number(process.env.BENCH_SERVER_WARMUP || 3);
const ROUND_SECONDS = 3;
const FLOOR_BESIDE = process.env.BENCH_FLOOR !== "once";
const DATABASE = process.env.BENCH_DATABASE || "both";
const ONLY = process.env.BENCH_PAGES?.split(",");
const CPU_PROF = process.env.BENCH_CPU_PROF;
const CONNECTIONS = 10;
const TARGET = 0.5;

type Who = "anonymous" | "family" | "agent";
type PageToMeasure = { name: string; label: string; path: string; who: Who; floor?: boolean; target?: boolean };

/** What a family opens on registration day, the floor and a static asset around them, and the agents' inbox. */
const allPages: PageToMeasure[] = [
  { name: "static", label: "static asset /icon.svg", path: "/icon.svg", who: "anonymous" },
  { name: "floor", label: "public home /demo (floor)", path: routes.home(commune), who: "anonymous", floor: true },
  {
    name: "month",
    label: "Planning, month view",
    path: `${routes.family.planning(commune)}?vue=mois`,
    who: "family",
    target: true,
  },
  {
    name: "week",
    label: "Planning (default view)",
    path: routes.family.planning(commune),
    who: "family",
    target: true,
  },
  { name: "list", label: "Planning, liste", path: routes.family.planningList(commune), who: "family", target: true },
  { name: "space", label: "Espace famille", path: routes.family.space(commune), who: "family", target: true },
  { name: "file", label: "Dossier famille", path: routes.family.file(commune), who: "family", target: true },
  { name: "requests", label: "Mes demandes", path: routes.citizen.requests(commune), who: "family", target: true },
  { name: "citizen", label: "Mon espace citoyen", path: routes.citizen.space(commune), who: "family", target: true },
  { name: "bills", label: "Mes factures", path: routes.billing(commune), who: "family", target: true },
  {
    name: "documents",
    label: "Pièces justificatives",
    path: routes.family.documents(commune),
    who: "family",
    target: true,
  },
  {
    name: "booking",
    label: "Réservation (période)",
    path: routes.family.bookingPeriod(commune),
    who: "family",
    target: true,
  },
  { name: "agent", label: "agent Demandes", path: routes.agent.requests(commune), who: "agent" },
];
const pages = allPages.filter((page) => !ONLY || page.floor || ONLY.includes(page.name));
const floorPage = allPages.find((page) => page.floor)!;
const frameworkPage: PageToMeasure = { name: "framework", label: "bare Next.js page", path: "/", who: "anonymous" };

type Measure = {
  page: PageToMeasure;
  rps: number;
  p50: number;
  p95: number;
  /** The server process's CPU time per answered request. */
  cpuMs: number;
  htmlKb: number;
  failures: number;
};
/** A page's measure and the floor's measure it is compared with. */
type Compared = Measure & { floor: Measure };

/** GETs `path` once, refusing a redirect (a lost session would measure the login page). */
async function fetchOnce(baseURL: string, path: string, headers: Record<string, string>) {
  let response = await fetch(baseURL + path, { headers, redirect: "manual" });
  const location = response.headers.get("location");
  // An RSC request is first sent to the same page with its cache-busting `_rsc` parameter.
  if (headers.RSC && location?.includes("_rsc")) {
    await response.arrayBuffer();
    response = await fetch(new URL(location, baseURL), { headers, redirect: "manual" });
  }
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${response.headers.get("location")}`);
  return body.byteLength;
}

/** Runs autocannon on `url` for `duration` seconds; answers its result and every response's time, sorted. */
async function load(url: string, headers: Record<string, string>, duration: number) {
  const times: number[] = [];
  const instance = autocannon({ url, connections: CONNECTIONS, duration, headers });
  instance.on("response", (_client, _status, _bytes, took) => times.push(took));
  const result = await instance;
  return { result, times: times.sort((a, b) => a - b) };
}

/** What a series of loads of one page added up to. */
class Tally {
  requests = 0;
  seconds = 0;
  cpuMs = 0;
  failures = 0;
  times: number[] = [];

  /** Loads `path` for `duration` seconds and adds the run to the tally. */
  async add(baseURL: string, pid: number, path: string, session: Record<string, string>, duration: number) {
    const headers = await renewedCookie(baseURL, session);
    const cpuBefore = cpuTimeMs(pid);
    const { result, times } = await load(baseURL + path, headers, duration);
    this.cpuMs += cpuTimeMs(pid) - cpuBefore;
    this.requests += result.requests.total;
    this.seconds += result.duration;
    this.failures += result.errors + result.timeouts + result.non2xx;
    this.times.push(...times);
  }

  measure(page: PageToMeasure, htmlKb: number): Measure {
    const times = this.times.sort((a, b) => a - b);
    return {
      page,
      rps: this.requests / this.seconds,
      cpuMs: this.cpuMs / this.requests,
      // No answer within the run (all timed out) leaves no percentile.
      p50: times.length ? percentile(times, 50) : Number.NaN,
      p95: times.length ? percentile(times, 95) : Number.NaN,
      htmlKb,
      failures: this.failures,
    };
  }
}

/**
 * The session's cookie as a browser would hold it now. The portal renews the cookie once a minute (proxy.ts), and a
 * browser sends the new one from then on; autocannon would replay the old one, which the portal then renews on every
 * request (a JWE encrypted by the proxy, decrypted again by the page) — a cost no browser causes. So the cookie is
 * refreshed before each load: one request, whose answer carries the renewed cookie when one is due.
 */
async function renewedCookie(baseURL: string, session: Record<string, string>): Promise<Record<string, string>> {
  if (!session.cookie) return session;
  const response = await fetch(`${baseURL}/${commune}`, { headers: session, redirect: "manual" });
  await response.arrayBuffer();
  const jar = new Map(session.cookie.split("; ").map((pair) => pair.split(/=(.*)/s).slice(0, 2) as [string, string]));
  for (const line of response.headers.getSetCookie()) {
    const [name, value] = line.split(";")[0]!.split(/=(.*)/s) as [string, string];
    jar.set(name, value);
  }
  session.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  return session;
}

/** The page's size (and the planning's RSC payload), once. */
async function pageSize(baseURL: string, page: PageToMeasure, headers: Record<string, string>) {
  const htmlKb = (await fetchOnce(baseURL, page.path, headers)) / 1024;
  if (page.name === "month") {
    const rscKb = (await fetchOnce(baseURL, page.path, { ...headers, RSC: "1" })) / 1024;
    console.log(
      `  ${page.label}: HTML ${htmlKb.toFixed(1)} KB, RSC payload (client navigation) ${rscKb.toFixed(1)} KB`,
    );
  }
  return htmlKb;
}

/** The page alone: a warm-up, then BENCH_DURATION seconds of load. */
async function measure(
  baseURL: string,
  pid: number,
  page: PageToMeasure,
  headers: Record<string, string>,
): Promise<Measure> {
  const htmlKb = await pageSize(baseURL, page, headers);
  await load(baseURL + page.path, await renewedCookie(baseURL, headers), WARMUP);
  const tally = new Tally();
  await tally.add(baseURL, pid, page.path, headers, DURATION);
  return tally.measure(page, htmlKb);
}

/** A page served at `baseURL` by the process `pid`. */
type Served = [baseURL: string, pid: number, page: PageToMeasure];

/**
 * The floor and a page in turns of ROUND_SECONDS (floor, page, floor, page…) for BENCH_DURATION seconds each,
 * rounded up to whole turns: the machine's speed drifts by tens of percent within a minute (a shared host), and
 * turns this short see the same machine. Each answers its own tally.
 */
async function inTurns(floor: Served, page: Served, headers: Record<string, string>) {
  const [floorURL, floorPid, floorOf] = floor;
  const [pageURL, pagePid, pageOf] = page;
  const htmlKb = await pageSize(pageURL, pageOf, headers);
  const floorKb = await pageSize(floorURL, floorOf, {});
  await load(pageURL + pageOf.path, await renewedCookie(pageURL, headers), WARMUP);
  const floorTally = new Tally();
  const pageTally = new Tally();
  for (let round = 0; round < Math.ceil(DURATION / ROUND_SECONDS); round++) {
    await floorTally.add(floorURL, floorPid, floorOf.path, {}, ROUND_SECONDS);
    await pageTally.add(pageURL, pagePid, pageOf.path, headers, ROUND_SECONDS);
  }
  return { page: pageTally.measure(pageOf, htmlKb), floor: floorTally.measure(floorOf, floorKb) };
}

/** A page of ours and the floor, in turns. */
async function measureBesideFloor(
  baseURL: string,
  pid: number,
  page: PageToMeasure,
  headers: Record<string, string>,
): Promise<Compared> {
  const { page: measured, floor } = await inTurns([baseURL, pid, floorPage], [baseURL, pid, page], headers);
  return { ...measured, floor };
}

/** The cookie header of `account` signed in through the Connexion page. */
async function sessionCookie(baseURL: string, account: { email: string; password: string }): Promise<string> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ baseURL, locale: "fr-FR", timezoneId: "Europe/Paris" });
    await logIn(await context.newPage(), account);
    const cookies = await context.cookies();
    return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

function printTable(label: string, measures: Compared[]) {
  const beside = FLOOR_BESIDE ? `, in turns of ${ROUND_SECONDS} s with the floor` : "";
  console.log(`\n[${label}] ${CONNECTIONS} connections, ${DURATION} s per page after ${WARMUP} s of warm-up${beside}`);
  const rows = measures.map((each) => {
    const ratio = each.rps / each.floor.rps;
    return {
      page: each.page.label,
      "req/s": each.rps.toFixed(1),
      "p50 ms": each.p50.toFixed(0),
      "p95 ms": each.p95.toFixed(0),
      "CPU ms/req": each.cpuMs.toFixed(1),
      "HTML KB": each.htmlKb.toFixed(1),
      "floor req/s": each.page.name === "static" ? "—" : each.floor.rps.toFixed(1),
      "× floor": each.page.name === "static" ? "—" : `${(ratio * 100).toFixed(0)} %`,
      "≥ 50 %": each.page.target ? (ratio >= TARGET ? "yes" : "NO") : "",
      // Throughput a page would have beside the floor's if CPU were the only limit: robust to the machine's load.
      "× floor by CPU": each.page.name === "static" ? "—" : `${((each.floor.cpuMs / each.cpuMs) * 100).toFixed(0)} %`,
      failures: each.failures,
    };
  });
  console.table(rows);
  const missed = measures.filter((each) => each.page.target && each.rps / each.floor.rps < TARGET);
  if (missed.length > 0)
    console.log(`[${label}] under 50 % of the floor: ${missed.map((m) => m.page.label).join(", ")}`);
  if (measures.some((each) => each.failures > 0)) process.exitCode = 1;
}

async function bench(label: string, databaseEnv: Record<string, string>) {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  // The profile is written when the process exits: on the bench's SIGTERM it must exit rather than be killed.
  const exitOnTerm = "data:text/javascript,process.on('SIGTERM',()=>process.exit(0))";
  const nodeArgs = CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${CPU_PROF}`, "--import", exitOnTerm] : [];
  const { server, took } = await startServer(port, serverEnv(baseURL, databaseEnv), nodeArgs);
  try {
    console.log(`\n[${label}] server ready in ${(took / 1000).toFixed(1)} s`);
    const cookies: Record<Who, Record<string, string>> = {
      anonymous: {},
      family: { cookie: await sessionCookie(baseURL, demo.family) },
      agent: { cookie: await sessionCookie(baseURL, demo.agent) },
    };
    // A server just started runs its code unoptimised for a while: the first pages measured would be compared
    // with a floor not yet at its pace. Every page is loaded once first, so each is measured warm.
    for (const page of pages)
      await load(baseURL + page.path, await renewedCookie(baseURL, cookies[page.who]), SERVER_WARMUP);
    const measures: Compared[] = [];
    const pid = server.pid!;
    let floor: Measure | undefined;
    for (const page of pages) {
      const compared =
        FLOOR_BESIDE && !page.floor && page.name !== "static"
          ? await measureBesideFloor(baseURL, pid, page, cookies[page.who])
          : await measure(baseURL, pid, page, cookies[page.who]);
      if (page.floor) floor = compared;
      console.log(`  ${page.label}: ${compared.rps.toFixed(1)} req/s, ${compared.cpuMs.toFixed(1)} ms CPU/req`);
      measures.push({ floor: floor ?? compared, ...compared });
    }
    printTable(label, measures);
    if (framework) {
      const { floor: ours, page: bare } = await inTurns(
        [baseURL, pid, floorPage],
        [framework.url, framework.pid, frameworkPage],
        {},
      );
      console.log(
        `[${label}] the floor beside the framework's (a bare Next.js page, in turns): ${ours.rps.toFixed(1)} against ${bare.rps.toFixed(1)} req/s, ${ours.cpuMs.toFixed(1)} against ${bare.cpuMs.toFixed(1)} ms of CPU a request (${(ours.cpuMs / bare.cpuMs).toFixed(1)}×)`,
      );
    }
  } finally {
    await stopServer(server);
  }
}

checkBuild();
// Built once (about 10 s), measured beside each database's floor; BENCH_PAGES leaves it out unless it names it.
const framework: FrameworkFloor | undefined =
  !ONLY || ONLY.includes("framework") ? startFrameworkFloor(await freePort()) : undefined;
try {
  if (DATABASE !== "postgres") {
    const folder = mkdtempSync(join(tmpdir(), "bench-pages-"));
    try {
      await bench("embedded PGlite", { PGLITE_DATA_DIR: folder, DATABASE_URL: "" });
    } finally {
      rmSync(folder, { recursive: true, force: true });
      // The server, stopped by a signal, leaves its pid file beside the folder (db/lock.ts).
      rmSync(`${folder}.lock`, { force: true });
    }
  }
  if (DATABASE !== "pglite") {
    if (process.env.DATABASE_URL) {
      await withThrowawayDatabase(process.env.DATABASE_URL, "bench_pages", async (url) => {
        await seedPostgres(url);
        await bench("PostgreSQL", { DATABASE_URL: url });
      });
    } else {
      console.log("\n(Set DATABASE_URL to a PostgreSQL server to measure it too.)");
    }
  }
} finally {
  framework?.stop();
}
