import { describe, expect, it } from "vitest";
import { currentSectionIndex, READING_LINE_PX } from "./current-section";

describe("currentSectionIndex", () => {
  it("is the first section at the top of the page", () => {
    expect(currentSectionIndex([300, 900, 1500], false)).toBe(0);
  });

  it("is the last section whose heading passed the reading line", () => {
    expect(currentSectionIndex([-800, -10, READING_LINE_PX, 700], false)).toBe(2);
  });

  it("is the last section at the end of the page", () => {
    expect(currentSectionIndex([-900, -200, 400], true)).toBe(2);
  });

  it("is none without sections", () => {
    expect(currentSectionIndex([], false)).toBe(-1);
  });
});
