import { z } from "zod";

/**
 * French postcode: five digits, the first two being a department (01–95, Corsica 20, overseas 97, Monaco 98).
 * "00…" and "99…" do not exist.
 */
export function normalizePostcode(input: string): string | null {
  const value = input.trim();
  return /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/.test(value) ? value : null;
}

export const postcodeField = (options: { required?: boolean } = {}) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const trimmed = (value ?? "").trim();
      if (!trimmed) {
        if (options.required) ctx.addIssue({ code: "custom", message: "Le code postal est obligatoire." });
        return null;
      }
      const postcode = normalizePostcode(trimmed);
      if (postcode) return postcode;
      ctx.addIssue({ code: "custom", message: "Le code postal compte 5 chiffres, par exemple 38330." });
      return z.NEVER;
    });
