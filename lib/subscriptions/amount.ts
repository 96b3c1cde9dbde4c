/** "86,40", "86.40", "86,4 €" → 8640 cents; null when it is not an amount. */
export function parseEuroAmount(input: string): number | null {
  const cleaned = input.replace(/\s|€/g, "").replace(",", ".");
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}
