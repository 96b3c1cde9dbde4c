/**
 * FormData as a plain object for zod: a repeated key becomes an array, a single one stays a string. A field named
 * `__proto__` is dropped: assigning it would replace the object's prototype instead of adding a field.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION") || key === "__proto__") continue;
    const values = formData.getAll(key);
    result[key] = values.length > 1 ? values : values[0];
  }
  return result;
}
