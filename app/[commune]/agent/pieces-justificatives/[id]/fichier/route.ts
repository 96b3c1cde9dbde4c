import type { NextRequest } from "next/server";
import { staffRoles } from "@/lib/auth/session";
import { documentFileRoute } from "@/lib/documents/serve";

// The bytes are streamed from PostgreSQL by the Node driver.
export const runtime = "nodejs";

type Context = { params: Promise<{ commune: string; id: string }> };

/**
 * A document's file for the staff of its commune (signed in, second factor passed); 404 for anyone else. A download
 * by default; `?affichage=1` shows it inline, for the review page's viewer (the only page allowed to frame it:
 * next.config.ts and proxy.ts). Each read of a health document is audited (findViewableDocument).
 */
export async function GET(request: NextRequest, { params }: Context): Promise<Response> {
  const { commune, id } = await params;
  const inline = request.nextUrl.searchParams.get("affichage") === "1";
  return documentFileRoute({ communeSlug: commune, documentId: id, roles: staffRoles, inline });
}
