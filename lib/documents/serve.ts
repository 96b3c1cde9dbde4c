import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { Role } from "@/db/schema";
import { findSessionUser } from "@/lib/auth/session";
import { findCommuneBySlug } from "@/lib/communes";
import { getDb } from "@/lib/db";
import { findViewableDocument, type ViewableDocument } from "./access";
import { documentStore } from "./storage";

/** Never kept by a shared cache nor the browser, never sniffed into something else. */
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;

/**
 * The file's own CSP, should a browser render it as a page: no script, nothing loaded, a unique origin (sandbox).
 * Inline, only the portal's own pages may frame it (the agents' review page). Chromium's PDF viewer shows a
 * sandboxed PDF, framed or not (checked with the Chromium the e2e tests run).
 */
export function fileContentSecurityPolicy(inline: boolean): string {
  return `sandbox; default-src 'none'; frame-ancestors ${inline ? "'self'" : "'none'"}`;
}

/** "RIB - MARTIN.pdf" → the ASCII fallback `RIB - MARTIN.pdf`; "Attestation d'été.pdf" → `Attestation d_ete.pdf`. */
export function asciiFileName(fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9 ._()-]/g, "_")
    .replace(/^[.\s]+/, "")
    .trim();
  return ascii || "document";
}

/** RFC 5987 / 6266: the UTF-8 name, percent-encoded (encodeURIComponent leaves ' ( ) * which are not attr-chars). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

/** `attachment; filename="RIB - MARTIN.pdf"; filename*=UTF-8''RIB%20-%20MARTIN.pdf` (inline for the viewer). */
export function contentDisposition(fileName: string, inline: boolean): string {
  // Line breaks and control characters never reach a header.
  const clean =
    [...fileName]
      .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
      .join("")
      .trim() || "document";
  return `${inline ? "inline" : "attachment"}; filename="${asciiFileName(clean)}"; filename*=UTF-8''${encodeRfc5987(clean)}`;
}

/** The same answer for an unknown document, one the viewer may not see and one whose bytes are gone. */
export function documentNotFoundResponse(): Response {
  return new Response("Introuvable", {
    status: 404,
    headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * The HTTP response of a document's file, streamed from the store: a download by default, inline for the
 * agents' viewer; no-store, nosniff, a sandboxing CSP. 404 when its bytes are gone.
 */
export async function documentResponse(
  db: Db,
  document: ViewableDocument,
  options: { inline: boolean },
): Promise<Response> {
  const opened = await documentStore.open(db, { communeId: document.communeId, key: document.storageKey });
  if (!opened) return documentNotFoundResponse();
  return new Response(opened.stream, {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": document.mediaType,
      "Content-Length": String(opened.sizeBytes),
      "Content-Disposition": contentDisposition(document.fileName, options.inline),
      "Content-Security-Policy": fileContentSecurityPolicy(options.inline),
    },
  });
}

/**
 * What both file routes answer: the document's file when the id is one, the commune exists, the session's account
 * of that commune has one of `roles` and may view it (findViewableDocument, which audits health reads); otherwise a
 * 404 that says nothing of why.
 */
export async function documentFileRoute(params: {
  communeSlug: string;
  documentId: string;
  roles: readonly Role[];
  inline: boolean;
}): Promise<Response> {
  const documentId = z.uuid().safeParse(params.documentId);
  if (!documentId.success) return documentNotFoundResponse();
  const db = await getDb();
  const commune = await findCommuneBySlug(db, params.communeSlug);
  if (!commune) return documentNotFoundResponse();
  const user = await findSessionUser(db, commune.id);
  if (!user || !params.roles.includes(user.role)) return documentNotFoundResponse();
  const document = await findViewableDocument(db, { communeId: commune.id, viewer: user, documentId: documentId.data });
  if (!document) return documentNotFoundResponse();
  return documentResponse(db, document, { inline: params.inline });
}
