// The families of `npm run bench:rush`, each as a browser would be: its planning page, then one click on
// "Demander la réservation" posted to the page's server action. See scripts/bench-rush.ts.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { encode } from "next-auth/jwt";
import type { RushCommune, RushFamily } from "@/db/seed-bench-rush";
import { SESSION_IDLE_SECONDS } from "@/lib/auth/session-policy";
import { isoWeekday } from "@/lib/planning/days";
import { percentile } from "./bench-kit";

/** Auth.js's cookie over plain http (the bench talks to 127.0.0.1); the JWT's salt is the cookie's name. */
const SESSION_COOKIE = "authjs.session-token";
/** A request still unanswered after this is counted as an error (a browser's user would have given up too). */
const REQUEST_TIMEOUT_MS = 30_000;

// React's own encoder of server-action arguments, the code the browser bundle runs on a form's submit.
const { encodeReply } = createRequire(join(process.cwd(), "package.json"))(
  "next/dist/compiled/react-server-dom-webpack/client.node",
) as { encodeReply: (value: unknown) => Promise<FormData | string> };

/**
 * The id of the planning's "requestSlot" action in this build (Next gives each server action an id per build;
 * the browser finds it in the page's payload).
 */
export function requestSlotActionId(): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  const page = "app/[commune]/espace-famille/planning/page";
  const ids = Object.entries(manifest.node)
    .filter(([, entry]) => entry.exportedName === "requestSlot" && page in entry.workers)
    .map(([id]) => id);
  if (ids.length !== 1) throw new Error(`expected one requestSlot action in the build, found ${ids.length}`);
  return ids[0]!;
}

/**
 * The session cookie a login would have set (auth.ts: the JWT callback's claims, the server-side session row
 * created by the seed). Minted here because 2,500 logins would make the bench measure argon2, not the rush.
 */
export async function sessionCookie(
  family: RushFamily,
  commune: { id: string; slug: string },
  secret: string,
): Promise<string> {
  const token = {
    sub: family.userId,
    email: family.email,
    communeId: commune.id,
    communeSlug: commune.slug,
    role: "family",
    sessionId: family.sessionId,
    loginAt: Date.now(),
  };
  const jwt = await encode({ token, secret, salt: SESSION_COOKIE, maxAge: SESSION_IDLE_SECONDS });
  return `${SESSION_COOKIE}=${jwt}`;
}

export type Outcome = "booked" | "waiting" | "requested" | "error";

export interface FamilyRun {
  startedAt: number;
  pageMs?: number;
  bookingMs?: number;
  outcome: Outcome;
  error?: string;
}

/** A row of the RSC payload (`<hex id>:<JSON>` on one line), parsed; undefined when absent. */
function payloadRow(payload: string, id: string): unknown {
  const line = payload.split("\n").find((row) => row.startsWith(`${id}:`));
  return line === undefined ? undefined : JSON.parse(line.slice(id.length + 1));
}

/** The action's answer: row 0 of the payload is `{"a":"$@<row>",…}`, the ActionState being in that row. */
function actionState(payload: string): { ok: boolean; message?: string } | null {
  const answer = (payloadRow(payload, "0") as { a?: unknown } | undefined)?.a;
  const reference = typeof answer === "string" ? /^\$@([0-9a-f]+)$/.exec(answer)?.[1] : undefined;
  const state = reference ? payloadRow(payload, reference) : answer;
  return state && typeof state === "object" && "ok" in state ? (state as { ok: boolean; message?: string }) : null;
}

function outcomeOf(message: string | undefined): Outcome {
  if (message?.includes("liste d'attente")) return "waiting";
  if (message?.includes("acceptée")) return "booked";
  return "requested";
}

export interface LoadSettings {
  baseUrl: string;
  slug: string;
  actionId: string;
  secret: string;
  commune: RushCommune;
}

/** One family: its planning (month view, where a family lands), then its booking of one day. */
async function runFamily(family: RushFamily, s: LoadSettings, t0: number): Promise<FamilyRun> {
  const run: FamilyRun = { startedAt: performance.now() - t0, outcome: "error" };
  const cookie = await sessionCookie(family, { id: s.commune.communeId, slug: s.slug }, s.secret);
  const pageUrl = `${s.baseUrl}/${s.slug}/espace-famille/planning`;
  try {
    let start = performance.now();
    const page = await fetch(pageUrl, {
      headers: { cookie, accept: "text/html" },
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const html = await page.text();
    run.pageMs = performance.now() - start;
    if (page.status !== 200 || !html.includes("Planning des activités")) {
      run.error = `page ${page.status}`;
      return run;
    }
    const form = new FormData();
    // The slot dialog's hidden fields (components/planning/slot-dialog.tsx).
    const fields = {
      kind: "booking",
      childId: family.childId,
      activityId: s.commune.activityId,
      from: family.day,
      to: family.day,
      weekdays: String(isoWeekday(family.day)),
    };
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    // The page binds the commune's slug; useActionState passes the previous state (null) before the form.
    const body = await encodeReply([s.slug, null, form]);
    // The answer is the action's result alone (the slot as it now is, no page rendered again), so the browser's
    // Next-Router-State-Tree header, not sent here, would change nothing.
    start = performance.now();
    const response = await fetch(pageUrl, {
      method: "POST",
      headers: { cookie, accept: "text/x-component", "next-action": s.actionId, origin: s.baseUrl },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const payload = await response.text();
    run.bookingMs = performance.now() - start;
    const state = response.status === 200 ? actionState(payload) : null;
    if (!state?.ok) {
      run.error = state ? `action: ${state.message}` : `action ${response.status}`;
      return run;
    }
    run.outcome = outcomeOf(state.message);
  } catch (error) {
    run.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  return run;
}

/**
 * Loads the planning `rounds` times per instance before the clock starts (the first requests of a fresh process
 * compile and fill caches), with the first families' cookies: they load it again in the rush, a reload at most.
 */
export async function warmUp(s: LoadSettings, rounds: number): Promise<void> {
  for (const family of s.commune.families.slice(0, rounds)) {
    const cookie = await sessionCookie(family, { id: s.commune.communeId, slug: s.slug }, s.secret);
    const page = await fetch(`${s.baseUrl}/${s.slug}/espace-famille/planning`, { headers: { cookie } });
    await page.arrayBuffer();
  }
}

/** Runs `task(0)` … `task(count - 1)`, `concurrency` at a time, each starting as soon as a previous one is done. */
async function inPool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/**
 * The floor: the commune's public home (one dynamic page, no session) loaded `requests` times, `concurrency` at a
 * time as the rush's families are; how fast this machine serves the portal's cheapest page right now (other
 * processes compete for the same cores).
 */
export async function floorLoad(
  s: LoadSettings,
  concurrency: number,
  requests: number,
): Promise<{ perSecond: number; medianMs: number }> {
  const timings: number[] = [];
  const t0 = performance.now();
  await inPool(requests, concurrency, async () => {
    const start = performance.now();
    await (await fetch(`${s.baseUrl}/${s.slug}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })).arrayBuffer();
    timings.push(performance.now() - start);
  });
  const perSecond = requests / ((performance.now() - t0) / 1000);
  return {
    perSecond,
    medianMs: percentile(
      timings.sort((a, b) => a - b),
      50,
    ),
  };
}

/** Runs every family, `concurrency` at a time. */
export async function runRush(s: LoadSettings, concurrency: number): Promise<{ runs: FamilyRun[]; totalMs: number }> {
  const families = s.commune.families;
  const runs: FamilyRun[] = new Array(families.length);
  const t0 = performance.now();
  await inPool(families.length, concurrency, async (i) => {
    runs[i] = await runFamily(families[i]!, s, t0);
  });
  return { runs, totalMs: performance.now() - t0 };
}
