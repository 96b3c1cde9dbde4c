import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sectionChangeSchema } from "@/lib/family-file/schemas";
import { familyStepSchema } from "@/lib/new-family/schemas";
import { formFieldNames, schemaChoices } from "./schema-fields";

describe("formFieldNames", () => {
  it("lists flat, nested, indexed and list fields through wrappers and refinements", () => {
    const schema = z
      .object({
        a: z.string().trim().optional(),
        b: z.preprocess((v) => v, z.array(z.string())),
        c: z.object({ d: z.enum(["x", "y"]) }),
      })
      .refine(() => true);
    expect(formFieldNames(schema)).toEqual(["a", "b", "c.d"]);
    expect(formFieldNames(familyStepSchema)).toEqual(
      expect.arrayContaining(["guardian1.lastName", "children.0.birthDate", "hasGuardian2"]),
    );
    expect(formFieldNames(sectionChangeSchema)).toEqual(expect.arrayContaining(["section", "householdId", "targetId"]));
  });
});

describe("schemaChoices", () => {
  it("collects enum values and literals", () => {
    expect(schemaChoices(z.object({ a: z.enum(["x", "y"]), b: z.literal("z").optional() }))).toEqual(["x", "y", "z"]);
  });
});
