// npm run bench:front — the front end's weight and Lighthouse mobile scores (issue #15): for home, the planning
// (default view and month) and Mes demandes, the first-load JavaScript (the page's own <script src> files, raw and
// gzip) and Lighthouse 12.2.3's mobile performance score (default emulation and simulated throttling, the median of
// RUNS runs) with FCP, LCP, TBT and CLS, against the target of 90. Beside each page, in turns with it, the same
// Lighthouse runs on the framework's floor: a bare Next.js page built with this repo's next and react and the portal's
// stylesheet, so that a host too slow or too busy for 90 shows in the floor's score too.
// Uses the production build (builds it when .next/BUILD_ID is missing) served by server.mjs on a fresh embedded
// PGlite folder, or on DATABASE_URL when set (seeded with the demo when empty); logs in as the demo MARTIN family.
// Options: BENCH_PORT (default 3500; the floor answers on the next port), BENCH_RUNS (default 3), BENCH_PAGES
// (comma-separated labels).
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";
import { startFrameworkFloor } from "./framework-floor.mjs";

const CHROME = process.env.CHROME_PATH || "/usr/bin/chromium";
const PORT = Number(process.env.BENCH_PORT ?? 3500);
const FLOOR_PORT = PORT + 1;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET = 90;
const origin = `http://127.0.0.1:${PORT}`;
const login = { path: "/demo/connexion", email: "famille@demo.fr", password: "Famille2026demo" };
const pages = [
  { label: "home", path: "/demo" },
  { label: "planning", path: "/demo/espace-famille/planning" },
  { label: "planning month", path: "/demo/espace-famille/planning?vue=mois" },
  { label: "Mes demandes", path: "/demo/mon-espace-citoyen/mes-demandes" },
].filter(({ label }) => !process.env.BENCH_PAGES || process.env.BENCH_PAGES.split(",").includes(label));

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function startServer() {
  const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), "bench-front-"));
  const child = spawn(process.execPath, ["server.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      AUTH_SECRET: randomBytes(32).toString("hex"),
      LOCAL_MAILBOX: "true",
      SEED_DEMO: "true",
      ...(dataDir ? { PGLITE_DATA_DIR: dataDir } : {}),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return {
    stop() {
      child.kill();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls a URL (the portal's health endpoint: its first call migrates and seeds the database) until it answers 200. */
async function waitAnswering(url, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s.`);
}

/** Logs in through the real form and returns the session's Cookie header. */
async function sessionCookie() {
  const browser = await chromium.launch({ executablePath: CHROME, args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}${login.path}`);
    await page.locator('input[autocomplete="username"]').fill(login.email);
    await page.locator('input[autocomplete="current-password"]').fill(login.password);
    await page.locator("main").getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(login.path));
    const cookies = await page.context().cookies(origin);
    return cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
  } finally {
    await browser.close();
  }
}

/** The page's first-load JavaScript: every <script src> of its HTML but noModule ones, raw and gzip (zlib level 6, as served). */
async function firstLoadJs(url, cookie) {
  const response = await fetch(url, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const html = await response.text();
  // A noModule script (Next's polyfills) is neither fetched nor run by the browsers measured here.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map(([tag]) => tag).filter((tag) => !/\snomodule/i.test(tag));
  const sources = [...new Set(tags.flatMap((tag) => tag.match(/\ssrc="([^"]+)"/)?.[1] ?? []))];
  const files = await Promise.all(
    sources.map(async (src) => {
      const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
      return { src, raw: body.length, gzip: gzipSync(body).length };
    }),
  );
  const sum = (key) => files.reduce((total, file) => total + file[key], 0);
  return { count: files.length, raw: sum("raw"), gzip: sum("gzip"), files };
}

/** One Lighthouse mobile run (its default config: Moto G Power emulation, simulated slow 4G and 4x CPU). */
async function lighthouseRun(url, cookie) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: ["--headless", "--no-sandbox"] });
  try {
    return lighthouseResult(
      await lighthouse(url, {
        port: chrome.port,
        onlyCategories: ["performance"],
        extraHeaders: cookie ? { Cookie: cookie } : undefined,
        logLevel: "error",
        output: "json",
      }),
      url,
    );
  } finally {
    chrome.kill();
  }
}

/** The scores and metrics of one run, from Lighthouse's report. */
function lighthouseResult({ lhr }, url) {
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  if (lhr.finalDisplayedUrl !== url) throw new Error(`${url} ended on ${lhr.finalDisplayedUrl}`);
  const metric = (id) => lhr.audits[id].numericValue;
  return {
    score: Math.round(lhr.categories.performance.score * 100),
    fcp: metric("first-contentful-paint"),
    lcp: metric("largest-contentful-paint"),
    tbt: metric("total-blocking-time"),
    cls: metric("cumulative-layout-shift"),
    // Lighthouse's own measure of the host's CPU at the run's start: its throttling slows that CPU 4 times, so the
    // same page scores lower on a slower or busier host.
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    // What the unthrottled load showed. A first paint shown after the load event means the browser held the frame
    // (headless Chromium's compositor, GoogleChrome/lighthouse#17148): the simulation then counts every script
    // that ran before it as needed for that paint, and its FCP and LCP grow with them.
    observed: lhr.audits.metrics.details.items[0],
  };
}

/**
 * RUNS runs of the page, each after one of the floor: a shared host's speed drifts within minutes, and runs in turns
 * see the same host.
 */
async function lighthouseBesideFloor(path, cookie) {
  const page = [];
  const floor = [];
  for (let run = 0; run < RUNS; run++) {
    floor.push(await lighthouseRun(`${floorOrigin}/`, null));
    page.push(await lighthouseRun(`${origin}${path}`, cookie));
  }
  return { page: medianRun(page), floor: medianRun(floor) };
}

/** The run with the median score, as Lighthouse's own docs advise (its metrics belong together). */
function medianRun(runs) {
  const middle = median(runs.map((run) => run.score));
  return {
    ...runs.find((run) => run.score === middle),
    scores: runs.map((run) => run.score),
    benchmarkIndexes: runs.map((run) => run.benchmarkIndex),
    observedPaints: runs.map(
      ({ observed }) => `${observed.observedFirstContentfulPaint} ms (load event ${observed.observedLoad} ms)`,
    ),
  };
}

if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build: running `next build`…");
  execFileSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("hex") },
  });
}
// The floor is built first: a build that fails leaves no server running.
const floorApp = startFrameworkFloor(FLOOR_PORT);
const floorOrigin = floorApp.url;
const server = startServer();
let failed = false;
try {
  await waitAnswering(`${origin}/api/health`, 180_000);
  await waitAnswering(`${floorOrigin}/`, 30_000);
  const cookie = await sessionCookie();
  const floorJs = await firstLoadJs(`${floorOrigin}/`, null);
  console.log(`Lighthouse 12.2.3 mobile (default emulation + throttling), median of ${RUNS} runs; target ≥ ${TARGET}`);
  console.log(`Database: ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "fresh embedded PGlite"}`);
  console.log(
    `Framework floor: a bare Next.js page (no client component, the portal's stylesheet), first-load JS ${kb(floorJs.raw)} raw, ${kb(floorJs.gzip)} gzip\n`,
  );
  for (const { label, path } of pages) {
    const js = await firstLoadJs(`${origin}${path}`, cookie);
    const { page: lh, floor } = await lighthouseBesideFloor(path, cookie);
    const pass = lh.score >= TARGET;
    failed ||= !pass;
    console.log(`${label} (${path})`);
    console.log(`  first-load JS: ${kb(js.raw)} raw, ${kb(js.gzip)} gzip, ${js.count} files`);
    for (const file of [...js.files].sort((a, b) => b.gzip - a.gzip))
      console.log(`    ${kb(file.gzip).padStart(9)} gzip  ${file.src}`);
    console.log(
      `  Lighthouse: ${lh.score} (runs ${lh.scores.join(", ")})  FCP ${(lh.fcp / 1000).toFixed(2)} s  LCP ${(lh.lcp / 1000).toFixed(2)} s  TBT ${Math.round(lh.tbt)} ms  CLS ${lh.cls.toFixed(3)}  ${pass ? "PASS" : "FAIL"} (≥ ${TARGET})`,
    );
    console.log(`  host CPU (Lighthouse benchmarkIndex, each run): ${lh.benchmarkIndexes.join(", ")}`);
    console.log(`  first paint shown, unthrottled (each run): ${lh.observedPaints.join(", ")}`);
    console.log(
      `  framework floor, in turns with it: ${floor.score} (runs ${floor.scores.join(", ")})  FCP ${(floor.fcp / 1000).toFixed(2)} s  LCP ${(floor.lcp / 1000).toFixed(2)} s  TBT ${Math.round(floor.tbt)} ms  benchmarkIndex ${floor.benchmarkIndexes.join(", ")}\n`,
    );
  }
} finally {
  server.stop();
  floorApp.stop();
}
process.exitCode = failed ? 1 : 0;
