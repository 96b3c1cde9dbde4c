import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { children, documents } from "@/db/schema";
import type { PreparedDocument } from "@/lib/documents/prepared";
import { storeDocument } from "@/lib/documents/store-document";
import { ensureDefaultDocumentTypes, findDocumentTypeByCode } from "@/lib/documents/types";
import type { Db } from "./client";
import { reviewDocumentsFamily } from "./demo-review-documents";

/*
 * The pending documents of the demo family of db/demo-review-documents.ts, for the agents' queue (Pièces justificatives à vérifier):
 * PDFs and images of its household and of each child, handed in by its account. Seeded before the other families'
 * documents, they are the oldest of the queue (its first page).
 */

function prepared(bytes: Uint8Array, kind: "pdf" | "png" | "jpg", pageCount: number | null): PreparedDocument {
  const mediaType = kind === "pdf" ? "application/pdf" : kind === "png" ? "image/png" : "image/jpeg";
  return { bytes, mediaType, extension: kind, pageCount, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** A PDF of `pages` pages, each with a title and a few lines, as a scanned letter would read. */
async function samplePdf(title: string, lines: readonly string[], pages = 1): Promise<PreparedDocument> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let index = 0; index < pages; index++) {
    const page = pdf.addPage([595, 842]);
    page.drawText(title, { x: 56, y: 770, size: 20, font });
    lines.forEach((line, row) => {
      page.drawText(line, { x: 56, y: 730 - row * 20, size: 12, font });
    });
    page.drawText(`Page ${index + 1} / ${pages}`, { x: 56, y: 56, size: 10, font });
  }
  return prepared(await pdf.save(), "pdf", pages);
}

/** A photo-like image with the document's title written on it. */
async function sampleImage(title: string, kind: "png" | "jpg"): Promise<PreparedDocument> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="560">
    <rect width="800" height="560" fill="#f5f1e6"/>
    <rect x="30" y="30" width="740" height="500" fill="#ffffff" stroke="#555" stroke-width="3"/>
    <text x="60" y="110" font-family="sans-serif" font-size="36" fill="#222">${title}</text>
    <text x="60" y="170" font-family="sans-serif" font-size="24" fill="#444">${reviewDocumentsFamily.name}</text>
  </svg>`;
  const image = sharp(Buffer.from(svg));
  const bytes = kind === "png" ? await image.png().toBuffer() : await image.jpeg({ quality: 80 }).toBuffer();
  return prepared(new Uint8Array(bytes), kind, null);
}

/** Idempotent: stores the documents only while the household has none. */
export async function seedReviewDocuments(
  db: Db,
  scope: { communeId: string; householdId: string; userId: string },
): Promise<void> {
  const { communeId, householdId, userId } = scope;
  const [{ count }] = (await db
    .select({ count: sql<number>`count(*)::int` })
    .from(documents)
    .where(and(eq(documents.communeId, communeId), eq(documents.householdId, householdId)))) as [{ count: number }];
  if (count > 0) return;

  await ensureDefaultDocumentTypes(db, communeId);
  const typeId = async (code: string) => {
    const type = await findDocumentTypeByCode(db, { communeId, code });
    if (!type) throw new Error(`document type ${code} missing from the demo commune`);
    return type.id;
  };
  const kids = await db
    .select({ id: children.id, firstName: children.firstName })
    .from(children)
    .where(and(eq(children.communeId, communeId), eq(children.householdId, householdId)));
  const childId = (firstName: string) => kids.find((kid) => kid.firstName === firstName)!.id;
  const { name } = reviewDocumentsFamily;
  const [malo, jade] = reviewDocumentsFamily.children;

  const items: { code: string; child?: string; document: Promise<PreparedDocument> }[] = [
    {
      code: "justificatif_domicile",
      document: samplePdf("Facture d'électricité", [
        `Mme ${reviewDocumentsFamily.guardian.firstName} ${name}`,
        "8 rue des Tilleuls, 38330 Démo",
      ]),
    },
    { code: "attestation_caf", document: sampleImage("Attestation de quotient familial", "png") },
    {
      code: "attestation_assurance",
      child: malo.firstName,
      document: samplePdf("Attestation d'assurance scolaire", [`${malo.firstName} ${name}`, "Année 2026-2027"], 2),
    },
    { code: "attestation_assurance", child: jade.firstName, document: sampleImage("Attestation d'assurance", "jpg") },
    {
      code: "carnet_vaccination",
      child: malo.firstName,
      document: samplePdf("Carnet de vaccination", [`${malo.firstName} ${name}`, "DTP, coqueluche, ROR"]),
    },
    { code: "carnet_vaccination", child: jade.firstName, document: sampleImage("Carnet de vaccination", "png") },
  ];
  // One after the other: the queue shows them oldest first, in this order.
  for (const item of items) {
    const result = await storeDocument(db, {
      communeId,
      householdId,
      userId,
      typeId: await typeId(item.code),
      childId: item.child ? childId(item.child) : null,
      prepared: await item.document,
    });
    if (!result.ok) throw new Error(`demo document ${item.code} refused: ${result.reason}`);
  }
}
