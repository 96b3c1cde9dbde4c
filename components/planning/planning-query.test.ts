import { describe, expect, it } from "vitest";
import { parsePlanningQuery } from "./planning-query";

describe("planning view and date in the URL", () => {
  it("reads a view and a date, and falls back on anything malformed", () => {
    expect(parsePlanningQuery({ vue: "jour", date: "2026-12-03" }, "2026-11-23")).toEqual({
      vue: "jour",
      date: "2026-12-03",
      famille: undefined,
    });
    expect(parsePlanningQuery({ vue: "annee", date: "2026-02-30", famille: "x" }, "2026-11-23")).toEqual({
      vue: null,
      date: "2026-11-23",
      famille: undefined,
    });
    expect(parsePlanningQuery({ vue: ["mois", "jour"] }, "2026-11-23")).toMatchObject({
      vue: "mois",
      date: "2026-11-23",
    });
  });
});
