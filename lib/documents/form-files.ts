/*
 * The files a form's file field posted, as a server action reads them (lib/actions/form-data.ts): one Blob, several,
 * or strings from a hand-crafted request. A file input left empty still posts one empty, nameless part; so does the
 * "Prendre une photo" input beside a drop zone. Pure: the actions and their tests share it.
 */

/**
 * The part a file input left empty posts: no bytes, no file name. The browser sends it with `filename=""`; Next's
 * multipart reader (busboy) takes an empty file name for none, and React hands the part to the action as a File
 * named "undefined" (Node's FormData given an undefined file name; "blob" in other runtimes), of type
 * application/octet-stream.
 */
const NAMES_OF_NONE = ["undefined", "blob"];

export function isUnusedInputPart(part: Blob): boolean {
  if (part.size > 0) return false;
  const name = "name" in part && typeof part.name === "string" ? part.name : "";
  return name === "" || (NAMES_OF_NONE.includes(name) && part.type === "application/octet-stream");
}

/** The files actually chosen in the field (or fields) of this name: unused inputs' parts and strings dropped. */
export function chosenFiles(value: unknown): Blob[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is Blob => v instanceof Blob && !isUnusedInputPart(v));
}

/** Whether the family chose at least one file (an optional document, such as a medical certificate, was given). */
export function hasChosenFiles(value: unknown): boolean {
  return chosenFiles(value).length > 0;
}
