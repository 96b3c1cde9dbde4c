// The document the documents benches upload (scripts/bench-documents.ts, in-process; bench-documents-server.ts,
// through a browser): a real PDF of about the size asked, which nothing along the way can compress.
import { randomBytes } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";

/** A PDF just under `targetBytes`: A4 pages each holding a photo of noise (which JPEG cannot shrink). */
export async function generatePdf(targetBytes: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  let size = 0;
  for (;;) {
    const side = 1000;
    const noise = await sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
      .jpeg({ quality: 80 })
      .toBuffer();
    if (size + noise.length + 4096 > targetBytes) break;
    const image = await document.embedJpg(noise);
    document.addPage([595, 842]).drawImage(image, { x: 20, y: 200, width: 555, height: 555 });
    size += noise.length;
  }
  return document.save();
}
