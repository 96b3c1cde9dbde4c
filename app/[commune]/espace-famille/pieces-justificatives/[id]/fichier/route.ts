import { z } from "zod";
import { findSessionUser } from "@/lib/auth/session";
import { findCommuneBySlug } from "@/lib/communes";
import { getDb } from "@/lib/db";
import { findViewableDocument } from "@/lib/documents/access";
import { documentNotFoundResponse, documentResponse } from "@/lib/documents/serve";

// The bytes are streamed from PostgreSQL by the Node driver.
export const runtime = "nodejs";

type Context = { params: Promise<{ commune: string; id: string }> };

/**
 * A document's file for the family: an account subscribed to its household (or its uploader, before the household
 * exists); 404 for anyone else, staff included (they have their own route), an unknown id and another commune's
 * document alike. Always a download, never cached.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { commune: slug, id } = await params;
  const documentId = z.uuid().safeParse(id);
  if (!documentId.success) return documentNotFoundResponse();
  const db = await getDb();
  const commune = await findCommuneBySlug(db, slug);
  if (!commune) return documentNotFoundResponse();
  const user = await findSessionUser(db, commune.id);
  if (user?.role !== "family") return documentNotFoundResponse();
  const document = await findViewableDocument(db, {
    communeId: commune.id,
    viewer: user,
    documentId: documentId.data,
  });
  if (!document) return documentNotFoundResponse();
  return documentResponse(db, document, { inline: false });
}
