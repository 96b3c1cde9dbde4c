import "server-only";
import { constants, inflateSync } from "node:zlib";
import { PDFArray, PDFName, PDFNumber, type PDFObject, PDFParser, PDFRawStream, type PDFRef } from "pdf-lib";

/*
 * A bound on what pdf-lib does while loading a PDF. pdf-lib decodes two kinds of streams as it parses a file, before
 * anything can look at them: object streams (/Type /ObjStm, compressed objects) and cross-reference streams
 * (/Type /XRef). It inflates them without any limit (a 199 KB file measured ~540 MB of RSS), and it then makes
 * one object per entry they declare (/N objects, /Size or /Index entries), however few bytes back them. Other
 * streams (page contents, images) stay encoded: the content check never decodes them.
 *
 * So before pdf-lib loads a file, this walks its indirect objects with pdf-lib's own parser (the same objects,
 * found the same way) without expanding those two kinds, and checks each of them: only FlateDecode (or no filter),
 * inflated by zlib with an output cap (it stops at the cap rather than after it), and no more entries than the
 * bytes they are read from can hold, under a count for the whole file.
 */

/** What one object or cross-reference stream may inflate to. */
export const PDF_STRUCTURE_STREAM_MAX_BYTES = 16 * 1024 * 1024;
/** What all of them together may inflate to. */
export const PDF_STRUCTURE_TOTAL_MAX_BYTES = 32 * 1024 * 1024;
/** Objects declared in object streams plus cross-reference entries: a 10 MB scan has a few thousand. */
export const PDF_STRUCTURE_MAX_ENTRIES = 500_000;

export type PdfGuardResult = "ok" | "too_complex" | "broken";

class TooComplex extends Error {}

/** The private parts of pdf-lib's parser that parseIndirectObject uses (pdf-lib 1.17.1, pinned). */
interface ParserInternals {
  context: { assign(ref: PDFRef, object: PDFObject): void };
  parseIndirectObjectHeader(): PDFRef;
  skipWhitespaceAndComments(): void;
  parseObject(): PDFObject;
  matchKeyword(keyword: number[]): boolean;
  parseIndirectObject(): Promise<PDFRef>;
}

const ENDOBJ = [...new TextEncoder().encode("endobj")];

/** Whether pdf-lib could load this file without inflating or allocating past the caps. */
export async function guardPdfStructure(bytes: Uint8Array): Promise<PdfGuardResult> {
  const parser = PDFParser.forBytesWithOptions(bytes, Number.POSITIVE_INFINITY, true, false);
  const internals = parser as unknown as ParserInternals;
  const budget = { bytes: PDF_STRUCTURE_TOTAL_MAX_BYTES, entries: PDF_STRUCTURE_MAX_ENTRIES };
  // pdf-lib wraps what parseIndirectObject throws into its own error: the verdict is kept aside.
  let tooComplex = false;
  // pdf-lib's parseIndirectObject, except that an object or cross-reference stream is checked, never expanded.
  internals.parseIndirectObject = async () => {
    const ref = internals.parseIndirectObjectHeader();
    internals.skipWhitespaceAndComments();
    const object = internals.parseObject();
    internals.skipWhitespaceAndComments();
    internals.matchKeyword(ENDOBJ);
    const type = object instanceof PDFRawStream ? object.dict.lookup(PDFName.of("Type")) : undefined;
    if (object instanceof PDFRawStream && (type === PDFName.of("ObjStm") || type === PDFName.of("XRef"))) {
      try {
        checkStructureStream(object, type === PDFName.of("ObjStm") ? "ObjStm" : "XRef", budget);
      } catch (error) {
        if (error instanceof TooComplex) tooComplex = true;
        throw error;
      }
    } else {
      // Kept like pdf-lib does: a stream's /Length may point to an earlier object.
      internals.context.assign(ref, object);
    }
    return ref;
  };
  try {
    await parser.parseDocument();
  } catch {
    return tooComplex ? "too_complex" : "broken";
  }
  return tooComplex ? "too_complex" : "ok";
}

function checkStructureStream(
  stream: PDFRawStream,
  type: "ObjStm" | "XRef",
  budget: { bytes: number; entries: number },
): void {
  const inflated = inflateBounded(stream, Math.min(PDF_STRUCTURE_STREAM_MAX_BYTES, budget.bytes));
  budget.bytes -= inflated;
  const number = (key: string) => {
    const value = stream.dict.lookup(PDFName.of(key));
    return value instanceof PDFNumber ? value.asNumber() : undefined;
  };
  let entries: number;
  if (type === "ObjStm") {
    // Each object takes at least its "number offset" pair, 4 bytes.
    entries = number("N") ?? 0;
    if (entries * 4 > inflated) throw new TooComplex();
  } else {
    const widths = stream.dict.lookup(PDFName.of("W"));
    const rowWidth =
      widths instanceof PDFArray
        ? widths.asArray().reduce((sum, w) => sum + (w instanceof PDFNumber ? Math.max(0, w.asNumber()) : 0), 0)
        : 0;
    const index = stream.dict.lookup(PDFName.of("Index"));
    if (index instanceof PDFArray) {
      entries = 0;
      const values = index.asArray();
      for (let i = 1; i < values.length; i += 2) {
        const length = values[i];
        entries += length instanceof PDFNumber ? Math.max(0, length.asNumber()) : 0;
      }
    } else {
      entries = number("Size") ?? 0;
    }
    // pdf-lib reads rowWidth bytes per entry, past the end of the data if asked to: each must be there.
    if (rowWidth === 0 || entries * rowWidth > inflated) throw new TooComplex();
  }
  if (!Number.isFinite(entries) || entries > budget.entries) throw new TooComplex();
  budget.entries -= entries;
}

/** The inflated size of a structure stream, refused past `cap` or with any filter but FlateDecode. */
function inflateBounded(stream: PDFRawStream, cap: number): number {
  const filter = stream.dict.lookup(PDFName.of("Filter"));
  const filters =
    filter === undefined
      ? []
      : filter instanceof PDFArray
        ? filter.asArray()
        : filter instanceof PDFName
          ? [filter]
          : [];
  if (filter !== undefined && filters.length === 0) throw new TooComplex();
  if (filters.length > 1 || filters.some((f) => f !== PDFName.of("FlateDecode"))) throw new TooComplex();
  const contents = stream.getContents();
  if (filters.length === 0) {
    if (contents.length > cap) throw new TooComplex();
    return contents.length;
  }
  try {
    // Z_SYNC_FLUSH: a stream without its end is read as far as it goes, as pdf-lib's own inflate does.
    return inflateSync(contents, { maxOutputLength: cap, finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new TooComplex();
    throw error;
  }
}
