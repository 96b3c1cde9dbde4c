import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CONTROL_CHARACTERS_MESSAGE, REPEATED_FIELD_MESSAGE } from "@/lib/validation/fields";
import { fallbackMessage, formFieldErrors } from "./field-errors";

const schema = z.object({
  name: z.string({ error: "Le nom est obligatoire." }),
  code: z.string().max(3),
  days: z.array(z.string()).optional(),
});

function errorsOf(input: Record<string, unknown>) {
  return formFieldErrors(input, schema.safeParse(input, { error: fallbackMessage }).error?.issues ?? []);
}

describe("formFieldErrors", () => {
  it("refuses a control character in any field, arrays included, with one message", () => {
    expect(errorsOf({ name: "a\u0000", code: "abcd", days: ["x", "\u0007"], extra: "\u001b" })).toEqual({
      name: [CONTROL_CHARACTERS_MESSAGE],
      code: ["Ce champ dépasse la taille autorisée."],
      days: [CONTROL_CHARACTERS_MESSAGE],
      extra: [CONTROL_CHARACTERS_MESSAGE],
    });
  });

  it("says a single-valued field was sent twice, whatever the schema's own message", () => {
    expect(errorsOf({ name: ["a", "b"], code: "a" })).toEqual({ name: [REPEATED_FIELD_MESSAGE] });
  });

  it("lets a list field be a list", () => {
    expect(errorsOf({ name: "a", code: "a", days: ["1", "2"] })).toEqual({});
  });

  it("answers zod's English defaults in French", () => {
    expect(errorsOf({ name: "a", code: new Blob(["x"]) })).toEqual({
      code: ["Ce champ doit être un texte, pas un fichier."],
    });
    expect(errorsOf({ name: "a" })).toEqual({ code: ["Ce champ est obligatoire."] });
  });
});
