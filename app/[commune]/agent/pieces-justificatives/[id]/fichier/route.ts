import type { NextRequest } from "next/server";
import { z } from "zod";
import { findSessionUser, staffRoles } from "@/lib/auth/session";
import { findCommuneBySlug } from "@/lib/communes";
import { getDb } from "@/lib/db";
import { findViewableDocument } from "@/lib/documents/access";
import { documentNotFoundResponse, documentResponse } from "@/lib/documents/serve";

// The bytes are streamed from PostgreSQL by the Node driver.
export const runtime = "nodejs";

type Context = { params: Promise<{ commune: string; id: string }> };

/**
 * A document's file for the staff of its commune (signed in, second factor passed); 404 for anyone else. A download
 * by default; `?affichage=1` shows it inline, for the review page's viewer (the only page allowed to frame it:
 * next.config.ts and proxy.ts). Each read of a health document is audited (findViewableDocument).
 */
export async function GET(request: NextRequest, { params }: Context): Promise<Response> {
  const { commune: slug, id } = await params;
  const documentId = z.uuid().safeParse(id);
  if (!documentId.success) return documentNotFoundResponse();
  const db = await getDb();
  const commune = await findCommuneBySlug(db, slug);
  if (!commune) return documentNotFoundResponse();
  const user = await findSessionUser(db, commune.id);
  if (!user || !(staffRoles as readonly string[]).includes(user.role)) return documentNotFoundResponse();
  const document = await findViewableDocument(db, {
    communeId: commune.id,
    viewer: user,
    documentId: documentId.data,
  });
  if (!document) return documentNotFoundResponse();
  const inline = request.nextUrl.searchParams.get("affichage") === "1";
  return documentResponse(db, document, { inline });
}
