import type { z } from "zod";

/* What a form schema expects, read from zod's definitions: the flat field names a form posts and the literal
   choices it accepts. Test support for the action fuzz test. */

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Null for a field holding one value (or a list of values posted under one name). */
function walk(schema: z.ZodType, path: string): string[] | null {
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      return Object.entries(def.shape!).flatMap(([key, child]) => walk(child, join(path, key)) ?? [join(path, key)]);
    case "array":
      return walk(def.element!, join(path, "0"));
    case "pipe":
      return walk(def.in!, path) ?? walk(def.out!, path);
    case "union":
      return merge(def.options!.map((option) => walk(option, path)));
    case "intersection":
      return merge([walk(def.left!, path), walk(def.right!, path)]);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return walk(def.innerType!, path);
    default:
      return null;
  }
}

function merge(lists: (string[] | null)[]): string[] | null {
  const present = lists.filter((list) => list !== null);
  return present.length ? [...new Set(present.flat())] : null;
}

/** The FormData names a form with this schema posts: "email", "guardian1.lastName", "children.0.firstName"… */
export function formFieldNames(schema: z.ZodType): string[] {
  return walk(schema, "") ?? [];
}

/** Every enum value and literal of the schema: the choices a hand-crafted form would try. */
export function schemaChoices(schema: z.ZodType): string[] {
  const found = new Set<string>();
  const visit = (node: z.ZodType) => {
    const def = defOf(node);
    if (def.type === "enum") for (const v of Object.values(def.entries!)) found.add(String(v));
    if (def.type === "literal") for (const v of def.values!) found.add(String(v));
    for (const child of [
      ...Object.values(def.shape ?? {}),
      ...(def.options ?? []),
      def.element,
      def.in,
      def.out,
      def.innerType,
      def.left,
      def.right,
    ]) {
      if (child) visit(child);
    }
  };
  visit(schema);
  return [...found];
}
