/** The headers of a private PDF download: never kept by a shared cache nor the browser, never sniffed. */
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;

export function pdfHeaders(filename: string, length: number): Record<string, string> {
  return {
    ...PRIVATE_HEADERS,
    "Content-Type": "application/pdf",
    "Content-Length": String(length),
    "Content-Disposition": `attachment; filename="${filename}"`,
  };
}

/** The same answer for an unknown document and one the viewer may not see: nothing revealed. */
export function notFoundResponse(): Response {
  return new Response("Introuvable", {
    status: 404,
    headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
  });
}
