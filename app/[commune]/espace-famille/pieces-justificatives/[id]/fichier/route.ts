import { documentFileRoute } from "@/lib/documents/serve";

// The bytes are streamed from PostgreSQL by the Node driver.
export const runtime = "nodejs";

type Context = { params: Promise<{ commune: string; id: string }> };

/**
 * A document's file for the family: an account subscribed to its household (or its uploader, before the household
 * exists); 404 for anyone else, staff included (they have their own route), an unknown id and another commune's
 * document alike. Always a download, never cached.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { commune, id } = await params;
  return documentFileRoute({ communeSlug: commune, documentId: id, roles: ["family"], inline: false });
}
