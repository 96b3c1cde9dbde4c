import { z } from "zod";
import { findSessionUser } from "@/lib/auth/session";
import { findCommuneBySlug } from "@/lib/communes";
import { getDb } from "@/lib/db";
import { findViewablePhoto } from "@/lib/family-file/photo-store";

type Context = { params: Promise<{ commune: string; id: string }> };

const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;

/** The same answer for an unknown child, a child without photo and a viewer who may not see it: nothing revealed. */
function notFound(): Response {
  return new Response("Introuvable", {
    status: 404,
    headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * A child's photo, for the family subscribed to the child's household or the staff of its commune; 404 for anyone
 * else. Never cached by a shared cache nor kept by the browser.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { commune: slug, id } = await params;
  const childId = z.uuid().safeParse(id);
  if (!childId.success) return notFound();
  const db = await getDb();
  const commune = await findCommuneBySlug(db, slug);
  if (!commune) return notFound();
  const user = await findSessionUser(db, commune.id);
  if (!user) return notFound();
  const photo = await findViewablePhoto(db, { communeId: commune.id, viewer: user, childId: childId.data });
  if (!photo) return notFound();
  return new Response(Buffer.from(photo.data), {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": photo.mimeType,
      "Content-Length": String(photo.data.length),
      "Content-Disposition": "inline",
      "Last-Modified": photo.updatedAt.toUTCString(),
    },
  });
}
