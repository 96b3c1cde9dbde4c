import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { LOGO_MAX_UPLOAD_BYTES, LOGO_MESSAGES, prepareLogo } from "./logo";

const picture = async (format: "png" | "jpeg" | "webp", width = 800, height = 400) =>
  new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: "#1d4f91" } })
      .toFormat(format)
      .toBuffer(),
  );

describe("prepareLogo", () => {
  it.each(["png", "jpeg"] as const)("re-encodes a %s as a PNG that fits the header's box", async (format) => {
    const result = await prepareLogo(await picture(format));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.mimeType).toBe("image/png");
    const { width, height, format: stored } = await sharp(result.data).metadata();
    expect(stored).toBe("png");
    expect(width).toBeLessThanOrEqual(480);
    expect(height).toBeLessThanOrEqual(96);
  });

  it("refuses an SVG, a WebP and text, whatever their name", async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await prepareLogo(svg)).toEqual({ ok: false, message: LOGO_MESSAGES.notImage });
    expect(await prepareLogo(await picture("webp"))).toEqual({ ok: false, message: LOGO_MESSAGES.notImage });
  });

  it("refuses an empty file, one too large, and a PNG header on garbage", async () => {
    expect(await prepareLogo(new Uint8Array(0))).toEqual({ ok: false, message: LOGO_MESSAGES.empty });
    expect(await prepareLogo(new Uint8Array(LOGO_MAX_UPLOAD_BYTES + 1))).toEqual({
      ok: false,
      message: LOGO_MESSAGES.tooLarge,
    });
    const fake = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    expect(await prepareLogo(fake)).toEqual({ ok: false, message: LOGO_MESSAGES.unreadable });
  });
});
