import { crc32, deflateSync } from "node:zlib";
import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { checkUploadedDocument, DOCUMENT_MESSAGES } from "./content-check";

const text = (value: string) => new TextEncoder().encode(value);

/** A two-page PDF as pdf-lib writes it (objects in compressed object streams), after `change` if given. */
async function pdf(change?: (document: PDFDocument) => void): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const title of ["Justificatif de domicile", "page 2"]) {
    document.addPage([595, 842]).drawText(title, { x: 50, y: 780, size: 14, font });
  }
  change?.(document);
  return document.save();
}

/**
 * A one-page PDF written by hand, with a correct cross-reference table: `catalog`, `page` and `trailer` are added
 * to those dictionaries, `objects` are numbers 4 and on; `pages: "[]"` leaves the page out of the page tree.
 */
function handMadePdf({ catalog = "", page = "", trailer = "", objects = [] as string[], pages = "[3 0 R]" } = {}) {
  const bodies = [
    `<< /Type /Catalog /Pages 2 0 R ${catalog} >>`,
    `<< /Type /Pages /Kids ${pages} /Count ${pages === "[]" ? 0 : 1} >>`,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${page} >>`,
    ...objects,
  ];
  let file = "%PDF-1.7\n";
  const offsets = bodies.map((body, index) => {
    const offset = file.length;
    file += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = file.length;
  file += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) file += `${String(offset).padStart(10, "0")} 00000 n \n`;
  file += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return text(file);
}

const image = (format: "jpeg" | "png", width = 300, height = 200) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } }).toFormat(format);

/** A real PNG of width × height black pixels: all-zero rows deflate to almost nothing (a decompression bomb). */
function blackPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // 1 bit per pixel, greyscale
  // Each row: filter byte 0, then width / 8 bytes of zeros.
  const pixels = deflateSync(Buffer.alloc((1 + Math.ceil(width / 8)) * height), { level: 9 });
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", pixels),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

const refused = (code: keyof typeof DOCUMENT_MESSAGES) => ({ ok: false, code, message: DOCUMENT_MESSAGES[code] });

describe("uploaded document content check: PDF", () => {
  it("accepts a good PDF, stored as given, with its page count", async () => {
    const bytes = await pdf();
    const result = await checkUploadedDocument(bytes);
    expect(result).toMatchObject({ ok: true, kind: "pdf", mediaType: "application/pdf", pageCount: 2 });
    expect(result.ok && result.bytes).toBe(bytes);
  });

  it("refuses a PDF whose trailer has an /Encrypt dictionary", async () => {
    const encrypt = `<< /Filter /Standard /V 1 /R 2 /P -4 /O <${"ab".repeat(32)}> /U <${"cd".repeat(32)}> >>`;
    const encrypted = handMadePdf({ trailer: `/Encrypt 4 0 R /ID [<0123> <0123>]`, objects: [encrypt] });
    expect(await checkUploadedDocument(encrypted)).toEqual(refused("encrypted"));
    // The same file without the /Encrypt entry is a good PDF: the refusal is the encryption's.
    expect(await checkUploadedDocument(handMadePdf({ objects: [encrypt] }))).toMatchObject({ ok: true, pageCount: 1 });
  });

  it("refuses a PDF that runs JavaScript when opened (catalog's OpenAction, in an object stream)", async () => {
    const bytes = await pdf((document) => {
      const action = document.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert(1)") });
      document.catalog.set(PDFName.of("OpenAction"), action);
    });
    expect(await checkUploadedDocument(bytes)).toEqual(refused("active_content"));
  });

  it("refuses a PDF with JavaScript in a page's link annotation", async () => {
    const bytes = await pdf((document) => {
      const link = document.context.register(
        document.context.obj({
          Type: "Annot",
          Subtype: "Link",
          Rect: [50, 700, 300, 720],
          A: { S: "JavaScript", JS: PDFString.of("this.submitForm('https://example.org')") },
        }),
      );
      document.getPage(1).node.set(PDFName.of("Annots"), document.context.obj([link]));
    });
    expect(await checkUploadedDocument(bytes)).toEqual(refused("active_content"));
  });

  it("refuses a PDF with an embedded file", async () => {
    const bytes = await pdf();
    const document = await PDFDocument.load(bytes);
    await document.attach(text("IBAN FR76…"), "rib.txt", { mimeType: "text/plain" });
    expect(await checkUploadedDocument(await document.save())).toEqual(refused("attachments"));
  });

  it.each([
    ["a Launch action, its name escaped", { catalog: "/OpenAction << /S /Laun#63h /F (calc.exe) >>" }],
    ["a script under a lower-case escaped key (/#4aS is /JS)", { catalog: "/OpenAction << /#4aS (app.alert(1)) >>" }],
    ["a page's additional action importing data", { page: "/AA << /O << /S /ImportData /F (data.fdf) >> >>" }],
    [
      "a form field submitting the form, written inside the page's annotation array",
      { page: "/Annots [<< /Type /Annot /Subtype /Widget /Rect [0 0 9 9] /A << /S /SubmitForm /F (https://x) >> >>]" },
    ],
    ["a document-level script in the Names tree", { catalog: "/Names << /JavaScript 4 0 R >>", objects: ["<< >>"] }],
    [
      "an XFA form",
      { catalog: "/AcroForm << /Fields [] /XFA 4 0 R >>", objects: ["<< /Length 0 >>\nstream\n\nendstream"] },
    ],
  ])("refuses a PDF with %s", async (_, parts) => {
    expect(await checkUploadedDocument(handMadePdf(parts))).toEqual(refused("active_content"));
  });

  it.each([
    [
      "a file attachment annotation",
      {
        page: "/Annots [4 0 R]",
        objects: ["<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 9 9] /FS (rib.txt) >>"],
      },
    ],
    [
      "an embedded file stream",
      { catalog: "/Extra 4 0 R", objects: ["<< /Type /EmbeddedFile /Length 3 >>\nstream\nabc\nendstream"] },
    ],
    [
      "a file specification holding a file",
      {
        catalog: "/Extra << /Type /Filespec /F (rib.txt) /EF << /F 4 0 R >> >>",
        objects: ["<< /Length 3 >>\nstream\nabc\nendstream"],
      },
    ],
    ["a Names tree of embedded files", { catalog: "/Names << /EmbeddedFiles << /Names [(rib.txt) (x)] >> >>" }],
  ])("refuses a PDF with %s", async (_, parts) => {
    expect(await checkUploadedDocument(handMadePdf(parts))).toEqual(refused("attachments"));
  });

  it("refuses a broken PDF: garbage, cut in half, without pages, or with an object that cannot be read", async () => {
    expect(await checkUploadedDocument(text("%PDF-1.7\nceci n'est pas un PDF\n%%EOF\n"))).toEqual(refused("broken"));
    const good = await pdf();
    expect(await checkUploadedDocument(good.slice(0, good.length / 2))).toEqual(refused("broken"));
    expect(await checkUploadedDocument(handMadePdf({ pages: "[]" }))).toEqual(refused("broken"));
    const unreadable = handMadePdf({ catalog: "/Extra 4 0 R", objects: ["<< /S /JavaScript /JS (app.alert(1)"] });
    expect(await checkUploadedDocument(unreadable)).toEqual(refused("broken"));
  });
});

describe("uploaded document content check: type and size", () => {
  it("refuses an HTML page renamed .pdf, a PNG signature followed by text, and a GIF", async () => {
    const html = text("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
    expect(await checkUploadedDocument(html)).toEqual(refused("unsupported_type"));
    const fake = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...text("pas vraiment un PNG")]);
    expect(await checkUploadedDocument(fake)).toEqual(refused("unsupported_type"));
    const gif = new Uint8Array(await image("png").gif().toBuffer());
    expect(await checkUploadedDocument(gif)).toEqual(refused("unsupported_type"));
  });

  it("refuses an empty file", async () => {
    expect(await checkUploadedDocument(new Uint8Array(0))).toEqual(refused("empty"));
  });

  it("refuses a file over 10 MB, even a good PDF, and follows the limit it is given", async () => {
    const good = await pdf();
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(good);
    expect(await checkUploadedDocument(big)).toEqual({
      ok: false,
      code: "too_large",
      message: "Le fichier dépasse 10 Mo.",
    });
    expect(await checkUploadedDocument(good, { maxBytes: good.length })).toMatchObject({ ok: true });
    expect(await checkUploadedDocument(good, { maxBytes: good.length - 1 })).toMatchObject({ code: "too_large" });
    expect(await checkUploadedDocument(big, { maxBytes: 2.5 * 1024 * 1024 })).toMatchObject({
      message: "Le fichier dépasse 2,5 Mo.",
    });
  });
});

describe("uploaded document content check: images", () => {
  it("re-encodes a JPEG without its EXIF, turned upright", async () => {
    const photo = await image("jpeg", 300, 200)
      .withExif({ IFD0: { Artist: "Famille Martin", Copyright: "GPS 45.76 N 4.83 E" } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect(await sharp(photo).metadata()).toMatchObject({ orientation: 6, exif: expect.any(Buffer) });
    const result = await checkUploadedDocument(new Uint8Array(photo));
    expect(result).toMatchObject({ ok: true, kind: "jpeg", mediaType: "image/jpeg", width: 200, height: 300 });
    if (!result.ok) return;
    const stored = await sharp(result.bytes).metadata();
    expect(stored).toMatchObject({ format: "jpeg", width: 200, height: 300 });
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    expect(Buffer.from(result.bytes).includes("Famille Martin")).toBe(false);
  });

  it("re-encodes a PNG, dropping what was appended after its end", async () => {
    const png = Buffer.concat([await image("png").toBuffer(), Buffer.from("<script>alert(1)</script>")]);
    const result = await checkUploadedDocument(new Uint8Array(png));
    expect(result).toMatchObject({ ok: true, kind: "png", mediaType: "image/png", width: 300, height: 200 });
    if (!result.ok) return;
    expect(await sharp(result.bytes).metadata()).toMatchObject({ format: "png", width: 300, height: 200 });
    expect(Buffer.from(result.bytes).includes("<script>")).toBe(false);
  });

  it("refuses a truncated PNG", async () => {
    const png = await image("png", 600, 400).png({ compressionLevel: 0 }).toBuffer();
    expect(await checkUploadedDocument(new Uint8Array(png.subarray(0, png.length / 2)))).toEqual(refused("broken"));
  });

  it("refuses a PNG of more than 40 million pixels, however small the file", async () => {
    const bomb = blackPng(8000, 6000);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await checkUploadedDocument(bomb)).toEqual(refused("too_many_pixels"));
    // Just under the limit, the same kind of file is a good image.
    expect(await checkUploadedDocument(blackPng(8000, 5000))).toMatchObject({ ok: true, width: 8000, height: 5000 });
  });
});

/**
 * A one-page PDF whose object 4 is an object stream (/Type /ObjStm) of `inflated` bytes of spaces after one real
 * object, deflated (a few KB for hundreds of MB), with `filter` as its /Filter entry; `entries` replace its
 * dictionary's type entries and `content` its start (for a cross-reference stream instead).
 */
function objectStreamPdf({
  inflated = 1024,
  filter = "/FlateDecode",
  n = 1,
  content = "5 0 << /Producer (x) >>",
  entries = undefined as string | undefined,
} = {}) {
  entries ??= `/Type /ObjStm /N ${n} /First 4`;
  const head = Buffer.from(content, "latin1");
  const body = Buffer.alloc(Math.max(inflated, head.length), 0x20);
  head.copy(body);
  const data = filter === "/FlateDecode" ? deflateSync(body, { level: 9 }) : body;
  const stream = `<< ${entries} /Length ${data.length} /Filter ${filter} >>\nstream\n`;
  const before = handMadePdf({ catalog: "/Extra 4 0 R" });
  // handMadePdf lays out objects 1–3; object 4 is appended by hand, with the table rewritten around it.
  const text = Buffer.from(before).toString("latin1");
  const objects = text.slice(0, text.indexOf("xref\n"));
  const offset4 = objects.length;
  const file = Buffer.concat([
    Buffer.from(`${objects}4 0 obj\n${stream}`, "latin1"),
    data,
    Buffer.from("\nendstream\nendobj\n", "latin1"),
  ]);
  const offsets = [...objects.matchAll(/(\d+) 0 obj/g)].map((m) => m.index);
  const xref = file.length;
  let tail = `xref\n0 5\n0000000000 65535 f \n`;
  for (const offset of [...offsets, offset4]) tail += `${String(offset).padStart(10, "0")} 00000 n \n`;
  tail += `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([file, Buffer.from(tail, "latin1")]));
}

describe("uploaded document content check: PDF structure bounds (pdf-guard)", () => {
  it("accepts an object stream of reasonable size, flate-compressed", async () => {
    expect(await checkUploadedDocument(objectStreamPdf())).toMatchObject({ ok: true, pageCount: 1 });
  });

  it("refuses a decompression bomb in an object stream quickly and without inflating it", async () => {
    // 512 MB of spaces deflate to about 500 KB; pdf-lib alone would inflate all of it.
    const bomb = objectStreamPdf({ inflated: 512 * 1024 * 1024 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const start = performance.now();
    expect(await checkUploadedDocument(bomb)).toEqual(refused("too_complex"));
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
  }, 20_000);

  it("refuses object streams just past the per-stream cap, and other filters than FlateDecode", async () => {
    expect(await checkUploadedDocument(objectStreamPdf({ inflated: 16 * 1024 * 1024 + 1 }))).toEqual(
      refused("too_complex"),
    );
    expect(await checkUploadedDocument(objectStreamPdf({ inflated: 16 * 1024 * 1024 - 1024 }))).toMatchObject({
      ok: true,
    });
    for (const filter of ["/LZWDecode", "/ASCIIHexDecode", "[/FlateDecode /FlateDecode]", "42"]) {
      expect(await checkUploadedDocument(objectStreamPdf({ filter })), filter).toEqual(refused("too_complex"));
    }
  });

  it("refuses an object stream declaring more objects than its bytes can hold", async () => {
    expect(await checkUploadedDocument(objectStreamPdf({ n: 10_000_000 }))).toEqual(refused("too_complex"));
  });

  it("refuses a cross-reference stream declaring more entries than its bytes hold, accepts one that holds them", async () => {
    // 3 entries of 4 bytes (type 1, 2-byte offset, generation): 12 bytes.
    const rows = String.fromCharCode(0, 0, 0, 255, 1, 0, 9, 0, 1, 0, 80, 0);
    const xref = (size: number) =>
      objectStreamPdf({ content: rows, inflated: 12, entries: `/Type /XRef /Size ${size} /W [1 2 1] /Root 1 0 R` });
    expect(await checkUploadedDocument(xref(100_000_000))).toEqual(refused("too_complex"));
    expect(await checkUploadedDocument(xref(4))).toEqual(refused("too_complex"));
    expect(await checkUploadedDocument(xref(3))).toMatchObject({ ok: true });
  });

  it("accepts the PDFs pdf-lib writes, with object and cross-reference streams", async () => {
    const document = await PDFDocument.create();
    for (let i = 0; i < 30; i++) document.addPage([595, 842]);
    const bytes = await document.save({ useObjectStreams: true });
    expect(Buffer.from(bytes).includes("/XRef")).toBe(true);
    expect(await checkUploadedDocument(bytes)).toMatchObject({ ok: true, pageCount: 30 });
  });
});

describe("uploaded document content check: PDF structure bounds for the whole file", () => {
  /** handMadePdf's three objects, then one object stream per size given (objects 4, 5…), each within its cap. */
  function pdfWithObjectStreams(sizes: number[]): Uint8Array {
    const base = Buffer.from(handMadePdf()).toString("latin1");
    const head = base.slice(0, base.indexOf("xref\n"));
    const parts: Buffer[] = [Buffer.from(head, "latin1")];
    const offsets = [...head.matchAll(/(\d+) 0 obj/g)].map((m) => m.index);
    let length = head.length;
    sizes.forEach((size, index) => {
      const body = Buffer.alloc(size, 0x20);
      Buffer.from(`${100 + index} 0 << >>`).copy(body);
      const data = deflateSync(body, { level: 1 });
      const object = Buffer.concat([
        Buffer.from(
          `${4 + index} 0 obj\n<< /Type /ObjStm /N 1 /First 6 /Length ${data.length} /Filter /FlateDecode >>\nstream\n`,
        ),
        data,
        Buffer.from("\nendstream\nendobj\n"),
      ]);
      offsets.push(length);
      parts.push(object);
      length += object.length;
    });
    let tail = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
    for (const offset of offsets) tail += `${String(offset).padStart(10, "0")} 00000 n \n`;
    tail += `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
    return new Uint8Array(Buffer.concat([...parts, Buffer.from(tail, "latin1")]));
  }

  it("refuses object streams that inflate past 32 MiB together, each under its own cap", async () => {
    const MiB = 1024 * 1024;
    expect(await checkUploadedDocument(pdfWithObjectStreams([15 * MiB, 15 * MiB]))).toMatchObject({ ok: true });
    expect(await checkUploadedDocument(pdfWithObjectStreams([15 * MiB, 15 * MiB, 3 * MiB]))).toEqual(
      refused("too_complex"),
    );
  }, 20_000);
});
