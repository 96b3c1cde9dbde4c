/*
 * npm run bench:documents-server — the server-level figure of issue #12 ("upload of a 10 MB PDF and its download
 * keep the server's memory bounded"), where `npm run bench:documents` measures the functions in-process:
 *   - starts the production build as playwright.config.ts's webServer does (`node server.mjs -p <port> -H
 *     127.0.0.1`), on a fresh embedded database (a temporary PGLITE_DATA_DIR, migrated and seeded with the demo
 *     data by the server on its first request), then, when DATABASE_URL is set, on a throwaway database of that
 *     PostgreSQL server (created, migrated and seeded with the demo data here, dropped at the end);
 *   - signs the MARTIN family in with Chromium, opens Pièces justificatives › "Remplacer" on its justificatif de
 *     domicile, sets a generated PDF of ~10 MB (pages of noise photos) on the file input and sends it;
 *   - downloads that document's file 5 times (BENCH_DOWNLOADS=n for more) through the browser context (its
 *     cookies), reading each body fully;
 *   - meanwhile samples the server process's RSS (VmRSS of /proc/<pid>/status, every ~5 ms, from a worker thread
 *     so that the browser's traffic in this process never delays it), and reads its VmHWM (peak) at the end.
 * Prints the RSS after start and warm-up page loads, its peak during the upload and after it, its peak during the
 * downloads, the downloaded size and SHA-256 against the upload's, and the durations. Exits non-zero if a download
 * differs from the upload.
 *
 * It measures the build in .next and never builds: run `npm run build` first (and again after changing the app).
 * It refuses to start without a build, and warns when a source file is newer than it. Linux only (/proc).
 * The server is node itself (spawned directly, not through npm), so the pid sampled is the one serving.
 * Chromium: Playwright's own, else the system one (/usr/bin/chromium, --no-sandbox), as playwright.config.ts.
 */
import "./load-next-env";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { BrowserContext, Page } from "playwright-core";
import { DOCUMENT_MAX_BYTES } from "@/db/schema";
import { routes } from "@/lib/routes/paths";
import { generatePdf } from "./bench-documents-pdf";
import { withThrowawayDatabase } from "./bench-kit";
import {
  checkBuild,
  commune,
  freePort,
  launchChromium,
  logIn,
  seedPostgres,
  serverEnv,
  sleep,
  startServer,
  stopServer,
} from "./bench-server";

const MiB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const kbToMb = (kb: number) => mb(kb * 1024);
const secs = (milliseconds: number) => `${(milliseconds / 1000).toFixed(2)} s`;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Downloads in a row; BENCH_DOWNLOADS=20 to see whether the RSS levels off. */
const DOWNLOADS = Number(process.env.BENCH_DOWNLOADS || 5);
const SAMPLE_EVERY_MS = 5;
const FILE_LABEL = "Fichier (PDF, JPEG ou PNG, 10 Mo maximum)";
const SENT = "Votre document a été envoyé : il est en cours de vérification.";
const DOCUMENT_TYPE = "Justificatif de domicile";

/** A field of /proc/<pid>/status in kB (VmRSS: resident now, VmHWM: the peak since the process started). */
function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

// The sampler's loop, in a worker thread: it reads the RSS every SAMPLE_EVERY_MS whatever this thread is doing.
// Shared cells: [0] stop, [1] peak kB since the last reset, [2] samples since the last reset.
const samplerSource = `
const { workerData } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
const { pid, cells: buffer, every } = workerData;
const cells = new Int32Array(buffer);
const pause = new Int32Array(new SharedArrayBuffer(4));
while (Atomics.load(cells, 0) === 0) {
  let status;
  try { status = readFileSync("/proc/" + pid + "/status", "utf8"); } catch { break; }
  const kb = Number(/^VmRSS:\\s+(\\d+) kB/m.exec(status)?.[1] ?? 0);
  for (;;) {
    const peak = Atomics.load(cells, 1);
    if (kb <= peak || Atomics.compareExchange(cells, 1, peak, kb) === peak) break;
  }
  Atomics.add(cells, 2, 1);
  Atomics.wait(pause, 0, 0, every);
}
`;

/** Samples the RSS of process `pid` until stopped; `during` gives the peak of what it runs. */
function rssSampler(pid: number) {
  const cells = new Int32Array(new SharedArrayBuffer(3 * 4));
  const worker = new Worker(samplerSource, {
    eval: true,
    workerData: { pid, cells: cells.buffer, every: SAMPLE_EVERY_MS },
  });
  return {
    /** Runs `work`; answers its result, the RSS before, its peak meanwhile, the samples taken and the time. */
    async during<T>(work: () => Promise<T>) {
      const before = statusKb(pid, "VmRSS");
      Atomics.store(cells, 1, before);
      Atomics.store(cells, 2, 0);
      const start = performance.now();
      const result = await work();
      const took = performance.now() - start;
      await sleep(2 * SAMPLE_EVERY_MS); // a last sample or two after the end
      return { result, before, peak: Atomics.load(cells, 1), samples: Atomics.load(cells, 2), took };
    },
    async stop() {
      Atomics.store(cells, 0, 1);
      await worker.terminate();
    },
  };
}

/** The line of Pièces justificatives for a type, found by its label (as e2e/documents-family.spec.ts). */
const lineOf = (page: Page, label: string) =>
  page.getByRole("listitem").filter({ has: page.getByText(label, { exact: true }) });

/** Downloads `path` with the context's cookies and reads the body to the end. */
async function download(context: BrowserContext, path: string): Promise<Buffer> {
  const response = await context.request.get(path);
  if (!response.ok()) throw new Error(`GET ${path}: ${response.status()}`);
  return response.body();
}

async function bench(label: string, pdf: Uint8Array, databaseEnv: Record<string, string>) {
  const log = (message: string) => console.log(`[${label}] ${message}`);
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const { server, took: startTook } = await startServer(port, serverEnv(baseURL, databaseEnv));
  const pid = server.pid!;
  const sampler = rssSampler(pid);
  const browser = await launchChromium();
  try {
    log(`server (pid ${pid}) ready in ${secs(startTook)}: RSS ${kbToMb(statusKb(pid, "VmRSS"))}`);
    const context = await browser.newContext({ baseURL, locale: "fr-FR", timezoneId: "Europe/Paris" });
    const page = await context.newPage();

    // Warm-up: every page and route the measure goes through is loaded once (the file route with the seeded file).
    await logIn(page);
    await page.goto(routes.family.documents(commune));
    const line = lineOf(page, DOCUMENT_TYPE);
    const seeded = await line.getByRole("link", { name: /^Voir le document/ }).getAttribute("href");
    if (!seeded) throw new Error(`no "Voir le document" for ${DOCUMENT_TYPE}`);
    await download(context, seeded);
    await line.getByRole("link", { name: /^Remplacer/ }).click();
    await page.getByRole("heading", { level: 1, name: "Déposer une pièce justificative" }).waitFor();
    await page.goto(routes.family.documents(commune));
    await page.waitForLoadState("networkidle");
    await sleep(1000);
    const before = statusKb(pid, "VmRSS");
    log(`before (after start and warm-up page loads): RSS ${kbToMb(before)}`);

    // Upload: the file is set in the browser first; measured from "Envoyer" until the list says it was sent.
    await line.getByRole("link", { name: /^Remplacer/ }).click();
    await page.getByRole("heading", { level: 1, name: "Déposer une pièce justificative" }).waitFor();
    await page.getByLabel(FILE_LABEL).setInputFiles({
      name: "bench-10-mo.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(pdf),
    });
    await page.getByRole("list", { name: "Fichiers choisis" }).getByRole("listitem").first().waitFor();
    const upload = await sampler.during(async () => {
      await page.getByRole("button", { name: "Envoyer" }).click();
      await page.getByRole("status").filter({ hasText: SENT }).waitFor({ timeout: 120_000 });
    });
    await sleep(1000);
    const after = statusKb(pid, "VmRSS");
    log(
      `upload of ${mb(pdf.byteLength)} ("Envoyer" to the list, ${secs(upload.took)}; ${upload.samples} samples, one per ${(upload.took / upload.samples).toFixed(1)} ms): ` +
        `RSS ${kbToMb(upload.before)} before, peak ${kbToMb(upload.peak)} (+${kbToMb(upload.peak - before)} over the warm-up's), ` +
        `${kbToMb(after)} 1 s after`,
    );

    // Downloads: the link of the document just sent, read to the end DOWNLOADS times in a row.
    const href = await line.getByRole("link", { name: /^Voir le document/ }).getAttribute("href");
    if (!href) throw new Error(`no "Voir le document" for the document sent`);
    const bodies: Buffer[] = [];
    const downloads: { before: number; peak: number; samples: number; took: number }[] = [];
    for (let index = 0; index < DOWNLOADS; index++) {
      const { result, ...measure } = await sampler.during(() => download(context, href));
      bodies.push(result);
      downloads.push(measure);
    }
    await sleep(1000);
    const afterDownloads = statusKb(pid, "VmRSS");
    const first = downloads[0]!.before;
    const peak = Math.max(...downloads.map((each) => each.peak));
    const samples = downloads.reduce((sum, each) => sum + each.samples, 0);
    const downloadsTook = downloads.reduce((sum, each) => sum + each.took, 0);
    log(
      `${DOWNLOADS} downloads of ${href} (${downloads.map((each) => secs(each.took)).join(", ")}; ${samples} samples, one per ${(downloadsTook / samples).toFixed(1)} ms): ` +
        `RSS ${kbToMb(first)} before, peak ${kbToMb(peak)} (+${kbToMb(peak - first)}; peak of each: ${downloads.map((each) => kbToMb(each.peak)).join(", ")}), ` +
        `${kbToMb(afterDownloads)} 1 s after`,
    );
    log(`server's VmHWM (its peak RSS since it started): ${kbToMb(statusKb(pid, "VmHWM"))}`);

    const expected = sha256(pdf);
    const wrong = bodies.filter((body) => body.byteLength !== pdf.byteLength || sha256(body) !== expected);
    log(
      `downloaded ${bodies.map((body) => body.byteLength).join(", ")} bytes; uploaded ${pdf.byteLength} bytes, ` +
        `SHA-256 ${expected}: ${wrong.length === 0 ? "every download equal to the upload" : `${wrong.length} download(s) DIFFER`}`,
    );
    if (wrong.length > 0) process.exitCode = 1;
    await context.close();
  } finally {
    await browser.close();
    await sampler.stop();
    await stopServer(server);
  }
}

checkBuild();
const generated = performance.now();
const pdf = await generatePdf(DOCUMENT_MAX_BYTES - 64 * 1024);
console.log(
  `generated a PDF of ${mb(pdf.byteLength)} (${pdf.byteLength} bytes; limit ${mb(DOCUMENT_MAX_BYTES)}) in ${secs(performance.now() - generated)}`,
);

const folder = mkdtempSync(join(tmpdir(), "bench-documents-server-"));
try {
  await bench("embedded PGlite", pdf, { PGLITE_DATA_DIR: folder, DATABASE_URL: "" });
} finally {
  rmSync(folder, { recursive: true, force: true });
  // The server, stopped by a signal, leaves its pid file beside the folder (db/lock.ts).
  rmSync(`${folder}.lock`, { force: true });
}

if (process.env.DATABASE_URL) {
  await withThrowawayDatabase(process.env.DATABASE_URL, "bench_documents_server", async (url) => {
    await seedPostgres(url);
    await bench("PostgreSQL", pdf, { DATABASE_URL: url });
  });
} else {
  console.log("\n(Set DATABASE_URL to a PostgreSQL server to measure it too.)");
}
