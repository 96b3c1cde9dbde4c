/*
 * A commune's main colour is used as a background under white text (header, buttons) and as text on white (links,
 * titles): it is accepted only when both pairs reach WCAG 2.1 AA for normal text (4.5:1). Pure, for the action,
 * the seed and the tests alike.
 */

/** The portal's own colour, used while a commune has none. */
export const DEFAULT_BRAND_COLOR = "#1d4f91";

/** WCAG 2.1 AA, normal text. */
export const MIN_CONTRAST = 4.5;

const HEX_COLOR = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;

/** "#ABC" or "#aabbcc" as "#aabbcc"; null when it is no hexadecimal colour. */
export function normalizeHexColor(value: string): string | null {
  const trimmed = value.trim();
  if (!HEX_COLOR.test(trimmed)) return null;
  const digits = trimmed.slice(1).toLowerCase();
  return `#${digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits}`;
}

/** WCAG relative luminance of "#rrggbb". */
function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The WCAG contrast ratio of two "#rrggbb" colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export type BrandColorCheck = { ok: true; color: string } | { ok: false; message: string };

/** The colour an admin typed, normalised, or the French message shown at the field. */
export function checkBrandColor(value: string): BrandColorCheck {
  const color = normalizeHexColor(value);
  if (!color) return { ok: false, message: "Saisissez une couleur au format hexadécimal, par exemple #1d4f91." };
  // White text on the colour and the colour as text on white are one and the same pair.
  const ratio = contrastRatio(color, "#ffffff");
  if (ratio < MIN_CONTRAST)
    return {
      ok: false,
      message: `Cette couleur est trop claire : son contraste avec le blanc est de ${ratio.toFixed(2).replace(".", ",")}:1, il faut au moins 4,5:1 (RGAA). Choisissez une teinte plus foncée.`,
    };
  return { ok: true, color };
}

/** The colour mixed with black (`share` of black): hovers and the current menu item, still AA when the colour is. */
export function darken(color: string, share = 0.25): string {
  const channel = (offset: number) =>
    Math.round(Number.parseInt(color.slice(offset, offset + 2), 16) * (1 - share))
      .toString(16)
      .padStart(2, "0");
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}
