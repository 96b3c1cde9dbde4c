import { and, eq } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { refuseDocument, validateDocument } from "@/lib/documents/review";
import { defaultExpiryDate } from "@/lib/documents/rules";
import { storeDocument } from "@/lib/documents/store-document";
import { findDocumentTypeByCode } from "@/lib/documents/types";
import { prepareUploadedDocument } from "@/lib/documents/upload";
import type { IsoDay } from "@/lib/planning/days";
import type { Db } from "./client";
import { documents } from "./schema";

/** The reason the demo's refused attestation shows the family (and the end-to-end test reads). */
export const DEMO_REFUSAL_REASON = "Document illisible, merci de le déposer à nouveau.";

/** A one-page PDF with a few lines of text: what a family would scan, made here so the demo needs no file. */
async function demoPdf(lines: readonly string[]): Promise<Blob> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, index) => {
    page.drawText(line, { x: 60, y: 760 - index * 24, size: 14, font });
  });
  return new Blob([new Uint8Array(await pdf.save())], { type: "application/pdf" });
}

async function prepared(lines: readonly string[]) {
  const result = await prepareUploadedDocument([await demoPdf(lines)]);
  if (!result.ok) throw new Error(`demo document refused by the content check: ${result.message}`);
  return result.document;
}

/**
 * The demo families' Pièces justificatives (MARTIN and each end-to-end copy of it): a validated justificatif de
 * domicile, and an attestation CAF the town refused as unreadable, so the list shows a reason and a document to
 * replace. Handed in and reviewed through the module's own functions (stored bytes, audit, refusal mail).
 * Idempotent: a household that has any document is left as it is.
 */
export async function seedDemoDocuments(
  db: Db,
  params: {
    communeId: string;
    agentUserId: string;
    families: readonly { householdId: string; userId: string }[];
    today: IsoDay;
  },
): Promise<void> {
  const { communeId, agentUserId, today } = params;
  const [domicile, caf] = await Promise.all([
    findDocumentTypeByCode(db, { communeId, code: "justificatif_domicile" }),
    findDocumentTypeByCode(db, { communeId, code: "attestation_caf" }),
  ]);
  if (!domicile || !caf) return;
  const domicileFile = await prepared(["Facture d'électricité", "12 rue des Écoles, 38330 Démo"]);
  const cafFile = await prepared(["Attestation de quotient familial", "(numérisation floue)"]);

  for (const family of params.families) {
    const [existing] = await db
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.communeId, communeId), eq(documents.householdId, family.householdId)))
      .limit(1);
    if (existing) continue;
    const scope = { communeId, householdId: family.householdId, userId: family.userId };

    const home = await storeDocument(db, { ...scope, typeId: domicile.id, prepared: domicileFile });
    if (home.ok)
      await validateDocument(db, {
        communeId,
        agentUserId,
        documentId: home.document.id,
        expiresOn: defaultExpiryDate(today, domicile.validityMonths),
      });

    const attestation = await storeDocument(db, { ...scope, typeId: caf.id, prepared: cafFile });
    if (attestation.ok)
      await refuseDocument(db, {
        communeId,
        agentUserId,
        documentId: attestation.document.id,
        reason: DEMO_REFUSAL_REASON,
      });
  }
}
