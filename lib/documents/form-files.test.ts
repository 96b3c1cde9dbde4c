import { describe, expect, it } from "vitest";
import { chosenFiles, hasChosenFiles } from "./form-files";

describe("chosenFiles", () => {
  const page = new File([new Uint8Array([1, 2, 3])], "recto.jpg", { type: "image/jpeg" });
  const back = new File([new Uint8Array([4])], "verso.jpg", { type: "image/jpeg" });
  const emptyPart = new File([], "", { type: "application/octet-stream" });

  it("keeps the chosen files in order and drops the empty part of an unused input", () => {
    expect(chosenFiles([page, emptyPart, back])).toEqual([page, back]);
    expect(chosenFiles(page)).toEqual([page]);
    expect(chosenFiles(emptyPart)).toEqual([]);
    expect(chosenFiles(undefined)).toEqual([]);
  });

  it("drops strings a hand-crafted form sends instead of files", () => {
    expect(chosenFiles(["recto.pdf", page])).toEqual([page]);
    expect(hasChosenFiles("recto.pdf")).toBe(false);
  });

  it("keeps a named empty file: the content check refuses it with its own message", () => {
    const named = new File([], "vide.pdf", { type: "application/pdf" });
    expect(chosenFiles(named)).toEqual([named]);
    expect(hasChosenFiles([emptyPart, named])).toBe(true);
  });
});
