import "server-only";
import type { Db } from "@/db/client";
import type { ViewableDocument } from "./access";

const SKELETON = "#12 skeleton: implemented by the files branch";

/**
 * The HTTP response of a document's file, streamed from the store: a download by default, inline for the
 * agents' viewer; no-store, nosniff, a sandboxing CSP. 404 when its bytes are gone.
 */
export async function documentResponse(
  _db: Db,
  _document: ViewableDocument,
  _options: { inline: boolean },
): Promise<Response> {
  throw new Error(SKELETON);
}
