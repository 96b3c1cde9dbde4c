import { describe, expect, it } from "vitest";
import { totalOfPage } from "./paged";

describe("totalOfPage", () => {
  const countApart = async () => 41;

  it("reads the total off the page's rows without counting apart", async () => {
    let counted = false;
    const total = await totalOfPage([{ total: 7 }, { total: 7 }], 3, async () => {
      counted = true;
      return 0;
    });
    expect([total, counted]).toEqual([7, false]);
  });

  it("counts apart for a page past the last, and knows an empty first page holds nothing", async () => {
    expect(await totalOfPage([], 5, countApart)).toBe(41);
    expect(await totalOfPage([], 1, countApart)).toBe(0);
  });
});
