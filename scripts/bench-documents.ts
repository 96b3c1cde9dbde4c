/*
 * npm run bench:documents — the server's memory around one document (issue #12: "upload of a 10 MB PDF and its
 * download keep the server's memory bounded"):
 *   - upload: prepareUploadedDocument (content check, structure guard, SHA-256) then documentStore.put of a
 *     generated PDF of ~10 MB (pages of incompressible photos),
 *   - download: documentStore.open consumed to the end, as the file route streams it.
 * For each, the RSS before and its peak during (sampled every 2 ms, and the process's max RSS), after a GC.
 * Runs on the embedded database (a fresh folder) and, when DATABASE_URL is set, on a throwaway PostgreSQL
 * database created and dropped on that server. PGlite runs inside this process: its own memory (WebAssembly,
 * which never shrinks) is in the figures; with PostgreSQL it is the server's, elsewhere.
 */
import "./load-next-env";
import type { DatabaseHandle } from "@/db/client";
import { communes, DOCUMENT_MAX_BYTES } from "@/db/schema";
import { documentStore } from "@/lib/documents/storage";
import { prepareUploadedDocument } from "@/lib/documents/upload";
import { generatePdf } from "./bench-documents-pdf";
import { benchOnBothDatabases, fmt, ms } from "./bench-kit";

const MiB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

function collect() {
  // With --expose-gc: each phase starts from what is really held, not from the garbage of the one before.
  (globalThis as { gc?: () => void }).gc?.();
}

/** JavaScript's live memory: the heap and the buffers outside it (what a request allocates, freed or not yet). */
const live = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
};

/**
 * Runs `work` and samples the memory meanwhile: the RSS before and its peak (an allocator seldom gives pages back,
 * so the RSS of a later phase starts from the earlier peaks), and the live JS memory before and its peak.
 */
async function measured<T>(work: () => Promise<T>) {
  collect();
  const before = { rss: process.memoryUsage.rss(), live: live() };
  const peak = { ...before };
  const sample = () => {
    peak.rss = Math.max(peak.rss, process.memoryUsage.rss());
    peak.live = Math.max(peak.live, live());
  };
  const sampler = setInterval(sample, 2);
  const start = performance.now();
  try {
    const result = await work();
    sample();
    return { result, before, peak, took: ms(start) };
  } finally {
    clearInterval(sampler);
  }
}

const maxRss = () => mb(process.resourceUsage().maxRSS * 1024);
const line = (m: { before: { rss: number; live: number }; peak: { rss: number; live: number }; took: number }) =>
  `RSS ${mb(m.before.rss)} before, peak ${mb(m.peak.rss)} (+${mb(m.peak.rss - m.before.rss)}); live JS memory ${mb(m.before.live)} before, peak ${mb(m.peak.live)} (+${mb(m.peak.live - m.before.live)}); ${fmt(m.took)}`;

const pdf = await generatePdf(DOCUMENT_MAX_BYTES - 64 * 1024);
collect();
console.log(
  `generated a PDF of ${mb(pdf.byteLength)} (limit ${mb(DOCUMENT_MAX_BYTES)}); RSS ${mb(process.memoryUsage.rss())}, max RSS so far ${maxRss()}`,
);

async function bench(label: string, handle: DatabaseHandle) {
  const { db } = handle;
  await handle.migrate();
  const [commune] = await db
    .insert(communes)
    .values({ slug: "bench-documents", name: "Bench", serviceSignature: "Bench", contactEmail: "bench@example.fr" })
    .returning();
  const communeId = commune!.id;
  collect();
  console.log(`[${label}] database ready: RSS ${mb(process.memoryUsage.rss())}, max RSS so far ${maxRss()}`);
  // A first round warms the code paths (and PGlite's buffers) up; the second is the one reported.
  for (const round of ["warm-up", "measured"]) {
    const upload = await measured(async () => {
      const prepared = await prepareUploadedDocument([new File([Buffer.from(pdf)], "scan.pdf")]);
      if (!prepared.ok) throw new Error(prepared.message);
      return documentStore.put(db, { communeId, bytes: prepared.document.bytes });
    });
    const key = upload.result;
    const download = await measured(async () => {
      const opened = await documentStore.open(db, { communeId, key });
      if (!opened) throw new Error("stored document not found");
      let bytes = 0;
      let chunks = 0;
      for await (const chunk of opened.stream) {
        bytes += chunk.byteLength;
        chunks += 1;
      }
      if (bytes !== pdf.byteLength) throw new Error(`read ${bytes} bytes of ${pdf.byteLength}`);
      return chunks;
    });
    console.log(`[${label}] ${round} upload (prepareUploadedDocument + documentStore.put): ${line(upload)}`);
    console.log(
      `[${label}] ${round} download (documentStore.open read to the end, ${download.result} chunks): ${line(download)}`,
    );
    console.log(`[${label}] ${round}: max RSS so far ${maxRss()}`);
  }
}

await benchOnBothDatabases("bench_documents", bench);
