import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { findSessionUser, staffRoles } from "@/lib/auth/session";
import type { CsvFile } from "@/lib/billing/exports";
import { findCommuneBySlug } from "@/lib/communes";
import { getDb } from "@/lib/db";

const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;

/** The same answer for an unknown run, another commune's and a caller who is not its staff: nothing revealed. */
function notFound(): Response {
  return new Response("Introuvable", {
    status: 404,
    headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * A run's CSV for the staff of its commune (signed in, second factor passed); 404 for anyone else. Downloaded as a
 * file, never cached.
 */
export async function csvResponse(
  params: Promise<{ commune: string; id: string }>,
  build: (db: Db, scope: { communeId: string; runId: string; actorUserId: string }) => Promise<CsvFile | null>,
): Promise<Response> {
  const { commune: slug, id } = await params;
  const runId = z.uuid().safeParse(id);
  if (!runId.success) return notFound();
  const db = await getDb();
  const commune = await findCommuneBySlug(db, slug);
  if (!commune) return notFound();
  const user = await findSessionUser(db, commune.id);
  if (!user || !(staffRoles as readonly string[]).includes(user.role)) return notFound();
  const file = await build(db, { communeId: commune.id, runId: runId.data, actorUserId: user.id });
  if (!file) return notFound();
  const body = new TextEncoder().encode(file.content);
  return new Response(body, {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Length": String(body.byteLength),
      "Content-Disposition": `attachment; filename="${file.filename}"`,
    },
  });
}
