import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { checkHealth, type HealthReport } from "@/lib/health/check";

export const dynamic = "force-dynamic";

/** A database that does not answer within this is as good as down for a load balancer. */
const TIMEOUT_MS = 3_000;
/** Monitors may poll often: one check per instance every few seconds is enough and bounds the database's load. */
const REUSE_MS = 5_000;

const DOWN: HealthReport = { ok: false, checks: { database: false, migrations: false, outbox: false } };
let last: { at: number; report: Promise<HealthReport> } | undefined;

function freshReport(): Promise<HealthReport> {
  const timeout = new Promise<HealthReport>((resolve) => setTimeout(() => resolve(DOWN), TIMEOUT_MS).unref());
  const checked = getDb().then(
    (db) => checkHealth(db, new Date()),
    () => DOWN,
  );
  return Promise.race([checked, timeout]);
}

/**
 * For load balancers and uptime monitors: 200 when this instance can serve, else 503 with the failing checks'
 * names. Nothing else (no version, count or error text) is revealed.
 */
export async function GET() {
  if (!last || Date.now() - last.at > REUSE_MS) last = { at: Date.now(), report: freshReport() };
  const { ok, checks } = await last.report;
  const body = ok
    ? { status: "ok" }
    : {
        status: "error",
        checks: Object.fromEntries(Object.entries(checks).map(([name, passed]) => [name, passed ? "ok" : "error"])),
      };
  return NextResponse.json(body, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
