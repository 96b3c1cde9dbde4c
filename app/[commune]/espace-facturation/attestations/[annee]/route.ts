import { z } from "zod";
import { findSessionUser } from "@/lib/auth/session";
import { loadChildcareAttestation } from "@/lib/billing/family/attestation-data";
import { attestationPdfFilename, renderAttestationPdf } from "@/lib/billing/pdf/attestation-pdf";
import { notFoundResponse, pdfHeaders } from "@/lib/billing/pdf/responses";
import { todayInParis } from "@/lib/clock";
import { findCommuneBySlug } from "@/lib/communes";
import { getDb } from "@/lib/db";
import { chooseSubscribedHousehold } from "@/lib/subscriptions/households";

// @react-pdf/renderer needs Node (fonts, zlib, Buffer).
export const runtime = "nodejs";

type Context = { params: Promise<{ commune: string; annee: string }> };

/**
 * The "Attestation de frais de garde" of a year that has ended, for a household the account is subscribed to
 * (?famille=, else its first one); 404 for anyone else and for a year not over yet.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { commune: slug, annee } = await params;
  const today = todayInParis();
  const year = z.coerce
    .number()
    .int()
    .min(2000)
    .max(Number(today.slice(0, 4)) - 1)
    .safeParse(annee);
  if (!year.success || !/^\d{4}$/.test(annee)) return notFoundResponse();
  const db = await getDb();
  const commune = await findCommuneBySlug(db, slug);
  if (!commune) return notFoundResponse();
  const user = await findSessionUser(db, commune.id);
  if (user?.role !== "family") return notFoundResponse();
  const households = await chooseSubscribedHousehold(db, {
    communeId: commune.id,
    userId: user.id,
    requested: new URL(request.url).searchParams.get("famille") ?? undefined,
  });
  if (!households) return notFoundResponse();
  const attestation = await loadChildcareAttestation(db, {
    communeId: commune.id,
    userId: user.id,
    householdId: households.current.id,
    year: year.data,
  });
  if (!attestation) return notFoundResponse();
  const pdf = await renderAttestationPdf(commune, attestation, today);
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: pdfHeaders(attestationPdfFilename(year.data), pdf.length),
  });
}
