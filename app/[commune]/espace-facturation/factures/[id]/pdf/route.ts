import { z } from "zod";
import { findSessionUser } from "@/lib/auth/session";
import { findViewableInvoice } from "@/lib/billing/family/detail";
import { invoicePdfFilename, renderInvoicePdf } from "@/lib/billing/pdf/invoice-pdf";
import { notFoundResponse, pdfHeaders } from "@/lib/billing/pdf/responses";
import { findCommuneBySlug } from "@/lib/communes";
import { getDb } from "@/lib/db";

// @react-pdf/renderer needs Node (fonts, zlib, Buffer).
export const runtime = "nodejs";

type Context = { params: Promise<{ commune: string; id: string }> };

/**
 * The invoice as a PDF, for the families subscribed to its household and the commune's staff; 404 for anyone
 * else, an unknown id and another commune's invoice alike. Never cached.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { commune: slug, id } = await params;
  const invoiceId = z.uuid().safeParse(id);
  if (!invoiceId.success) return notFoundResponse();
  const db = await getDb();
  const commune = await findCommuneBySlug(db, slug);
  if (!commune) return notFoundResponse();
  const user = await findSessionUser(db, commune.id);
  if (!user) return notFoundResponse();
  const invoice = await findViewableInvoice(db, { communeId: commune.id, viewer: user, invoiceId: invoiceId.data });
  if (!invoice) return notFoundResponse();
  const pdf = await renderInvoicePdf(commune, invoice);
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: pdfHeaders(invoicePdfFilename(invoice.reference), pdf.length),
  });
}
