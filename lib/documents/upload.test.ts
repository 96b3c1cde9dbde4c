import { createHash } from "node:crypto";
import { PDFDocument, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DOCUMENT_MAX_BYTES } from "@/db/schema";
import { DOCUMENT_MESSAGES } from "./content-check";
import { NO_FILE_MESSAGE, prepareUploadedDocument, TOO_MANY_PARTS_MESSAGE } from "./upload";

async function pdfBytes(pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) document.addPage([595, 842]).drawText(`page ${i}`, { x: 50, y: 780, font });
  return document.save();
}

const photo = async (format: "jpeg" | "png", width = 400, height = 300) =>
  new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
      .toFormat(format)
      .withExif({ IFD0: { Artist: "Famille Martin" } })
      .toBuffer(),
  );

const file = (bytes: Uint8Array, name: string, type = "") => new File([Buffer.from(bytes)], name, { type });
const hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("prepareUploadedDocument", () => {
  it("asks for a file when none is given, or only the empty part of an untouched file input", async () => {
    expect(await prepareUploadedDocument([])).toEqual({ ok: false, message: NO_FILE_MESSAGE });
    expect(await prepareUploadedDocument([new File([], "")])).toEqual({ ok: false, message: NO_FILE_MESSAGE });
    // What a server action receives for an untouched input once Next has parsed the form.
    const parsedEmptyPart = new File([], "undefined", { type: "application/octet-stream" });
    expect(await prepareUploadedDocument([parsedEmptyPart])).toEqual({ ok: false, message: NO_FILE_MESSAGE });
    expect(NO_FILE_MESSAGE).toBe("Choisissez un fichier.");
    // A chosen file that is empty is said to be empty, not missing.
    expect(await prepareUploadedDocument([new File([], "rib.pdf")])).toEqual({
      ok: false,
      message: DOCUMENT_MESSAGES.empty,
    });
  });

  it("keeps one PDF as given, with its page count and SHA-256", async () => {
    const bytes = await pdfBytes(2);
    const result = await prepareUploadedDocument([file(bytes, "scan.pdf", "application/pdf"), new File([], "")]);
    expect(result).toEqual({
      ok: true,
      document: { bytes, mediaType: "application/pdf", extension: "pdf", pageCount: 2, sha256: hex(bytes) },
    });
  });

  it("re-encodes one image alone and keeps it an image, whatever its name says", async () => {
    const original = await photo("jpeg");
    const result = await prepareUploadedDocument([file(original, "rib.pdf", "application/pdf")]);
    expect(result).toMatchObject({
      ok: true,
      document: { mediaType: "image/jpeg", extension: "jpg", pageCount: null },
    });
    if (!result.ok) return;
    expect(Buffer.from(result.document.bytes).equals(Buffer.from(original))).toBe(false);
    expect(Buffer.from(result.document.bytes).includes("Famille Martin")).toBe(false);
    expect(result.document.sha256).toBe(hex(result.document.bytes));
    const png = await prepareUploadedDocument([file(await photo("png"), "recto.png")]);
    expect(png).toMatchObject({ ok: true, document: { mediaType: "image/png", extension: "png", pageCount: null } });
  });

  it("combines several parts into one PDF: one page per image, every page of each PDF, in order", async () => {
    const result = await prepareUploadedDocument([
      file(await photo("jpeg", 400, 300), "recto.jpg"),
      file(await pdfBytes(3), "annexe.pdf"),
      file(await photo("png", 300, 400), "verso.png"),
    ]);
    expect(result).toMatchObject({
      ok: true,
      document: { mediaType: "application/pdf", extension: "pdf", pageCount: 5 },
    });
    if (!result.ok) return;
    const combined = await PDFDocument.load(result.document.bytes);
    const sizes = combined.getPages().map((page) => {
      const { width, height } = page.getSize();
      return width > height ? "landscape" : "portrait";
    });
    // The landscape photo, the three A4 pages, the portrait photo.
    expect(sizes).toEqual(["landscape", "portrait", "portrait", "portrait", "portrait"]);
    expect(result.document.sha256).toBe(hex(result.document.bytes));
  });

  it("refuses the whole upload when one part fails its check, saying which", async () => {
    const html = new TextEncoder().encode("<!DOCTYPE html><html><script>alert(1)</script></html>");
    expect(await prepareUploadedDocument([file(await photo("jpeg"), "a.jpg"), file(html, "b.pdf")])).toEqual({
      ok: false,
      message: `Fichier 2 : ${DOCUMENT_MESSAGES.unsupported_type}`,
    });
    expect(await prepareUploadedDocument([file(html, "b.pdf")])).toEqual({
      ok: false,
      message: DOCUMENT_MESSAGES.unsupported_type,
    });
  });

  it("refuses parts summing over 10 MB before reading any of them", async () => {
    let read = false;
    const half = new Blob([new Uint8Array(DOCUMENT_MAX_BYTES / 2 + 1)]);
    const watched = Object.assign(half, {
      arrayBuffer: async () => {
        read = true;
        return new ArrayBuffer(0);
      },
    });
    expect(await prepareUploadedDocument([watched, watched])).toEqual({
      ok: false,
      message: "Le fichier dépasse 10 Mo.",
    });
    expect(read).toBe(false);
  });

  it("refuses more parts than a document can reasonably have", async () => {
    const jpeg = await photo("jpeg", 20, 20);
    const parts = Array.from({ length: 21 }, (_, i) => file(jpeg, `page${i}.jpg`));
    expect(await prepareUploadedDocument(parts)).toEqual({ ok: false, message: TOO_MANY_PARTS_MESSAGE });
  });
});
