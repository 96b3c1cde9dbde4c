import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sniffImageFormat } from "@/lib/images/reencode";
import { PHOTO_MAX_UPLOAD_BYTES, PHOTO_MESSAGES, preparePhoto } from "./photo-image";

const picture = (format: "png" | "jpeg" | "webp", width = 1200, height = 800) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .toFormat(format)
    .toBuffer()
    .then((b) => new Uint8Array(b));

describe("child photo content check", () => {
  it.each(["png", "jpeg", "webp"] as const)(
    "accepts a real %s, shrinks it into 512 × 512 and re-encodes it as WebP",
    async (format) => {
      const result = await preparePhoto(await picture(format));
      expect(result).toMatchObject({ ok: true, mimeType: "image/webp", width: 512, height: 341 });
      if (!result.ok) return;
      expect(sniffImageFormat(result.data)).toBe("webp");
      const meta = await sharp(result.data).metadata();
      expect(meta).toMatchObject({ format: "webp", width: 512, height: 341 });
      expect(result.data.length).toBeLessThanOrEqual(1024 * 1024);
    },
  );

  it("keeps a small image at its size (never enlarged)", async () => {
    expect(await preparePhoto(await picture("png", 100, 120))).toMatchObject({ ok: true, width: 100, height: 120 });
  });

  it("refuses a text file renamed .png", async () => {
    const text = new TextEncoder().encode("Bonjour, ceci n'est pas une image.\n");
    expect(await preparePhoto(text)).toEqual({ ok: false, message: PHOTO_MESSAGES.notImage });
  });

  it("refuses an empty file", async () => {
    expect(await preparePhoto(new Uint8Array(0))).toEqual({ ok: false, message: PHOTO_MESSAGES.empty });
  });

  it("refuses a file over 5 MB, even one that starts like a PNG", async () => {
    const big = new Uint8Array(PHOTO_MAX_UPLOAD_BYTES + 1);
    big.set(await picture("png", 10, 10));
    expect(await preparePhoto(big)).toEqual({ ok: false, message: PHOTO_MESSAGES.tooLarge });
  });

  it("refuses a file whose first bytes lie (PNG signature, then garbage)", async () => {
    const fake = new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...new TextEncoder().encode("not really a png at all"),
    ]);
    expect(await preparePhoto(fake)).toEqual({ ok: false, message: PHOTO_MESSAGES.unreadable });
  });

  it("refuses an image format that is not allowed (GIF, SVG)", async () => {
    const gif = new Uint8Array(
      await sharp({ create: { width: 4, height: 4, channels: 3, background: "red" } })
        .gif()
        .toBuffer(),
    );
    expect(await preparePhoto(gif)).toEqual({ ok: false, message: PHOTO_MESSAGES.notImage });
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect(await preparePhoto(svg)).toEqual({ ok: false, message: PHOTO_MESSAGES.notImage });
  });

  it("tells formats by their magic bytes", async () => {
    expect(sniffImageFormat(await picture("jpeg", 4, 4))).toBe("jpeg");
    expect(sniffImageFormat(await picture("png", 4, 4))).toBe("png");
    expect(sniffImageFormat(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });
});
