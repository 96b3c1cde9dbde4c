import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { env, localMailboxEnabled } from "@/lib/env";
import { runMaintenance } from "@/lib/jobs/maintenance";

export const dynamic = "force-dynamic";
// A 18:01 run may queue thousands of digests and then send for up to 40 s: more than Vercel's default limit.
export const maxDuration = 300;

function authorized(header: string | null): boolean {
  if (!env.CRON_SECRET || !header) return false;
  const expected = Buffer.from(`Bearer ${env.CRON_SECRET}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Vercel Cron calls this with `Authorization: Bearer $CRON_SECRET` (see vercel.json). Its schedule, minutes 2, 7,
 * 12… of every hour (UTC), includes 13:02 and 18:02 Paris in winter (CET) and summer (CEST) alike, since Paris is
 * a whole number of hours from UTC: the digests leave as soon as their window is due.
 */
export async function GET(request: Request) {
  if (!authorized(request.headers.get("authorization")))
    return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  return NextResponse.json(await runMaintenance(await getDb(), simulatedNow(request)));
}

/**
 * `?now=<ISO date>` runs the digest window due at that time, so it can be tried without waiting for 13:01 (again
 * for the households decided since, when it ran already). Only where mails stay in the local mailbox (a demo or
 * test instance): never where real mail leaves.
 */
function simulatedNow(request: Request): Date | undefined {
  const value = new URL(request.url).searchParams.get("now");
  if (!value || !localMailboxEnabled) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
