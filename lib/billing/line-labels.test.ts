import { describe, expect, it } from "vitest";
import { groupLines } from "./line-labels";

describe("invoice lines", () => {
  it("are grouped by child, then by activity, keeping their order", () => {
    const lines = [
      { id: 1, childName: "Léa", activityLabel: "Cantine" },
      { id: 2, childName: "Léa", activityLabel: "Péri" },
      { id: 3, childName: "Tom", activityLabel: "Cantine" },
      { id: 4, childName: "Léa", activityLabel: "Cantine" },
    ];
    expect(groupLines(lines)).toEqual([
      {
        childName: "Léa",
        activities: [
          { activityLabel: "Cantine", lines: [lines[0], lines[3]] },
          { activityLabel: "Péri", lines: [lines[1]] },
        ],
      },
      { childName: "Tom", activities: [{ activityLabel: "Cantine", lines: [lines[2]] }] },
    ]);
  });
});
