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

  it('drops the empty part as Next hands it to an action (a File named "undefined")', () => {
    const fromNext = new File([], "undefined", { type: "application/octet-stream" });
    expect(chosenFiles([page, fromNext])).toEqual([page]);
    expect(hasChosenFiles(fromNext)).toBe(false);
    expect(hasChosenFiles(new File([], "blob", { type: "application/octet-stream" }))).toBe(false);
    expect(hasChosenFiles(new Blob([]))).toBe(false);
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
