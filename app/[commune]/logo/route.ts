import { findCommuneBySlug } from "@/lib/communes";
import { findCommuneLogo } from "@/lib/communes/logo";
import { getDb } from "@/lib/db";

type Context = { params: Promise<{ commune: string }> };

/**
 * The commune's logo, public like its name: every page's header and every mail (fetched by the mail client) show
 * it. Its URL carries its version (routes.communeLogo), so a copy may be kept a long time.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const db = await getDb();
  const commune = await findCommuneBySlug(db, (await params).commune);
  const logo = commune ? await findCommuneLogo(db, commune.id) : null;
  if (!logo)
    return new Response("Introuvable", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
    });
  return new Response(Buffer.from(logo.data), {
    status: 200,
    headers: {
      // Always a PNG the portal re-encoded itself (lib/communes/logo.ts).
      "Content-Type": logo.mimeType,
      "Content-Length": String(logo.data.length),
      "Cache-Control": "public, max-age=86400",
      "X-Content-Type-Options": "nosniff",
      "Last-Modified": logo.updatedAt.toUTCString(),
    },
  });
}
