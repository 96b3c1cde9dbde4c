/*
 * The files a form's file field posted, as a server action reads them (lib/actions/form-data.ts): one Blob, several,
 * or strings from a hand-crafted request. A file input left empty still posts one empty, nameless part; so does the
 * "Prendre une photo" input beside a drop zone. Pure: the actions and their tests share it.
 */

/** The files actually chosen in the field (or fields) of this name: empty nameless parts and strings dropped. */
export function chosenFiles(value: unknown): Blob[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter(
    (v): v is Blob => v instanceof Blob && (v.size > 0 || ("name" in v && typeof v.name === "string" && v.name !== "")),
  );
}

/** Whether the family chose at least one file (an optional document, such as a medical certificate, was given). */
export function hasChosenFiles(value: unknown): boolean {
  return chosenFiles(value).length > 0;
}
